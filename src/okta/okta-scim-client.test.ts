import { expect, it } from 'vitest'
import { createSimulatedClock } from './okta-clock.js'
import {
  createOktaScimClient,
  type OktaAuth,
  type OktaExchange,
  type OktaScimClientOptions,
} from './okta-scim-client.js'

const BASE_URL = 'https://client.test/scim/v2'
const START = Date.parse('2026-01-01T00:00:00.000Z')

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
  /** Simulated milliseconds since the start. */
  at: number
}

/**
 * A client over a scripted fetch: each call gets the next answer (the last
 * one repeats). An answer is a Response, 'reset' (fetch rejects), or 'hang'
 * (nothing comes back: it sleeps on the clock until the client aborts).
 */
function scripted(
  answers: Array<Response | 'reset' | 'hang' | (() => Response)>,
  options: Partial<OktaScimClientOptions> = {},
) {
  const clock = createSimulatedClock()
  const calls: Call[] = []
  const recorded: OktaExchange[] = []
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
      at: clock.now().getTime() - START,
    })
    const answer = answers[Math.min(calls.length, answers.length) - 1]!
    if (answer === 'reset') throw new TypeError('fetch failed')
    if (answer === 'hang') {
      await clock.sleep(3_600_000, init?.signal ?? undefined)
      return new Response('too late')
    }
    return typeof answer === 'function' ? answer() : answer.clone()
  }) as typeof fetch
  const client = createOktaScimClient({
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    fetch: fetchImpl,
    clock,
    record: (exchange) => recorded.push(exchange),
    ...options,
  })
  return { client, clock, calls, recorded }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/scim+json', ...headers },
  })
const tooMany = (retryAfter?: string) =>
  json(
    429,
    { detail: 'Rate limit exceeded', status: '429' },
    retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
  )
const ok = () => json(200, { totalResults: 0, Resources: [] })
const GET = { method: 'GET', path: '/Users?startIndex=1&count=2' } as const

it('sends Okta’s headers in the order of its documented examples, without Content-Type on a GET', async () => {
  const { client, calls } = scripted([ok()])

  await client.send(GET)

  expect(Object.entries(calls[0]!.headers)).toStrictEqual([
    ['Accept', 'application/scim+json'],
    ['Accept-Charset', 'utf-8'],
    ['User-Agent', 'Okta SCIM Client 1.0.0'],
    ['Authorization', 'Bearer secret'],
    ['Accept-Encoding', 'gzip,deflate'],
  ])
  expect(calls[0]!.body).toBeUndefined()
})

it('sends Content-Type after Accept-Charset, and the body as JSON, when there is a body', async () => {
  const { client, calls } = scripted([json(201, { id: '1' })])
  const body = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'jane' }

  await client.send({ method: 'POST', path: '/Users', body })

  expect(Object.keys(calls[0]!.headers)).toStrictEqual([
    'Accept',
    'Accept-Charset',
    'Content-Type',
    'User-Agent',
    'Authorization',
    'Accept-Encoding',
  ])
  expect(calls[0]!.headers['Content-Type']).toBe('application/scim+json; charset=utf-8')
  expect(calls[0]!.body).toBe(JSON.stringify(body))
})

it.each<[string, OktaAuth, string]>([
  ['header: verbatim', { type: 'header', token: 'abc123' }, 'abc123'],
  ['header: as typed, scheme included', { type: 'header', token: 'Bearer abc' }, 'Bearer abc'],
  ['bearer: with the scheme', { type: 'bearer', token: 'abc123' }, 'Bearer abc123'],
  [
    'basic: base64 of user:password',
    { type: 'basic', username: 'okta', password: 's3cret' },
    'Basic b2t0YTpzM2NyZXQ=',
  ],
  [
    'basic: UTF-8 bytes for non-Latin-1 characters',
    { type: 'basic', username: 'okta', password: 'pâss€' },
    `Basic ${Buffer.from('okta:pâss€', 'utf8').toString('base64')}`,
  ],
])('sends the Authorization header for %s', async (_name, auth, expected) => {
  const { client, calls } = scripted([ok()], { auth })

  await client.send(GET)

  expect(calls[0]!.headers.Authorization).toBe(expected)
})

it('sends the current OAuth access token as a Bearer token', async () => {
  const { client, calls } = scripted([ok()], {
    auth: oauthAuth,
    oauthToken: () => 'access-1',
  })

  await client.send(GET)

  expect(calls[0]!.headers.Authorization).toBe('Bearer access-1')
})

it('joins the base URL and the path as sent, with one slash', async () => {
  const { client, calls, recorded } = scripted([ok()], { baseUrl: `${BASE_URL}/` })
  const path = '/Users?filter=userName%20eq%20%22a%40b.c%22&startIndex=1&count=100'

  await client.send({ method: 'GET', path })

  expect(calls[0]!.url).toBe(`${BASE_URL}${path}`)
  expect(recorded[0]!.path).toBe(path)
})

it('records the answer: status, reason phrase, headers, text and parsed JSON', async () => {
  const { client, recorded } = scripted([json(422, { detail: 'bad' }, { 'X-Trace': 't-1' })])

  const exchange = await client.send(GET)

  expect(recorded).toStrictEqual([exchange])
  expect(exchange).toMatchObject({
    method: 'GET',
    path: GET.path,
    status: 422,
    reason: 'Unprocessable Entity',
    response: { detail: 'bad' },
    text: '{"detail":"bad"}',
    responseHeaders: { 'x-trace': 't-1' },
  })
  expect(exchange.failure).toBeUndefined()
})

it('keeps a body that is not JSON as text only', async () => {
  const { client } = scripted([new Response('User already exists', { status: 409 })])

  const exchange = await client.send(GET)

  expect(exchange).toMatchObject({ status: 409, reason: 'Conflict', text: 'User already exists' })
  expect(exchange).not.toHaveProperty('response')
})

