import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { createScimService, type ScimService } from '../provider/create-scim-service.js'
import { createRequestListener } from '../server/create-request-listener.js'
import { runScenario } from './run-scenario.js'
import type { ScenarioInput } from './scenario-schema.js'

const JANE = 'jane@corp.example'
const janeLookup = `GET /Users?filter=userName eq "${JANE}"&startIndex=1&count=100`
const servers: Server[] = []

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  )
})

/** `scim-mock serve` in miniature: the provider on a real port, with the control API. */
async function serve(service: ScimService): Promise<string> {
  const server = createServer(createRequestListener(service.handle))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`
}

const scenario = (
  steps: ScenarioInput['steps'],
  extra: Partial<ScenarioInput> = {},
): ScenarioInput => ({
  name: 'against a server',
  okta: {
    users: [{ login: JANE, email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' }],
  },
  ...extra,
  steps,
})

test('runs a scenario with a fault through the control API of a real server', async () => {
  const service = createScimService({ baseUrl: '/scim/v2', controlApi: true, token: 't0ken' })
  const baseUrl = await serve(service)

  const result = await runScenario(
    scenario(
      [
        { fault: { on: 'createUser', respond: 'conflict', detail: 'Jane is taken', times: 1 } },
        { assign: JANE },
        {
          expect: {
            task: 'Automatic provisioning of user Jane Doe to app SCIM 2.0 Test App (OAuth Bearer Token) failed: Error while creating user jane@corp.example: Conflict. Errors reported by remote server: Jane is taken',
            provider: {
              users: { count: 1, contains: [{ userName: 'ann@example.com' }], absent: [JANE] },
            },
            requests: [`${janeLookup} → 200`, 'POST /Users → 409'],
          },
        },
        { retry: 'last' },
        {
          expect: {
            tasks: [],
            provider: { users: { count: 2, contains: [{ userName: JANE, active: true }] } },
            requests: [`${janeLookup} → 200`, 'POST /Users → 201'],
          },
        },
      ],
      { provider: { users: [{ userName: 'ann@example.com' }] } },
    ),
    { target: { baseUrl, token: 't0ken' } },
  )

  expect(result.error).toBeUndefined()
  expect(result.steps.filter((step) => !step.passed)).toEqual([])
  // The runner's own arrangements (seeding) went through SCIM, not through Okta's transcript.
  expect(result.transcript).toHaveLength(4)
  expect(
    service.requests.filter((request) => request.fault).map((request) => request.fault?.respond),
  ).toEqual(['conflict'])
})

test('removes the faults it added, and leaves the others', async () => {
  const service = createScimService({ baseUrl: '/scim/v2', controlApi: true })
  service.faults.add({ on: 'deleteUser', respond: 'serverError' })
  const baseUrl = await serve(service)

  const result = await runScenario(
    scenario([
      { fault: { on: 'listUsers', respond: 'serverError' } },
      { testConnection: true },
      { expect: { result: { ok: false } } },
    ]),
    { target: { baseUrl, token: 'secret' } },
  )

  expect(result.passed).toBe(true)
  expect(service.faults.list().map((fault) => fault.on)).toEqual([['deleteUser']])
})

test('changes the profile through the control API', async () => {
  const service = createScimService({ baseUrl: '/scim/v2', controlApi: true, profile: 'magicpod' })
  const baseUrl = await serve(service)

  const result = await runScenario(
    scenario(
      [
        { providerChange: { profileSettings: { scimEnabled: false } } },
        { testConnection: true },
        { expect: { result: { ok: false }, requests: ['GET /Users?startIndex=1&count=2 → 403'] } },
      ],
      { provider: { profile: 'magicpod' } },
    ),
    { target: { baseUrl, token: 'secret' } },
  )

  expect(result.steps.filter((step) => !step.passed)).toEqual([])
  expect(service.profile.settings.scimEnabled).toBe(false)
})

test('says a server without the control API cannot take faults', async () => {
  const baseUrl = await serve(createScimService({ baseUrl: '/scim/v2' }))

  const result = await runScenario(
    scenario([
      { assign: JANE },
      { fault: { on: 'createUser', respond: 'conflict' } },
      { assign: JANE },
    ]),
    { target: { baseUrl, token: 'secret' } },
  )

  expect(result.steps.map((step) => step.passed)).toEqual([true, false, false])
  expect(result.steps[1]!.message).toMatch(
    /^Failed to add a fault: POST http:\/\/127\.0\.0\.1:\d+\/__scim-mock\/faults answered 404: .*\(this needs a scim-mock server with its control API, as `scim-mock serve` runs it\)$/,
  )
  expect(result.steps[2]!.message).toBe('skipped')
})

test('refuses to advance real time', async () => {
  const baseUrl = await serve(createScimService({ baseUrl: '/scim/v2', controlApi: true }))

  const result = await runScenario(scenario([{ advance: '1h' }]), {
    target: { baseUrl, token: 'secret' },
  })

  expect(result.steps[0]!.message).toBe(
    'Failed to advance time: against a real server time is real; advance needs the in-process provider',
  )
})

test('refuses provider options and a profile the server does not run', async () => {
  const baseUrl = await serve(createScimService({ baseUrl: '/scim/v2', controlApi: true }))
  const target = { baseUrl, token: 'secret' }

  const withOptions = await runScenario(
    scenario([{ import: true }], { provider: { options: { licenses: 1 } } }),
    { target },
  )
  const withProfile = await runScenario(
    scenario([{ import: true }], { provider: { profile: 'secoda' } }),
    { target },
  )

  expect(withOptions.error).toMatch(
    /provider\.options \(licenses\) configure an in-process provider/,
  )
  expect(withProfile.error).toMatch(
    /the scenario needs profile "secoda", the server runs "generic"$/,
  )
})

test('reports a server that cannot be reached as a failed step', async () => {
  const result = await runScenario(
    scenario([{ testConnection: true }, { expect: { result: { ok: false } } }]),
    {
      target: { baseUrl: 'http://127.0.0.1:9/scim/v2', token: 'secret' },
    },
  )

  expect(result.passed).toBe(true)
  expect(result.transcript).toEqual([
    'GET /Users?startIndex=1&count=2 → no response (network error)',
  ])
})
