import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createScimProvider, type ScimProviderOptions } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { resolveAppSettings } from '../../src/okta/okta-app-settings.js'
import { createOktaOrg, type OktaOrg } from '../../src/okta/create-okta-org.js'
import { importResources } from '../../src/okta/flows/import-resources.js'
import type { AppContext } from '../../src/okta/okta-app-context.js'
import { createSimulatedClock } from '../../src/okta/okta-clock.js'
import type { OktaAppSettings } from '../../src/okta/okta-model.js'
import { createOktaScimClient, type OktaAuth } from '../../src/okta/okta-scim-client.js'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { createJane } from './transcript-flows.js'

// Test API Credentials, saving provisioning, the auth header of every mode,
// and Import Users / Import Groups (okta-behavior.md §1.0, §1.1, §1.8), against
// the provider behind MSW.

const BASE_URL = 'https://connection.test/scim/v2'
const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** A fresh provider and org sharing one simulated clock, and an app pointed at the provider. */
function setup(
  options: {
    provider?: ScimProviderOptions
    auth?: OktaAuth
    app?: Partial<Omit<OktaAppSettings, 'provisioning'>> & {
      provisioning?: Partial<OktaAppSettings['provisioning']>
    }
  } = {},
) {
  const clock = createSimulatedClock('2026-03-02T10:00:00.000Z')
  const provider = createScimProvider({
    baseUrl: BASE_URL,
    seed: { users: 0, seed: 3 },
    clock: () => clock.now(),
    sleep: clock.sleep,
    ...options.provider,
  })
  server.use(...provider.handlers)
  const org = createOktaOrg({ clock, seed: 3 })
  const app = org.apps.create({
    label: 'Acme SCIM',
    baseUrl: BASE_URL,
    auth: options.auth ?? { type: 'bearer', token: 'secret' },
    ...options.app,
  })
  return { clock, provider, org, app }
}

/** What Okta sent, as method and path with the query string. */
const sent = (org: OktaOrg) => org.requests().map(({ method, path }) => `${method} ${path}`)

const USERS_PROBE = 'GET /Users?startIndex=1&count=2'
const GROUPS_PAGE = 'GET /Groups?startIndex=1&count=100'
const usersPage = (startIndex: number) => `GET /Users?startIndex=${startIndex}&count=100`

// §1.1 Test API Credentials

it('tests the credentials with exactly GET /Users?startIndex=1&count=2', async () => {
  const { org, app, provider } = setup()

  const result = await app.testConnection()

  expect(result).toStrictEqual({ ok: true, message: 'Connector configured successfully' })
  expect(sent(org)).toStrictEqual([USERS_PROBE])
  expect(org.requests()[0]!.body).toBeUndefined()
  expect(provider.requests.map((request) => request.url)).toStrictEqual([
    `${BASE_URL}/Users?startIndex=1&count=2`,
  ])
})

it('reports a 401 as "Error authenticating: Unauthorized" with the remote detail', async () => {
  const { app, provider } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'unauthorized' })

  expect(await app.testConnection()).toStrictEqual({
    ok: false,
    message:
      'Error authenticating: Unauthorized. Errors reported by remote server: Invalid SCIM token: it has expired or was rotated',
  })
})

it('reports a wrong token with the server’s own 401 detail', async () => {
  const { app } = setup({ auth: { type: 'bearer', token: 'rotated' } })

  expect((await app.testConnection()).message).toBe(
    'Error authenticating: Unauthorized. Errors reported by remote server: The bearer token is invalid, expired or revoked',
  )
})

it('quotes Jackson on an HTML 403 page, word for word as Snowflake’s docs show it', async () => {
  const { app, provider } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'malformedBody', format: 'html', status: 403 })

  expect((await app.testConnection()).message).toBe(
    "Error authenticating: Forbidden. Errors reported by remote server: Invalid JSON: Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 2]",
  )
})

