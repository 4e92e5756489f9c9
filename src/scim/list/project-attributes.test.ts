import { expect, it } from 'vitest'
import { parseAttributePath } from '../filter/parse-attribute-path.js'
import type { ScimResource } from '../resource/scim-resource.js'
import type { ResourceSchema } from '../schema/attribute-definition.js'
import { defineAttribute } from '../schema/define-attribute.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { projectAttributes } from './project-attributes.js'

const paths = (...texts: string[]) => texts.map(parseAttributePath)

function createUser(): ScimResource {
  return {
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
    externalId: 'bjensen',
    userName: 'bjensen@example.com',
    name: { familyName: 'Jensen', givenName: 'Barbara' },
    password: 't1meMa$heen',
    active: true,
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    [URN.enterpriseUser]: {
      department: 'R&D',
      manager: { value: '26118915', displayName: 'John' },
    },
    meta: {
      resourceType: 'User',
      created: '2024-01-01T00:00:00Z',
      lastModified: '2024-01-01T00:00:00Z',
    },
  }
}

function withoutPassword(user: ScimResource): ScimResource {
  const { password: _, ...rest } = user
  return rest
}

it('returns every attribute but the password when there is no selection', () => {
  const user = createUser()

  const projected = projectAttributes(user, userResourceSchema, {})

  expect(projected).toEqual(withoutPassword(user))
  expect(Object.keys(projected)).toEqual(Object.keys(withoutPassword(user)))
})

it('never returns the password, even when attributes names it', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('password', 'userName'),
  })

  expect(projected).toEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
    userName: 'bjensen@example.com',
  })
})

it('returns a new object and leaves the input untouched', () => {
  const user = createUser()
  const snapshot = structuredClone(user)

  const all = projectAttributes(user, userResourceSchema, {})
  const some = projectAttributes(user, userResourceSchema, { attributes: paths('name.givenName') })
  const fewer = projectAttributes(user, userResourceSchema, {
    excludedAttributes: paths('emails.value'),
  })

  expect(user).toEqual(snapshot)
  for (const projected of [all, some, fewer]) expect(projected).not.toBe(user)
})

it('copies a group without hidden attributes key for key', () => {
  const group: ScimResource = { schemas: [URN.group], id: 'g1', displayName: 'Eng', members: [] }

  const projected = projectAttributes(group, groupResourceSchema, {})

  expect(projected).toEqual(group)
  expect(projected).not.toBe(group)
})

it('returns only the always attributes and the named ones when attributes is given', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('userName', 'active'),
  })

  expect(projected).toEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
    userName: 'bjensen@example.com',
    active: true,
  })
})

it('keeps the key order of the resource, not of the selection', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('meta', 'active', 'userName'),
  })

  expect(Object.keys(projected)).toEqual(['schemas', 'id', 'userName', 'active', 'meta'])
})

it('reduces a complex attribute to the named sub-attribute', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('name.givenName'),
  })

  expect(projected.name).toEqual({ givenName: 'Barbara' })
})

it('reduces every element of a multi-valued attribute to the named sub-attribute', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('emails.value'),
  })

  expect(projected.emails).toEqual([{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }])
})

it('returns the whole attribute when both it and a sub-attribute are named', () => {
  const user = createUser()

  for (const order of [
    ['name', 'name.givenName'],
    ['name.givenName', 'name'],
  ]) {
    const projected = projectAttributes(user, userResourceSchema, { attributes: paths(...order) })
    expect(projected.name).toEqual(user.name)
  }
})

it('omits a named sub-attribute the resource does not have', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('name.middleName', 'emails.display'),
  })

  expect(projected).not.toHaveProperty('name')
  expect(projected).not.toHaveProperty('emails')
})

it('matches attribute names case-insensitively but returns canonical keys', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths(
      'USERNAME',
      'Name.GIVENNAME',
      `${URN.enterpriseUser.toUpperCase()}:DEPARTMENT`,
    ),
  })

  expect(projected).toEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
    userName: 'bjensen@example.com',
    name: { givenName: 'Barbara' },
    [URN.enterpriseUser]: { department: 'R&D' },
  })
})

it('selects the whole extension by its bare URN', () => {
  const user = createUser()

  const projected = projectAttributes(user, userResourceSchema, {
    attributes: paths(URN.enterpriseUser),
  })

  expect(projected).toEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
    [URN.enterpriseUser]: user[URN.enterpriseUser],
  })
})

it('selects one extension attribute or sub-attribute by its URN-prefixed path', () => {
  const user = createUser()

  const department = projectAttributes(user, userResourceSchema, {
    attributes: paths(`${URN.enterpriseUser}:department`),
  })
  const manager = projectAttributes(user, userResourceSchema, {
    attributes: paths(`${URN.enterpriseUser}:manager.value`),
  })

  expect(department[URN.enterpriseUser]).toEqual({ department: 'R&D' })
  expect(manager[URN.enterpriseUser]).toEqual({ manager: { value: '26118915' } })
})

it('selects core attributes by their core-URN-prefixed path', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths(`${URN.user}:userName`),
  })

  expect(projected.userName).toBe('bjensen@example.com')
})

it('returns meta by default and only when named if attributes is given', () => {
  const user = createUser()

  expect(projectAttributes(user, userResourceSchema, {}).meta).toEqual(user.meta)
  expect(
    projectAttributes(user, userResourceSchema, { attributes: paths('userName') }),
  ).not.toHaveProperty('meta')
  expect(
    projectAttributes(user, userResourceSchema, { attributes: paths('meta.created') }).meta,
  ).toEqual({ created: '2024-01-01T00:00:00Z' })
})

