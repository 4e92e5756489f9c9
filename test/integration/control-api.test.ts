import { http, HttpResponse } from 'msw'
import { createScimProvider, defineProfile, profiles, ScimError, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  expectScimError,
  filterQuery,
  type Json,
  SEED,
  send,
  storeState,
  userBody,
  useScimServer,
} from './scim-test-server.js'

// The control API over MSW: /__scim-mock/ on the base URL's origin, no token,
// never in the request log.

/** A profile with one setting and two actions, so the profile endpoints have work. */
const toggles = defineProfile({
  name: 'toggles',
  description: 'A test profile: SCIM refused while `enabled` is false',
  create() {
    let settings = { enabled: true }
    return {
      hooks: {
        beforeOperation() {
          if (!settings.enabled) throw new ScimError(403, 'SCIM is disabled')
        },
      },
      get settings() {
        return settings
      },
      updateSettings(changes) {
        for (const [key, value] of Object.entries(changes)) {
          if (key !== 'enabled' || typeof value !== 'boolean') {
            throw new TypeError(`Failed to update toggles settings: "${key}" must be a boolean`)
          }
        }
        settings = { ...settings, ...(changes as { enabled: boolean }) }
      },
      actions: {
        echo: (input) => ({ echoed: input }),
        nothing: () => undefined,
      },
      reset() {
        settings = { enabled: true }
      },
    }
  },
})

const { provider, server } = useScimServer({ controlApi: true, profile: toggles })
const CONTROL = 'https://acme.test/__scim-mock'

interface ControlResult {
  status: number
  headers: Headers
  /** The parsed JSON body; undefined when there is none. */
  body: Json
}

