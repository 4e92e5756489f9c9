import { setupServer } from 'msw/node'
import { createScimProvider, type FaultSpec } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createOktaOrg } from '../../src/okta/create-okta-org.js'
import { createSimulatedClock } from '../../src/okta/okta-clock.js'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { createJane } from './transcript-flows.js'

// What Okta does when the SCIM server fails (okta-behavior.md §2 "Errors by
// status", §5, T6, T7): the 429 back-off in simulated time, the 60 s read
// timeout, bodies that are not JSON, an empty create answer. Okta's waits
// are hours long; the shared simulated clock makes them instant.

const BASE_URL = 'https://failures.test/scim/v2'
const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const FIVE_MINUTES = 300_000

/** A provider and an org on one simulated clock: the provider's log times are Okta's. */
function setup(...faults: FaultSpec[]) {
  const clock = createSimulatedClock('2026-03-02T10:00:00.000Z')
  const provider = createScimProvider({
    baseUrl: BASE_URL,
    seed: { users: 0, seed: 5 },
    clock: () => clock.now(),
    sleep: clock.sleep,
  })
  for (const fault of faults) provider.faults.add(fault)
  server.use(...provider.handlers)
  const org = createOktaOrg({ clock, seed: 5 })
  const app = org.apps.create({
    label: 'Acme SCIM',
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
  })
  const start = clock.now().getTime()
  /** The simulated milliseconds between consecutive requests the provider received. */
  const gaps = () => {
    const times = provider.requests.map((request) => Date.parse(request.time))
    return times.slice(1).map((time, index) => time - times[index]!)
  }
  return { clock, provider, org, app, start, gaps }
}

const provisioningFailed = (cause: string) =>
  `Automatic provisioning of user Jane Doe to app Acme SCIM failed: ${cause}`

// 429 (okta-behavior.md §2, [CONCEPT])

it('waits exactly an integer Retry-After before the retry', async () => {
  const { app, provider, gaps } = setup({
    on: 'listUsers',
    respond: 'rateLimit',
    retryAfter: 7,
    times: 1,
  })

  expect(await app.testConnection()).toMatchObject({ ok: true })
  expect(provider.requests.map((request) => request.status)).toStrictEqual([429, 200])
  expect(gaps()).toStrictEqual([7_000])
})

it.each([
  ['no Retry-After header', null],
  ['a fraction', '1.5'],
  ['a negative number', '-3'],
  ['an HTTP-date', 'Wed, 21 Oct 2026 07:28:00 GMT'],
  ['text', 'soon'],
  ['an empty value', ''],
])('waits 5 minutes when the 429 has %s', async (_name, retryAfter) => {
  const { app, gaps } = setup({ on: 'listUsers', respond: 'rateLimit', retryAfter, times: 1 })

  expect(await app.testConnection()).toMatchObject({ ok: true })
  expect(gaps()).toStrictEqual([FIVE_MINUTES])
})

it('doubles the wait on each further 429', async () => {
  const { app, gaps, clock, start } = setup({
    on: 'listUsers',
    respond: 'rateLimit',
    retryAfter: 2,
    times: 3,
  })

  expect(await app.testConnection()).toMatchObject({ ok: true })
  expect(gaps()).toStrictEqual([2_000, 4_000, 8_000])
  expect(clock.now().getTime() - start).toBe(14_000)
})

it('doubles the 5-minute default too', async () => {
  const { app, gaps } = setup({ on: 'listUsers', respond: 'rateLimit', retryAfter: null, times: 2 })

  await app.testConnection()

  expect(gaps()).toStrictEqual([FIVE_MINUTES, 2 * FIVE_MINUTES])
})

it('gives up after 10 attempts and opens a rate-limited task, in milliseconds of real time', async () => {
  const { app, org, provider, gaps, clock, start } = setup({
    on: 'listUsers',
    respond: 'rateLimit',
    retryAfter: null,
  })
  const jane = createJane(org)
  const realStart = performance.now()

  const result = await app.assignUser(jane.id)

  const message = provisioningFailed(
    'Error while verifying if user jane@corp.example exists: Too Many Requests. Errors reported by remote server: Rate limit exceeded',
  )
  expect(result).toStrictEqual({ ok: false, message })
  expect(provider.requests).toHaveLength(10)
  // 5 min, 10, 20, … 1280 min: nine waits, 511 × 5 minutes ≈ 42.6 simulated hours.
  expect(gaps()).toStrictEqual(Array.from({ length: 9 }, (_, index) => FIVE_MINUTES * 2 ** index))
  expect(clock.now().getTime() - start).toBe(511 * FIVE_MINUTES)
  expect(performance.now() - realStart).toBeLessThan(2_000)
  expect(org.tasks.open()).toMatchObject([
    { kind: 'provisioning', message, rateLimited: true, retryable: true },
  ])
})

