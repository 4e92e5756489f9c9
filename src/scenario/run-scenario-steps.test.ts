import { expect, test } from 'vitest'
import { runScenario } from './run-scenario.js'
import { type ScenarioInput, stepSchema } from './scenario-schema.js'

const JANE = 'jane@corp.example'
const BOB = 'bob@corp.example'
const users = [
  { login: JANE, email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' },
  { login: BOB, email: 'bob@example.com', firstName: 'Bob', lastName: 'Lee' },
]
// A seeded provider numbers its ids from one stream: the first resource created gets ID_1.
const seeded = { options: { seed: { seed: 1, users: 0, groups: 0 } } }
const ID_1 = '6f9d5ca5-06a3-49fd-8cb6-ae1e6f7149cf'
const ID_2 = '6b9d396a-5490-42a4-b463-da569e888ac3'
const janeLookup = `GET /Users?filter=userName eq "${JANE}"&startIndex=1&count=100`
const failedCreate = (why: string) =>
  `Automatic provisioning of user Jane Doe to app SCIM 2.0 Test App (OAuth Bearer Token) failed: ${why}`

type Row = {
  /** The step kind the row proves (a variant after a space). */
  name: string
  scenario?: Partial<ScenarioInput>
  steps: ScenarioInput['steps']
}

/** Each row runs one step kind, then an `expect` that only passes if the step did its work. */
const rows: Row[] = [
  {
    name: 'assign',
    steps: [
      { assign: JANE },
      {
        expect: {
          result: { ok: true },
          appUser: { user: JANE, status: 'PROVISIONED', direct: true },
          requests: [`${janeLookup} → 200`, 'POST /Users → 201'],
        },
      },
    ],
  },
  {
    name: 'assignGroup',
    steps: [
      { assignGroup: 'Engineering' },
      {
        expect: {
          appUser: { user: JANE, status: 'PROVISIONED', direct: false },
          provider: { users: { count: 1, contains: [{ userName: JANE }] } },
        },
      },
    ],
  },
  {
    name: 'unassign',
    steps: [
      { assign: JANE },
      { unassign: JANE },
      {
        expect: {
          provider: { users: { contains: [{ userName: JANE, active: false }] } },
          systemLog: [{ eventType: 'application.user_membership.remove' }],
        },
      },
    ],
  },
  {
    name: 'unassignGroup',
    steps: [
      { assignGroup: 'Engineering' },
      { unassignGroup: 'Engineering' },
      { expect: { provider: { users: { contains: [{ userName: JANE, active: false }] } } } },
    ],
  },
  {
    name: 'updateUser',
    steps: [
      { assign: JANE },
      { updateUser: { user: JANE, profile: { title: 'CTO' } } },
      { expect: { provider: { users: { contains: [{ userName: JANE, title: 'CTO' }] } } } },
    ],
  },
  {
    name: 'updateAssignment',
    steps: [
      { assign: JANE },
      { updateAssignment: { user: JANE, profile: { title: 'VP' } } },
      { expect: { provider: { users: { contains: [{ userName: JANE, title: 'VP' }] } } } },
    ],
  },
  {
    name: 'deactivate',
    steps: [
      { assign: JANE },
      { deactivate: JANE },
      { expect: { provider: { users: { contains: [{ userName: JANE, active: false }] } } } },
    ],
  },
  {
    name: 'reactivate',
    steps: [
      { assignGroup: 'Engineering' },
      { deactivate: JANE },
      { reactivate: JANE },
      {
        expect: {
          appUser: { user: JANE, status: 'PROVISIONED' },
          provider: { users: { count: 1, contains: [{ userName: JANE, active: true }] } },
        },
      },
    ],
  },
  {
    name: 'suspend',
    steps: [
      { suspend: JANE },
      { assign: JANE },
      { expect: { requests: [], appUser: { user: JANE, status: 'UNPROVISIONED' } } },
    ],
  },
  {
    name: 'unsuspend',
    steps: [
      { suspend: JANE },
      { unsuspend: JANE },
      { assign: JANE },
      { expect: { appUser: { user: JANE, status: 'PROVISIONED' } } },
    ],
  },
  {
    name: 'setPassword',
    scenario: { provider: seeded, okta: { app: { provisioning: { syncPassword: true } } } },
    steps: [
      { assign: JANE },
      { expect: { requests: { subsequence: ['POST /Users → 201'] } } },
      { setPassword: { user: JANE, password: 'n3w-Passw0rd' } },
      { expect: { requests: [`PATCH /Users/${ID_1} → 200`] } },
    ],
  },
  {
    name: 'provisionUser',
    scenario: { okta: { app: { apiIntegration: false } } },
    steps: [
      { assign: JANE },
      { updateApp: { apiIntegration: true } },
      { provisionUser: JANE },
      {
        expect: {
          result: { ok: true },
          appUser: { user: JANE, status: 'PROVISIONED' },
          requests: [`${janeLookup} → 200`, 'POST /Users → 201'],
        },
      },
    ],
  },
  {
    name: 'testConnection',
    steps: [
      { testConnection: true },
      {
        expect: {
          result: { ok: true, message: 'Connector configured successfully' },
          requests: ['GET /Users?startIndex=1&count=2 → 200'],
        },
      },
    ],
  },
  {
    name: 'saveProvisioning',
    steps: [
      { saveProvisioning: true },
      {
        expect: {
          requests: [
            'GET /Users?startIndex=1&count=2 → 200',
            'GET /Groups?startIndex=1&count=100 → 200',
          ],
        },
      },
    ],
  },
  {
    name: 'authorize',
    scenario: { provider: { profile: 'mangoapps' } },
    steps: [
      { advance: '2h' },
      // A fresh authorization: no 401 and refresh before the lookup.
      { authorize: true },
      { assign: JANE },
      { expect: { requests: [`${janeLookup} → 200`, 'POST /Users → 201'] } },
    ],
  },
  {
    name: 'import',
    scenario: {
      provider: { users: [{ userName: 'ann@example.com' }, { userName: 'ben@example.com' }] },
    },
    steps: [
      { import: true },
      {
        expect: {
          result: { ok: true, usersScanned: 2, newUsers: 2, lines: ['2 users scanned!'] },
          requests: [
            'GET /Users?startIndex=1&count=100 → 200',
            'GET /Groups?startIndex=1&count=100 → 200',
          ],
        },
      },
    ],
  },
  {
    name: 'updateApp',
    steps: [
      { updateApp: { provisioning: { createUsers: false } } },
      { assign: JANE },
      // The label stays: updateApp changes only what it names.
      {
        expect: {
          task: failedCreate('Matching user not found.'),
          requests: [`${janeLookup} → 200`],
        },
      },
    ],
  },
  {
    name: 'pushGroup',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      {
        expect: {
          provider: {
            groups: {
              contains: [{ displayName: 'Engineering', members: [{ display: 'Jane Doe' }] }],
            },
          },
        },
      },
    ],
  },
  {
    name: 'pushGroup linkTo',
    scenario: { provider: { groups: [{ displayName: 'Eng' }] } },
    steps: [
      { assign: JANE },
      { pushGroup: { group: 'Engineering', linkTo: 'Eng' } },
      {
        expect: {
          // Linked, then renamed to the Okta name (renameLinkedGroups).
          provider: {
            groups: {
              count: 1,
              contains: [{ displayName: 'Engineering', members: [{ display: 'Jane Doe' }] }],
            },
          },
        },
      },
    ],
  },
  {
    name: 'pushNow',
    scenario: { provider: seeded },
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { expect: { requests: { subsequence: ['POST /Groups → 201'] } } },
      { pushNow: 'Engineering' },
      { expect: { requests: { subsequence: [`PATCH /Groups/${ID_2} → 200`] } } },
    ],
  },
  {
    name: 'renameGroup',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { renameGroup: { group: 'Engineering', name: 'Platform' } },
      {
        expect: {
          provider: {
            groups: { contains: [{ displayName: 'Platform' }], absent: ['Engineering'] },
          },
        },
      },
    ],
  },
  {
    name: 'addMembers',
    steps: [
      { assign: JANE },
      { assign: BOB },
      { pushGroup: 'Engineering' },
      { addMembers: { group: 'Engineering', users: [BOB] } },
      {
        expect: {
          provider: {
            groups: {
              contains: [{ displayName: 'Engineering', members: [{ display: 'Bob Lee' }] }],
            },
          },
        },
      },
    ],
  },
  {
    name: 'removeMembers',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { removeMembers: { group: 'Engineering', users: [JANE] } },
      {
        expect: {
          provider: {
            groups: {
              contains: [{ displayName: 'Engineering' }],
              absent: [{ members: [{ display: 'Jane Doe' }] }],
            },
          },
        },
      },
    ],
  },
  {
    name: 'unlinkGroup',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { unlinkGroup: { group: 'Engineering', deleteInApp: true } },
      { expect: { provider: { groups: { count: 0 } } } },
    ],
  },
  {
    name: 'deactivatePush',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { expect: { requests: { subsequence: ['POST /Groups → 201'] } } },
      { deactivatePush: 'Engineering' },
      { renameGroup: { group: 'Engineering', name: 'Platform' } },
      {
        expect: {
          requests: [],
          provider: { groups: { contains: [{ displayName: 'Engineering' }] } },
        },
      },
    ],
  },
  {
    name: 'activatePush',
    steps: [
      { assign: JANE },
      { pushGroup: 'Engineering' },
      { deactivatePush: 'Engineering' },
      { renameGroup: { group: 'Engineering', name: 'Platform' } },
      { activatePush: 'Platform' },
      { expect: { provider: { groups: { contains: [{ displayName: 'Platform' }] } } } },
    ],
  },
  {
    name: 'retry',
    steps: [
      { fault: { on: 'createUser', respond: 'serverError', times: 1 } },
      { assign: JANE },
      {
        expect: {
          task: failedCreate(
            'Error while creating user jane@corp.example: Internal Server Error. Errors reported by remote server: Internal Server Error',
          ),
        },
      },
      { retry: 1 },
      { expect: { tasks: [], appUser: { user: JANE, status: 'PROVISIONED' } } },
    ],
  },
  {
    name: 'completeTask',
    steps: [
      { fault: { on: 'createUser', respond: 'serverError', times: 1 } },
      { assign: JANE },
      { completeTask: 'last' },
      {
        expect: {
          tasks: [],
          appUser: { user: JANE, status: 'ERROR' },
          requests: { subsequence: ['POST /Users → 500'] },
        },
      },
    ],
  },
  {
    name: 'fault',
    steps: [
      {
        fault: {
          on: 'createUser',
          respond: 'conflict',
          detail: 'Taken',
          where: { userName: JANE },
        },
      },
      { assign: JANE },
      { assign: BOB },
      {
        expect: {
          tasks: [
            failedCreate(
              'Error while creating user jane@corp.example: Conflict. Errors reported by remote server: Taken',
            ),
          ],
          provider: { users: { count: 1, contains: [{ userName: BOB }], absent: [JANE] } },
        },
      },
    ],
  },
  {
    name: 'clearFaults',
    steps: [
      { fault: { on: '*', respond: 'serverError' } },
      { clearFaults: true },
      { assign: JANE },
      { expect: { tasks: [], requests: [`${janeLookup} → 200`, 'POST /Users → 201'] } },
    ],
  },
  {
    name: 'providerChange createUser',
    steps: [
      { providerChange: { createUser: { userName: JANE, title: 'Existing' } } },
      { assign: JANE },
      // An active match is linked, not created.
      {
        expect: {
          provider: { users: { count: 1 } },
          requests: { subsequence: [`${janeLookup} → 200`] },
          appUser: { user: JANE, status: 'PROVISIONED' },
        },
      },
    ],
  },
  {
    name: 'providerChange deleteUser',
    steps: [
      { assign: JANE },
      { providerChange: { deleteUser: JANE } },
      { expect: { provider: { users: { count: 0, absent: [JANE] } } } },
    ],
  },
  {
    name: 'providerChange updateUser',
    scenario: { provider: { users: [{ userName: 'ann@example.com' }] } },
    steps: [
      {
        providerChange: { updateUser: { userName: 'ann@example.com', changes: { title: 'Boss' } } },
      },
      {
        expect: {
          provider: { users: { contains: [{ userName: 'ann@example.com', title: 'Boss' }] } },
        },
      },
    ],
  },
  {
    name: 'providerChange createGroup',
    scenario: { provider: { users: [{ userName: 'ann@example.com', displayName: 'Ann' }] } },
    steps: [
      { providerChange: { createGroup: { displayName: 'Sales', members: ['ann@example.com'] } } },
      {
        expect: {
          provider: {
            groups: { contains: [{ displayName: 'Sales', members: [{ display: 'Ann' }] }] },
          },
        },
      },
    ],
  },
  {
    name: 'providerChange deleteGroup',
    scenario: { provider: { groups: [{ displayName: 'Sales' }] } },
    steps: [
      { providerChange: { deleteGroup: 'Sales' } },
      { expect: { provider: { groups: { count: 0 } } } },
    ],
  },
  {
    name: 'providerChange profileSettings',
    scenario: { provider: { profile: 'magicpod' } },
    steps: [
      { providerChange: { profileSettings: { scimEnabled: false } } },
      { testConnection: true },
      {
        expect: {
          result: {
            ok: false,
            message:
              'Error authenticating: Forbidden. Errors reported by remote server: SCIM is disabled: enable the SCIM integration in the MagicPod organization settings',
          },
        },
      },
    ],
  },
  {
    name: 'providerChange profileAction',
    scenario: { provider: { profile: 'magicpod' }, okta: { app: { userNameFormat: 'email' } } },
    steps: [
      {
        providerChange: {
          profileAction: { name: 'addRegularAccount', input: { email: 'jane.doe@example.com' } },
        },
      },
      { assign: JANE },
      {
        expect: {
          task: failedCreate(
            'Error while creating user jane.doe@example.com: Conflict. Errors reported by remote server: User with this email already exists',
          ),
          provider: { users: { count: 0 } },
        },
      },
    ],
  },
  {
    name: 'advance',
    scenario: { provider: { profile: 'mangoapps' } },
    steps: [
      // MangoApps' access tokens live an hour: Okta refreshes after a 401.
      { advance: '2h' },
      { assign: JANE },
      { expect: { requests: [`${janeLookup} → 401`, `${janeLookup} → 200`, 'POST /Users → 201'] } },
    ],
  },
]

