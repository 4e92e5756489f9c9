import { setupServer } from 'msw/node'
import type { FaultSpec } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { JANE_FILTER, logRows, sent, setupLifecycle } from './user-flow-helpers.js'

// Failures in the user flows: Okta's words (okta-behavior.md §3 T1, T2, T5),
// tasks and their Retry, 429 back-off, timeouts and dropped connections (§2, §5).

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const setup = (options: Parameters<typeof setupLifecycle>[1] = {}) =>
  setupLifecycle(server, options)
const FAILED = 'Automatic provisioning of user Jane Doe to app Acme failed: '
const PUSH_FAILED = 'Automatic profile push of user Jane Doe to app Acme failed: '

it.each<[string, FaultSpec, string]>([
  [
    'an unauthorized lookup',
    { on: 'listUsers', respond: 'unauthorized' },
    'Error while verifying if user jane@corp.example exists: Unauthorized. Errors reported by remote server: Invalid SCIM token: it has expired or was rotated',
  ],
  [
    'a lookup with no response at all',
    { on: 'listUsers', respond: 'networkError' },
    'Error while verifying if user exists: null',
  ],
  [
    'a lookup that times out',
    { on: 'listUsers', respond: 'timeout' },
    'Error while verifying if user jane@corp.example exists: Read timed out',
  ],
  [
    'a conflicting create',
    { on: 'createUser', respond: 'conflict' },
    'Error while creating user jane@corp.example: Conflict. Errors reported by remote server: User already exists in the database.',
  ],
  [
    'a create that times out',
    { on: 'createUser', respond: 'timeout' },
    'Error while creating user jane@corp.example: Read timed out',
  ],
  [
    'a create answered by a gateway page',
    { on: 'createUser', respond: 'malformedBody' },
    "Error while creating user jane@corp.example: Bad Gateway. Errors reported by remote server: Invalid JSON: Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 2]",
  ],
])('words %s as Okta does (T1)', async (_case, fault, cause) => {
  const { org, provider, app, jane } = setup()
  provider.faults.add(fault)

  const result = await app.assignUser(jane.id)

  expect(result).toStrictEqual({ ok: false, message: FAILED + cause })
  expect(org.tasks.open()).toMatchObject([
    { kind: 'provisioning', message: FAILED + cause, retryable: true, rateLimited: false },
  ])
  expect(app.appUser(jane.id)).toMatchObject({ status: 'ERROR', error: FAILED + cause })
})

it('says "User account is inactive" for an inactive match with Deactivate Users off', async () => {
  const { org, provider, app, jane } = setup({ app: { provisioning: { deactivateUsers: false } } })
  await provider.users.create({ userName: 'jane@corp.example', active: false })

  await app.assignUser(jane.id)

  expect(sent(org)).toStrictEqual([JANE_FILTER])
  expect(org.tasks.open()[0]?.message).toBe(`${FAILED}User account is inactive`)
})

it('says "Matching user not found." with Create Users off and no match', async () => {
  const { org, app, jane } = setup({ app: { provisioning: { createUsers: false } } })

  await app.assignUser(jane.id)

  expect(sent(org)).toStrictEqual([JANE_FILTER])
  expect(org.tasks.open()[0]?.message).toBe(`${FAILED}Matching user not found.`)
})

it('retries a dropped lookup once the connection is back, and closes the task', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'listUsers', respond: 'networkError', times: 1 })
  await app.assignUser(jane.id)
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.verify_exists',
    'Verify user exists in external application',
    'FAILURE',
    `${FAILED}Error while verifying if user exists: null`,
  ])
  org.clearRequests()

  // [KR2 §2]: "Retry works once the connection is back".
  await org.tasks.retry(org.tasks.open()[0]!.id)

  expect(sent(org)).toStrictEqual([JANE_FILTER, 'POST /Users'])
  expect(org.tasks.open()).toStrictEqual([])
  expect(app.appUser(jane.id)?.status).toBe('PROVISIONED')
})

it('leaves a new open task when a retry fails, and closes it when one succeeds', async () => {
  const { org, provider, app, jane } = setup()
  const fault = provider.faults.add({ on: 'createUser', respond: 'serverError' })
  await app.assignUser(jane.id)
  const [first] = org.tasks.open()

  await org.tasks.retry(first!.id)

  const [second] = org.tasks.open()
  expect(second!.id).not.toBe(first!.id)
  expect(second!.message).toBe(first!.message)
  expect(org.tasks.list().find((task) => task.id === first!.id)?.status).toBe('COMPLETED')

  provider.faults.remove(fault.id)
  await org.tasks.retry(second!.id)

  expect(org.tasks.open()).toStrictEqual([])
  expect(app.appUser(jane.id)?.status).toBe('PROVISIONED')
})

it('words an Okta profile update failure as a profile push (T2), with a retryable task', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const fault = provider.faults.add({ on: 'replaceUser', respond: 'serverError', status: 502 })

  await org.users.update(jane.id, { title: 'CTO' })

  const message = `${PUSH_FAILED}Error while trying to push profile update for jane@corp.example: Bad Gateway. Errors reported by remote server: Bad Gateway`
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.push_profile',
    "Push user's profile to external application",
    'FAILURE',
    'Eventfailed application.provision.user.push_profile : Bad Gateway. Errors reported by remote server: Bad Gateway',
  ])
  const [task] = org.tasks.open()
  expect(task).toMatchObject({ kind: 'profilePush', message, retryable: true })
  expect(app.appUser(jane.id)).toMatchObject({ status: 'PROVISIONED', error: message })

  await org.tasks.retry(task!.id)
  const [again] = org.tasks.open()
  expect(again).toMatchObject({ kind: 'profilePush', message })
  expect(again!.id).not.toBe(task!.id)

  provider.faults.remove(fault.id)
  org.clearRequests()
  await org.tasks.retry(again!.id)
  expect(sent(org).map((line) => line.split(' ')[0])).toStrictEqual(['GET', 'PUT'])
  expect(org.tasks.open()).toStrictEqual([])
  expect(app.appUser(jane.id)?.error).toBeUndefined()
})