it('reports a reset connection as "Error authenticating: null", not "Connect timed out"', async () => {
  // "Connect timed out" (T4) is a TCP connect that never completed [SUP-CONNECT];
  // a reset after connecting gives no HTTP response and no message, which Okta
  // shows as "null" [KR2 §2]. [UNCONFIRMED] for the connector test itself.
  const { app, provider } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'networkError' })

  expect(await app.testConnection()).toStrictEqual({
    ok: false,
    message: 'Error authenticating: null',
  })
})

it('reports a server that never answers as "Read timed out" after 60 simulated seconds', async () => {
  const { app, provider, clock } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'timeout' })
  const start = clock.now().getTime()

  const result = await app.testConnection()

  expect(result.message).toBe('Error authenticating: Read timed out')
  expect(clock.now().getTime() - start).toBe(60_000)
})

it('reports a 5xx with its reason phrase', async () => {
  const { app, provider } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'serverError', status: 502 })

  expect((await app.testConnection()).message).toBe(
    'Error authenticating: Bad Gateway. Errors reported by remote server: Bad Gateway',
  )
})

// §1.1 Saving provisioning

it('saves provisioning with the /Users probe and a /Groups page that fills the group cache', async () => {
  const { org, app, provider } = setup()
  await provider.groups.create({ displayName: 'Engineering' })

  await app.saveProvisioning()

  expect(sent(org)).toStrictEqual([USERS_PROBE, GROUPS_PAGE])
  // The cache holds the group now: an import finds it existing, not new.
  const result = await app.import()
  expect(result).toMatchObject({ groupsScanned: 1, newGroups: 0, unchangedGroups: 1 })
})

it('saves provisioning with the /Users probe alone when Push Groups and Import Groups are off', async () => {
  const { org, app } = setup({ app: { provisioning: { pushGroups: false, importGroups: false } } })

  await app.saveProvisioning()

  expect(sent(org)).toStrictEqual([USERS_PROBE])
})

// §1.0 Headers, auth modes, query encoding

it('sends Okta’s headers in the documented order, Content-Type only with a body', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)

  await app.assignUser(jane.id)

  const [lookup, create] = org.requests()
  expect(Object.entries(lookup!.headers)).toStrictEqual([
    ['Accept', 'application/scim+json'],
    ['Accept-Charset', 'utf-8'],
    ['User-Agent', 'Okta SCIM Client 1.0.0'],
    ['Authorization', 'Bearer secret'],
    ['Accept-Encoding', 'gzip,deflate'],
  ])
  expect(Object.entries(create!.headers)).toStrictEqual([
    ['Accept', 'application/scim+json'],
    ['Accept-Charset', 'utf-8'],
    ['Content-Type', 'application/scim+json; charset=utf-8'],
    ['User-Agent', 'Okta SCIM Client 1.0.0'],
    ['Authorization', 'Bearer secret'],
    ['Accept-Encoding', 'gzip,deflate'],
  ])
  // And so they arrive at the server.
  const [get, post] = provider.requests
  expect(get!.headers).toMatchObject({
    accept: 'application/scim+json',
    'accept-charset': 'utf-8',
    'user-agent': 'Okta SCIM Client 1.0.0',
    authorization: 'Bearer secret',
    'accept-encoding': 'gzip,deflate',
  })
  expect(get!.headers).not.toHaveProperty('content-type')
  expect(post!.headers['content-type']).toBe('application/scim+json; charset=utf-8')
})

it('percent-encodes the lookup filter (%20, %22, %40) before startIndex and count', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)

  await app.assignUser(jane.id)

  const expected = '/Users?filter=userName%20eq%20%22jane%40corp.example%22&startIndex=1&count=100'
  expect(org.requests()[0]!.path).toBe(expected)
  expect(provider.requests[0]!.url).toBe(`${BASE_URL}${expected}`)
  expect(provider.requests[0]!.query).toStrictEqual({
    filter: 'userName eq "jane@corp.example"',
    startIndex: '1',
    count: '100',
  })
})

it('sends a Header-auth token verbatim', async () => {
  // The catalog "SCIM 2.0 Test App (Header Auth)": admins type "Bearer " themselves.
  const { app, provider } = setup({ auth: { type: 'header', token: 'Bearer secret' } })

  expect((await app.testConnection()).ok).toBe(true)
  expect(provider.requests[0]!.headers.authorization).toBe('Bearer secret')
})