it('removes the attributes named by excludedAttributes', () => {
  const user = createUser()

  const projected = projectAttributes(user, userResourceSchema, {
    excludedAttributes: paths('emails', 'meta', 'externalId'),
  })

  const { emails: _e, meta: _m, externalId: _x, ...expected } = withoutPassword(user)
  expect(projected).toEqual(expected)
})

it('removes only the named sub-attribute when excludedAttributes names one', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    excludedAttributes: paths('name.familyName', 'emails.type'),
  })

  expect(projected.name).toEqual({ givenName: 'Barbara' })
  expect(projected.emails).toEqual([
    { value: 'bjensen@example.com', primary: true },
    { value: 'babs@jensen.org' },
  ])
})

it('excludes the whole extension by its bare URN or one of its attributes', () => {
  const user = createUser()

  const whole = projectAttributes(user, userResourceSchema, {
    excludedAttributes: paths(URN.enterpriseUser),
  })
  const one = projectAttributes(user, userResourceSchema, {
    excludedAttributes: paths(`${URN.enterpriseUser}:manager`),
  })

  expect(whole).not.toHaveProperty(URN.enterpriseUser)
  expect(whole.userName).toBe('bjensen@example.com')
  expect(one[URN.enterpriseUser]).toEqual({ department: 'R&D' })
})

it('omits an extension object that exclusion leaves empty', () => {
  const user = { ...createUser(), [URN.enterpriseUser]: { department: 'R&D' } }

  const projected = projectAttributes(user, userResourceSchema, {
    excludedAttributes: paths(`${URN.enterpriseUser}:department`),
  })

  expect(projected).not.toHaveProperty(URN.enterpriseUser)
})

it('ignores excludedAttributes for always attributes', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    excludedAttributes: paths('id', 'schemas', 'userName'),
  })

  expect(projected).toMatchObject({ schemas: [URN.user, URN.enterpriseUser], id: '2819c223' })
  expect(projected).not.toHaveProperty('userName')
})

it('lets attributes win when excludedAttributes is also given', () => {
  const projected = projectAttributes(createUser(), userResourceSchema, {
    attributes: paths('userName', 'emails'),
    excludedAttributes: paths('emails', 'userName'),
  })

  expect(projected).toMatchObject({ userName: 'bjensen@example.com', emails: expect.any(Array) })
})

it('ignores names that match no attribute of the resource type', () => {
  const user = createUser()

  expect(
    projectAttributes(user, userResourceSchema, { excludedAttributes: paths('nope', 'name.nope') }),
  ).toEqual(withoutPassword(user))
  expect(projectAttributes(user, userResourceSchema, { attributes: paths('nope') })).toEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: '2819c223',
  })
})

it('treats empty selection lists as no selection', () => {
  const user = createUser()

  expect(
    projectAttributes(user, userResourceSchema, { attributes: [], excludedAttributes: [] }),
  ).toEqual(withoutPassword(user))
})

it('treats keys unknown to the schema as default attributes', () => {
  const user = { ...createUser(), 'x-custom': 1 }

  expect(projectAttributes(user, userResourceSchema, {})).toHaveProperty('x-custom', 1)
  expect(
    projectAttributes(user, userResourceSchema, { attributes: paths('userName') }),
  ).not.toHaveProperty('x-custom')
})

function createSecretSchema(): ResourceSchema {
  return {
    name: 'Device',
    endpoint: '/Devices',
    core: {
      id: 'urn:example:Device',
      name: 'Device',
      description: 'Device',
      attributes: [
        defineAttribute('label', 'string'),
        defineAttribute('serial', 'string', { returned: 'request' }),
        defineAttribute('owner', 'complex', {
          returned: 'always',
          subAttributes: [
            defineAttribute('value', 'string'),
            defineAttribute('pin', 'string', { returned: 'never' }),
            defineAttribute('note', 'string', { returned: 'request' }),
          ],
        }),
      ],
    },
    extensions: [],
  }
}

function createDevice(): ScimResource {
  return {
    schemas: ['urn:example:Device'],
    id: 'd1',
    label: 'laptop',
    serial: 'SN-1',
    owner: { value: 'u1', pin: '0000', note: 'VIP' },
  }
}

it('returns request attributes only when attributes names them', () => {
  const schema = createSecretSchema()
  const device = createDevice()

  expect(projectAttributes(device, schema, {})).not.toHaveProperty('serial')
  expect(
    projectAttributes(device, schema, { excludedAttributes: paths('label') }),
  ).not.toHaveProperty('serial')
  expect(projectAttributes(device, schema, { attributes: paths('serial') })).toHaveProperty(
    'serial',
    'SN-1',
  )
})

it('applies never, request and always to sub-attributes', () => {
  const schema = createSecretSchema()
  const device = createDevice()

  expect(projectAttributes(device, schema, {}).owner).toEqual({ value: 'u1' })
  expect(projectAttributes(device, schema, { attributes: paths('label') }).owner).toEqual({
    value: 'u1',
  })
  expect(
    projectAttributes(device, schema, { attributes: paths('owner.note', 'owner.pin') }).owner,
  ).toEqual({ value: 'u1', note: 'VIP' })
  expect(projectAttributes(device, schema, { excludedAttributes: paths('owner') }).owner).toEqual({
    value: 'u1',
  })
})

it('projects 100k resources without a selection quickly', () => {
  const users = Array.from({ length: 100_000 }, (_, index) => ({
    ...createUser(),
    id: `u${index}`,
  }))

  const started = performance.now()
  for (const user of users) projectAttributes(user, userResourceSchema, {})
  const elapsed = performance.now() - started

  expect(elapsed).toBeLessThan(2000)
})
