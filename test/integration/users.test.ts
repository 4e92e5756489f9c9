import { URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  createGroup,
  createUser,
  expectRejected,
  groupBody,
  patchBody,
  SCIM_JSON,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

it('creates a user with 201, Location, ETag and the stored resource as body', async () => {
  const result = await send('POST', '/Users', {
    json: userBody('Jane.Doe@example.com', {
      name: { givenName: 'Jane', familyName: 'Doe' },
      emails: [{ value: 'jane@example.com', type: 'work', primary: true }],
      active: true,
      password: 'correct horse',
    }),
  })

  expect(result.status).toBe(201)
  expect(result.headers.get('content-type')).toBe(SCIM_JSON)
  const user = result.body
  expect(user).toStrictEqual({
    schemas: [URN.user],
    id: expect.any(String),
    userName: 'Jane.Doe@example.com',
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ value: 'jane@example.com', type: 'work', primary: true }],
    active: true,
    meta: {
      resourceType: 'User',
      created: expect.any(String),
      lastModified: expect.any(String),
      version: expect.stringMatching(/^W\/".+"$/),
      location: `${BASE_URL}/Users/${user.id}`,
    },
  })
  expect(result.headers.get('location')).toBe(user.meta.location)
  expect(result.headers.get('etag')).toBe(user.meta.version)
  expect(user.meta.created).toBe(user.meta.lastModified)
  expect(provider.users.count()).toBe(21)
  expect(provider.users.get(user.id)).toStrictEqual(user)
})

it('returns a user by id as the store holds it', async () => {
  const stored = provider.users.list()[3]!

  const result = await send('GET', `/Users/${stored.id}`)

  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe(SCIM_JSON)
  expect(result.headers.get('etag')).toBe(stored.meta.version)
  expect(result.body).toStrictEqual(stored)
})

it('returns 404 for an unknown user id', async () => {
  await expectRejected(provider, () => send('GET', '/Users/no-such-user'), 404)
})

it('returns 404 for a group id on /Users', async () => {
  const group = provider.groups.list()[0]!

  await expectRejected(provider, () => send('GET', `/Users/${group.id}`), 404)
})

it('replaces a user on PUT, clearing the attributes the body omits', async () => {
  const user = await createUser('put.me@example.com', {
    displayName: 'Put Me',
    title: 'Engineer',
    name: { givenName: 'Put', familyName: 'Me' },
  })

  const result = await send('PUT', `/Users/${user.id}`, {
    json: userBody('put.me@example.com', { displayName: 'Replaced' }),
  })

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({
    schemas: [URN.user],
    id: user.id,
    userName: 'put.me@example.com',
    displayName: 'Replaced',
    meta: {
      ...user.meta,
      lastModified: expect.any(String),
      version: expect.not.stringMatching(`^${user.meta.version}$`),
    },
  })
  expect(result.headers.get('etag')).toBe(result.body.meta.version)
  expect(provider.users.get(user.id)).toStrictEqual(result.body)
})

it('keeps the password on a PUT that omits it', async () => {
  const user = await createUser('secretive@example.com', { password: 'hunter2' })

  const result = await send('PUT', `/Users/${user.id}`, {
    json: userBody('secretive@example.com', { title: 'Spy' }),
  })

  expect(result.status).toBe(200)
  expect(result.body).not.toHaveProperty('password')
  // password is never returned (RFC 7643 §4.1.1); a filter is the only window on it.
  expect(provider.users.find('password pr').map((found) => found.id)).toEqual([user.id])
})

it('ignores readOnly id and meta in a PUT body', async () => {
  const user = await createUser('readonly@example.com')

  const result = await send('PUT', `/Users/${user.id}`, {
    json: userBody('readonly@example.com', {
      id: 'forged-id',
      meta: { created: '1999-01-01T00:00:00.000Z', version: 'W/"forged"', resourceType: 'Group' },
    }),
  })

  expect(result.status).toBe(200)
  expect(result.body.id).toBe(user.id)
  expect(result.body.meta).toMatchObject({ created: user.meta.created, resourceType: 'User' })
  expect(result.body.meta.version).not.toBe('W/"forged"')
  expect(provider.users.get('forged-id')).toBeUndefined()
})

it('returns 404 for PUT on an unknown user', async () => {
  await expectRejected(
    provider,
    () => send('PUT', '/Users/no-such-user', { json: userBody('ghost@example.com') }),
    404,
  )
})

it('deletes a user with 204 and no body, then answers 404', async () => {
  const user = provider.users.list()[0]!

  const deleted = await send('DELETE', `/Users/${user.id}`)

  expect(deleted.status).toBe(204)
  expect(deleted.body).toBeUndefined()
  expect(provider.users.get(user.id)).toBeUndefined()
  expect(provider.users.count()).toBe(19)
  await expectRejected(provider, () => send('GET', `/Users/${user.id}`), 404)
  await expectRejected(provider, () => send('DELETE', `/Users/${user.id}`), 404)
})

