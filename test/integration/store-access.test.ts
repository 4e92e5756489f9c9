import { createScimProvider, isScimError, ScimError, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import { BASE_URL, SEED, send, useScimServer } from './scim-test-server.js'

const { provider } = useScimServer()

it('creates a user as POST would, filling in schemas, visible over HTTP', async () => {
  const user = await provider.users.create({ userName: 'typed@example.com', active: true })

  expect(user).toMatchObject({
    schemas: [URN.user],
    id: expect.any(String),
    userName: 'typed@example.com',
    active: true,
    meta: { resourceType: 'User', location: `${BASE_URL}/Users/${user.id}` },
  })
  const result = await send('GET', `/Users/${user.id}`)
  expect(result.body).toStrictEqual(user)
})

it('rejects a duplicate userName with the same ScimError as POST', async () => {
  const taken = provider.users.list()[0]!

  const failure = await provider.users
    .create({ userName: taken.userName.toUpperCase() })
    .catch((error: unknown) => error)

  expect(isScimError(failure)).toBe(true)
  expect(failure).toMatchObject({ status: 409, scimType: 'uniqueness' })
  expect(provider.users.count()).toBe(SEED.users)
})

it('rejects invalid input with a ScimError invalidValue', async () => {
  await expect(provider.users.create({ userName: '' })).rejects.toMatchObject({
    status: 400,
    scimType: 'invalidValue',
  })
})

it('gets a user by id, and undefined for an unknown id', () => {
  const [first] = provider.users.list()

  expect(provider.users.get(first!.id)).toStrictEqual(first)
  expect(provider.users.get('no-such-user')).toBeUndefined()
})

it('finds users with a SCIM filter', () => {
  const users = provider.users.list()
  const active = users.filter((user) => user.active)

  expect(provider.users.find('active eq true')).toStrictEqual(active)
  expect(provider.users.find(`userName eq "${users[3]!.userName.toUpperCase()}"`)).toStrictEqual([
    users[3],
  ])
})

it('throws a ScimError invalidFilter for a malformed filter', () => {
  expect(() => provider.users.find('userName eq')).toThrow(ScimError)
  expect(() => provider.users.find('userName eq')).toThrow(
    expect.objectContaining({ scimType: 'invalidFilter' }),
  )
})

it('finds a user by userName ignoring case', () => {
  const user = provider.users.list()[2]!

  expect(provider.users.findByUserName(user.userName.toUpperCase())).toStrictEqual(user)
  expect(provider.users.findByUserName('nobody@example.com')).toBeUndefined()
})

it('lists and counts users and groups', () => {
  expect(provider.users.list()).toHaveLength(SEED.users)
  expect(provider.users.count()).toBe(SEED.users)
  expect(provider.groups.list()).toHaveLength(SEED.groups)
  expect(provider.groups.count()).toBe(SEED.groups)
})

it('updates some attributes, keeping the others, with a new version', async () => {
  const user = await provider.users.create({
    userName: 'partial@example.com',
    title: 'Before',
    displayName: 'Kept',
  })

  const updated = await provider.users.update(user.id, { title: 'After' })

  expect(updated).toMatchObject({
    userName: 'partial@example.com',
    title: 'After',
    displayName: 'Kept',
  })
  expect(updated.meta.version).not.toBe(user.meta.version)
  expect(updated.meta.created).toBe(user.meta.created)
  expect(provider.users.get(user.id)).toStrictEqual(updated)
})

it('rejects an update to a taken userName with 409 uniqueness', async () => {
  const [first, second] = provider.users.list()

  await expect(
    provider.users.update(second!.id, { userName: first!.userName }),
  ).rejects.toMatchObject({
    status: 409,
    scimType: 'uniqueness',
  })
  expect(provider.users.get(second!.id)).toStrictEqual(second)
})

it('rejects an update of an unknown user with a clear error', async () => {
  await expect(provider.users.update('no-such-user', { title: 'x' })).rejects.toThrow(
    'Failed to update user "no-such-user": no such user',
  )
})

it('deletes a user, true once and false after, and removes it from its groups', async () => {
  const user = provider.users.list()[0]!
  const group = await provider.groups.create({
    displayName: 'Doomed',
    members: [{ value: user.id }],
  })

  expect(await provider.users.delete(user.id)).toBe(true)
  expect(await provider.users.delete(user.id)).toBe(false)
  expect(provider.users.get(user.id)).toBeUndefined()
  expect(provider.groups.get(group.id)).not.toHaveProperty('members')
})

it('creates groups with members and finds them by displayName ignoring case', async () => {
  const user = provider.users.list()[0]!

  const group = await provider.groups.create({
    displayName: 'Typed Group',
    members: [{ value: user.id }],
  })

  expect(group.members).toEqual([expect.objectContaining({ value: user.id, type: 'User' })])
  expect(provider.groups.findByDisplayName('typed group')).toStrictEqual([group])
  expect(provider.groups.find(`members[value eq "${user.id}"]`)).toContainEqual(group)
})

it('rejects a group member that does not exist', async () => {
  await expect(
    provider.groups.create({ displayName: 'Ghosts', members: [{ value: 'nobody' }] }),
  ).rejects.toMatchObject({ status: 400, scimType: 'invalidValue' })
})

it('updates a group, and deletes it', async () => {
  const group = provider.groups.list()[0]!

  const renamed = await provider.groups.update(group.id, { displayName: 'Renamed' })

  expect(renamed.displayName).toBe('Renamed')
  expect(renamed.members).toEqual(group.members)
  expect(await provider.groups.delete(group.id)).toBe(true)
  expect(provider.groups.count()).toBe(SEED.groups - 1)
})

it('returns copies: editing a result changes nothing in the store', async () => {
  const created = await provider.users.create({
    userName: 'copy@example.com',
    name: { givenName: 'Copy' },
    emails: [{ value: 'copy@example.com' }],
  })
  const snapshot = structuredClone(created)

  created.userName = 'edited@example.com'
  created.name!.givenName = 'Edited'
  const fetched = provider.users.get(created.id)!
  fetched.emails!.push({ value: 'pushed@example.com' })
  fetched.meta.version = 'W/"forged"'
  provider.users.list().find((user) => user.id === created.id)!.name!.givenName = 'Listed'
  provider.users.find('userName eq "copy@example.com"')[0]!.active = false
  provider.users.findByUserName('copy@example.com')!.title = 'Found'

  expect(provider.users.get(created.id)).toStrictEqual(snapshot)
  expect((await send('GET', `/Users/${created.id}`)).body).toStrictEqual(snapshot)
  expect(provider.users.findByUserName('edited@example.com')).toBeUndefined()
})

it('returns group copies: editing members changes nothing in the store', () => {
  const group = provider.groups.list().find((candidate) => candidate.members?.length)!
  const snapshot = structuredClone(group)

  provider.groups.get(group.id)!.members!.length = 0
  provider.groups.findByDisplayName(group.displayName)[0]!.displayName = 'Edited'

  expect(provider.groups.get(group.id)).toStrictEqual(snapshot)
})

it.each([
  ['list users', (p: ReturnType<typeof createScimProvider>) => p.users.list()],
  ['count users', (p: ReturnType<typeof createScimProvider>) => p.users.count()],
  ['get a user', (p: ReturnType<typeof createScimProvider>) => p.users.get('x')],
  ['find users', (p: ReturnType<typeof createScimProvider>) => p.users.find('active eq true')],
  ['find a user', (p: ReturnType<typeof createScimProvider>) => p.users.findByUserName('x')],
  ['list groups', (p: ReturnType<typeof createScimProvider>) => p.groups.list()],
  ['find groups', (p: ReturnType<typeof createScimProvider>) => p.groups.findByDisplayName('x')],
])('throws a clear error when asked to %s before seeding finishes', async (action, read) => {
  const seeding = createScimProvider({ baseUrl: 'https://seeding.test/scim/v2', seed: SEED })

  expect(() => read(seeding)).toThrow(
    `Failed to ${action}: the provider is still seeding. Await provider.ready first.`,
  )
  await seeding.ready
  expect(() => read(seeding)).not.toThrow()
})

it('lets writes and requests wait for seeding by themselves', async () => {
  const baseUrl = 'https://seeding.test/scim/v2'
  const seeding = createScimProvider({ baseUrl, seed: SEED })

  const created = seeding.users.create({ userName: 'early@example.com' })
  const listed = seeding.handle(
    new Request(`${baseUrl}/Users?count=0`, { headers: { Authorization: 'Bearer secret' } }),
  )

  expect((await created).userName).toBe('early@example.com')
  expect((await (await listed).json()).totalResults).toBeGreaterThanOrEqual(SEED.users)
  expect(seeding.users.count()).toBe(SEED.users + 1)
})

it('is ready at once without a seed', async () => {
  const empty = createScimProvider({ baseUrl: 'https://empty.test/scim/v2' })

  expect(empty.users.count()).toBe(0)
  await expect(empty.ready).resolves.toBeUndefined()
})