it('says "No user returned for user {id}" for a 404 without detail on the profile push GET', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  provider.faults.add({
    on: 'getUser',
    respond: 'malformedBody',
    format: 'text',
    status: 404,
    body: '',
  })
  org.clearRequests()

  await org.users.update(jane.id, { title: 'CTO' })

  // [AWS] [SPOT-DOCS]: the GET's 404 stops the push, no PUT.
  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`])
  expect(org.tasks.open()[0]?.message).toBe(
    `${PUSH_FAILED}Error while trying to push profile update for jane@corp.example: No user returned for user ${remoteId}`,
  )
  expect(org.systemLog().at(-1)?.outcome).toStrictEqual({
    result: 'FAILURE',
    reason: `Eventfailed application.provision.user.push_profile : No user returned for user ${remoteId}`,
  })
})

it('words a profile push that times out as "Read timed out"', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  provider.faults.add({ on: 'getUser', respond: 'timeout' })

  await org.users.update(jane.id, { title: 'CTO' })

  expect(org.tasks.open()[0]?.message).toBe(
    `${PUSH_FAILED}Error while trying to push profile update for jane@corp.example: Read timed out`,
  )
})

it('times a request out after Okta’s 60 s on the shared simulated clock', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'createUser', respond: 'timeout', delay: 120_000 })
  const start = org.clock.now().getTime()

  await app.assignUser(jane.id)

  expect(org.requests().at(-1)).toMatchObject({ method: 'POST', failure: 'timeout', status: 0 })
  expect(org.clock.now().getTime() - start).toBeGreaterThanOrEqual(60_000)
})

it('retries a rate-limited create after the integer Retry-After, doubling, on the simulated clock', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'createUser', respond: 'rateLimit', retryAfter: 2, times: 3 })
  const start = org.clock.now().getTime()

  const result = await app.assignUser(jane.id)

  expect(result).toStrictEqual({ ok: true })
  expect(sent(org)).toStrictEqual([JANE_FILTER, ...Array(4).fill('POST /Users')])
  // 2 s, 4 s, 8 s.
  expect(org.clock.now().getTime() - start).toBe(14_000)
  expect(org.tasks.list()).toStrictEqual([])
})

it('waits 5 minutes, doubling, without an integer Retry-After', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'createUser', respond: 'rateLimit', retryAfter: null, times: 1 })
  provider.faults.add({
    on: 'createUser',
    respond: 'rateLimit',
    retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT',
    times: 1,
  })
  const start = org.clock.now().getTime()

  await app.assignUser(jane.id)

  // 5 min, then 10 min.
  expect(org.clock.now().getTime() - start).toBe(900_000)
  expect(app.appUser(jane.id)?.status).toBe('PROVISIONED')
})

it('gives a create up after 10 rate-limited attempts and marks its task rate limited', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'createUser', respond: 'rateLimit', retryAfter: 1 })
  const start = org.clock.now().getTime()
  const realStart = performance.now()

  await app.assignUser(jane.id)

  expect(sent(org)).toStrictEqual([JANE_FILTER, ...Array(10).fill('POST /Users')])
  // 1 + 2 + 4 + … + 256 s of simulated waiting, in real milliseconds.
  expect(org.clock.now().getTime() - start).toBe(511_000)
  expect(performance.now() - realStart).toBeLessThan(5_000)
  expect(org.tasks.open()).toMatchObject([
    {
      kind: 'provisioning',
      retryable: true,
      rateLimited: true,
      message: `${FAILED}Error while creating user jane@corp.example: Too Many Requests. Errors reported by remote server: Rate limit exceeded`,
    },
  ])
})

it('backs off a rate-limited deactivation too, then opens a rate-limited deprovisioning task', async () => {
  const { org, provider, app, jane } = setup({ app: { mode: 'oin' } })
  await app.assignUser(jane.id)
  provider.faults.add({ on: 'patchUser', respond: 'rateLimit', retryAfter: 1 })
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(org.requests().map((request) => request.method)).toStrictEqual(Array(10).fill('PATCH'))
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.deactivate',
    'Push user deactivation to external application',
    'FAILURE',
    'Too Many Requests',
  ])
  expect(org.tasks.open()).toMatchObject([
    { kind: 'deprovisioning', retryable: false, rateLimited: true },
  ])
})

it('logs "Read timed out" for a deactivation that times out, with a deprovisioning task', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  provider.faults.add({ on: 'replaceUser', respond: 'timeout' })

  await app.unassignUser(jane.id)

  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.deactivate',
    'Push user deactivation to external application',
    'FAILURE',
    'Read timed out',
  ])
  expect(org.tasks.open()).toMatchObject([
    { kind: 'deprovisioning', message: 'Application accounts need deprovisioning' },
  ])
})

it('sends nothing when retrying a profile push task after the user was unassigned', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  provider.faults.add({ on: 'replaceUser', respond: 'serverError', status: 502, times: 1 })
  await org.users.update(jane.id, { title: 'CTO' })
  await app.unassignUser(jane.id)
  org.clearRequests()

  await org.tasks.retry(org.tasks.open()[0]!.id)

  expect(sent(org)).toStrictEqual([])
  expect(org.tasks.open()).toStrictEqual([])
})