test.each(rows)('runs $name', async ({ scenario, steps }) => {
  const result = await runScenario({
    name: 'one step kind',
    ...scenario,
    okta: { users, groups: [{ name: 'Engineering', members: [JANE] }], ...scenario?.okta },
    steps,
  })

  const failed =
    result.error ??
    result.steps
      .filter((step) => !step.passed)
      .map((step) => `${step.index} ${step.kind}: ${step.message}`)
  expect(failed).toEqual([])
  expect(result.passed).toBe(true)
})

test('covers every step kind', () => {
  const kinds = stepSchema.options.map((option) => Object.keys(option.shape)[0])
  const covered = new Set(rows.flatMap((row) => row.steps.map((step) => Object.keys(step)[0])))

  expect(kinds.filter((kind) => !covered.has(kind))).toEqual([])
  expect(kinds).toHaveLength(32)
})

test.each<[string, ScenarioInput['steps'], string]>([
  ['retry with no open task', [{ retry: 1 }], 'Failed to retry task 1: no task is open'],
  [
    'retry past the open tasks',
    [
      { fault: { on: 'createUser', respond: 'serverError', times: 1 } },
      { assign: JANE },
      { retry: 2 },
    ],
    'Failed to retry task 2: only 1 task is open',
  ],
  [
    'completeTask with no open task',
    [{ completeTask: 'last' }],
    'Failed to complete task last: no task is open',
  ],
  [
    'authorize without OAuth',
    [{ authorize: true }],
    'Failed to authorize "SCIM 2.0 Test App (OAuth Bearer Token)": its auth is bearer, not oauth',
  ],
  [
    'a fault the provider refuses',
    [{ fault: { on: 'createUser', respond: 'conflict', where: { nickName: 'x' } } }],
    'nickName',
  ],
  [
    'a change to a user the provider lacks',
    [{ providerChange: { deleteUser: 'ghost' } }],
    'Failed to delete provider user "ghost": the provider has no such user',
  ],
  [
    'an unknown profile action',
    [{ providerChange: { profileAction: { name: 'explode' } } }],
    'Failed to run "explode": profile "generic" has no actions',
  ],
])('fails the step on %s', async (_, steps, message) => {
  const result = await runScenario({ name: 'failing step', okta: { users }, steps })

  const failed = result.steps.find((step) => !step.passed)
  expect(failed?.message).toContain(message)
})