it('sends a Header-auth token without a scheme as typed, which a Bearer server refuses', async () => {
  const { app, provider } = setup({ auth: { type: 'header', token: 'secret' } })

  expect((await app.testConnection()).message).toBe(
    'Error authenticating: Unauthorized. Errors reported by remote server: Unsupported authorization scheme: expected "Bearer <token>"',
  )
  expect(provider.requests[0]!.headers.authorization).toBe('secret')
})

it('adds the Bearer scheme for Bearer auth', async () => {
  const { app, provider } = setup({ auth: { type: 'bearer', token: 'secret' } })

  await app.testConnection()

  expect(provider.requests[0]!.headers.authorization).toBe('Bearer secret')
})

it('sends Basic auth as base64 of user:password', async () => {
  const { app, provider } = setup({
    provider: { auth: false },
    auth: { type: 'basic', username: 'okta', password: 'p@ss:word' },
  })

  expect((await app.testConnection()).ok).toBe(true)
  expect(provider.requests[0]!.headers.authorization).toBe(
    `Basic ${Buffer.from('okta:p@ss:word').toString('base64')}`,
  )
})

it('sends the OAuth access token, and refreshes it once on a 401 when it expired', async () => {
  const { app, org, provider, clock } = setup({ provider: { oauth: true, token: undefined } })
  const oauth = provider.oauth!
  app.update({
    auth: {
      type: 'oauth',
      authorizeUrl: oauth.authorizeUrl,
      tokenUrl: oauth.tokenUrl,
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
    },
  })

  await app.authorize()
  expect(await app.testConnection()).toMatchObject({ ok: true })
  const first = org.requests()[0]!.headers.Authorization!
  expect(first).toMatch(/^Bearer \S+$/)

  // The provider's access tokens live an hour; its clock is Okta's.
  clock.advance(3_600_001)
  expect(await app.testConnection()).toMatchObject({ ok: true })

  const [, expired, retried] = org.requests()
  expect(expired).toMatchObject({ status: 401, headers: { Authorization: first } })
  expect(retried!.status).toBe(200)
  expect(retried!.headers.Authorization).toMatch(/^Bearer \S+$/)
  expect(retried!.headers.Authorization).not.toBe(first)
  expect(oauth.issued).toMatchObject({ accessTokens: 2 })
  // The token requests go to the authorization server, not through the SCIM client.
  expect(sent(org)).toStrictEqual([USERS_PROBE, USERS_PROBE, USERS_PROBE])
})

// §1.8 Import

it('imports one user and no groups with the dialog lines of test-plan row C9304', async () => {
  const { org, app, provider } = setup()
  await provider.users.create({ userName: 'bob@corp.example', active: true })

  const result = await app.import()

  expect(sent(org)).toStrictEqual([usersPage(1), GROUPS_PAGE])
  expect(result.lines).toStrictEqual([
    '1 users scanned!',
    '1 new user imported',
    '0 existing users updated',
    '0 existing users unchanged',
    '0 users removed',
    '0 groups scanned!',
  ])
  expect(result).toMatchObject({ ok: true, rateLimited: false, usersScanned: 1, newUsers: 1 })
})

it('imports one group with the dialog lines of test-plan row C9338', async () => {
  const { app, provider } = setup()
  await provider.groups.create({ displayName: 'Engineering' })

  const result = await app.import()

  expect(result.lines.slice(5)).toStrictEqual([
    '1 groups scanned!',
    '1 new groups imported',
    '0 existing groups updated',
    '0 existing groups unchanged',
    '0 groups removed',
  ])
})

it('writes "new users imported" for counts other than 1', async () => {
  const { app, provider } = setup()
  await provider.users.create({ userName: 'bob@corp.example' })
  await provider.users.create({ userName: 'eve@corp.example' })

  expect((await app.import()).lines.slice(0, 2)).toStrictEqual([
    '2 users scanned!',
    '2 new users imported',
  ])
})

