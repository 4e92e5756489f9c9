import { z } from 'zod'
import { faultSpecSchema } from '../provider/faults/fault-spec.js'

/**
 * The scenario format: YAML for QA engineers, `defineScenario()` for test
 * suites; both validated here. A scenario arranges the provider and an Okta
 * org, then runs steps: Okta actions, provider-side changes, faults, time,
 * and `expect` blocks.
 */

const name = z.string().min(1)
/** An Okta user by login (or id). */
const userRef = name
/** An Okta group by name (or id). */
const groupRef = name
/** Milliseconds, or "90s", "5m", "2h". */
const DURATION = 'expected milliseconds or a duration such as "500ms", "90s", "5m", "2h"'
const duration = z.union(
  [z.number().int().nonnegative(), z.string().regex(/^\d+(ms|s|m|h)$/, DURATION)],
  { error: DURATION },
)

const oktaUser = z.looseObject({
  login: name,
  email: name,
  firstName: name,
  lastName: name,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'DEACTIVATED']).optional(),
})

/** The app's settings without defaults: `updateApp` changes only what it names. */
const oktaAppSettings = z.strictObject({
  label: name,
  mode: z.enum(['aiw', 'oin']),
  userNameFormat: z.enum(['login', 'email', 'emailPrefix']).optional(),
  uniqueIdentifier: z.enum(['userName', 'email']).optional(),
  /** Omitted: Bearer with the provider's token (or OAuth for an OAuth provider). */
  auth: z
    .union([
      z.strictObject({ type: z.literal('header'), token: name }),
      z.strictObject({ type: z.literal('bearer'), token: name }),
      z.strictObject({ type: z.literal('basic'), username: name, password: z.string() }),
      z.strictObject({ type: z.literal('oauth') }),
    ])
    .optional(),
  provisioning: z
    .strictObject({
      createUsers: z.boolean(),
      updateUserAttributes: z.boolean(),
      deactivateUsers: z.boolean(),
      syncPassword: z.boolean(),
      pushGroups: z.boolean(),
      importUsers: z.boolean(),
      importGroups: z.boolean(),
    })
    .partial()
    .optional(),
  apiIntegration: z.boolean().optional(),
  groupPushBatchSize: z.number().int().min(1).optional(),
  renameLinkedGroups: z.boolean().optional(),
})

/** The scenario's app: a catalog (OIN) "SCIM 2.0 Test App (OAuth Bearer Token)" unless told. */
export const oktaAppSchema = oktaAppSettings.extend({
  label: name.default('SCIM 2.0 Test App (OAuth Bearer Token)'),
  mode: z.enum(['aiw', 'oin']).default('oin'),
})

const provider = z.strictObject({
  profile: name.optional(),
  /** The profile's own settings, e.g. `{ scimEnabled: false }`. */
  settings: z.record(z.string(), z.unknown()).optional(),
  /** Provider options: `licenses`, `uniqueEmails`, `token`, `seed`... */
  options: z.record(z.string(), z.unknown()).optional(),
  /** Users to create before the steps, as `provider.users.create()` takes them. */
  users: z.array(z.looseObject({ userName: name })).optional(),
  /** Groups to create: members by userName. */
  groups: z
    .array(z.strictObject({ displayName: name, members: z.array(name).optional() }))
    .optional(),
})

/** Partial matching: every given field must equal; arrays must contain the given items. */
const partial = z.record(z.string(), z.unknown())

const resourceExpectation = z.strictObject({
  count: z.number().int().nonnegative().optional(),
  /** Resources matching each partial object must exist. */
  contains: z.array(partial).optional(),
  /** No resource may match these (by userName for users, displayName for groups, or a partial). */
  absent: z.array(z.union([name, partial])).optional(),
})

/**
 * A request line as the transcript shows it: `METHOD /path?decoded query → status`,
 * e.g. `GET /Users?filter=userName eq "jane@example.com"&startIndex=1&count=100 → 200`;
 * the status part is optional. `{id:<name>}` (`{id:<name>#<n>}`) stands for the SCIM id of the
 * provider user or group with that name (see `resource-ids.ts`).
 */
const requestLine = z.string().regex(/^[A-Z]+ \S.*$/, 'expected "METHOD /path → status"')