it('falls back to the status text for a status with no known reason phrase', async () => {
  const { client } = scripted([new Response('', { status: 418, statusText: "I'm a teapot" })])

  expect((await client.send(GET)).reason).toBe("I'm a teapot")
})

// 429 (okta-behavior.md §2, [CONCEPT])

it('waits exactly an integer Retry-After, then retries', async () => {
  const { client, calls } = scripted([tooMany('7'), ok()])

  const exchange = await client.send(GET)

  expect(exchange.status).toBe(200)
  expect(calls.map((call) => call.at)).toStrictEqual([0, 7_000])
})

it.each([
  ['absent', undefined],
  ['a fraction', '1.5'],
  ['negative', '-1'],
  ['an HTTP-date', 'Fri, 02 Jan 2026 00:00:00 GMT'],
  ['"null"', 'null'],
])('waits 5 minutes when Retry-After is %s', async (_name, retryAfter) => {
  const { client, calls } = scripted([tooMany(retryAfter), ok()])

  await client.send(GET)

  expect(calls.map((call) => call.at)).toStrictEqual([0, 300_000])
})

it('doubles the wait on each further 429, from the latest Retry-After', async () => {
  const { client, calls } = scripted([tooMany('1'), tooMany('1'), tooMany('1'), ok()])

  await client.send(GET)

  expect(calls.map((call) => call.at)).toStrictEqual([0, 1_000, 3_000, 7_000])
})

it('gives up after 10 attempts and returns the last 429', async () => {
  const { client, calls, recorded, clock } = scripted([tooMany()])

  const exchange = await client.send(GET)

  expect(exchange.status).toBe(429)
  expect(calls).toHaveLength(10)
  expect(recorded).toHaveLength(10)
  expect(clock.now().getTime() - START).toBe(300_000 * (2 ** 9 - 1))
})

it('takes the number of attempts from maxAttempts', async () => {
  const { client, calls } = scripted([tooMany('1')], { maxAttempts: 3 })

  await client.send(GET)

  expect(calls).toHaveLength(3)
})

// No HTTP answer

it('times out after 60 s of simulated time with failure "timeout"', async () => {
  const { client, clock } = scripted(['hang'])

  const exchange = await client.send(GET)

  expect(exchange).toMatchObject({ status: 0, reason: '', text: '', failure: 'timeout' })
  expect(clock.now().getTime() - START).toBe(60_000)
})

it('takes the timeout from timeoutMs', async () => {
  const { client, clock } = scripted(['hang'], { timeoutMs: 5_000 })

  expect((await client.send(GET)).failure).toBe('timeout')
  expect(clock.now().getTime() - START).toBe(5_000)
})

it('does not time out an answer that comes in time, and leaves no timer behind', async () => {
  const { client, clock } = scripted([ok()])

  await client.send(GET)
  await clock.sleep(120_000)

  expect(clock.now().getTime() - START).toBe(120_000)
})

it('reports a dropped connection as failure "network", and does not retry it', async () => {
  const { client, calls } = scripted(['reset'])

  const exchange = await client.send(GET)

  expect(exchange).toMatchObject({ status: 0, failure: 'network' })
  expect(calls).toHaveLength(1)
})

// OAuth (okta-behavior.md §1.0)

const oauthAuth: OktaAuth = {
  type: 'oauth',
  authorizeUrl: 'https://client.test/oauth/authorize',
  tokenUrl: 'https://client.test/oauth/token',
  clientId: 'okta',
  clientSecret: 'shh',
}

it('refreshes the OAuth token once on a 401 and repeats the request with the new one', async () => {
  let token = 'old'
  const { client, calls } = scripted([json(401, { detail: 'expired' }), ok()], {
    auth: oauthAuth,
    oauthToken: () => token,
    refreshOAuth: async () => {
      token = 'new'
      return true
    },
  })

  const exchange = await client.send(GET)

  expect(exchange.status).toBe(200)
  expect(calls.map((call) => call.headers.Authorization)).toStrictEqual([
    'Bearer old',
    'Bearer new',
  ])
})

it('refreshes at most once: a second 401 stands', async () => {
  let refreshes = 0
  const { client, calls } = scripted([json(401, { detail: 'no' })], {
    auth: oauthAuth,
    oauthToken: () => 'token',
    refreshOAuth: async () => ++refreshes > 0,
  })

  expect((await client.send(GET)).status).toBe(401)
  expect(refreshes).toBe(1)
  expect(calls).toHaveLength(2)
})

it('keeps the 401 when the refresh fails or the token endpoint cannot be reached', async () => {
  for (const refreshOAuth of [
    async () => false,
    () => Promise.reject(new TypeError('fetch failed')),
  ]) {
    const { client, calls } = scripted([json(401, { detail: 'no' })], {
      auth: oauthAuth,
      oauthToken: () => 'token',
      refreshOAuth,
    })

    expect((await client.send(GET)).status).toBe(401)
    expect(calls).toHaveLength(1)
  }
})

it('does not count the request repeated after a refresh as one of the 10 attempts', async () => {
  const { client, calls } = scripted(
    [json(401, { detail: 'expired' }), ...Array.from({ length: 12 }, () => tooMany('1'))],
    { auth: oauthAuth, oauthToken: () => 't', refreshOAuth: async () => true },
  )

  await client.send(GET)

  expect(calls).toHaveLength(11)
})

it('never refreshes for a static token', async () => {
  let refreshes = 0
  const { client } = scripted([json(401, { detail: 'no' })], {
    refreshOAuth: async () => ++refreshes > 0,
  })

  await client.send(GET)

  expect(refreshes).toBe(0)
})
