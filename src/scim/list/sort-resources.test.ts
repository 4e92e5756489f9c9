import { expect, it } from 'vitest'
import { parseAttributePath } from '../filter/parse-attribute-path.js'
import type { ScimResource } from '../resource/scim-resource.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { sortResources } from './sort-resources.js'

const ids = (resources: readonly ScimResource[]) => resources.map((resource) => resource.id)

function sortUsers(
  users: readonly ScimResource[],
  sortBy: string,
  sortOrder: 'ascending' | 'descending' = 'ascending',
) {
  return ids(sortResources(users, parseAttributePath(sortBy), sortOrder, userResourceSchema))
}

function catchError(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

it('sorts case-insensitive strings ignoring case', () => {
  const users = [
    { id: '1', userName: 'bob' },
    { id: '2', userName: 'Alice' },
    { id: '3', userName: 'carol' },
  ]

  expect(sortUsers(users, 'userName')).toEqual(['2', '1', '3'])
  expect(sortUsers(users, 'userName', 'descending')).toEqual(['3', '1', '2'])
})

it('sorts caseExact strings by code unit, upper case first', () => {
  const users = [
    { id: 'b', externalId: 'b' },
    { id: 'B', externalId: 'B' },
    { id: 'a', externalId: 'a' },
  ]

  expect(sortUsers(users, 'externalId')).toEqual(['B', 'a', 'b'])
})

it('sorts dateTimes as instants, not as text', () => {
  const user = (id: string, created: string) => ({
    id,
    meta: { resourceType: 'User', created, lastModified: created },
  })
  const users = [
    user('late', '2024-01-01T12:00:00Z'),
    user('early', '2024-01-01T12:00:00+02:00'),
    user('middle', '2024-01-01T11:30:00Z'),
  ]

  expect(sortUsers(users, 'meta.created')).toEqual(['early', 'middle', 'late'])
})

it('sorts booleans false before true', () => {
  const users = [
    { id: '1', active: true },
    { id: '2', active: false },
  ]

  expect(sortUsers(users, 'active')).toEqual(['2', '1'])
})

it('sorts by a sub-attribute of a complex attribute', () => {
  const users = [
    { id: '1', name: { familyName: 'Smith' } },
    { id: '2', name: { familyName: 'jensen' } },
  ]

  expect(sortUsers(users, 'name.familyName')).toEqual(['2', '1'])
})

it('sorts a multi-valued attribute by its primary value', () => {
  const users = [
    { id: '1', emails: [{ value: 'a@x.org' }, { value: 'z@x.org', primary: true }] },
    { id: '2', emails: [{ value: 'm@x.org', primary: true }, { value: 'b@x.org' }] },
  ]

  expect(sortUsers(users, 'emails.value')).toEqual(['2', '1'])
})

it('sorts a multi-valued attribute by its first value when none is primary', () => {
  const users = [
    { id: '1', emails: [{ value: 'z@x.org' }, { value: 'a@x.org' }] },
    { id: '2', emails: [{ value: 'm@x.org', primary: false }, { value: 'b@x.org' }] },
  ]

  expect(sortUsers(users, 'emails.value')).toEqual(['2', '1'])
})

it('sorts by an extension attribute', () => {
  const users = [
    { id: '1', [URN.enterpriseUser]: { department: 'Sales' } },
    { id: '2', [URN.enterpriseUser]: { department: 'R&D' } },
  ]

  expect(sortUsers(users, `${URN.enterpriseUser}:department`)).toEqual(['2', '1'])
})

it('resolves sortBy case-insensitively', () => {
  const users = [
    { id: '1', name: { givenName: 'Zoe' } },
    { id: '2', name: { givenName: 'Ann' } },
  ]

  expect(sortUsers(users, 'NAME.GivenName')).toEqual(['2', '1'])
})

it.each([
  { order: 'ascending' as const, expected: ['a', 'b', 'none', 'null', 'empty'] },
  { order: 'descending' as const, expected: ['none', 'null', 'empty', 'b', 'a'] },
])(
  'puts resources without a value per the $order rule of RFC 7644 §3.4.2.3',
  ({ order, expected }) => {
    const users = [
      { id: 'none' },
      { id: 'b', name: { familyName: 'B' } },
      { id: 'null', name: { familyName: null } },
      { id: 'a', name: { familyName: 'a' } },
      { id: 'empty', name: {} },
    ]

    expect(sortUsers(users, 'name.familyName', order)).toEqual(expected)
  },
)

it('treats a primary element without the sub-attribute as no value', () => {
  const users = [
    { id: '1', emails: [{ value: 'a@x.org' }, { type: 'work', primary: true }] },
    { id: '2', emails: [{ value: 'b@x.org' }] },
  ]

  expect(sortUsers(users, 'emails.value')).toEqual(['2', '1'])
})

it('keeps the input order of equal keys in both directions', () => {
  const users = [
    { id: '1', userName: 'same' },
    { id: '2', userName: 'SAME' },
    { id: '3', userName: 'other' },
    { id: '4', userName: 'Same' },
  ]

  expect(sortUsers(users, 'userName')).toEqual(['3', '1', '2', '4'])
  expect(sortUsers(users, 'userName', 'descending')).toEqual(['1', '2', '4', '3'])
})

it('returns a new array and leaves the input untouched', () => {
  const users = Object.freeze([
    { id: '2', userName: 'b' },
    { id: '1', userName: 'a' },
  ])

  const sorted = sortResources(users, { attribute: 'userName' }, 'ascending', userResourceSchema)

  expect(ids(sorted)).toEqual(['1', '2'])
  expect(ids(users)).toEqual(['2', '1'])
})

it('sorts groups by displayName', () => {
  const groups = [
    { id: 'g1', displayName: 'Sales' },
    { id: 'g2', displayName: 'Engineering' },
  ]

  expect(
    ids(sortResources(groups, { attribute: 'displayName' }, 'ascending', groupResourceSchema)),
  ).toEqual(['g2', 'g1'])
})

it.each([
  { sortBy: 'nickname2', reason: 'an unknown attribute' },
  { sortBy: 'name.nope', reason: 'an unknown sub-attribute' },
  { sortBy: 'urn:example:ext:1.0:Thing:value', reason: 'an unknown schema URN' },
  { sortBy: URN.enterpriseUser, reason: 'a whole extension' },
  { sortBy: 'name', reason: 'a complex attribute' },
  { sortBy: 'emails', reason: 'a multi-valued complex attribute' },
])('rejects $reason as sortBy with a 400 invalidValue', ({ sortBy }) => {
  const error = catchError(() => sortUsers([{ id: '1' }], sortBy))

  expect(error).toBeInstanceOf(ScimError)
  expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' })
  expect((error as ScimError).detail).toContain('sortBy')
})

it('sorts 100k resources quickly', () => {
  const users = Array.from({ length: 100_000 }, (_, index) => ({
    id: String(index),
    userName: `User${(index * 7919) % 100_000}`,
    emails: [{ value: `u${index}@x.org`, primary: true }],
  }))

  const started = performance.now()
  const sorted = sortResources(users, { attribute: 'userName' }, 'ascending', userResourceSchema)
  const elapsed = performance.now() - started

  expect(sorted[0]?.userName).toBe('User0')
  expect(elapsed).toBeLessThan(2000)
})
