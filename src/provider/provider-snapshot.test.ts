import { expect, it } from 'vitest'
import { URN } from '../scim/schema/urns.js'
import { createScimService, type ScimService } from './create-scim-service.js'
import type { ProviderSnapshot } from './provider-snapshot.js'
import type { ScimServiceOptions } from './scim-service-options.js'

// provider.snapshot() and provider.restore(), through JSON as a page keeps them.

const ORIGIN = 'https://acme.test'
const SECODA = 'urn:ietf:params:scim:schemas:extension:secoda:2.0:User'
const clock = () => new Date('2026-03-01T09:00:00.000Z')
const SEEDED: ScimServiceOptions = {
  baseUrl: `${ORIGIN}/scim/v2`,
  seed: { users: 5, groups: 2, seed: 42 },
  clock,
}

/** A new provider with these options, seeded. */
async function start(options: ScimServiceOptions = SEEDED): Promise<ScimService> {
  const service = createScimService(options)
  await service.ready
  return service
}

/** The snapshot as a page gets it back after a reload. */
const throughJson = (snapshot: ProviderSnapshot): ProviderSnapshot =>
  JSON.parse(JSON.stringify(snapshot))

/** A provider like `from`'s, restored from its snapshot through JSON. */
async function reload(from: ScimService, options: ScimServiceOptions = SEEDED) {
  const restored = await start(options)
  await restored.restore(throughJson(from.snapshot()))
  return restored
}

