import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { createScimService } from '../provider/create-scim-service.js'
import { defineScenario } from './define-scenario.js'
import { runScenario } from './run-scenario.js'
import type { StepResult } from './scenario-result.js'
import type { ScenarioInput } from './scenario-schema.js'

const CONFLICT_TASK =
  'Automatic provisioning of user Jane Doe to app SCIM 2.0 Test App (OAuth Bearer Token) failed: Error while creating user jane.doe@example.com: Conflict. Errors reported by remote server: User with this email already exists'

const MAGICPOD_CONFLICT = `
name: MagicPod rejects a user whose email already exists
tags: [magicpod, conflict]
provider:
  profile: magicpod
  users:   # a regular MagicPod account, outside the organisation, holding the email
    - { userName: jdoe, emails: [{ value: jane.doe@example.com, primary: true }] }
okta:
  app: { label: "SCIM 2.0 Test App (OAuth Bearer Token)", mode: oin, userNameFormat: email }
  users:
    - { login: jane@corp.example, email: jane.doe@example.com, firstName: Jane, lastName: Doe }
steps:
  - assign: jane@corp.example
  - expect:
      task: "${CONFLICT_TASK}"
      provider: { users: { count: 1 } }
      requests:
        - GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200
        - POST /Users → 409
`

const JANE = {
  login: 'jane@corp.example',
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
}

const magicpodConflict = () => parse(MAGICPOD_CONFLICT) as ScenarioInput
const expectStep = (scenario: ScenarioInput) =>
  (scenario.steps[1] as { expect: Record<string, unknown> }).expect

describe('the MagicPod conflict example', () => {
  test('passes', async () => {
    const result = await runScenario(magicpodConflict())

    expect(result.error).toBeUndefined()
    expect(result).toMatchObject({
      name: 'MagicPod rejects a user whose email already exists',
      tags: ['magicpod', 'conflict'],
      passed: true,
      transcript: [
        'GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200',
        'POST /Users → 409',
      ],
    })
    expect(result.steps).toEqual([
      expect.objectContaining({
        index: 1,
        kind: 'assign',
        passed: true,
        actual: { ok: false, message: CONFLICT_TASK },
        requests: result.transcript,
      }),
      expect.objectContaining({ index: 2, kind: 'expect', passed: true, requests: [] }),
    ])
  })

  test('fails with a readable difference when the message is wrong', async () => {
    const scenario = magicpodConflict()
    expectStep(scenario).task = CONFLICT_TASK.replace(/exists$/, 'exist.')

    const result = await runScenario(scenario)

    expect(result.passed).toBe(false)
    const step = result.steps[1]!
    expect(step.passed).toBe(false)
    expect(step.message).toBe(
      [
        'task: no open task has the expected message',
        `  expected: ${JSON.stringify(CONFLICT_TASK.replace(/exists$/, 'exist.'))}`,
        '  open tasks:',
        `    1. ${JSON.stringify(CONFLICT_TASK)}`,
        '  closest: they differ from character 221: expected "… email already exist.", found "… email already exists"',
      ].join('\n'),
    )
    expect(step.expected).toMatchObject({ task: CONFLICT_TASK.replace(/exists$/, 'exist.') })
    expect(step.actual).toMatchObject({ task: [CONFLICT_TASK] })
  })

  test('reports every failed check of an expect, in the order written', async () => {
    const scenario = magicpodConflict()
    expectStep(scenario).task = 'Something else'
    expectStep(scenario).provider = { users: { count: 2 } }
    expectStep(scenario).requests = [
      'GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200',
      'POST /Users → 201',
    ]

    const { steps } = await runScenario(scenario)

    const message = steps[1]!.message!
    expect(message).toMatch(/^task: no open task has the expected message/)
    expect(message).toContain('provider.users.count: expected 2, found 1 ("jdoe")')
    expect(message).toContain(
      [
        'requests: the requests differ (- expected, + sent):',
        '    GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200',
        '  - POST /Users → 201',
        '  + POST /Users → 409',
      ].join('\n'),
    )
    expect(message.indexOf('task:')).toBeLessThan(message.indexOf('provider.users'))
    expect(message.indexOf('provider.users')).toBeLessThan(message.indexOf('requests:'))
  })
})

