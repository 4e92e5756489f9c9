import { expect, test } from 'vitest'
import type { ResourceSchema } from '../schema/attribute-definition.js'
import { defineAttribute } from '../schema/define-attribute.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError, type ScimType } from '../scim-error.js'
import { normalizeResource } from './normalize-resource.js'
import type { ScimResource } from './scim-resource.js'

const ENTERPRISE = URN.enterpriseUser

const userBody = (): Record<string, unknown> => ({
  schemas: [URN.user],
  userName: 'bjensen',
})

function expectScimError(run: () => unknown, scimType: ScimType, detail?: string) {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ScimError)
  expect(caught).toMatchObject({ status: 400, scimType, ...(detail ? { detail } : {}) })
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

test('returns the client data of a minimal user', () => {
  expect(normalizeResource(userBody(), userResourceSchema)).toEqual({
    schemas: [URN.user],
    userName: 'bjensen',
  })
})

test.each([
  ['an array', []],
  ['a string', 'bjensen'],
  ['null', null],
])('rejects %s as the body with invalidSyntax', (_, input) => {
  expectScimError(() => normalizeResource(input, userResourceSchema), 'invalidSyntax')
})

test('rejects a body whose schemas lack the core URN', () => {
  const detail = `schemas must include ${URN.user}`
  expectScimError(
    () => normalizeResource({ userName: 'a' }, userResourceSchema),
    'invalidValue',
    detail,
  )
  expectScimError(
    () => normalizeResource({ schemas: URN.user, userName: 'a' }, userResourceSchema),
    'invalidValue',
    detail,
  )
  expectScimError(
    () => normalizeResource({ schemas: [URN.group], displayName: 'a' }, userResourceSchema),
    'invalidValue',
    detail,
  )
})

test('accepts the core URN and the schemas key in any case', () => {
  const result = normalizeResource(
    { SCHEMAS: [URN.user.toUpperCase()], userName: 'a' },
    userResourceSchema,
  )
  expect(result.schemas).toEqual([URN.user])
})

test('renames top-level attributes to their canonical spelling', () => {
  const result = normalizeResource(
    {
      schemas: [URN.user],
      UserName: 'bjensen',
      DISPLAYNAME: 'Babs',
      Name: { GivenName: 'Barbara' },
    },
    userResourceSchema,
  )
  expect(result).toEqual({
    schemas: [URN.user],
    userName: 'bjensen',
    displayName: 'Babs',
    name: { givenName: 'Barbara' },
  })
})

test('coerces values to their schema types', () => {
  const result = normalizeResource({ ...userBody(), active: 'False' }, userResourceSchema)
  expect(result.active).toBe(false)
})

test('rejects a value of the wrong type with invalidValue', () => {
  expectScimError(
    () => normalizeResource({ ...userBody(), active: 'maybe' }, userResourceSchema),
    'invalidValue',
    'Attribute "active" must be a boolean, got "maybe"',
  )
})

test('keeps extension attributes under the canonical URN and lists it in schemas', () => {
  const result = normalizeResource(
    { ...userBody(), [ENTERPRISE.toLowerCase()]: { Department: 'R&D', Manager: { Value: 'm1' } } },
    userResourceSchema,
  )
  expect(result).toEqual({
    schemas: [URN.user, ENTERPRISE],
    userName: 'bjensen',
    [ENTERPRISE]: { department: 'R&D', manager: { value: 'm1' } },
  })
})

test('accepts URN-qualified top-level keys', () => {
  const result = normalizeResource(
    {
      schemas: [URN.user],
      [`${URN.user}:userName`]: 'bjensen',
      [`${ENTERPRISE}:department`]: 'R&D',
      [`${ENTERPRISE}:manager.value`]: 'm1',
    },
    userResourceSchema,
  )
  expect(result).toEqual({
    schemas: [URN.user, ENTERPRISE],
    userName: 'bjensen',
    [ENTERPRISE]: { department: 'R&D', manager: { value: 'm1' } },
  })
})

test('drops unknown attributes and unknown extension URNs', () => {
  const result = normalizeResource(
    {
      ...userBody(),
      favouriteColour: 'blue',
      'urn:example:params:scim:schemas:extension:acme:2.0:User': { badge: 7 },
      'urn:example:params:scim:schemas:extension:acme:2.0:User:badge': 7,
      [`${ENTERPRISE}:shoeSize`]: 44,
    },
    userResourceSchema,
  )
  expect(result).toEqual({ schemas: [URN.user], userName: 'bjensen' })
})

test('ignores readOnly attributes such as id, meta and groups', () => {
  const result = normalizeResource(
    {
      ...userBody(),
      id: 'client-chosen',
      meta: { resourceType: 'User' },
      groups: [{ value: 'g1' }],
    },
    userResourceSchema,
  )
  expect(result).toEqual({ schemas: [URN.user], userName: 'bjensen' })
})