it('sends no group request when Import Groups is off', async () => {
  const { org, app } = setup({ app: { provisioning: { importGroups: false } } })

  const result = await app.import()

  expect(sent(org)).toStrictEqual([usersPage(1)])
  expect(result.lines.at(-1)).toBe('0 groups scanned!')
})

it('refuses to import while the API integration is off, sending nothing', async () => {
  const { org, app } = setup({ app: { apiIntegration: false } })

  await expect(app.import()).rejects.toThrow(
    'Failed to import into "Acme SCIM": API integration is not enabled for it',
  )
  expect(sent(org)).toStrictEqual([])
})

it('pages by 100 while totalResults says more remain', async () => {
  const { org, app, provider } = setup({ provider: { seed: { users: 250, seed: 3 } } })
  await provider.ready
  const inactive = provider.users.list().filter((user) => user.active === false).length
  expect(inactive).toBeGreaterThan(0)

  const result = await app.import()

  expect(sent(org)).toStrictEqual([usersPage(1), usersPage(101), usersPage(201), GROUPS_PAGE])
  expect(result).toMatchObject({
    ok: true,
    usersScanned: 250 - inactive,
    newUsers: 250 - inactive,
    removedUsers: inactive,
  })
})

it('stops paging at exactly totalResults', async () => {
  const { org, app } = setup({ provider: { seed: { users: 200, seed: 3 } } })

  await app.import()

  expect(sent(org)).toStrictEqual([usersPage(1), usersPage(101), GROUPS_PAGE])
})

it('counts inactive users as removed, not scanned, and keeps them out of the app', async () => {
  const { app, provider } = setup()
  await provider.users.create({ userName: 'gone@corp.example', active: false })
  await provider.users.create({ userName: 'here@corp.example', active: true })

  const result = await app.import()

  expect(result).toMatchObject({ usersScanned: 1, newUsers: 1, removedUsers: 1 })
  expect(app.importedUsers().map((row) => row.userName)).toStrictEqual(['here@corp.example'])
})

it('keeps new imported users in the app, linked to their SCIM id, and finds them unchanged next time', async () => {
  const { org, app, provider } = setup()
  const bob = await provider.users.create({ userName: 'bob@corp.example' })

  await app.import()
  expect(app.importedUsers()).toStrictEqual([{ remoteId: bob.id, userName: 'bob@corp.example' }])
  expect(app.users()).toStrictEqual([])

  org.clearRequests()
  const again = await app.import()
  expect(again).toMatchObject({ usersScanned: 1, newUsers: 0, unchangedUsers: 1 })
  expect(app.importedUsers()).toHaveLength(1)
  expect(sent(org)).toStrictEqual([usersPage(1), GROUPS_PAGE])
})

it('finds a user Okta provisioned unchanged, then updated when the app changed it', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)
  await app.assignUser(jane.id)
  const before = app.users()
  org.clearRequests()

  const unchanged = await app.import()

  expect(unchanged).toMatchObject({ usersScanned: 1, newUsers: 0, unchangedUsers: 1 })
  // Matching sends nothing: no GET by id, no PUT [KR1 §13].
  expect(sent(org)).toStrictEqual([usersPage(1), GROUPS_PAGE])
  expect(app.users()).toStrictEqual(before)

  await provider.users.update(before[0]!.remoteId!, { name: { givenName: 'Janet' } })
  const updated = await app.import()
  expect(updated).toMatchObject({ usersScanned: 1, updatedUsers: 1, unchangedUsers: 0 })
  expect(updated.lines[2]).toBe('1 existing users updated')
})

it('links an unprovisioned assignment on an EXACT username match, and only then', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)
  await app.assignUser(jane.id, { provision: false })
  const remote = await provider.users.create({ userName: 'jane@corp.example' })
  await provider.users.create({ userName: 'JANE@corp.example.org' })

  const result = await app.import()

  expect(result).toMatchObject({ usersScanned: 2, newUsers: 1, updatedUsers: 1 })
  expect(app.appUser(jane.id)).toMatchObject({ remoteId: remote.id, status: 'PROVISIONED' })
})

