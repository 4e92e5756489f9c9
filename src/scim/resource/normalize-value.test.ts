import { expect, test } from 'vitest'
import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { defineAttribute } from '../schema/define-attribute.js'
import { enterpriseUserSchema } from '../schema/enterprise-user-schema.js'
import { groupSchema } from '../schema/group-schema.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'
import { URN } from '../schema/urns.js'
import { userSchema } from '../schema/user-schema.js'
import { ScimError } from '../scim-error.js'
import {
  describeValue,
  isEqualValue,
  normalizeAttributes,
  normalizeValue,
} from './normalize-value.js'

const user = (name: string): AttributeDefinition => findAttribute(userSchema.attributes, name)!
const members = findAttribute(groupSchema.attributes, 'members')!
const manager = findAttribute(enterpriseUserSchema.attributes, 'manager')!

function expectInvalidValue(run: () => unknown, detail: string) {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ScimError)
  expect(caught).toMatchObject({ status: 400, scimType: 'invalidValue', detail })
}

test('keeps a string for a string attribute', () => {
  expect(normalizeValue(user('userName'), 'bjensen', 'userName')).toBe('bjensen')
})

test('rejects a number for a string attribute, naming the path', () => {
  expectInvalidValue(
    () => normalizeValue(user('userName'), 42, 'userName'),
    'Attribute "userName" must be a string, got 42',
  )
})

test('keeps a boolean for a boolean attribute', () => {
  expect(normalizeValue(user('active'), false, 'active')).toBe(false)
})

test.each([
  ['False', false],
  ['false', false],
  ['TRUE', true],
  ['True', true],
])('coerces the Entra string %j to %j', (input, expected) => {
  expect(normalizeValue(user('active'), input, 'active')).toBe(expected)
})

test('rejects a string that is not a boolean', () => {
  expectInvalidValue(
    () => normalizeValue(user('active'), 'maybe', 'active'),
    'Attribute "active" must be a boolean, got "maybe"',
  )
})

test('accepts an integer and rejects a fraction for an integer attribute', () => {
  const count = defineAttribute('count', 'integer')
  expect(normalizeValue(count, 3, 'count')).toBe(3)
  expectInvalidValue(
    () => normalizeValue(count, 1.5, 'count'),
    'Attribute "count" must be an integer, got 1.5',
  )
})

test('accepts a number and rejects a numeric string for a decimal attribute', () => {
  const ratio = defineAttribute('ratio', 'decimal')
  expect(normalizeValue(ratio, 0.25, 'ratio')).toBe(0.25)
  expectInvalidValue(
    () => normalizeValue(ratio, '0.25', 'ratio'),
    'Attribute "ratio" must be a number, got "0.25"',
  )
})

test('accepts a parseable dateTime string and rejects anything else', () => {
  const since = defineAttribute('since', 'dateTime')
  expect(normalizeValue(since, '2024-05-01T10:00:00Z', 'since')).toBe('2024-05-01T10:00:00Z')
  expectInvalidValue(
    () => normalizeValue(since, 'yesterday', 'since'),
    'Attribute "since" must be a dateTime string, got "yesterday"',
  )
})

test('returns undefined for null, which means unassigned', () => {
  expect(normalizeValue(user('title'), null, 'title')).toBeUndefined()
  expect(normalizeValue(user('emails'), null, 'emails')).toBeUndefined()
})

test('renames complex sub-attributes to their canonical spelling and drops unknown ones', () => {
  const name = normalizeValue(
    user('name'),
    { GIVENNAME: 'Barbara', familyname: 'Jensen', nick: 'x' },
    'name',
  )
  expect(name).toEqual({ givenName: 'Barbara', familyName: 'Jensen' })
})

test('drops readOnly sub-attributes clients send back', () => {
  expect(normalizeValue(members, [{ value: 'u1', display: 'Ann' }], 'members')).toEqual([
    { value: 'u1' },
  ])
  expect(normalizeValue(manager, { value: 'm1', displayName: 'Boss' }, 'manager')).toEqual({
    value: 'm1',
  })
})

test('returns undefined for a complex value with nothing assignable', () => {
  expect(normalizeValue(user('name'), { nickname: 'x' }, 'name')).toBeUndefined()
})

test('rejects a non-object for a complex attribute', () => {
  expectInvalidValue(
    () => normalizeValue(user('name'), 'Barbara', 'name'),
    'Attribute "name" must be an object, got "Barbara"',
  )
})

test('accepts the Entra bare id string for manager', () => {
  expect(normalizeValue(manager, 'm1', `${URN.enterpriseUser}:manager`)).toEqual({ value: 'm1' })
})

test('names the sub-attribute path in errors inside complex values', () => {
  expectInvalidValue(
    () => normalizeValue(user('emails'), [{ value: 'a@example.com', primary: 'yes' }], 'emails'),
    'Attribute "emails.primary" must be a boolean, got "yes"',
  )
})

test('normalises each element of a multi-valued attribute and drops null elements', () => {
  const emails = normalizeValue(
    user('emails'),
    [null, { Value: 'a@example.com', Type: 'work', Primary: 'True' }],
    'emails',
  )
  expect(emails).toEqual([{ value: 'a@example.com', type: 'work', primary: true }])
})

test('returns undefined for an empty array, which means unassigned', () => {
  expect(normalizeValue(user('emails'), [], 'emails')).toBeUndefined()
  expect(normalizeValue(user('emails'), [null], 'emails')).toBeUndefined()
})

test('rejects a non-array for a multi-valued attribute', () => {
  expectInvalidValue(
    () => normalizeValue(user('emails'), { value: 'a@example.com' }, 'emails'),
    'Attribute "emails" must be an array, got {"value":"a@example.com"}',
  )
})

test('rejects two primary values', () => {
  expectInvalidValue(
    () =>
      normalizeValue(
        user('emails'),
        [
          { value: 'a@example.com', primary: true },
          { value: 'b@example.com', primary: 'true' },
        ],
        'emails',
      ),
    'Attribute "emails" must have at most one primary value',
  )
})

test('normalises extension attributes with a URN path prefix', () => {
  const prefix = `${URN.enterpriseUser}:`
  expect(
    normalizeAttributes(enterpriseUserSchema.attributes, { Department: 'R&D', unknown: 1 }, prefix),
  ).toEqual({ department: 'R&D' })
  expectInvalidValue(
    () => normalizeAttributes(enterpriseUserSchema.attributes, { department: 7 }, prefix),
    `Attribute "${prefix}department" must be a string, got 7`,
  )
})

test('does not mutate its input', () => {
  const input = Object.freeze([Object.freeze({ Value: 'a@example.com', TYPE: 'work' })])
  normalizeValue(user('emails'), input, 'emails')
  expect(input).toEqual([{ Value: 'a@example.com', TYPE: 'work' }])
})

test('compares JSON values deeply, ignoring key order', () => {
  expect(isEqualValue({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true)
  expect(isEqualValue({ a: 1 }, { a: 1, b: undefined })).toBe(false)
  expect(isEqualValue([1, 2], [2, 1])).toBe(false)
  expect(isEqualValue({}, [])).toBe(false)
})

test('shortens long values in error details', () => {
  expect(describeValue('x'.repeat(100))).toHaveLength(60)
  expect(describeValue(undefined)).toBe('undefined')
})