export const expectationSchema = z.strictObject({
  /** An open task with exactly this message. */
  task: z.string().optional(),
  /** The open tasks, exactly (messages), or `[]` for none. */
  tasks: z.array(z.string()).optional(),
  /** System Log events since the previous expect, as partial matches in order. */
  systemLog: z.array(partial).optional(),
  provider: z
    .strictObject({ users: resourceExpectation.optional(), groups: resourceExpectation.optional() })
    .optional(),
  /** Okta's assignment of a user: `{ user, status, ... }` partial. */
  appUser: z.looseObject({ user: userRef }).optional(),
  /**
   * The requests Okta sent since the previous `expect` (or the start): an
   * exact sequence, or `{ subsequence: [...] }` for an ordered subsequence.
   */
  requests: z
    .union([z.array(requestLine), z.strictObject({ subsequence: z.array(requestLine) })])
    .optional(),
  /** The result of the previous action, e.g. testConnection's message or an import's counters. */
  result: partial.optional(),
})

/** Each step is an object with exactly one key, the step's kind. */
export const stepSchema = z.union([
  z.strictObject({ assign: userRef }),
  z.strictObject({ assignGroup: groupRef }),
  z.strictObject({ unassign: userRef }),
  z.strictObject({ unassignGroup: groupRef }),
  z.strictObject({ updateUser: z.strictObject({ user: userRef, profile: partial }) }),
  z.strictObject({ updateAssignment: z.strictObject({ user: userRef, profile: partial }) }),
  z.strictObject({ deactivate: userRef }),
  z.strictObject({ reactivate: userRef }),
  z.strictObject({ suspend: userRef }),
  z.strictObject({ unsuspend: userRef }),
  z.strictObject({ setPassword: z.strictObject({ user: userRef, password: name }) }),
  z.strictObject({ provisionUser: userRef }),
  z.strictObject({ testConnection: z.literal(true) }),
  z.strictObject({ saveProvisioning: z.literal(true) }),
  z.strictObject({ authorize: z.literal(true) }),
  z.strictObject({ import: z.literal(true) }),
  z.strictObject({ updateApp: oktaAppSettings.partial() }),
  z.strictObject({
    /** `linkTo`: the app group to link to, by displayName (or SCIM id). */
    pushGroup: z.union([groupRef, z.strictObject({ group: groupRef, linkTo: name.optional() })]),
  }),
  z.strictObject({ pushNow: groupRef }),
  z.strictObject({ renameGroup: z.strictObject({ group: groupRef, name }) }),
  z.strictObject({
    addMembers: z.strictObject({ group: groupRef, users: z.array(userRef).min(1) }),
  }),
  z.strictObject({
    removeMembers: z.strictObject({ group: groupRef, users: z.array(userRef).min(1) }),
  }),
  z.strictObject({ unlinkGroup: z.strictObject({ group: groupRef, deleteInApp: z.boolean() }) }),
  z.strictObject({ deactivatePush: groupRef }),
  z.strictObject({ activatePush: groupRef }),
  /** Retry an open task: its 1-based position among the open tasks, or "last". */
  z.strictObject({ retry: z.union([z.number().int().min(1), z.literal('last')]) }),
  z.strictObject({ completeTask: z.union([z.number().int().min(1), z.literal('last')]) }),
  z.strictObject({
    fault: faultSpecSchema.omit({ where: true }).extend({ where: partial.optional() }),
  }),
  z.strictObject({ clearFaults: z.literal(true) }),
  /** Provider-side changes, behind Okta's back. */
  z.strictObject({
    providerChange: z.union([
      z.strictObject({ createUser: z.looseObject({ userName: name }) }),
      z.strictObject({ deleteUser: name }),
      z.strictObject({ updateUser: z.strictObject({ userName: name, changes: partial }) }),
      z.strictObject({
        createGroup: z.strictObject({ displayName: name, members: z.array(name).optional() }),
      }),
      z.strictObject({ deleteGroup: name }),
      z.strictObject({ profileSettings: partial }),
      z.strictObject({ profileAction: z.strictObject({ name, input: partial.optional() }) }),
    ]),
  }),
  /** Simulated time passes (OAuth tokens expire, back-offs elapse). */
  z.strictObject({ advance: duration }),
  z.strictObject({ expect: expectationSchema }),
])

export const scenarioSchema = z.strictObject({
  name,
  description: z.string().optional(),
  tags: z.array(name).optional(),
  provider: provider.optional(),
  okta: z
    .strictObject({
      app: oktaAppSchema.optional(),
      users: z.array(oktaUser).optional(),
      groups: z.array(z.strictObject({ name, members: z.array(userRef).optional() })).optional(),
    })
    .optional(),
  steps: z.array(stepSchema).min(1),
})

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>
/** A validated scenario. */
export type Scenario = z.output<typeof scenarioSchema>
export type ScenarioStep = z.output<typeof stepSchema>
export type ScenarioExpectation = z.output<typeof expectationSchema>

/** The JSON Schema of scenario files, for editors (yaml-language-server, VS Code). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
}