it('leaves a deprovisioned assignment deprovisioned when its account is active again', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)
  org.groups.create({ name: 'Everyone', members: [jane.id] })
  await app.assignGroup('Everyone')
  await org.users.deactivate(jane.id)
  const { remoteId } = app.appUser(jane.id)!
  await provider.users.update(remoteId!, { active: true })

  const result = await app.import()

  expect(result).toMatchObject({ usersScanned: 1, newUsers: 0, removedUsers: 0 })
  expect(app.appUser(jane.id)).toMatchObject({ remoteId, status: 'DEPROVISIONED' })
})

it('does not link on a username that differs in case', async () => {
  const { org, app, provider } = setup()
  const jane = createJane(org)
  await app.assignUser(jane.id, { provision: false })
  await provider.users.create({ userName: 'Jane@corp.example' })

  const result = await app.import()

  expect(result).toMatchObject({ newUsers: 1, updatedUsers: 0 })
  expect(app.appUser(jane.id)).toMatchObject({ status: 'UNPROVISIONED' })
  expect(app.appUser(jane.id)!.remoteId).toBeUndefined()
})

it('counts a renamed app group as updated and a deleted one as removed', async () => {
  const { app, provider } = setup()
  const renamed = await provider.groups.create({ displayName: 'Engineering' })
  const deleted = await provider.groups.create({ displayName: 'Sales' })
  await app.import()

  await provider.groups.update(renamed.id, { displayName: 'Platform' })
  await provider.groups.delete(deleted.id)
  const result = await app.import()

  expect(result.lines.slice(5)).toStrictEqual([
    '1 groups scanned!',
    '0 new groups imported',
    '1 existing groups updated',
    '0 existing groups unchanged',
    '1 groups removed',
  ])
})

it('leaves out the groups Okta itself pushed', async () => {
  const { org, provider } = setup()
  const pushed = await provider.groups.create({ displayName: 'Pushed by Okta' })
  await provider.groups.create({ displayName: 'Made in the app' })
  const context = contextFor(org, { pushedRemoteId: pushed.id })

  const result = await importResources(context)

  expect(result).toMatchObject({ groupsScanned: 1, newGroups: 1 })
  expect([...context.app.groupCache.keys()]).toStrictEqual(['made in the app'])
})

it('reads lowercase resources, totalresults, startindex and itemsperpage', async () => {
  const { app, org } = setup()
  server.use(
    http.get(`${BASE_URL}/Users`, () =>
      HttpResponse.json({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalresults: 1,
        startindex: 1,
        itemsperpage: 1,
        resources: [{ id: 'u-1', userName: 'lower@corp.example', active: true }],
      }),
    ),
  )

  const result = await app.import()

  expect(result).toMatchObject({ ok: true, usersScanned: 1, newUsers: 1 })
  expect(sent(org)).toStrictEqual([usersPage(1), GROUPS_PAGE])
})

it('fails the import when totalResults is not an integer', async () => {
  const { app, org } = setup()
  server.use(
    http.get(`${BASE_URL}/Users`, () =>
      HttpResponse.json({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: '1',
        Resources: [{ id: 'u-1', userName: 'string@corp.example' }],
      }),
    ),
  )

  const result = await app.import()

  expect(result).toMatchObject({
    ok: false,
    error: 'Error while importing users: Invalid ListResponse: totalResults must be an integer',
    usersScanned: 0,
  })
  expect(sent(org)).toStrictEqual([usersPage(1)])
  expect(app.importedUsers()).toStrictEqual([])
})

it('stops an import that fails mid-way, keeps nothing of it, and logs the failure', async () => {
  const { app, org, provider } = setup({ provider: { seed: { users: 150, seed: 3 } } })
  provider.faults.add({ on: 'listUsers', respond: 'serverError', status: 502, after: 1 })

  const result = await app.import()

  const error =
    'Error while importing users: Bad Gateway. Errors reported by remote server: Bad Gateway'
  expect(result).toMatchObject({ ok: false, error, rateLimited: false, usersScanned: 0 })
  expect(result.lines).toStrictEqual([error])
  // User operations are not retried after a 5xx (okta-behavior.md §2), and no groups follow.
  expect(sent(org)).toStrictEqual([usersPage(1), usersPage(101)])
  expect(app.importedUsers()).toStrictEqual([])
  expect(org.systemLog().map((event) => [event.eventType, event.outcome])).toStrictEqual([
    ['system.import.start', { result: 'SUCCESS' }],
    ['system.import.user.start', { result: 'SUCCESS' }],
    ['system.import.complete', { result: 'FAILURE', reason: error }],
  ])
})

