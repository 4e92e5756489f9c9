import {
  createScimProvider,
  type FaultResponse,
  type FaultSpec,
  type ScimOperation,
  URN,
} from 'scim-mock'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import {
  BASE_URL,
  filterQuery,
  groupBody,
  type Json,
  patchBody,
  SCIM_JSON,
  scimRequest,
  searchBody,
  send,
  sendRaw,
  storeState,
  userBody,
  useScimServer,
} from './scim-test-server.js'

// Each named response through MSW and fetch: status, scimType, detail, headers,
// content type, every override, and whether the operation runs.

/** Every wait of a latency or timeout fault; held until released while `hold` is on. */
const waits: Array<{ ms: number; signal: AbortSignal | undefined; release: () => void }> = []
let hold = false
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    waits.push({ ms, signal, release: resolve })
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
    if (!hold) resolve()
  })

/** Operations that reached the provider's hooks, i.e. that ran. */
const ran: ScimOperation[] = []

const { provider, server } = useScimServer({
  sleep,
  hooks: { beforeOperation: ({ operation }) => void ran.push(operation) },
})

beforeEach(() => {
  waits.length = 0
  hold = false
  ran.length = 0
})

afterEach(() => {
  vi.useRealTimers()
})

const firstUser = () => provider.users.list()[0]!
const firstGroup = () => provider.groups.list()[0]!
/** `{user}` and `{group}` stand for the first seeded user's and group's ids. */
const resolvePath = (path: string) =>
  path.replace('{user}', firstUser().id).replace('{group}', firstGroup().id)
const lastEntry = () => provider.requests.at(-1)!
/** Waits for work the provider does after fetch has settled, polling every millisecond. */
const until = (check: () => void) => vi.waitFor(check, { interval: 1 })

interface Case {
  respond: FaultResponse
  on: ScimOperation
  method: string
  path: string
  json?: unknown
  status: number
  scimType?: string
  detail: string
  headers?: Record<string, string>
}

const DEFAULTS: Case[] = [
  {
    respond: 'conflict',
    on: 'createUser',
    method: 'POST',
    path: '/Users',
    json: userBody('new.hire@example.com'),
    status: 409,
    scimType: 'uniqueness',
    detail: 'User already exists in the database.',
  },
  {
    respond: 'conflict',
    on: 'createGroup',
    method: 'POST',
    path: '/Groups',
    json: groupBody('Engineering'),
    status: 409,
    scimType: 'uniqueness',
    detail: 'Group already exists in the database.',
  },
  {
    respond: 'conflict',
    on: 'replaceGroup',
    method: 'PUT',
    path: '/Groups/{group}',
    json: groupBody('Renamed'),
    status: 409,
    scimType: 'uniqueness',
    detail: 'Group already exists in the database.',
  },
  {
    respond: 'licenseLimit',
    on: 'createUser',
    method: 'POST',
    path: '/Users',
    json: userBody('new.hire@example.com'),
    status: 403,
    detail: 'License limit reached: there are no seats left for another active user',
  },
  {
    respond: 'userNotFound',
    on: 'getUser',
    method: 'GET',
    path: '/Users/{user}',
    status: 404,
    detail: 'User not found',
  },
  {
    respond: 'userNotFound',
    on: 'replaceUser',
    method: 'PUT',
    path: '/Users/{user}',
    json: userBody('renamed@example.com'),
    status: 404,
    detail: 'User not found',
  },
  {
    respond: 'groupNotFound',
    on: 'patchGroup',
    method: 'PATCH',
    path: '/Groups/{group}',
    json: patchBody({ op: 'replace', path: 'displayName', value: 'Renamed' }),
    status: 404,
    detail: 'Group not found',
  },
  {
    respond: 'rateLimit',
    on: 'createUser',
    method: 'POST',
    path: '/Users',
    json: userBody('new.hire@example.com'),
    status: 429,
    detail: 'Rate limit exceeded',
    headers: { 'retry-after': '1' },
  },
  {
    respond: 'serverError',
    on: 'listUsers',
    method: 'GET',
    path: '/Users',
    status: 500,
    detail: 'Internal Server Error',
  },
  {
    respond: 'unauthorized',
    on: 'listUsers',
    method: 'GET',
    path: '/Users',
    status: 401,
    detail: 'Invalid SCIM token: it has expired or was rotated',
    headers: { 'www-authenticate': 'Bearer realm="scim-mock", error="invalid_token"' },
  },
  {
    respond: 'forbidden',
    on: 'deleteUser',
    method: 'DELETE',
    path: '/Users/{user}',
    status: 403,
    detail: 'SCIM provisioning is disabled for this organization',
  },
  {
    respond: 'invalidValue',
    on: 'patchUser',
    method: 'PATCH',
    path: '/Users/{user}',
    json: patchBody({ op: 'replace', path: 'active', value: false }),
    status: 400,
    scimType: 'invalidValue',
    detail: 'Request is unparsable, syntactically incorrect, or violates schema.',
  },
]

