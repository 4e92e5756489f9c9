import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  createGroup,
  createUser,
  expectRejected,
  expectScimError,
  groupBody,
  patchBody,
  readResult,
  scimRequest,
  send,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

const memberIds = (group: { members?: Array<{ value: string }> }) =>
  (group.members ?? []).map((member) => member.value)

it('creates a group with 201, Location, ETag and rendered members', async () => {
  const user = provider.users.list()[0]!

  const result = await send('POST', '/Groups', {
    json: groupBody('Engineering', { externalId: 'okta-1', members: [{ value: user.id }] }),
  })

  expect(result.status).toBe(201)
  const group = result.body
  expect(group).toStrictEqual({
    schemas: [URN.group],
    id: expect.any(String),
    displayName: 'Engineering',
    externalId: 'okta-1',
    members: [
      {
        value: user.id,
        $ref: `${BASE_URL}/Users/${user.id}`,
        display: user.displayName,
        type: 'User',
      },
    ],
    meta: {
      resourceType: 'Group',
      created: expect.any(String),
      lastModified: expect.any(String),
      version: expect.stringMatching(/^W\/".+"$/),
      location: `${BASE_URL}/Groups/${group.id}`,
    },
  })
  expect(result.headers.get('location')).toBe(group.meta.location)
  expect(result.headers.get('etag')).toBe(group.meta.version)
  expect(provider.groups.get(group.id)).toStrictEqual(group)
})

it('creates a group with a group member', async () => {
  const inner = provider.groups.list()[0]!

  const outer = await createGroup('Outer', { members: [{ value: inner.id }] })

  expect(outer.members).toStrictEqual([
    {
      value: inner.id,
      $ref: `${BASE_URL}/Groups/${inner.id}`,
      display: inner.displayName,
      type: 'Group',
    },
  ])
})

it('returns a group by id as the store holds it', async () => {
  const stored = provider.groups.list()[1]!

  const result = await send('GET', `/Groups/${stored.id}`)

  expect(result.status).toBe(200)
  expect(result.headers.get('etag')).toBe(stored.meta.version)
  expect(result.body).toStrictEqual(stored)
})

it('returns 404 for an unknown group id', async () => {
  await expectRejected(provider, () => send('GET', '/Groups/no-such-group'), 404)
})

it('returns 400 invalidValue when a POST names an unknown member', async () => {
  await expectRejected(
    provider,
    () =>
      send('POST', '/Groups', { json: groupBody('Ghosts', { members: [{ value: 'nobody' }] }) }),
    400,
    'invalidValue',
  )
})

it('returns 400 invalidValue when a PATCH adds an unknown member', async () => {
  const group = provider.groups.list()[0]!

  await expectRejected(
    provider,
    () =>
      send('PATCH', `/Groups/${group.id}`, {
        json: patchBody({ op: 'add', path: 'members', value: [{ value: 'nobody' }] }),
      }),
    400,
    'invalidValue',
  )
})

it('returns 400 invalidValue when a PUT names an unknown member', async () => {
  const group = provider.groups.list()[0]!

  await expectRejected(
    provider,
    () =>
      send('PUT', `/Groups/${group.id}`, {
        json: groupBody(group.displayName, { members: [{ value: 'nobody' }] }),
      }),
    400,
    'invalidValue',
  )
})

it('returns 400 invalidValue when a group would be its own member', async () => {
  const group = provider.groups.list()[0]!

  await expectRejected(
    provider,
    () =>
      send('PATCH', `/Groups/${group.id}`, {
        json: patchBody({ op: 'add', path: 'members', value: [{ value: group.id }] }),
      }),
    400,
    'invalidValue',
  )
})

it('replaces a group on PUT, members included', async () => {
  const [alice, bob] = provider.users.list()
  const group = await createGroup('Replace me', { members: [{ value: alice!.id }] })

  const result = await send('PUT', `/Groups/${group.id}`, {
    json: groupBody('Replaced', { members: [{ value: bob!.id }] }),
  })

  expect(result.status).toBe(200)
  expect(result.body.displayName).toBe('Replaced')
  expect(memberIds(result.body)).toEqual([bob!.id])
  expect(result.body).not.toHaveProperty('externalId')
  expect(result.body.meta.version).not.toBe(group.meta.version)
})