it('removes a deleted user from its groups and changes their versions', async () => {
  const [alice, bob] = [await createUser('alice@example.com'), await createUser('bob@example.com')]
  const group = await createGroup('Deletion', {
    members: [{ value: alice.id }, { value: bob.id }],
  })

  expect((await send('DELETE', `/Users/${alice.id}`)).status).toBe(204)

  const after = await send('GET', `/Groups/${group.id}`)
  expect(after.body.members.map((member: { value: string }) => member.value)).toEqual([bob.id])
  expect(after.body.meta.version).not.toBe(group.meta.version)
  expect(after.headers.get('etag')).toBe(after.body.meta.version)
})

it('derives a user’s groups from the groups’ members', async () => {
  const user = await createUser('member@example.com')
  const group = await createGroup('Derived', { members: [{ value: user.id }] })

  const result = await send('GET', `/Users/${user.id}`)

  expect(result.body.groups).toStrictEqual([
    {
      value: group.id,
      $ref: `${BASE_URL}/Groups/${group.id}`,
      display: 'Derived',
      type: 'direct',
    },
  ])
})

it('ignores groups in a POST body, since groups is readOnly', async () => {
  const group = provider.groups.list()[0]!

  const user = await createUser('joiner@example.com', {
    groups: [{ value: group.id, display: group.displayName }],
  })

  expect(user).not.toHaveProperty('groups')
  expect(provider.groups.get(group.id)).toStrictEqual(group)
})

it('returns 400 mutability on a PATCH of groups', async () => {
  const user = await createUser('patcher@example.com')
  const group = provider.groups.list()[0]!

  await expectRejected(
    provider,
    () =>
      send('PATCH', `/Users/${user.id}`, {
        json: patchBody({ op: 'add', path: 'groups', value: [{ value: group.id }] }),
      }),
    400,
    'mutability',
  )
})

it.each([
  ['POST', 'the same case', 'taken@example.com'],
  ['POST', 'another case', 'TAKEN@Example.COM'],
])(
  'returns 409 uniqueness on %s when userName is taken in %s',
  async (_method, _case, userName) => {
    await createUser('taken@example.com')

    await expectRejected(
      provider,
      () => send('POST', '/Users', { json: userBody(userName) }),
      409,
      'uniqueness',
    )
  },
)

it('returns 409 uniqueness on PUT when userName is taken in another case', async () => {
  const [first, second] = provider.users.list()

  await expectRejected(
    provider,
    () => send('PUT', `/Users/${second!.id}`, { json: userBody(first!.userName.toUpperCase()) }),
    409,
    'uniqueness',
  )
})

it('returns 409 uniqueness on PATCH when userName is taken in another case', async () => {
  const [first, second] = provider.users.list()

  await expectRejected(
    provider,
    () =>
      send('PATCH', `/Users/${second!.id}`, {
        json: patchBody({ op: 'replace', path: 'userName', value: first!.userName.toUpperCase() }),
      }),
    409,
    'uniqueness',
  )
})

it('lets a user change the case of its own userName', async () => {
  const user = await createUser('casey@example.com')

  const result = await send('PUT', `/Users/${user.id}`, { json: userBody('Casey@Example.com') })

  expect(result.status).toBe(200)
  expect(result.body.userName).toBe('Casey@Example.com')
})

it('frees a deleted user’s userName', async () => {
  const user = await createUser('recycled@example.com')
  await send('DELETE', `/Users/${user.id}`)

  const again = await send('POST', '/Users', { json: userBody('RECYCLED@example.com') })

  expect(again.status).toBe(201)
  expect(again.body.id).not.toBe(user.id)
})

it('accepts enterprise extension attributes on POST and lists the extension URN', async () => {
  const user = await createUser('enterprise@example.com', {
    schemas: [URN.user, URN.enterpriseUser],
    [URN.enterpriseUser]: { employeeNumber: '42', department: 'R&D', manager: { value: 'boss' } },
  })

  expect(user.schemas).toEqual([URN.user, URN.enterpriseUser])
  expect(user[URN.enterpriseUser]).toMatchObject({ employeeNumber: '42', department: 'R&D' })
})

it('creates a group with a user member and shows the group on the user', async () => {
  const user = provider.users.list()[5]!
  const result = await send('POST', '/Groups', {
    json: groupBody('With member', { members: [{ value: user.id }] }),
  })

  expect(result.status).toBe(201)
  const groups = provider.users.get(user.id)!.groups ?? []
  expect(groups.map((group) => group.value)).toContain(result.body.id)
})