describe('validation', () => {
  test.each<[string, unknown, string]>([
    [
      'a step value of the wrong type',
      { name: 'x', steps: [{ assign: 'a' }, { assign: 'b' }, { assign: 42 }] },
      'Invalid scenario: steps[2].assign: expected a string, got 42',
    ],
    [
      'an unknown step',
      { name: 'x', steps: [{ asign: 'a' }] },
      'Invalid scenario: steps[0].asign: unknown step kind "asign" (did you mean "assign"?)',
    ],
    [
      'two kinds in one step',
      { name: 'x', steps: [{ assign: 'a', expect: {} }] },
      'Invalid scenario: steps[0].expect: a step has exactly one key, its kind; got "assign", "expect"',
    ],
    [
      'a bad position for retry',
      { name: 'x', steps: [{ retry: 'first' }] },
      'Invalid scenario: steps[0].retry: expected a number or "last", got "first"',
    ],
    [
      'a bad duration',
      { name: 'x', steps: [{ advance: '5 minutes' }] },
      'Invalid scenario: steps[0].advance: expected milliseconds or a duration such as "500ms", "90s", "5m", "2h", got "5 minutes"',
    ],
    [
      'a field deep in an expect',
      { name: 'x', steps: [{ expect: { provider: { users: { count: 'one' } } } }] },
      'Invalid scenario: steps[0].expect.provider.users.count: expected a number, got "one"',
    ],
    [
      'a request line without a method',
      { name: 'x', steps: [{ expect: { requests: ['/Users → 200'] } }] },
      'Invalid scenario: steps[0].expect.requests[0]: expected "METHOD /path → status", got "/Users → 200"',
    ],
    [
      'an unknown key in the arrangement',
      { name: 'x', okta: { app: { lable: 'Acme' } }, steps: [{ import: true }] },
      'Invalid scenario: okta.app.lable: unknown field "lable" (did you mean "label"?)',
    ],
    [
      'a missing name and no steps',
      { steps: [] },
      'Invalid scenario: name: missing required field (expected a string); steps: needs at least 1 item',
    ],
  ])('reports %s with its field path', async (_, scenario, error) => {
    const result = await runScenario(scenario as ScenarioInput)

    expect(result.passed).toBe(false)
    expect(result.steps).toEqual([])
    expect(result.error).toContain(error)
  })

  test('keeps the name and tags of an invalid scenario', async () => {
    const result = await runScenario({ name: 'Broken', tags: ['wip'], steps: [] })

    expect(result).toMatchObject({ name: 'Broken', tags: ['wip'], passed: false, transcript: [] })
  })
})