it.each(DEFAULTS.map((row) => [`${row.respond} on ${row.on}`, row] as const))(
  'answers %s with its default status, scimType, detail and headers',
  async (_title, row) => {
    const fault = provider.faults.add({ on: row.on, respond: row.respond })
    const before = storeState(provider)

    const result = await send(row.method, resolvePath(row.path), { json: row.json })

    expect(result.status).toBe(row.status)
    expect(result.body).toStrictEqual({
      schemas: [URN.error],
      status: String(row.status),
      ...(row.scimType ? { scimType: row.scimType } : {}),
      detail: row.detail,
    })
    expect(result.headers.get('content-type')).toBe(SCIM_JSON)
    for (const [name, value] of Object.entries(row.headers ?? {})) {
      expect(result.headers.get(name)).toBe(value)
    }
    if (!row.headers?.['retry-after']) expect(result.headers.get('retry-after')).toBeNull()
    expect(storeState(provider)).toStrictEqual(before)
    expect(ran).toEqual([])
    expect(lastEntry()).toMatchObject({
      operation: row.on,
      status: row.status,
      fault: { id: fault.id, respond: row.respond },
    })
  },
)

it('answers 404 for a user that exists on GET and PUT: the stale-id case', async () => {
  const user = firstUser()
  provider.faults.add({ on: ['getUser', 'replaceUser'], respond: 'userNotFound' })

  const read = await send('GET', `/Users/${user.id}`)
  const replaced = await send('PUT', `/Users/${user.id}`, {
    json: userBody(user.userName, { displayName: 'Changed' }),
  })

  expect([read.status, replaced.status]).toEqual([404, 404])
  expect(provider.users.get(user.id)).toStrictEqual(user)
  provider.faults.clear()
  expect((await send('GET', `/Users/${user.id}`)).status).toBe(200)
})

it.each<[string, Partial<FaultSpec>, number, string | undefined, string]>([
  ['status', { status: 400 }, 400, 'uniqueness', 'User already exists in the database.'],
  [
    'scimType',
    { scimType: 'mutability' },
    409,
    'mutability',
    'User already exists in the database.',
  ],
  ['scimType null', { scimType: null }, 409, undefined, 'User already exists in the database.'],
  [
    'detail',
    { detail: 'User with this email already exists' },
    409,
    'uniqueness',
    'User with this email already exists',
  ],
  [
    'status, scimType and detail',
    { status: 422, scimType: 'invalidValue', detail: 'Nope' },
    422,
    'invalidValue',
    'Nope',
  ],
])('overrides %s of a conflict', async (_field, override, status, scimType, detail) => {
  provider.faults.add({ on: 'createUser', respond: 'conflict', ...override })

  const result = await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(status)
  expect(result.body).toStrictEqual({
    schemas: [URN.error],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  })
})

it.each<[string, FaultResponse, Partial<FaultSpec>, number, string | undefined]>([
  ['a scimType on licenseLimit', 'licenseLimit', { scimType: 'tooMany' }, 403, 'tooMany'],
  ['scimType null on invalidValue', 'invalidValue', { scimType: null }, 400, undefined],
  ['the status of forbidden', 'forbidden', { status: 401 }, 401, undefined],
  ['the status of userNotFound', 'userNotFound', { status: 410 }, 410, undefined],
])('overrides %s', async (_title, respond, override, status, scimType) => {
  provider.faults.add({ on: 'getUser', respond, ...override })

  const result = await send('GET', `/Users/${firstUser().id}`)

  expect(result.status).toBe(status)
  expect(result.body.status).toBe(String(status))
  expect(result.body.scimType).toBe(scimType)
})