it('keeps the users imported when the groups phase fails', async () => {
  const { app, org, provider } = setup()
  await provider.users.create({ userName: 'bob@corp.example' })
  provider.faults.add({ on: 'listGroups', respond: 'networkError' })

  const result = await app.import()

  expect(result).toMatchObject({
    ok: false,
    error: 'Error while importing groups: null',
    usersScanned: 1,
    newUsers: 1,
  })
  expect(sent(org)).toStrictEqual([usersPage(1), GROUPS_PAGE])
  expect(app.importedUsers()).toHaveLength(1)
})

it('logs the import phases in the System Log', async () => {
  const { app, org, provider } = setup()
  await provider.users.create({ userName: 'bob@corp.example' })
  await provider.groups.create({ displayName: 'Engineering' })

  await app.import()

  expect(org.systemLog().map((event) => event.eventType)).toStrictEqual([
    'system.import.start',
    'system.import.user.start',
    'system.import.download.complete',
    'system.import.user.create',
    'system.import.user.complete',
    'system.import.group.start',
    'system.import.download.complete',
    'system.import.group.create',
    'system.import.group.complete',
    'system.import.complete',
  ])
})

it('rides out a 429 during an import with Okta’s back-off', async () => {
  const { app, org, provider, clock } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'rateLimit', retryAfter: 3, times: 2 })
  const start = clock.now().getTime()

  const result = await app.import()

  expect(result).toMatchObject({ ok: true, rateLimited: false })
  expect(sent(org)).toStrictEqual([usersPage(1), usersPage(1), usersPage(1), GROUPS_PAGE])
  // 3 s, then doubled: 6 s.
  expect(clock.now().getTime() - start).toBe(9_000)
})

it('gives up an import after 10 rate-limited attempts and says it was rate limited', async () => {
  const { app, org, provider } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'rateLimit', retryAfter: 1 })

  const result = await app.import()

  expect(result).toMatchObject({
    ok: false,
    rateLimited: true,
    error:
      'Error while importing users: Too Many Requests. Errors reported by remote server: Rate limit exceeded',
  })
  expect(sent(org)).toStrictEqual(Array(10).fill(usersPage(1)))
})

/**
 * An app context by hand, for state the org's API cannot arrange yet: a group
 * Okta pushed (its SCIM id in `pushedGroups`).
 */
function contextFor(org: OktaOrg, options: { pushedRemoteId: string }): AppContext {
  const settings = resolveAppSettings({
    label: 'By hand',
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    mode: 'aiw',
    mappings: ['userName'],
  })
  return {
    clock: org.clock,
    app: {
      id: '0oahand0000000000000',
      settings,
      users: new Map(),
      imported: new Map(),
      pushedGroups: new Map([
        [
          '00gpushed00000000000',
          {
            groupId: '00gpushed00000000000',
            remoteId: options.pushedRemoteId,
            status: 'ACTIVE',
            pushedMembers: [],
          },
        ],
      ]),
      groupCache: new Map(),
      groupCacheLoaded: false,
    },
    client: createOktaScimClient({
      baseUrl: BASE_URL,
      auth: settings.auth,
      fetch: (input, init) => fetch(input, init),
      clock: org.clock,
      record: () => undefined,
    }),
    user: (id) => org.users.get(id),
    group: (id) => org.groups.get(id),
    placeholderPassword: () => 'abcd1234',
    log: () => undefined,
    addTask: () => {
      throw new Error('no task expected')
    },
    completeTasks: () => undefined,
    hooks: { afterUserProvisioned: [] },
  }
}