async function send(
  service: ScimService,
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = { Authorization: 'Bearer secret' },
) {
  const response = await service.handle(
    new Request(`${ORIGIN}${service.baseUrl.replace(ORIGIN, '')}${path}`, {
      method,
      headers: {
        ...headers,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    }),
  )
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

const createUser = (service: ScimService, userName: string, attributes = {}) =>
  send(service, 'POST', '/Users', { schemas: [URN.user], userName, ...attributes })

/** Everything a snapshot holds: equal snapshots, equal providers. */
const stateOf = (service: ScimService) => throughJson(service.snapshot())

it('is plain JSON: a round trip through JSON changes nothing', async () => {
  const service = await start()
  await createUser(service, 'ann@acme.test')
  service.faults.add({ on: 'getUser', respond: 'userNotFound', times: 2, name: 'stale' })

  const snapshot = service.snapshot()

  expect(throughJson(snapshot)).toStrictEqual(snapshot)
  expect(snapshot).toMatchObject({ version: 1, profile: { name: 'generic' } })
  expect(snapshot.store.users).toHaveLength(6)
})

it('continues identically after a round trip through JSON', async () => {
  const original = await start()
  await createUser(original, 'ann@acme.test')
  await send(original, 'DELETE', `/Users/${original.users.list()[0]!.id}`)

  const restored = await reload(original)
  const next = await createUser(restored, 'bob@acme.test')
  const expected = await createUser(original, 'bob@acme.test')

  expect(next).toStrictEqual(expected)
  expect(stateOf(restored)).toStrictEqual(stateOf(original))
})

it('gives ids after a restore that no restored resource or logged request holds', async () => {
  const original = await start()
  const made = [(await createUser(original, 'ann@acme.test')).body.id]
  made.push((await createUser(original, 'cy@acme.test')).body.id)
  await send(original, 'DELETE', `/Users/${made[1]}`)

  const restored = await reload(original)
  const fresh = await createUser(restored, 'bob@acme.test')

  const known = [...restored.users.list(), ...restored.groups.list()].map((r) => r.id)
  expect(fresh.status).toBe(201)
  expect([...known.filter((id) => id !== fresh.body.id), ...made]).not.toContain(fresh.body.id)
})

it('fast-forwards the seeded id stream of a provider with another seed', async () => {
  const original = await start()
  await createUser(original, 'ann@acme.test')

  const restored = await reload(original, { ...SEEDED, seed: { users: 1, seed: 7 } })

  expect((await createUser(restored, 'bob@acme.test')).body.id).toBe(
    (await createUser(original, 'bob@acme.test')).body.id,
  )
})

it('records a random id stream as such, and restores it with new random ids', async () => {
  const options = { baseUrl: `${ORIGIN}/scim/v2`, clock }
  const original = await start(options)
  const ann = await createUser(original, 'ann@acme.test')

  const restored = await reload(original, options)
  const bob = await createUser(restored, 'bob@acme.test')

  expect(original.snapshot().ids).toEqual({ type: 'random' })
  expect(restored.users.list().map((user) => user.id)).toEqual([ann.body.id, bob.body.id])
  expect(bob.body.id).not.toBe(ann.body.id)
})

it('keeps the faults and their counters, which go on counting', async () => {
  const original = await start()
  original.faults.add({ on: 'listUsers', respond: 'rateLimit', times: 2, after: 1 })
  await send(original, 'GET', '/Users')
  await send(original, 'GET', '/Users')

  const restored = await reload(original)
  const listed = restored.faults.list()
  const statuses = [
    (await send(restored, 'GET', '/Users')).status,
    (await send(restored, 'GET', '/Users')).status,
  ]

  expect(listed).toStrictEqual(original.faults.list())
  expect(listed).toMatchObject([{ id: 'fault-1', matched: 2, fired: 1, remaining: 1 }])
  expect(statuses).toEqual([429, 200])
  expect(restored.faults.add({ on: '*', respond: 'serverError' }).id).toBe('fault-2')
})

it('draws fault probabilities on from where the snapshot stood', async () => {
  const original = await start()
  original.faults.add({ on: 'listUsers', respond: 'serverError', probability: 0.5 })
  for (let i = 0; i < 5; i++) await send(original, 'GET', '/Users?count=1')

  const restored = await reload(original)
  const statuses = async (service: ScimService) => {
    const seen: number[] = []
    for (let i = 0; i < 10; i++) seen.push((await send(service, 'GET', '/Users?count=1')).status)
    return seen
  }

  const after = await statuses(restored)
  expect(after).toEqual(await statuses(original))
  expect(new Set(after)).toEqual(new Set([200, 500]))
})

it('leaves out a fault with a where predicate', async () => {
  const original = await start()
  original.faults.add({ on: '*', respond: 'serverError', where: () => true })
  const kept = original.faults.add({ on: 'getUser', respond: 'userNotFound', where: { id: 'x' } })

  const restored = await reload(original)

  expect(original.snapshot().faults.items.map((item) => item.id)).toEqual([kept.id])
  expect(restored.faults.list()).toStrictEqual([original.faults.list()[1]])
  expect(restored.faults.add({ on: '*', respond: 'conflict' }).id).toBe('fault-3')
})

it('keeps the request log, whose numbering goes on', async () => {
  const original = await start()
  await send(original, 'GET', '/Users?count=1')
  await createUser(original, 'ann@acme.test')
  await send(original, 'GET', '/Users', undefined, {})

  const restored = await reload(original)
  await send(restored, 'GET', '/Groups')

  expect(restored.requests.slice(0, 3)).toStrictEqual(original.requests.map((r) => ({ ...r })))
  expect(restored.requests[1]?.response).toMatchObject({ userName: 'ann@acme.test' })
  expect(restored.requests.map((entry) => [entry.sequence, entry.status])).toEqual([
    [1, 200],
    [2, 201],
    [3, 401],
    [4, 200],
  ])
})

it('keeps the newest requests only, over the restoring provider’s log limit', async () => {
  const original = await start()
  for (let i = 0; i < 4; i++) await send(original, 'GET', '/Users?count=1')

  const restored = await reload(original, { ...SEEDED, requestLogLimit: 2 })

  expect(restored.requests.map((entry) => entry.sequence)).toEqual([3, 4])
})

it('keeps the profile settings', async () => {
  const options: ScimServiceOptions = { ...SEEDED, profile: 'magicpod' }
  const original = await start(options)
  original.profile.updateSettings({ samlEnforced: false })
  await original.profile.run('addRegularAccount', { email: 'held@acme.test' })

  const restored = await reload(original, options)

  expect(restored.profile.settings).toStrictEqual({
    scimEnabled: true,
    samlEnforced: false,
    organizationExclusiveUsers: true,
    regularAccounts: ['held@acme.test'],
  })
  expect((await send(restored, 'GET', '/Users')).status).toBe(403)
})

it('keeps who signed in to Secoda, and its settings', async () => {
  const options: ScimServiceOptions = { profile: 'secoda', clock }
  const original = await start(options)
  const email = (value: string) => ({ emails: [{ value, primary: true }] })
  const ann = (await createUser(original, 'ann@acme.test', email('ann@acme.test'))).body
  const bob = (await createUser(original, 'bob@acme.test', email('bob@acme.test'))).body
  await original.profile.run('activate', { id: ann.id })
  original.profile.updateSettings({ autoActivate: true })

  const restored = await reload(original, options)
  const status = async (id: string) => (await send(restored, 'GET', `/Users/${id}`)).body[SECODA]

  expect(original.snapshot().profile).toStrictEqual({
    name: 'secoda',
    settings: { autoActivate: true },
    state: { activated: [ann.id] },
  })
  expect(await status(ann.id)).toEqual({ status: 'Active' })
  expect(await status(bob.id)).toEqual({ status: 'Invited' })
  expect(restored.profile.settings).toEqual({ autoActivate: true })
})

it('keeps OAuth tokens valid, and issues the tokens the original would next', async () => {
  const options: ScimServiceOptions = { ...SEEDED, profile: 'mangoapps' }
  const original = await start(options)
  const signIn = async (service: ScimService) => {
    const authorize = new URL(service.oauth!.authorizeUrl)
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: service.oauth!.clientId,
      redirect_uri: 'https://acme.okta.com/callback',
    }).toString()
    const location = (await service.handle(new Request(authorize))).headers.get('location')!
    const response = await service.handle(
      new Request(service.oauth!.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: new URL(location).searchParams.get('code')!,
          redirect_uri: 'https://acme.okta.com/callback',
          client_id: service.oauth!.clientId,
          client_secret: service.oauth!.clientSecret,
        }),
      }),
    )
    return ((await response.json()) as { access_token: string }).access_token
  }
  const token = await signIn(original)

  const restored = await reload(original, options)
  const listed = await send(restored, 'GET', '/Users', undefined, {
    Authorization: `Bearer ${token}`,
  })

  expect(listed.status).toBe(200)
  expect(restored.oauth!.issued).toEqual({ codes: 1, accessTokens: 1, refreshTokens: 1 })
  expect(await signIn(restored)).toBe(await signIn(original))
})