describe('running', () => {
  const scenario = (steps: ScenarioInput['steps']): ScenarioInput => ({
    name: 'steps',
    okta: { users: [JANE] },
    steps,
  })

  test('stops at the first failed action and reports the rest as skipped', async () => {
    const result = await runScenario(
      scenario([
        { assign: 'nobody@corp.example' },
        { assign: 'jane@corp.example' },
        { expect: { tasks: [] } },
      ]),
    )

    expect(result.passed).toBe(false)
    expect(
      result.steps.map(({ index, kind, passed, message }) => ({ index, kind, passed, message })),
    ).toEqual([
      {
        index: 1,
        kind: 'assign',
        passed: false,
        message: 'Failed to find Okta user "nobody@corp.example": no user with this id or login',
      },
      { index: 2, kind: 'assign', passed: false, message: 'skipped' },
      { index: 3, kind: 'expect', passed: false, message: 'skipped' },
    ])
    expect(result.transcript).toEqual([])
  })

  test('goes on after a failed expect', async () => {
    const result = await runScenario(
      scenario([
        { expect: { provider: { users: { count: 1 } } } },
        { assign: 'jane@corp.example' },
        { expect: { provider: { users: { count: 1 } } } },
      ]),
    )

    expect(result.steps.map((step) => step.passed)).toEqual([false, true, true])
    expect(result.passed).toBe(false)
  })

  test('calls onStep after each step, skipped ones included', async () => {
    const seen: Array<[number, string, string]> = []
    await runScenario(scenario([{ unassign: 'ghost' }, { assign: 'jane@corp.example' }]), {
      onStep: (step: StepResult, running) => seen.push([step.index, step.kind, running.name]),
    })

    expect(seen).toEqual([
      [1, 'unassign', 'steps'],
      [2, 'assign', 'steps'],
    ])
  })

  test('keeps setup traffic out of the transcript', async () => {
    const result = await runScenario({
      name: 'OAuth',
      provider: { profile: 'mangoapps' },
      okta: { users: [JANE] },
      steps: [{ testConnection: true }],
    })

    expect(result.passed).toBe(true)
    expect(result.transcript).toEqual(['GET /Users?startIndex=1&count=2 → 200'])
  })

  test('reports a setup that fails as an error', async () => {
    const result = await runScenario({
      name: 'duplicate seed',
      provider: { users: [{ userName: 'ann' }, { userName: 'ann' }] },
      steps: [{ import: true }],
    })

    expect(result).toMatchObject({ passed: false, steps: [], transcript: [] })
    expect(result.error).toMatch(
      /^Failed to set up the scenario: Failed to create provider user "ann": /,
    )
  })

  test('reports an unknown profile as a setup error', async () => {
    const result = await runScenario({
      name: 'typo',
      provider: { profile: 'magipod' },
      steps: [{ import: true }],
    })

    expect(result.error).toMatch(/^Failed to set up the scenario: .*unknown profile "magipod"/)
  })

  test('takes no real time for Okta back-offs and timeouts', async () => {
    const started = performance.now()
    const result = await runScenario(
      scenario([
        { fault: { on: 'createUser', respond: 'rateLimit', retryAfter: null, times: 3 } },
        { assign: 'jane@corp.example' },
        { fault: { on: 'patchUser', respond: 'timeout' } },
        { deactivate: 'jane@corp.example' },
        { expect: { requests: { subsequence: ['POST /Users → 429', 'POST /Users → 201'] } } },
      ]),
    )

    // 5 + 10 + 20 minutes of back-off and a 60 s timeout, in simulated time.
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(result.passed).toBe(true)
    expect(result.steps[1]).toMatchObject({ actual: { ok: true } })
    expect(result.transcript.at(-1)).toMatch(/^PATCH \/Users\/\S+ → no response \(timeout\)$/)
  })

  test('accepts a scenario already validated, and defineScenario returns its input', async () => {
    const input = defineScenario(scenario([{ assign: 'jane@corp.example' }]))

    expect(defineScenario(input)).toBe(input)
    expect((await runScenario(input)).passed).toBe(true)
  })
})

describe('a provider passed in', () => {
  test('runs against it, seeded by the scenario', async () => {
    const provider = createScimService({ profile: 'magicpod' })

    const result = await runScenario(magicpodConflict(), { provider })

    expect(result.passed).toBe(true)
    expect(provider.users.count()).toBe(1)
    expect(provider.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
      'GET 200',
      'POST 409',
    ])
  })

  test('must have the profile the scenario names', async () => {
    const result = await runScenario(magicpodConflict(), { provider: createScimService() })

    expect(result.error).toBe(
      'Failed to set up the scenario: Failed to use the given provider: the scenario needs profile "magicpod", the provider has "generic"',
    )
  })

  test('refuses provider options it cannot apply', async () => {
    const result = await runScenario(
      { name: 'x', provider: { options: { licenses: 2 } }, steps: [{ import: true }] },
      { provider: createScimService() },
    )

    expect(result.error).toContain(
      'provider.options licenses apply only to a provider the runner creates',
    )
  })
})
