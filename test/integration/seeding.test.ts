import { createScimProvider, type ScimProvider, type SeedOptions } from 'scim-mock'
import { expect, it } from 'vitest'
import { readResult, scimRequest, userBody } from './scim-test-server.js'

// Providers here answer through provider.handle, so no MSW server is needed.
const baseUrl = 'https://seed.test/scim/v2'

async function seeded(seed: SeedOptions): Promise<ScimProvider> {
  const provider = createScimProvider({ baseUrl, seed })
  await provider.ready
  return provider
}

const request = async (provider: ScimProvider, method: string, path: string, json?: unknown) =>
  readResult(await provider.handle(scimRequest(method, path, { baseUrl, json })))

it('seeds the same users, groups, ids and timestamps for the same seed', async () => {
  const [a, b] = await Promise.all([
    seeded({ users: 10, groups: 3, seed: 7 }),
    seeded({ users: 10, groups: 3, seed: 7 }),
  ])

  expect(a.users.list()).toHaveLength(10)
  expect(a.groups.list()).toHaveLength(3)
  expect(b.users.list()).toStrictEqual(a.users.list())
  expect(b.groups.list()).toStrictEqual(a.groups.list())
})

it('seeds different users for a different seed', async () => {
  const [a, b] = await Promise.all([seeded({ users: 10, seed: 7 }), seeded({ users: 10, seed: 8 })])

  const ids = new Set(a.users.list().map((user) => user.id))
  expect(b.users.list().some((user) => ids.has(user.id))).toBe(false)
  expect(b.users.list().map((user) => user.userName)).not.toEqual(
    a.users.list().map((user) => user.userName),
  )
})

it('seeds realistic, unique, well-formed users', async () => {
  const provider = await seeded({ users: 50, groups: 5, seed: 1 })
  const users = provider.users.list()

  expect(new Set(users.map((user) => user.userName.toLowerCase())).size).toBe(50)
  for (const user of users) {
    expect(user.userName).toMatch(/^[a-z0-9.]+@example\.com$/)
    expect(user.meta.version).toMatch(/^W\/".+"$/)
    expect(Date.parse(user.meta.created!)).toBeLessThanOrEqual(Date.parse(user.meta.lastModified!))
  }
  for (const group of provider.groups.list()) {
    for (const member of group.members ?? []) {
      expect(provider.users.get(member.value)).toBeDefined()
    }
  }
})

it('dates seeded resources in the two years before the referenceDate', async () => {
  const provider = await seeded({ users: 20, seed: 3, referenceDate: '2020-06-01T00:00:00Z' })

  for (const user of provider.users.list()) {
    const created = Date.parse(user.meta.created!)
    expect(created).toBeLessThanOrEqual(Date.parse('2020-06-01T00:00:00Z'))
    expect(created).toBeGreaterThanOrEqual(Date.parse('2018-06-01T00:00:00Z'))
  }
})

it('returns to the seeded state on reset: created users gone, deleted and changed ones back', async () => {
  const provider = await seeded({ users: 10, groups: 3, seed: 7 })
  const initialUsers = provider.users.list()
  const initialGroups = provider.groups.list()
  const [first, second] = initialUsers

  await request(provider, 'POST', '/Users', userBody('new@example.com'))
  await request(provider, 'DELETE', `/Users/${first!.id}`)
  await request(provider, 'PUT', `/Users/${second!.id}`, userBody('changed@example.com'))
  await request(provider, 'DELETE', `/Groups/${initialGroups[0]!.id}`)
  expect(provider.requests).toHaveLength(4)

  await provider.reset()

  expect(provider.users.list()).toStrictEqual(initialUsers)
  expect(provider.groups.list()).toStrictEqual(initialGroups)
  expect(provider.users.findByUserName('new@example.com')).toBeUndefined()
  expect(provider.requests).toEqual([])
})

it('repeats created ids and versions after reset, so runs are reproducible', async () => {
  const provider = await seeded({ users: 5, seed: 11 })
  const first = await request(provider, 'POST', '/Users', userBody('again@example.com'))

  await provider.reset()
  const second = await request(provider, 'POST', '/Users', userBody('again@example.com'))

  expect(second.status).toBe(201)
  expect(second.body.id).toBe(first.body.id)
  expect(second.body.meta.version).toBe(first.body.meta.version)
})

it('creates the same ids in two providers with the same seed', async () => {
  const [a, b] = await Promise.all([seeded({ users: 5, seed: 11 }), seeded({ users: 5, seed: 11 })])

  const fromA = await request(a, 'POST', '/Users', userBody('twin@example.com'))
  const fromB = await request(b, 'POST', '/Users', userBody('twin@example.com'))

  expect(fromB.body.id).toBe(fromA.body.id)
})

it('uses generateId for created resources when given', async () => {
  let next = 0
  const provider = createScimProvider({
    baseUrl,
    seed: { users: 2, seed: 5 },
    generateId: () => `id-${++next}`,
  })
  await provider.ready

  const created = await request(provider, 'POST', '/Users', userBody('custom@example.com'))

  expect(created.body.id).toMatch(/^id-\d+$/)
})

it('resets an unseeded provider to empty', async () => {
  const provider = createScimProvider({ baseUrl })
  await request(provider, 'POST', '/Users', userBody('temp@example.com'))
  expect(provider.users.count()).toBe(1)

  await provider.reset()

  expect(provider.users.count()).toBe(0)
  expect(provider.requests).toEqual([])
})
