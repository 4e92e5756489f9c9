import { URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  createUser,
  expectRejected,
  patchBody,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

// RFC 7644 §3.9: attributes / excludedAttributes on every response that
// carries a resource; id and schemas are always returned, password never.

const { provider } = useScimServer()

const fullUser = () =>
  userBody('shape@example.com', {
    name: { givenName: 'Shape', familyName: 'Shifter' },
    displayName: 'Shape Shifter',
    emails: [{ value: 'shape@example.com', type: 'work', primary: true }],
    password: 'never-returned',
    [URN.enterpriseUser]: { department: 'R&D', costCenter: '7' },
  })

it.each([
  ['userName', (user: Record<string, unknown>) => ({ userName: user.userName })],
  ['USERNAME,displayName', (user) => ({ userName: user.userName, displayName: user.displayName })],
  ['name.givenName', () => ({ name: { givenName: 'Shape' } })],
  ['emails.value', () => ({ emails: [{ value: 'shape@example.com' }] })],
  [`${URN.enterpriseUser}:department`, () => ({ [URN.enterpriseUser]: { department: 'R&D' } })],
  ['id,schemas', () => ({})],
  ['password', () => ({})],
  ['shoeSize', () => ({})],
])('returns only id, schemas and %s on GET with attributes', async (attributes, expected) => {
  const user = await createUser('shape@example.com', fullUser())

  const result = await send('GET', `/Users/${user.id}?attributes=${encodeURIComponent(attributes)}`)

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({ schemas: user.schemas, id: user.id, ...expected(user) })
})

it('drops excludedAttributes on GET but keeps id and schemas', async () => {
  const user = await createUser('shape@example.com', fullUser())

  const result = await send(
    'GET',
    `/Users/${user.id}?excludedAttributes=emails,name,id,schemas,${URN.enterpriseUser}`,
  )

  const { emails: _e, name: _n, [URN.enterpriseUser]: _x, ...expected } = user
  expect(result.body).toStrictEqual(expected)
})

it('never returns the password, even when asked for it', async () => {
  const user = await createUser('shape@example.com', fullUser())

  const list = await send('GET', '/Users?attributes=password,userName&filter=password%20pr')
  const single = await send('GET', `/Users/${user.id}?attributes=password`)

  expect(list.body.Resources).toEqual([
    { schemas: user.schemas, id: user.id, userName: user.userName },
  ])
  expect(single.body).not.toHaveProperty('password')
})

it('projects every resource of a list', async () => {
  const result = await send('GET', '/Users?attributes=userName&count=3')

  expect(result.body.Resources).toEqual(
    provider.users
      .list()
      .slice(0, 3)
      .map((user) => ({ schemas: user.schemas, id: user.id, userName: user.userName })),
  )
})

it('excludes attributes from every resource of a list', async () => {
  const result = await send('GET', '/Users?excludedAttributes=meta,emails&count=2')

  for (const user of result.body.Resources) {
    expect(user).not.toHaveProperty('meta')
    expect(user).not.toHaveProperty('emails')
    expect(user).toHaveProperty('userName')
  }
})

it('projects the POST response and keeps Location and ETag', async () => {
  const result = await send('POST', '/Users?attributes=userName', { json: fullUser() })

  expect(result.status).toBe(201)
  expect(result.body).toStrictEqual({
    schemas: [URN.user, URN.enterpriseUser],
    id: expect.any(String),
    userName: 'shape@example.com',
  })
  const stored = provider.users.get(result.body.id)!
  expect(result.headers.get('location')).toBe(stored.meta.location)
  expect(result.headers.get('etag')).toBe(stored.meta.version)
})

it('projects the PUT response', async () => {
  const user = await createUser('shape@example.com', fullUser())

  const result = await send('PUT', `/Users/${user.id}?excludedAttributes=meta,name`, {
    json: fullUser(),
  })

  expect(result.status).toBe(200)
  expect(result.body).not.toHaveProperty('meta')
  expect(result.body).not.toHaveProperty('name')
  expect(result.body.displayName).toBe('Shape Shifter')
  expect(result.headers.get('etag')).toBe(provider.users.get(user.id)!.meta.version)
})

it('projects the PATCH response', async () => {
  const user = await createUser('shape@example.com', fullUser())

  const result = await send('PATCH', `/Users/${user.id}?attributes=active`, {
    json: patchBody({ op: 'replace', value: { active: false } }),
  })

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({ schemas: user.schemas, id: user.id, active: false })
})

it('excludes members from a group', async () => {
  const group = provider.groups.list().find((candidate) => candidate.members?.length)!

  const result = await send('GET', `/Groups/${group.id}?excludedAttributes=members`)

  const { members: _, ...expected } = group
  expect(result.body).toStrictEqual(expected)
})

it.each([
  ['attributes', 'name..givenName'],
  ['excludedAttributes', 'emails[type'],
])('returns 400 invalidValue for a malformed %s', async (parameter, value) => {
  const user = provider.users.list()[0]!

  await expectRejected(
    provider,
    () => send('GET', `/Users/${user.id}?${parameter}=${encodeURIComponent(value)}`),
    400,
    'invalidValue',
  )
})