it('returns to the seeded state on reset after a restore', async () => {
  const fresh = stateOf(await start())
  const original = await start()
  await createUser(original, 'ann@acme.test')
  original.faults.add({ on: '*', respond: 'serverError' })

  const restored = await reload(original)
  await restored.reset()

  expect(stateOf(restored)).toStrictEqual(fresh)
})

it('refuses to snapshot while the provider is seeding', () => {
  const seeding = createScimService(SEEDED)

  expect(() => seeding.snapshot()).toThrow(
    'Failed to snapshot the provider: the provider is still seeding. Await provider.ready first.',
  )
})

/** A snapshot of a busy provider, with one part changed by `change`. */
async function spoiled(change: (snapshot: any) => void): Promise<ProviderSnapshot> {
  const service = await start()
  await createUser(service, 'ann@acme.test')
  service.faults.add({ on: 'createUser', respond: 'conflict' })
  const snapshot = stateOf(service)
  change(snapshot)
  return snapshot
}

it.each<[string, (snapshot: any) => void, string]>([
  ['another version', (s) => (s.version = 2), 'snapshot version 2 is not supported (expected 1)'],
  ['no version', (s) => delete s.version, 'snapshot version undefined is not supported'],
  [
    'another profile',
    (s) => (s.profile.name = 'secoda'),
    'the snapshot is of profile "secoda", this provider runs "generic"',
  ],
  ['a user without userName', (s) => delete s.store.users[0].userName, 'store.users.0.userName'],
  ['an id held twice', (s) => (s.store.groups[0].id = s.store.users[0].id), 'is held twice'],
  ['a bad fault', (s) => (s.faults.items[0].spec.respond = 'explode'), 'faults.items.0.spec'],
  ['a negative counter', (s) => (s.faults.items[0].fired = -1), 'faults.items.0.fired'],
  [
    'a request numbered ahead',
    (s) => (s.requests.entries[0].sequence = 9),
    'requests.entries.0.sequence',
  ],
  ['an unknown id stream', (s) => (s.ids = { type: 'sequential' }), 'ids'],
  ['an unknown key', (s) => (s.extra = true), 'Unrecognized key'],
  ['a store missing', (s) => delete s.store, 'store'],
  ['settings for a profile without any', (s) => (s.profile.settings = { a: 1 }), 'has none'],
  ['state for a profile keeping none', (s) => (s.profile.state = {}), 'keeps none'],
  ['OAuth tokens for a provider without OAuth', (s) => (s.oauth = oauth()), 'oauth is off'],
])('rejects a snapshot with %s, changing nothing', async (_title, change, message) => {
  const service = await start()
  await createUser(service, 'bob@acme.test')
  service.faults.add({ on: 'deleteUser', respond: 'serverError', times: 1 })
  const before = stateOf(service)

  const restoring = service.restore(await spoiled(change))

  await expect(restoring).rejects.toThrow(TypeError)
  await expect(restoring).rejects.toThrow(/^Failed to restore the provider: /)
  await expect(restoring).rejects.toThrow(message)
  expect(stateOf(service)).toStrictEqual(before)
})

