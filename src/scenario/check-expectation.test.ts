import { expect, test } from 'vitest'
import { runScenario } from './run-scenario.js'
import type { ScenarioExpectation, ScenarioInput } from './scenario-schema.js'

const JANE = 'jane@corp.example'
const BOB = 'bob@corp.example'
const BOB_TASK =
  'Automatic provisioning of user Bob Lee to app SCIM 2.0 Test App (OAuth Bearer Token) failed: Error while creating user bob@corp.example: Conflict. Errors reported by remote server: Bob is taken'
const janeLookup = `GET /Users?filter=userName eq "${JANE}"&startIndex=1&count=100`
const bobLookup = `GET /Users?filter=userName eq "${BOB}"&startIndex=1&count=100`

/**
 * Jane is provisioned, Bob's create conflicts (an open task), and the
 * provider holds a group "Sales" with Ann: every expectation has something
 * to find, and something to miss.
 */
const arranged = (expectation: ScenarioExpectation | Record<string, unknown>): ScenarioInput => ({
  name: 'expectations',
  provider: {
    users: [{ userName: 'ann@example.com', displayName: 'Ann' }],
    groups: [{ displayName: 'Sales', members: ['ann@example.com'] }],
  },
  okta: {
    users: [
      { login: JANE, email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' },
      { login: BOB, email: 'bob@example.com', firstName: 'Bob', lastName: 'Lee' },
    ],
  },
  steps: [
    {
      fault: {
        on: 'createUser',
        respond: 'conflict',
        detail: 'Bob is taken',
        where: { userName: BOB },
      },
    },
    { assign: JANE },
    { assign: BOB },
    { expect: expectation },
  ],
})

const runExpect = async (expectation: ScenarioExpectation | Record<string, unknown>) => {
  const result = await runScenario(arranged(expectation))
  expect(result.error).toBeUndefined()
  return result.steps.at(-1)!
}

test.each<[string, Record<string, unknown>]>([
  ['task', { task: BOB_TASK }],
  ['tasks', { tasks: [BOB_TASK] }],
  [
    'systemLog',
    {
      systemLog: [
        { eventType: 'application.provision.user.push', outcome: { result: 'SUCCESS' } },
        {
          eventType: 'application.provision.user.push',
          outcome: { result: 'FAILURE', reason: BOB_TASK },
        },
      ],
    },
  ],
  ['provider.users.count', { provider: { users: { count: 2 } } }],
  [
    'provider.users.contains',
    {
      provider: {
        users: { contains: [{ userName: JANE, emails: [{ value: 'jane.doe@example.com' }] }] },
      },
    },
  ],
  ['provider.users.absent by userName', { provider: { users: { absent: [BOB, 'nobody'] } } }],
  [
    'provider.users.absent by partial',
    { provider: { users: { absent: [{ userName: JANE, active: false }] } } },
  ],
  [
    'provider.groups',
    {
      provider: {
        groups: {
          count: 1,
          contains: [{ displayName: 'Sales', members: [{ display: 'Ann' }] }],
          absent: ['Engineering'],
        },
      },
    },
  ],
  ['appUser', { appUser: { user: JANE, status: 'PROVISIONED', error: null } }],
  ['appUser in error', { appUser: { user: BOB, status: 'ERROR', error: BOB_TASK } }],
  [
    'requests, exactly',
    {
      requests: [
        `${janeLookup} → 200`,
        'POST /Users → 201',
        `${bobLookup} → 200`,
        'POST /Users → 409',
      ],
    },
  ],
  [
    'requests, without statuses',
    { requests: [janeLookup, 'POST /Users', bobLookup, 'POST /Users'] },
  ],
  [
    'requests, with ->',
    { requests: [`${janeLookup} -> 200`, 'POST /Users -> 201', bobLookup, 'POST /Users -> 409'] },
  ],
  [
    'requests, as a subsequence',
    { requests: { subsequence: ['POST /Users → 201', 'POST /Users → 409'] } },
  ],
  ['result', { result: { ok: false, message: BOB_TASK } }],
])('%s passes when it matches', async (_, expectation) => {
  const step = await runExpect(expectation)

  expect(step.message).toBeUndefined()
  expect(step.passed).toBe(true)
  expect(step.expected).toEqual(expectation)
  expect(Object.keys(step.actual as object)).toEqual(Object.keys(expectation))
})

test.each<[string, Record<string, unknown>, string]>([
  [
    'task',
    { task: 'Automatic provisioning of user Bob Lee failed' },
    [
      'task: no open task has the expected message',
      '  expected: "Automatic provisioning of user Bob Lee failed"',
      '  open tasks:',
      `    1. ${JSON.stringify(BOB_TASK)}`,
      '  closest: they differ from character 40: expected "…ing of user Bob Lee failed", found "…ing of user Bob Lee to app SCIM 2.0 Test App (OAuth Bearer T…"',
    ].join('\n'),
  ],
  [
    'tasks, none expected',
    { tasks: [] },
    `tasks: expected no open task, found 1 open task:\n    1. ${JSON.stringify(BOB_TASK)}`,
  ],
  [
    'tasks, others expected',
    { tasks: [BOB_TASK, 'Another'] },
    'tasks: the open tasks differ\n  expected:\n',
  ],
  [
    'systemLog',
    {
      systemLog: [
        { outcome: { result: 'SUCCESS' } },
        {
          eventType: 'application.provision.user.push',
          outcome: { result: 'FAILURE', reason: 'Other' },
        },
      ],
    },
    [
      'systemLog: no event matches systemLog[1] {"eventType":"application.provision.user.push","outcome":{"result":"FAILURE","reason":"Other"}} after the events matched before it',
      '  closest, event 4: outcome.reason: they differ from character 1: expected "Other", found "Automatic provisioning of user Bob Lee t…"',
      '  events since the previous expect:',
      '    1. application.provision.user.verify_exists SUCCESS "Verify user exists in external application"',
      '    2. application.provision.user.push SUCCESS "Push new user to external application"',
      '    3. application.provision.user.verify_exists SUCCESS "Verify user exists in external application"',
      `    4. application.provision.user.push FAILURE "Push new user to external application": ${BOB_TASK}`,
    ].join('\n'),
  ],
  [
    'provider.users.count',
    { provider: { users: { count: 3 } } },
    'provider.users.count: expected 3, found 2 ("ann@example.com", "jane@corp.example")',
  ],
  [
    'provider.users.contains',
    { provider: { users: { contains: [{ userName: JANE, title: 'CTO' }] } } },
    'provider.users.contains[0]: no user matches {"userName":"jane@corp.example","title":"CTO"}\n  closest, "jane@corp.example": title: expected "CTO", found nothing',
  ],
  [
    'provider.users.absent',
    { provider: { users: { absent: ['JANE@corp.example'] } } },
    'provider.users.absent[0]: expected no user named "JANE@corp.example", found "jane@corp.example" (id ',
  ],
  [
    'provider.groups',
    {
      provider: { groups: { contains: [{ displayName: 'Sales', members: [{ display: 'Bob' }] }] } },
    },
    'provider.groups.contains[0]: no group matches {"displayName":"Sales","members":[{"display":"Bob"}]}\n  closest, "Sales": members[0]: no item matches {"display":"Bob"}, found [{"value":',
  ],
  [
    'appUser',
    { appUser: { user: BOB, status: 'PROVISIONED' } },
    'appUser (bob@corp.example): status: expected "PROVISIONED", found "ERROR"',
  ],
  [
    'appUser of a user not assigned',
    { appUser: { user: 'ann@corp.example' } },
    'appUser (ann@corp.example): Failed to find Okta user "ann@corp.example"',
  ],
  [
    'requests, exactly',
    { requests: [`${janeLookup} → 200`, 'POST /Users → 201', 'POST /Users → 409'] },
    `requests: the requests differ (- expected, + sent):\n    ${janeLookup} → 200\n    POST /Users → 201\n  + ${bobLookup} → 200\n    POST /Users → 409`,
  ],
  [
    'requests, as a subsequence',
    { requests: { subsequence: ['POST /Users → 409', 'POST /Users → 201'] } },
    'requests: no request matches subsequence[1] "POST /Users → 201" after the lines matched before it\n  sent:\n    1. ',
  ],
  ['result', { result: { ok: true } }, 'result (step 3, assign): ok: expected true, found false'],
])('%s fails when it does not match', async (_, expectation, message) => {
  const step = await runExpect(expectation)

  expect(step.passed).toBe(false)
  expect(step.message).toContain(message)
})

test('requests and systemLog look only at what happened since the previous expect', async () => {
  const scenario = arranged({ requests: { subsequence: ['POST /Users → 409'] } })
  scenario.steps.push(
    { testConnection: true },
    {
      expect: {
        requests: ['GET /Users?startIndex=1&count=2 → 200'],
        systemLog: [],
        // Still there: tasks are state, not events.
        tasks: [BOB_TASK],
      },
    },
  )

  const result = await runScenario(scenario)

  expect(result.steps.map((step) => step.passed)).toEqual([true, true, true, true, true, true])
})

test('an empty systemLog expectation passes whatever happened', async () => {
  expect((await runExpect({ systemLog: [] })).passed).toBe(true)
})

test('result fails without a previous action, or when the action returned nothing', async () => {
  const first = await runScenario({ name: 'x', steps: [{ expect: { result: { ok: true } } }] })
  const nothing = await runScenario({
    name: 'x',
    steps: [{ saveProvisioning: true }, { expect: { result: { ok: true } } }],
  })

  expect(first.steps[0]!.message).toBe('result: no action step ran before this expect')
  expect(nothing.steps[1]!.message).toBe(
    'result: step 1 (saveProvisioning) returned nothing to compare',
  )
})