it.each<[string, FaultSpec['retryAfter'], string | null]>([
  ['the default', undefined, '1'],
  ['a number of seconds', 120, '120'],
  ['zero seconds', 0, '0'],
  ['an HTTP-date string', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ['a non-integer string', '1.5', '1.5'],
  ['null', null, null],
])('sends Retry-After for %s on a rateLimit', async (_title, retryAfter, header) => {
  provider.faults.add({
    on: 'createUser',
    respond: 'rateLimit',
    ...(retryAfter === undefined ? {} : { retryAfter }),
  })

  const result = await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(429)
  expect(result.body.detail).toBe('Rate limit exceeded')
  expect(result.headers.get('retry-after')).toBe(header)
  expect(lastEntry().responseHeaders).toStrictEqual(
    header === null ? {} : { 'Retry-After': header },
  )
})

it('keeps Retry-After when a rateLimit overrides its status', async () => {
  provider.faults.add({ on: 'listUsers', respond: 'rateLimit', status: 503, retryAfter: 30 })

  const result = await send('GET', '/Users')

  expect(result.status).toBe(503)
  expect(result.headers.get('retry-after')).toBe('30')
})

it.each<[number | undefined, number, string]>([
  [undefined, 500, 'Internal Server Error'],
  [500, 500, 'Internal Server Error'],
  [502, 502, 'Bad Gateway'],
  [503, 503, 'Service Unavailable'],
  [504, 504, 'Gateway Timeout'],
])('answers serverError with status %s as %s "%s"', async (status, expected, detail) => {
  provider.faults.add({
    on: 'createUser',
    respond: 'serverError',
    ...(status === undefined ? {} : { status }),
  })

  const result = await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(expected)
  expect(result.body).toStrictEqual({
    schemas: [URN.error],
    status: String(expected),
    detail,
  })
})

it('overrides the detail of a serverError', async () => {
  provider.faults.add({
    on: 'createUser',
    respond: 'serverError',
    status: 502,
    detail: 'upstream connect error',
  })

  const result = await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(502)
  expect(result.body.detail).toBe('upstream connect error')
})

it('answers malformedBody with a gateway HTML page and 502 by default', async () => {
  provider.faults.add({ on: 'createUser', respond: 'malformedBody' })
  const before = storeState(provider)

  const result = await sendRaw('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(502)
  expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(result.text).toMatch(/^<html>/)
  expect(result.text).toContain('<title>502 Bad Gateway</title>')
  expect(result.text).toContain('<h1>502 Bad Gateway</h1>')
  // What a JSON parser such as Okta's makes of it.
  expect(() => JSON.parse(result.text)).toThrow(SyntaxError)
  expect(storeState(provider)).toStrictEqual(before)
  expect(lastEntry()).toMatchObject({ status: 502, response: result.text })
})

it('puts the status and its reason phrase in the malformedBody page', async () => {
  provider.faults.add({ on: 'listUsers', respond: 'malformedBody', status: 503 })

  const result = await sendRaw('GET', '/Users')

  expect(result.status).toBe(503)
  expect(result.text).toContain('<title>503 Service Unavailable</title>')
})

it('answers malformedBody with format text as 409 text/plain "User already exists"', async () => {
  provider.faults.add({ on: 'createUser', respond: 'malformedBody', format: 'text' })

  const result = await sendRaw('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(409)
  expect(result.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(result.text).toBe('User already exists')
  expect(provider.users.findByUserName('new.hire@example.com')).toBeUndefined()
})

it.each<[string, Partial<FaultSpec>, number, string, string]>([
  [
    'a plain-text body',
    { format: 'text', status: 502, body: 'error code: 502' },
    502,
    'text/plain; charset=utf-8',
    'error code: 502',
  ],
  [
    'an HTML body',
    { body: '<h1>Service down</h1>' },
    502,
    'text/html; charset=utf-8',
    '<h1>Service down</h1>',
  ],
  ['an empty body', { format: 'text', body: '' }, 409, 'text/plain; charset=utf-8', ''],
])('sends the malformedBody %s as given', async (_title, override, status, contentType, text) => {
  provider.faults.add({ on: 'listUsers', respond: 'malformedBody', ...override })

  const result = await sendRaw('GET', '/Users')

  expect(result.status).toBe(status)
  expect(result.headers.get('content-type')).toBe(contentType)
  expect(result.text).toBe(text)
})

it('answers a latency fault normally once the delay has passed, and not before', async () => {
  hold = true
  provider.faults.add({ on: 'createUser', respond: 'latency', delay: 250 })
  let settled = false

  const pending = send('POST', '/Users', { json: userBody('slow@example.com') }).finally(() => {
    settled = true
  })
  await until(() => expect(waits).toHaveLength(1))

  expect(waits[0]!.ms).toBe(250)
  expect(settled).toBe(false)
  expect(provider.users.findByUserName('slow@example.com')).toBeUndefined()
  waits[0]!.release()
  const result = await pending
  expect(result.status).toBe(201)
  expect(result.body.userName).toBe('slow@example.com')
  expect(provider.users.findByUserName('slow@example.com')).toBeDefined()
  expect(lastEntry()).toMatchObject({ status: 201, fault: { respond: 'latency' } })
})

it('waits 1000 ms for a latency fault by default', async () => {
  provider.faults.add({ on: 'listUsers', respond: 'latency' })

  const result = await send('GET', '/Users?count=1')

  expect(result.status).toBe(200)
  expect(waits.map((wait) => wait.ms)).toEqual([1000])
})

it('waits for a latency fault on real timers without a sleep option, under fake timers', async () => {
  const baseUrl = 'https://slow.test/scim/v2'
  const slow = createScimProvider({ baseUrl })
  server.use(...slow.handlers)
  slow.faults.add({ on: 'listUsers', respond: 'latency' })
  vi.useFakeTimers()
  let settled = false

  const pending = fetch(scimRequest('GET', '/Users', { baseUrl })).finally(() => {
    settled = true
  })
  await vi.advanceTimersByTimeAsync(999)
  expect(settled).toBe(false)
  await vi.advanceTimersByTimeAsync(1)

  expect(settled).toBe(true)
  expect((await pending).status).toBe(200)
})

it('drops a latency fault whose client gives up, without running the operation', async () => {
  hold = true
  provider.faults.add({ on: 'createUser', respond: 'latency' })
  const controller = new AbortController()

  const pending = fetch(
    scimRequest('POST', '/Users', { json: userBody('impatient@example.com') }),
    { signal: controller.signal },
  )
  await until(() => expect(waits).toHaveLength(1))
  controller.abort()

  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  await until(() => expect(provider.requests).toHaveLength(1))
  expect(lastEntry()).toMatchObject({ status: 0, fault: { respond: 'latency' } })
  expect(lastEntry().error).toBeUndefined()
  expect(provider.users.findByUserName('impatient@example.com')).toBeUndefined()
  expect(ran).toEqual([])
})

it('sends nothing for a timeout fault until the client gives up with its AbortSignal', async () => {
  hold = true
  provider.faults.add({ on: 'createUser', respond: 'timeout' })
  const before = storeState(provider)
  const controller = new AbortController()

  const pending = fetch(scimRequest('POST', '/Users', { json: userBody('new.hire@example.com') }), {
    signal: controller.signal,
  })
  await until(() => expect(waits).toHaveLength(1))
  // Past Okta's 60 s: the client always gives up first.
  expect(waits[0]!.ms).toBe(61_000)
  controller.abort()

  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  await until(() => expect(provider.requests).toHaveLength(1))
  expect(lastEntry()).toMatchObject({
    status: 0,
    operation: 'createUser',
    fault: { respond: 'timeout' },
  })
  expect(storeState(provider)).toStrictEqual(before)
})

it('fails a timeout fault with a network error after the delay when the client waits', async () => {
  hold = true
  provider.faults.add({ on: 'listUsers', respond: 'timeout', delay: 5000 })
  let settled = false

  const pending = fetch(scimRequest('GET', '/Users')).finally(() => {
    settled = true
  })
  await until(() => expect(waits).toHaveLength(1))
  expect(waits[0]!.ms).toBe(5000)
  expect(settled).toBe(false)
  waits[0]!.release()

  await expect(pending).rejects.toThrow(TypeError)
  expect(lastEntry()).toMatchObject({ status: 0, responseHeaders: {}, response: undefined })
})

it('waits 61 s for a timeout fault on real timers without a sleep option, under fake timers', async () => {
  const baseUrl = 'https://slow.test/scim/v2'
  const slow = createScimProvider({ baseUrl })
  server.use(...slow.handlers)
  slow.faults.add({ on: 'listUsers', respond: 'timeout' })
  vi.useFakeTimers()
  let outcome: unknown

  const pending = fetch(scimRequest('GET', '/Users', { baseUrl })).then(
    () => (outcome = 'answered'),
    (error: unknown) => (outcome = error),
  )
  await vi.advanceTimersByTimeAsync(60_999)
  expect(outcome).toBeUndefined()
  await vi.advanceTimersByTimeAsync(1)
  await pending

  expect(outcome).toBeInstanceOf(TypeError)
  expect(slow.requests).toMatchObject([{ status: 0, fault: { respond: 'timeout' } }])
})

it('makes fetch reject for a networkError fault and logs status 0', async () => {
  const fault = provider.faults.add({ on: 'createUser', respond: 'networkError' })
  const before = storeState(provider)

  await expect(
    fetch(scimRequest('POST', '/Users', { json: userBody('new.hire@example.com') })),
  ).rejects.toThrow(TypeError)

  expect(storeState(provider)).toStrictEqual(before)
  expect(waits).toEqual([])
  expect(provider.requests).toHaveLength(1)
  expect(lastEntry()).toMatchObject({
    method: 'POST',
    path: '/Users',
    operation: 'createUser',
    status: 0,
    response: undefined,
    responseHeaders: {},
    body: userBody('new.hire@example.com'),
    fault: { id: fault.id, respond: 'networkError' },
  })
})

it('answers a create with 201 and no body, and creates the user (emptyBody)', async () => {
  provider.faults.add({ on: 'createUser', respond: 'emptyBody' })

  const result = await sendRaw('POST', '/Users', { json: userBody('silent@example.com') })

  const created = provider.users.findByUserName('silent@example.com')
  expect(created).toBeDefined()
  expect(result.status).toBe(201)
  expect(result.text).toBe('')
  expect(result.headers.get('content-type')).toBeNull()
  expect(result.headers.get('location')).toBe(`${BASE_URL}/Users/${created!.id}`)
  expect(lastEntry()).toMatchObject({ status: 201, response: undefined })
})

it.each<[ScimOperation, string]>([
  ['replaceUser', 'PUT'],
  ['patchUser', 'PATCH'],
])('answers %s with 200 and no body, and still applies it (emptyBody)', async (on, method) => {
  const user = firstUser()
  provider.faults.add({ on, respond: 'emptyBody' })
  const json =
    method === 'PUT'
      ? userBody(user.userName, { title: 'Changed' })
      : patchBody({ op: 'replace', path: 'title', value: 'Changed' })

  const result = await sendRaw(method, `/Users/${user.id}`, { json })

  expect(result.status).toBe(200)
  expect(result.text).toBe('')
  expect(provider.users.get(user.id)?.title).toBe('Changed')
})

it.each([
  [
    'GET /Users',
    (filter: string) => send('GET', `/Users${filterQuery(filter, '&startIndex=3&count=5')}`),
  ],
  [
    'POST /Users/.search',
    (filter: string) =>
      send('POST', '/Users/.search', { json: searchBody({ filter, startIndex: 3, count: 5 }) }),
  ],
])(
  'lists every user for a filtered %s, with paging intact (ignoreFilter)',
  async (_title, list) => {
    const filter = `userName eq "${firstUser().userName}"`
    const unfiltered = await send('GET', '/Users?startIndex=3&count=5')
    provider.faults.add({ on: 'listUsers', respond: 'ignoreFilter' })

    const result = await list(filter)

    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ totalResults: 20, startIndex: 3, itemsPerPage: 5 })
    expect(result.body.Resources.map((user: Json) => user.id)).toEqual(
      unfiltered.body.Resources.map((user: Json) => user.id),
    )
    provider.faults.clear()
    expect((await list(filter)).body.totalResults).toBe(1)
  },
)

it('lists every group for a filtered list (ignoreFilter)', async () => {
  provider.faults.add({ on: 'listGroups', respond: 'ignoreFilter' })

  const result = await send('GET', `/Groups${filterQuery('displayName eq "no such group"')}`)

  expect(result.body.totalResults).toBe(3)
})

it('finds nothing for a userName lookup in another case (caseSensitiveUserName)', async () => {
  const { userName } = firstUser()
  const lookup = (name: string) => send('GET', `/Users${filterQuery(`userName eq "${name}"`)}`)
  provider.faults.add({ on: 'listUsers', respond: 'caseSensitiveUserName' })

  expect((await lookup(userName.toUpperCase())).body.totalResults).toBe(0)
  expect((await lookup(userName)).body.totalResults).toBe(1)
  provider.faults.clear()
  expect((await lookup(userName.toUpperCase())).body.totalResults).toBe(1)
})

it('accepts a create in another case, making two users (caseSensitiveUserName)', async () => {
  const { userName } = firstUser()
  const create = () => send('POST', '/Users', { json: userBody(userName.toUpperCase()) })
  expect((await create()).status).toBe(409)
  provider.faults.add({ on: 'createUser', respond: 'caseSensitiveUserName' })

  const result = await create()

  expect(result.status).toBe(201)
  expect(provider.users.count()).toBe(21)
  expect(provider.users.find(`userName eq "${userName}"`)).toHaveLength(2)
})

it('still refuses the exact same userName (caseSensitiveUserName)', async () => {
  provider.faults.add({ on: 'createUser', respond: 'caseSensitiveUserName' })

  const result = await send('POST', '/Users', { json: userBody(firstUser().userName) })

  expect(result.status).toBe(409)
  expect(result.body.scimType).toBe('uniqueness')
  expect(lastEntry().fault).toMatchObject({ respond: 'caseSensitiveUserName' })
})

const REPLYING: FaultResponse[] = [
  'conflict',
  'licenseLimit',
  'userNotFound',
  'groupNotFound',
  'rateLimit',
  'serverError',
  'unauthorized',
  'forbidden',
  'invalidValue',
  'malformedBody',
  'networkError',
  'timeout',
]
const RUNNING: FaultResponse[] = ['latency', 'emptyBody', 'ignoreFilter', 'caseSensitiveUserName']

it.each(REPLYING)('does not run the operation under %s', async (respond) => {
  provider.faults.add({ on: ['createUser', 'deleteUser'], respond })
  const before = storeState(provider)

  await fetch(scimRequest('POST', '/Users', { json: userBody('new.hire@example.com') })).catch(
    () => undefined,
  )
  await fetch(scimRequest('DELETE', `/Users/${firstUser().id}`)).catch(() => undefined)

  expect(storeState(provider)).toStrictEqual(before)
  expect(ran).toEqual([])
  expect(provider.requests.map((entry) => entry.fault?.respond)).toEqual([respond, respond])
})

it.each(RUNNING)('runs the operation under %s', async (respond) => {
  provider.faults.add({ on: ['createUser', 'deleteUser'], respond })
  const { id } = firstUser()

  const created = await fetch(
    scimRequest('POST', '/Users', { json: userBody('new.hire@example.com') }),
  )
  const deleted = await fetch(scimRequest('DELETE', `/Users/${id}`))

  expect([created.status, deleted.status]).toEqual([201, 204])
  expect(provider.users.findByUserName('new.hire@example.com')).toBeDefined()
  expect(provider.users.get(id)).toBeUndefined()
  expect(ran).toEqual(['createUser', 'deleteUser'])
})

it('marks a fired fault in the request log with its id, respond and name', async () => {
  const named = provider.faults.add({
    on: 'createUser',
    respond: 'conflict',
    name: 'Okta retry after a lost response',
    times: 1,
  })
  const unnamed = provider.faults.add({ on: 'listUsers', respond: 'rateLimit' })

  await send('POST', '/Users', { json: userBody('new.hire@example.com') })
  await send('GET', '/Users')

  expect(provider.requests.map((entry) => entry.fault)).toStrictEqual([
    { id: named.id, respond: 'conflict', name: 'Okta retry after a lost response' },
    { id: unnamed.id, respond: 'rateLimit' },
  ])
})

it('leaves real errors and untouched requests unmarked in the request log', async () => {
  const { userName, id } = firstUser()
  provider.faults.add({ on: 'deleteGroup', respond: 'serverError' })

  await send('POST', '/Users', { json: userBody(userName) })
  await send('GET', '/Users/no-such-id')
  await send('GET', '/Users', { headers: { Authorization: 'Bearer wrong' } })
  await send('GET', `/Users/${id}`)

  expect(provider.requests.map((entry) => entry.status)).toEqual([409, 404, 401, 200])
  for (const entry of provider.requests) expect(entry).not.toHaveProperty('fault')
})