it('clears the members on a PUT without members', async () => {
  const user = provider.users.list()[0]!
  const group = await createGroup('Emptied', { members: [{ value: user.id }] })

  const result = await send('PUT', `/Groups/${group.id}`, { json: groupBody('Emptied') })

  expect(result.status).toBe(200)
  expect(result.body).not.toHaveProperty('members')
  expect(provider.users.get(user.id)!.groups ?? []).not.toContainEqual(
    expect.objectContaining({ value: group.id }),
  )
})

it('deletes a group with 204, then answers 404, and its users lose it', async () => {
  const user = provider.users.list()[0]!
  const group = await createGroup('Short-lived', { members: [{ value: user.id }] })

  const deleted = await send('DELETE', `/Groups/${group.id}`)

  expect(deleted.status).toBe(204)
  expect(deleted.body).toBeUndefined()
  await expectRejected(provider, () => send('GET', `/Groups/${group.id}`), 404)
  expect(provider.users.get(user.id)!.groups ?? []).not.toContainEqual(
    expect.objectContaining({ value: group.id }),
  )
})

it('removes a deleted group from the groups that contain it', async () => {
  const inner = await createGroup('Inner')
  const outer = await createGroup('Outer', { members: [{ value: inner.id }] })

  await send('DELETE', `/Groups/${inner.id}`)

  const after = provider.groups.get(outer.id)!
  expect(after).not.toHaveProperty('members')
  expect(after.meta.version).not.toBe(outer.meta.version)
})

it('shows a member’s display that follows a user rename', async () => {
  const user = await createUser('rename@example.com', { displayName: 'Before' })
  const group = await createGroup('Renames', { members: [{ value: user.id }] })
  expect(group.members[0].display).toBe('Before')

  await send('PATCH', `/Users/${user.id}`, {
    json: patchBody({ op: 'replace', path: 'displayName', value: 'After' }),
  })

  const result = await send('GET', `/Groups/${group.id}`)
  expect(result.body.members[0].display).toBe('After')
})

it('shows a user’s group display that follows a group rename', async () => {
  const user = await createUser('follower@example.com')
  const group = await createGroup('Old name', { members: [{ value: user.id }] })

  await send('PATCH', `/Groups/${group.id}`, {
    json: patchBody({ op: 'replace', value: { id: group.id, displayName: 'New name' } }),
  })

  expect(provider.users.get(user.id)!.groups).toEqual([
    expect.objectContaining({ value: group.id, display: 'New name' }),
  ])
})

it('allows two groups with the same displayName by default', async () => {
  const existing = provider.groups.list()[0]!

  const result = await send('POST', '/Groups', { json: groupBody(existing.displayName) })

  expect(result.status).toBe(201)
})

it('drops duplicate members on POST', async () => {
  const user = provider.users.list()[0]!

  const group = await createGroup('Dupes', { members: [{ value: user.id }, { value: user.id }] })

  expect(memberIds(group)).toEqual([user.id])
})

it('drops unknown members with unknownMembers: "ignore"', async () => {
  const baseUrl = 'https://lenient.test/scim/v2'
  const lenient = createScimProvider({ baseUrl, unknownMembers: 'ignore' })
  const user = await lenient.users.create({ userName: 'real@example.com' })

  const result = await readResult(
    await lenient.handle(
      scimRequest('POST', '/Groups', {
        baseUrl,
        json: groupBody('Partly real', { members: [{ value: 'nobody' }, { value: user.id }] }),
      }),
    ),
  )

  expect(result.status).toBe(201)
  expect(memberIds(result.body)).toEqual([user.id])
})

it('returns 409 uniqueness for a taken displayName with uniqueGroupDisplayName', async () => {
  const baseUrl = 'https://strict.test/scim/v2'
  const strict = createScimProvider({ baseUrl, uniqueGroupDisplayName: true })
  await strict.groups.create({ displayName: 'Admins' })
  const post = (displayName: string) =>
    strict.handle(scimRequest('POST', '/Groups', { baseUrl, json: groupBody(displayName) }))

  const result = await readResult(await post('ADMINS'))

  expectScimError(result, 409, 'uniqueness')
  expect(strict.groups.count()).toBe(1)
  expect((await post('Admins 2')).status).toBe(201)
})