/** A control API request: no Authorization header, a JSON body when given. */
async function control(
  method: string,
  path: string,
  options: { json?: unknown; text?: string; base?: string } = {},
): Promise<ControlResult> {
  const body =
    options.text ?? (options.json === undefined ? undefined : JSON.stringify(options.json))
  const response = await fetch(`${options.base ?? CONTROL}${path}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  }
}

it('is off by default: no handler serves it and the provider answers 404', async () => {
  const baseUrl = 'https://off.test/scim/v2'
  const off = createScimProvider({ baseUrl })
  server.use(
    ...off.handlers,
    http.all('https://off.test/*', () => HttpResponse.text('not the provider', { status: 418 })),
  )

  const result = await fetch('https://off.test/__scim-mock/faults')
  const direct = await off.handle(new Request('https://off.test/__scim-mock/faults'))

  expect(off.paths).toEqual([baseUrl])
  expect(result.status).toBe(418)
  expect(direct.status).toBe(404)
})

it('serves the control API on the origin of the base URL', () => {
  expect(provider.paths).toEqual([BASE_URL, CONTROL])
})

it('lists no faults at first', async () => {
  const result = await control('GET', '/faults')

  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe('application/json')
  expect(result.body).toEqual([])
})

it('adds a fault with POST /faults, which then fires on SCIM requests', async () => {
  const added = await control('POST', '/faults', {
    json: { on: 'createUser', respond: 'conflict', times: 1, name: 'from Playwright' },
  })

  const first = await send('POST', '/Users', { json: userBody('retry@example.com') })
  const retry = await send('POST', '/Users', { json: userBody('retry@example.com') })

  expect(added.status).toBe(201)
  expect(added.body).toStrictEqual({
    id: expect.any(String),
    on: ['createUser'],
    respond: 'conflict',
    times: 1,
    name: 'from Playwright',
    matched: 0,
    fired: 0,
    remaining: 1,
  })
  expect([first.status, retry.status]).toEqual([409, 201])
  expect(provider.requests[0]?.fault).toStrictEqual({
    id: added.body.id,
    respond: 'conflict',
    name: 'from Playwright',
  })
  expect((await control('GET', '/faults')).body).toMatchObject([
    { id: added.body.id, matched: 1, fired: 1, remaining: 0 },
  ])
})

it('adds an array of faults with one POST /faults', async () => {
  const result = await control('POST', '/faults', {
    json: [
      { on: 'listUsers', respond: 'rateLimit', retryAfter: 2 },
      { on: ['getUser'], respond: 'userNotFound', where: { userName: 'nobody@example.com' } },
    ],
  })

  expect(result.status).toBe(201)
  expect(result.body).toMatchObject([
    { on: ['listUsers'], respond: 'rateLimit', retryAfter: 2 },
    { on: ['getUser'], respond: 'userNotFound', where: { userName: 'nobody@example.com' } },
  ])
  expect(provider.faults.list().map((fault) => fault.id)).toEqual(
    result.body.map((fault: Json) => fault.id),
  )
  expect((await send('GET', '/Users')).headers.get('retry-after')).toBe('2')
})

it('shows remaining as null in JSON for a fault without times', async () => {
  provider.faults.add({ on: '*', respond: 'serverError' })

  const result = await control('GET', '/faults')

  expect(provider.faults.list()[0]?.remaining).toBe(Number.POSITIVE_INFINITY)
  expect(result.body[0].remaining).toBeNull()
})

it('leaves a where predicate out of the JSON', async () => {
  provider.faults.add({ on: '*', respond: 'serverError', where: () => false })

  const result = await control('GET', '/faults')

  expect(result.body[0]).not.toHaveProperty('where')
})

it.each([
  [{ on: 'createUser', respond: 'explode' }, 'Failed to add a fault: "respond": expected one of'],
  [
    { on: 'POST /Users', respond: 'conflict' },
    'Failed to add a fault: "on": expected an operation',
  ],
  [{ on: '*', respond: 'conflict', times: 0 }, 'Failed to add a fault: "times"'],
  [
    { on: '*', respond: 'conflict', where: { nick: 'x' } },
    'Failed to add a fault: unknown field "nick" in "where"',
  ],
  ['conflict', 'Failed to add a fault: the fault'],
])('answers 400 for the bad spec %j, naming the field', async (spec, detail) => {
  const result = await control('POST', '/faults', { json: spec })

  expectScimError(result, 400, 'invalidValue')
  expect(result.body.detail).toContain(detail)
  expect(provider.faults.list()).toEqual([])
})

it('adds none of an array of faults when one of them is bad', async () => {
  const result = await control('POST', '/faults', {
    json: [
      { on: 'listUsers', respond: 'rateLimit' },
      { on: 'listUsers', respond: 'explode' },
    ],
  })

  expectScimError(result, 400, 'invalidValue')
  expect(provider.faults.list()).toEqual([])
  expect((await send('GET', '/Users?count=1')).status).toBe(200)
})

it('removes every fault with DELETE /faults', async () => {
  provider.faults.add({ on: '*', respond: 'serverError' })
  provider.faults.add({ on: 'listUsers', respond: 'rateLimit' })

  const result = await control('DELETE', '/faults')

  expect(result.status).toBe(204)
  expect(result.body).toBeUndefined()
  expect(provider.faults.list()).toEqual([])
})

it('removes one fault with DELETE /faults/{id}, and answers 404 for an unknown id', async () => {
  const removed = provider.faults.add({ on: '*', respond: 'serverError' })
  const kept = provider.faults.add({ on: 'listUsers', respond: 'rateLimit' })

  const result = await control('DELETE', `/faults/${removed.id}`)
  const again = await control('DELETE', `/faults/${removed.id}`)

  expect(result.status).toBe(204)
  expectScimError(again, 404)
  expect(again.body.detail).toBe(`No fault "${removed.id}"`)
  expect(provider.faults.list().map((fault) => fault.id)).toEqual([kept.id])
})

it('resets store, log, faults and profile with POST /reset', async () => {
  const seeded = storeState(provider)
  await send('POST', '/Users', { json: userBody('temp@example.com') })
  provider.faults.add({ on: '*', respond: 'serverError' })
  provider.profile.updateSettings({ enabled: false })

  const result = await control('POST', '/reset')

  expect(result.status).toBe(204)
  expect(storeState(provider)).toStrictEqual(seeded)
  expect(provider.requests).toEqual([])
  expect(provider.faults.list()).toEqual([])
  expect(provider.profile.settings).toEqual({ enabled: true })
})

it('returns the request log with GET /requests, and the entries after a sequence with ?since=', async () => {
  await send('GET', '/Users?count=1')
  await send('GET', '/Groups')
  await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  const all = await control('GET', '/requests')
  const since = await control('GET', '/requests?since=2')

  expect(all.status).toBe(200)
  expect(all.body.map((entry: Json) => [entry.sequence, entry.method, entry.path])).toEqual([
    [1, 'GET', '/Users'],
    [2, 'GET', '/Groups'],
    [3, 'POST', '/Users'],
  ])
  expect(all.body[2]).toMatchObject({ status: 201, response: { userName: 'new.hire@example.com' } })
  expect(since.body.map((entry: Json) => entry.sequence)).toEqual([3])
})

it('empties the request log with DELETE /requests', async () => {
  await send('GET', '/Users?count=1')

  const result = await control('DELETE', '/requests')

  expect(result.status).toBe(204)
  expect(provider.requests).toEqual([])
  expect((await control('GET', '/requests')).body).toEqual([])
})

it('keeps control requests out of the request log and needs no token', async () => {
  await control('GET', '/faults')
  await control('POST', '/faults', { json: { on: 'me', respond: 'forbidden' } })
  await control('GET', '/requests')
  await control('GET', '/users')
  await control('GET', '/profile')
  await control('GET', '/service')
  const withWrongToken = await fetch(`${CONTROL}/faults`, {
    headers: { Authorization: 'Bearer wrong' },
  })

  expect(withWrongToken.status).toBe(200)
  expect(provider.requests).toEqual([])
})

it('describes the profile with GET /profile', async () => {
  const result = await control('GET', '/profile')

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({
    name: 'toggles',
    settings: { enabled: true },
    actions: ['echo', 'nothing'],
  })
})

it('changes settings with PATCH /profile/settings, and the provider follows them', async () => {
  const result = await control('PATCH', '/profile/settings', { json: { enabled: false } })

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({ enabled: false })
  expect(provider.profile.settings).toEqual({ enabled: false })
  expectScimError(await send('GET', '/Users'), 403)
})

it.each([
  ['an unknown setting', { colour: 'blue' }],
  ['a bad value', { enabled: 'yes' }],
  ['an array', [{ enabled: false }]],
  ['null', null],
  ['a string', 'enabled=false'],
])('answers 400 to PATCH /profile/settings with %s', async (_title, json) => {
  const result = await control('PATCH', '/profile/settings', { json })

  expectScimError(result, 400, 'invalidValue')
  expect(provider.profile.settings).toEqual({ enabled: true })
})

it('answers 400 to PATCH /profile/settings for a profile without settings', async () => {
  const baseUrl = 'https://generic.test/scim/v2'
  const generic = createScimProvider({ baseUrl, controlApi: true })
  server.use(...generic.handlers)

  const result = await control('PATCH', '/profile/settings', {
    base: 'https://generic.test/__scim-mock',
    json: { enabled: false },
  })

  expectScimError(result, 400, 'invalidValue')
  expect(result.body.detail).toBe('Failed to update settings: profile "generic" has none')
})

it('runs an action with its input from the query on GET /profile/actions/{name}', async () => {
  const result = await control('GET', '/profile/actions/echo?email=ann%40acme.test&n=1')

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({ echoed: { email: 'ann@acme.test', n: '1' } })
})

it.each([
  ['a JSON body', { json: { email: 'ann@acme.test', n: 1 } }, { email: 'ann@acme.test', n: 1 }],
  ['no body', {}, {}],
])('runs an action with %s on POST /profile/actions/{name}', async (_title, options, input) => {
  const result = await control('POST', '/profile/actions/echo', options)

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual({ echoed: input })
})

it('answers null for an action that returns nothing', async () => {
  const result = await control('POST', '/profile/actions/nothing')

  expect(result.status).toBe(200)
  expect(result.body).toBeNull()
})

it('answers 400 for an unknown action, listing the profile actions', async () => {
  const result = await control('POST', '/profile/actions/explode')

  expectScimError(result, 400, 'invalidValue')
  expect(result.body.detail).toBe(
    'Failed to run "explode": profile "toggles" has only echo, nothing',
  )
})

it('answers 400 for action input that is not a JSON object', async () => {
  const result = await control('POST', '/profile/actions/echo', { json: ['a'] })

  expectScimError(result, 400, 'invalidValue')
})

it.each([
  ['users', '', SEED.users],
  ['groups', '', SEED.groups],
  ['users', filterQuery('userName eq "{user}"'), 1],
  ['users', filterQuery('userName eq "nobody@example.com"'), 0],
  ['groups', filterQuery('displayName eq "{group}"'), 1],
])('returns the store with GET /%s%s', async (resource, query, count) => {
  const path = `/${resource}${query}`
    .replace(encodeURIComponent('{user}'), encodeURIComponent(provider.users.list()[0]!.userName))
    .replace(
      encodeURIComponent('{group}'),
      encodeURIComponent(provider.groups.list()[0]!.displayName),
    )

  const result = await control('GET', path)

  expect(result.status).toBe(200)
  expect(result.body).toHaveLength(count)
  if (count > 0)
    expect(result.body[0].schemas).toContain(resource === 'users' ? URN.user : URN.group)
})

it('returns the store while a fault hits every SCIM request', async () => {
  provider.faults.add({ on: '*', respond: 'networkError' })

  const result = await control('GET', '/users')

  expect(result.body).toHaveLength(SEED.users)
})

it('answers 400 invalidFilter for a bad filter on GET /users', async () => {
  const result = await control('GET', `/users${filterQuery('userName eq')}`)

  expectScimError(result, 400, 'invalidFilter')
})

it('describes the service with GET /service: profile, base URL, tokens and the profiles', async () => {
  const result = await control('GET', '/service')

  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe('application/json')
  expect(result.body).toStrictEqual({
    profile: { name: 'toggles', description: toggles.description },
    baseUrl: BASE_URL,
    authentication: { type: 'bearer', tokens: ['secret'] },
    profiles: Object.values(profiles).map(({ name, description }) => ({ name, description })),
  })
  expect(result.body.profiles.map((profile: Json) => profile.name)).toEqual([
    'generic',
    'magicpod',
    'secoda',
    'condeco',
    'mangoapps',
    'oktopost',
  ])
})

it('describes OAuth with GET /service, with the static tokens accepted besides', async () => {
  const mango = createScimProvider({
    baseUrl: 'https://mango.test/scim/v2',
    profile: 'mangoapps',
    controlApi: true,
    oauth: { clientId: 'okta', clientSecret: 'shh' },
  })
  const both = createScimProvider({
    baseUrl: 'https://both.test/scim/v2',
    oauth: true,
    token: ['one', 'two'],
    controlApi: true,
  })
  server.use(...mango.handlers, ...both.handlers)

  const result = await control('GET', '/service', { base: 'https://mango.test/__scim-mock' })
  const withTokens = await control('GET', '/service', { base: 'https://both.test/__scim-mock' })

  expect(result.body.profile).toStrictEqual({
    name: 'mangoapps',
    description: profiles.mangoapps.description,
  })
  expect(result.body.authentication).toStrictEqual({
    type: 'oauth',
    authorizeUrl: 'https://mango.test/oauth/authorize',
    tokenUrl: 'https://mango.test/oauth/token',
    clientId: 'okta',
    clientSecret: 'shh',
    tokens: [],
  })
  expect(withTokens.body.authentication).toMatchObject({ type: 'oauth', tokens: ['one', 'two'] })
})

it('describes a provider without authentication, and a relative base URL on the request origin', async () => {
  const open = createScimProvider({
    baseUrl: '/api/v2/scim',
    profile: 'secoda',
    auth: false,
    controlApi: true,
  })
  server.use(...open.handlers)

  const result = await control('GET', '/service', { base: 'https://anywhere.test/__scim-mock' })

  expect(result.body).toMatchObject({
    profile: { name: 'secoda' },
    baseUrl: 'https://anywhere.test/api/v2/scim',
    authentication: { type: 'none' },
  })
})

it.each([
  ['PUT', '/faults', 'GET, POST, DELETE'],
  ['PATCH', '/faults', 'GET, POST, DELETE'],
  ['GET', '/faults/fault-1', 'DELETE'],
  ['POST', '/faults/fault-1', 'DELETE'],
  ['GET', '/reset', 'POST'],
  ['DELETE', '/reset', 'POST'],
  ['POST', '/requests', 'GET, DELETE'],
  ['PUT', '/profile', 'GET'],
  ['GET', '/profile/settings', 'PATCH'],
  ['PUT', '/profile/settings', 'PATCH'],
  ['DELETE', '/profile/actions/echo', 'GET, POST'],
  ['POST', '/users', 'GET'],
  ['DELETE', '/groups', 'GET'],
  ['POST', '/service', 'GET'],
  ['PUT', '/service', 'GET'],
])('answers 405 with Allow to %s %s', async (method, path, allow) => {
  const result = await control(method, path)

  expectScimError(result, 405)
  expect(result.headers.get('allow')).toBe(allow)
})

it.each([
  '',
  '/',
  '/nope',
  '/faults/fault-1/extra',
  '/reset/now',
  '/requests/1',
  '/profile/other',
  '/profile/actions',
  '/profile/actions/echo/extra',
  '/users/1',
  '/service/profile',
  '/Faults',
])('answers 404 for the unknown control path "%s"', async (path) => {
  const result = await control('GET', path)

  expectScimError(result, 404)
})

it.each([
  ['POST', '/faults'],
  ['PATCH', '/profile/settings'],
  ['POST', '/profile/actions/echo'],
])('answers 400 invalidSyntax to malformed JSON on %s %s', async (method, path) => {
  const result = await control(method, path, { text: '{"on": "createUser",' })

  expectScimError(result, 400, 'invalidSyntax')
  expect(result.body.detail).toMatch(/^The request body is not valid JSON: /)
})

it('serves the control API on any origin with a relative baseUrl', async () => {
  const relative = createScimProvider({ baseUrl: '/scim/v2', controlApi: true })
  server.use(...relative.handlers)

  const added = await control('POST', '/faults', {
    base: 'https://anywhere.test/__scim-mock',
    json: { on: 'listUsers', respond: 'serverError', status: 502 },
  })
  const scim = await send('GET', '/Users', { baseUrl: 'https://anywhere.test/scim/v2' })

  expect(relative.paths).toEqual(['/scim/v2', '/__scim-mock'])
  expect(added.status).toBe(201)
  expect(scim.status).toBe(502)
  expect(relative.requests).toHaveLength(1)
  expect(provider.faults.list()).toEqual([])
})

it('returns only the last entries with ?limit=', async () => {
  await send('GET', '/Users?count=1')
  await send('GET', '/Groups')
  await send('GET', '/Users?count=2')

  const last = await control('GET', '/requests?limit=2')
  const lastSince = await control('GET', '/requests?since=2&limit=5')

  expect(last.body.map((entry: Json) => entry.sequence)).toEqual([2, 3])
  expect(lastSince.body.map((entry: Json) => entry.sequence)).toEqual([3])
})

it('answers 400 for a limit that is not a positive integer', async () => {
  for (const limit of ['0', '-1', 'ten']) {
    const result = await control('GET', `/requests?limit=${limit}`)
    expectScimError(result, 400, 'invalidValue')
    expect(result.body.detail).toContain(`"${limit}"`)
  }
})

it('answers 400 for a since that is not a sequence number', async () => {
  const result = await control('GET', '/requests?since=abc')

  expectScimError(result, 400, 'invalidValue')
  expect(result.body.detail).toContain('"abc"')
})

it('names the item of an array of faults that is invalid, and adds none of them', async () => {
  const result = await control('POST', '/faults', {
    json: [
      { on: 'createUser', respond: 'conflict' },
      { on: 'createUser', respond: 'nope' },
    ],
  })

  expectScimError(result, 400, 'invalidValue')
  expect(result.body.detail).toMatch(/\(item 1\)$/)
  expect(provider.faults.list()).toEqual([])
})

it('numbers faults from 1 again after a reset, as a new provider does', async () => {
  await control('POST', '/faults', { json: { on: 'createUser', respond: 'conflict' } })
  await control('POST', '/reset')
  const added = await control('POST', '/faults', {
    json: { on: 'createUser', respond: 'conflict' },
  })

  expect(added.body.id).toBe('fault-1')
})