it.each([null, 'snapshot', [], 42])('rejects %j as a snapshot', async (value) => {
  const service = await start()

  await expect(service.restore(value as never)).rejects.toThrow(
    /^Failed to restore the provider: expected a snapshot from provider\.snapshot\(\), got /,
  )
})

it.each<[string, (snapshot: any) => void, string]>([
  ['a bad setting', (s) => (s.profile.settings = { autoActivate: 'yes' }), 'autoActivate'],
  ['bad state', (s) => (s.profile.state = { activated: [1] }), 'Failed to restore secoda state'],
  ['no state', (s) => delete s.profile.state, 'no state for profile "secoda"'],
])('rejects a secoda snapshot with %s, changing nothing', async (_title, change, message) => {
  const options: ScimServiceOptions = { profile: 'secoda', clock }
  const service = await start(options)
  const ann = await createUser(service, 'ann@acme.test', { emails: [{ value: 'ann@acme.test' }] })
  await service.profile.run('activate', { id: ann.body.id })
  const before = stateOf(service)
  const snapshot = stateOf(service)
  snapshot.profile.settings = { autoActivate: true }
  snapshot.profile.state = { activated: [] }
  change(snapshot)

  const restoring = service.restore(snapshot)

  await expect(restoring).rejects.toThrow(/^Failed to restore the provider: /)
  await expect(restoring).rejects.toThrow(message)
  expect(stateOf(service)).toStrictEqual(before)
})

/** OAuth state with one access token. */
function oauth(): NonNullable<ProviderSnapshot['oauth']> {
  return {
    randomDraws: 3,
    grants: [{ scope: 'scim' }],
    codes: [],
    accessTokens: [{ token: 't', grant: 0, expiresAt: 0 }],
    refreshTokens: [],
    issued: { codes: 1, accessTokens: 1, refreshTokens: 0 },
  }
}

it('rejects OAuth state naming a grant that is not there', async () => {
  const service = await start({ ...SEEDED, oauth: true })
  const snapshot = stateOf(service)
  snapshot.oauth = { ...oauth(), grants: [] }

  await expect(service.restore(snapshot)).rejects.toThrow(
    'Failed to restore the provider: oauth.accessTokens.0.grant: no grant 0 (there are 0)',
  )
})
