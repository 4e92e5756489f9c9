import { expect, test } from 'vitest'
import { findMismatches, matchesPartial } from './match-partial.js'

const jane = {
  userName: 'jane@example.com',
  active: true,
  name: { givenName: 'Jane', familyName: 'Doe' },
  emails: [
    { value: 'jane@example.com', primary: true },
    { value: 'jd@example.com', type: 'home' },
  ],
  loginCount: 0,
}

test.each<[string, unknown]>([
  ['an empty object', {}],
  ['the given fields only', { userName: 'jane@example.com', active: true }],
  ['nested objects on their given fields', { name: { givenName: 'Jane' } }],
  ['array items in any order', { emails: [{ type: 'home' }, { primary: true }] }],
  ['zero and false as values', { loginCount: 0, active: true }],
  ['null for a missing value', { title: null }],
])('matches %s', (_, expected) => {
  expect(findMismatches(expected, jane)).toEqual([])
  expect(matchesPartial(expected, jane)).toBe(true)
})

test.each<[string, unknown, string[]]>([
  [
    'a different string, exactly',
    { userName: 'JANE@example.com' },
    ['userName: expected "JANE@example.com", found "jane@example.com"'],
  ],
  ['a missing field', { title: 'CTO' }, ['title: expected "CTO", found nothing']],
  [
    'a nested field',
    { name: { familyName: 'Roe' } },
    ['name.familyName: expected "Roe", found "Doe"'],
  ],
  [
    'an array item that is not there',
    { emails: [{ value: 'x@example.com' }] },
    [
      expect.stringMatching(
        /^emails\[0\]: no item matches \{"value":"x@example.com"\}, found \[/,
      ) as unknown as string,
    ],
  ],
  [
    'a type that differs',
    { active: 'true', name: 'Jane' },
    [
      'active: expected "true", found true',
      'name: expected "Jane", found {"givenName":"Jane","familyName":"Doe"}',
    ],
  ],
  ['null when there is a value', { active: null }, ['active: expected null, found true']],
  [
    'an array where there is none',
    { name: [] },
    ['name: expected an array, found {"givenName":"Jane","familyName":"Doe"}'],
  ],
])('reports %s', (_, expected, mismatches) => {
  expect(findMismatches(expected, jane)).toEqual(mismatches)
  expect(matchesPartial(expected, jane)).toBe(false)
})

test('says where two long texts part instead of cutting them short', () => {
  const long = `Automatic provisioning of user Jane Doe to app Acme failed: ${'x'.repeat(100)} exists`

  expect(findMismatches({ message: long.replace('exists', 'exist') }, { message: long })).toEqual([
    'message: they differ from character 167: expected "…xxxxxxxxxxxxxx exist", found "…xxxxxxxxxxxxxx exists"',
  ])
})