test('drops an extension whose attributes are all unknown or null', () => {
  const result = normalizeResource(
    { ...userBody(), schemas: [URN.user, ENTERPRISE], [ENTERPRISE]: { department: null, x: 1 } },
    userResourceSchema,
  )
  expect(result).toEqual({ schemas: [URN.user], userName: 'bjensen' })
})

test('rejects an extension that is not an object', () => {
  expectScimError(
    () => normalizeResource({ ...userBody(), [ENTERPRISE]: 'R&D' }, userResourceSchema),
    'invalidValue',
    `Extension "${ENTERPRISE}" must be an object, got "R&D"`,
  )
})

test('rejects a user without userName', () => {
  expectScimError(
    () => normalizeResource({ schemas: [URN.user], displayName: 'Babs' }, userResourceSchema),
    'invalidValue',
    'Attribute "userName" is required',
  )
})

test('rejects an empty userName', () => {
  expectScimError(
    () => normalizeResource({ schemas: [URN.user], userName: '' }, userResourceSchema),
    'invalidValue',
    'Attribute "userName" is required',
  )
})

test('rejects a group without displayName', () => {
  expectScimError(
    () => normalizeResource({ schemas: [URN.group], members: [] }, groupResourceSchema),
    'invalidValue',
    'Attribute "displayName" is required',
  )
})

test('normalises group members, dropping the readOnly display', () => {
  const result = normalizeResource(
    {
      schemas: [URN.group],
      displayName: 'Admins',
      members: [{ value: 'u1', display: 'Ann', Type: 'User' }],
    },
    groupResourceSchema,
  )
  expect(result).toEqual({
    schemas: [URN.group],
    displayName: 'Admins',
    members: [{ value: 'u1', type: 'User' }],
  })
})

test('keeps the stored password when a PUT omits it', () => {
  const existing: ScimResource = {
    schemas: [URN.user],
    id: 'u1',
    userName: 'bjensen',
    password: 'secret',
  }
  const result = normalizeResource({ ...userBody(), title: 'CEO' }, userResourceSchema, {
    existing,
  })
  expect(result).toEqual({
    schemas: [URN.user],
    userName: 'bjensen',
    title: 'CEO',
    password: 'secret',
  })
})

test('replaces the stored password when a PUT sends one', () => {
  const existing: ScimResource = { schemas: [URN.user], userName: 'bjensen', password: 'secret' }
  const result = normalizeResource({ ...userBody(), password: 'new' }, userResourceSchema, {
    existing,
  })
  expect(result.password).toBe('new')
})

test('clears other attributes a PUT omits', () => {
  const existing: ScimResource = { schemas: [URN.user], userName: 'bjensen', title: 'CEO' }
  expect(normalizeResource(userBody(), userResourceSchema, { existing })).toEqual({
    schemas: [URN.user],
    userName: 'bjensen',
  })
})

const badgeSchema = (): ResourceSchema => ({
  ...userResourceSchema,
  core: {
    ...userResourceSchema.core,
    attributes: [
      ...userResourceSchema.core.attributes,
      defineAttribute('badge', 'string', { mutability: 'immutable' }),
    ],
  },
})

test('rejects a PUT that changes an immutable attribute', () => {
  const existing: ScimResource = { schemas: [URN.user], userName: 'bjensen', badge: 'B-1' }
  expectScimError(
    () => normalizeResource({ ...userBody(), badge: 'B-2' }, badgeSchema(), { existing }),
    'mutability',
    'Attribute "badge" is immutable and already has a value',
  )
})

test('accepts a PUT that repeats or omits an immutable attribute', () => {
  const existing: ScimResource = { schemas: [URN.user], userName: 'bjensen', badge: 'B-1' }
  expect(
    normalizeResource({ ...userBody(), badge: 'B-1' }, badgeSchema(), { existing }).badge,
  ).toBe('B-1')
  expect(normalizeResource(userBody(), badgeSchema(), { existing }).badge).toBe('B-1')
})

test('accepts a POST that sets an immutable attribute', () => {
  expect(normalizeResource({ ...userBody(), badge: 'B-2' }, badgeSchema()).badge).toBe('B-2')
})

test('does not mutate its input', () => {
  const input = deepFreeze({
    schemas: [URN.user],
    UserName: 'bjensen',
    emails: [{ Value: 'a@example.com', primary: 'true' }],
    [ENTERPRISE]: { Department: 'R&D' },
  })
  const snapshot = structuredClone(input)
  normalizeResource(input, userResourceSchema)
  expect(input).toEqual(snapshot)
})