it('does not mark a task rate-limited when the last answer was not a 429', async () => {
  const { app, org } = setup(
    { on: 'listUsers', respond: 'rateLimit', retryAfter: 1, times: 1 },
    { on: 'listUsers', respond: 'serverError', status: 503, times: 1 },
  )
  const jane = createJane(org)

  await app.assignUser(jane.id)

  expect(org.tasks.open()).toMatchObject([{ rateLimited: false }])
  expect(org.tasks.open()[0]!.message).toBe(
    provisioningFailed(
      'Error while verifying if user jane@corp.example exists: Service Unavailable. Errors reported by remote server: Service Unavailable',
    ),
  )
})

// Timeouts (okta-behavior.md §2, §5: 60 s on every request)

it('times a silent server out after exactly 60 simulated seconds: "Read timed out"', async () => {
  const { app, org, clock, start } = setup({ on: 'listUsers', respond: 'timeout' })
  const jane = createJane(org)

  const result = await app.assignUser(jane.id)

  expect(result).toStrictEqual({
    ok: false,
    message: provisioningFailed(
      'Error while verifying if user jane@corp.example exists: Read timed out',
    ),
  })
  expect(clock.now().getTime() - start).toBe(60_000)
  expect(org.requests()[0]).toMatchObject({ status: 0, reason: '', failure: 'timeout' })
  // Okta's abort reached the provider: its 61 s silence no longer pulls time on.
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve, 0))
  expect(clock.now().getTime() - start).toBe(60_000)
})

it('lets an answer that arrives within 60 s through', async () => {
  const { app, clock, start } = setup({ on: 'listUsers', respond: 'latency', delay: 59_999 })

  expect(await app.testConnection()).toMatchObject({ ok: true })
  expect(clock.now().getTime() - start).toBe(59_999)
})

it('reports a dropped connection as "Error while verifying if user exists: null"', async () => {
  const { app, org } = setup({ on: 'listUsers', respond: 'networkError' })
  const jane = createJane(org)

  expect(await app.assignUser(jane.id)).toStrictEqual({
    ok: false,
    message: provisioningFailed('Error while verifying if user exists: null'),
  })
  expect(org.requests()[0]).toMatchObject({ status: 0, failure: 'network' })
})

// Bodies that are not JSON (T7): Okta quotes its Jackson parser

it('quotes Jackson on a plain-text "User already exists"', async () => {
  const { app, org } = setup({ on: 'createUser', respond: 'malformedBody', format: 'text' })
  const jane = createJane(org)

  expect(await app.assignUser(jane.id)).toStrictEqual({
    ok: false,
    message: provisioningFailed(
      "Error while creating user jane@corp.example: Conflict. Errors reported by remote server: Invalid JSON: Unrecognized token 'User': was expecting ('true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 5]",
    ),
  })
})

it('quotes Jackson on Cloudflare’s "error code: 502" at column 6', async () => {
  const { app, org } = setup({
    on: 'createUser',
    respond: 'malformedBody',
    format: 'text',
    status: 502,
    body: 'error code: 502',
  })
  const jane = createJane(org)

  expect(await app.assignUser(jane.id)).toStrictEqual({
    ok: false,
    message: provisioningFailed(
      "Error while creating user jane@corp.example: Bad Gateway. Errors reported by remote server: Invalid JSON: Unrecognized token 'error': was expecting ('true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 6]",
    ),
  })
})

it('quotes Jackson on a gateway’s HTML page', async () => {
  const { app, org } = setup({ on: 'listUsers', respond: 'malformedBody', format: 'html' })
  const jane = createJane(org)

  expect((await app.assignUser(jane.id))?.ok).toBe(false)
  expect(org.tasks.open()[0]!.message).toBe(
    provisioningFailed(
      "Error while verifying if user jane@corp.example exists: Bad Gateway. Errors reported by remote server: Invalid JSON: Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 2]",
    ),
  )
})

it('reports a create answered without a body as "Create new user returned empty user."', async () => {
  const { app, org, provider } = setup({ on: 'createUser', respond: 'emptyBody' })
  const jane = createJane(org)

  expect(await app.assignUser(jane.id)).toStrictEqual({
    ok: false,
    message: provisioningFailed(
      'Error while creating user Jane Doe: Create new user returned empty user.',
    ),
  })
  // The server did create it: the answer just had no body.
  expect(provider.users.findByUserName('jane@corp.example')).toBeDefined()
  expect(org.requests()[1]).toMatchObject({ method: 'POST', status: 201, text: '' })
})

// 401/403 (okta-behavior.md §2): Unauthorized / Forbidden with the remote detail

it('shows a 403 as Forbidden with the remote detail and keeps the task for Retry', async () => {
  const { app, org } = setup({ on: 'listUsers', respond: 'forbidden', times: 1 })
  const jane = createJane(org)

  await app.assignUser(jane.id)

  const [task] = org.tasks.open()
  expect(task).toMatchObject({
    message: provisioningFailed(
      'Error while verifying if user jane@corp.example exists: Forbidden. Errors reported by remote server: SCIM provisioning is disabled for this organization',
    ),
    retryable: true,
    rateLimited: false,
  })
  await org.tasks.retry(task!.id)
  expect(org.tasks.open()).toStrictEqual([])
  expect(app.appUser(jane.id)).toMatchObject({ status: 'PROVISIONED' })
})
