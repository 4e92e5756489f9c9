import { z } from 'zod'
import { parseSnapshot } from '../snapshot/parse-snapshot.js'
import type { AppUserProfile, OktaRequestRecord } from './create-okta-org.js'
import type {
  OktaAppSettings,
  OktaAppUser,
  OktaGroup,
  OktaImportedUser,
  OktaLogEvent,
  OktaPushedGroup,
  OktaTask,
  OktaTaskRetry,
  OktaUser,
} from './okta-model.js'

/**
 * An Okta org's state as plain JSON, from `org.snapshot()`: what a page keeps
 * (e.g. in `localStorage`) to give `org.restore()` after a reload, so the org
 * goes on exactly as it would have: the same ids, task numbers, placeholder
 * passwords, Retry and time. Options (`fetch`, the clock itself) are not in it.
 *
 * @example
 * localStorage.setItem('okta-org', JSON.stringify(org.snapshot()))
 * // after the reload:
 * org.restore(JSON.parse(localStorage.getItem('okta-org')!))
 */
export interface OktaOrgSnapshot {
  /** The snapshot format; `restore()` refuses any other. */
  version: 1
  users: OktaUser[]
  groups: OktaGroup[]
  apps: OktaAppSnapshot[]
  /** Dashboard > Tasks, oldest first, each with what its Retry repeats. */
  tasks: OktaTaskSnapshot[]
  /**
   * Assignments and pushed groups that an open task's Retry acts on but that
   * have left their app since (unassigned, unlinked): Retry acts on them all
   * the same, as Okta's would. Tasks point here by `retry.detached`.
   */
  detached: { appUsers: OktaAppUser[]; pushedGroups: OktaPushedGroup[] }
  /** System Log events, oldest first. */
  systemLog: OktaLogEvent[]
  /** Every SCIM request the org sent (since `clearRequests()`), oldest first. */
  requests: OktaRequestRecord[]
  /** How many tasks were opened: the next is `task-{taskNumber + 1}`. */
  taskNumber: number
  /**
   * Where the seeded streams stand (xorshift32 states): `ids` for users,
   * groups and apps; `secrets` for placeholder passwords and OAuth `state`.
   */
  streams: { ids: number; secrets: number }
  /** The simulated clock's time (ISO 8601); absent when the org runs on another clock. */
  clock?: string
}

/** One app of an {@link OktaOrgSnapshot}. */
export interface OktaAppSnapshot {
  id: string
  /** Its settings, auth (and its secrets) included. */
  settings: OktaAppSettings
  /** The assignments, in the order they were made. */
  users: OktaAppUser[]
  /** Imported accounts no Okta user owns yet. */
  imported: OktaImportedUser[]
  pushedGroups: OktaPushedGroup[]
  /** Okta's app-group cache as [lower-cased displayName, SCIM id] pairs, in order. */
  groupCache: Array<[string, string]>
  /** Whether the app's groups were ever read (a warm cache). */
  groupCacheLoaded: boolean
  /** The ids of the groups assigned to the app. */
  assignedGroups: string[]
  /** The assignments' own profile values (`updateAssignment`), as [Okta user id, values] pairs. */
  assignmentProfiles: Array<[string, AppUserProfile]>
  /** OAuth apps: the tokens `authorize()` (or a refresh) obtained. */
  oauth: { accessToken?: string; refreshToken?: string }
}

/** A task of an {@link OktaOrgSnapshot}. */
export interface OktaTaskSnapshot extends OktaTask {
  /**
   * What its Retry repeats; absent when it has none. `detached`: the index,
   * in `detached.appUsers` (user flows) or `detached.pushedGroups` (group
   * flows), of what Retry acts on when that has left its app; absent, Retry
   * acts on the app's current assignment (or pushed group).
   */
  retry?: OktaTaskRetry & { detached?: number }
}

const id = z.string().min(1)
const count = z.number().int().nonnegative()
const strings = z.record(z.string(), z.string())
// A xorshift32 state: zero would make every later id the same.
const streamState = z.number().int().min(1).max(0xffffffff)
const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  message: 'expected an ISO 8601 time',
})

const userSchema = z.strictObject({
  id,
  status: z.enum(['ACTIVE', 'SUSPENDED', 'DEACTIVATED']),
  profile: z
    .object({ login: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() })
    .catchall(z.string()),
})

const groupSchema = z.strictObject({
  id,
  name: z.string(),
  description: z.string().optional(),
  members: z.array(id),
})

// Loose: settings keep whatever the app was created or updated with.
const authSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('header'), token: z.string() }),
  z.looseObject({ type: z.literal('bearer'), token: z.string() }),
  z.looseObject({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.looseObject({
    type: z.literal('oauth'),
    authorizeUrl: z.string(),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    redirectUri: z.string().optional(),
  }),
])

const settingsSchema = z.looseObject({
  label: z.string(),
  baseUrl: z.string(),
  auth: authSchema,
  mode: z.enum(['aiw', 'oin']),
  apiIntegration: z.boolean().optional(),
  userNameFormat: z.enum(['login', 'email', 'emailPrefix']),
  uniqueIdentifier: z.enum(['userName', 'email']),
  mappings: z.array(
    z.enum([
      'userName',
      'name.givenName',
      'name.familyName',
      'emails',
      'displayName',
      'title',
      'locale',
      'externalId',
      'department',
    ]),
  ),
  provisioning: z.looseObject({
    createUsers: z.boolean(),
    updateUserAttributes: z.boolean(),
    deactivateUsers: z.boolean(),
    syncPassword: z.boolean(),
    pushGroups: z.boolean(),
    importUsers: z.boolean(),
    importGroups: z.boolean(),
  }),
  groupPushBatchSize: z.number(),
  renameLinkedGroups: z.boolean(),
  groupPush: z
    .looseObject({
      nameReassertion: z.enum(['before', 'after', 'off']).optional(),
      aiwMembershipRounds: z.number().optional(),
      aiwPushNowRounds: z.number().optional(),
    })
    .optional(),
})

const appUserSchema = z.strictObject({
  userId: id,
  direct: z.boolean(),
  groupIds: z.array(id),
  userName: z.string(),
  remoteId: z.string().optional(),
  status: z.enum(['PROVISIONED', 'UNPROVISIONED', 'ERROR', 'DEPROVISIONED']),
  error: z.string().optional(),
})

const pushedGroupSchema = z.strictObject({
  groupId: id,
  remoteId: z.string().optional(),
  status: z.enum(['ACTIVE', 'INACTIVE', 'ERROR']),
  error: z.string().optional(),
  pushedMembers: z.array(z.string()),
})

const appSchema = z.strictObject({
  id,
  settings: settingsSchema,
  users: z.array(appUserSchema),
  imported: z.array(z.strictObject({ remoteId: z.string(), userName: z.string() })),
  pushedGroups: z.array(pushedGroupSchema),
  groupCache: z.array(z.tuple([z.string(), z.string()])),
  groupCacheLoaded: z.boolean(),
  assignedGroups: z.array(id),
  assignmentProfiles: z.array(z.tuple([id, z.record(z.string(), z.string())])),
  oauth: z.strictObject({
    accessToken: z.string().optional(),
    refreshToken: z.string().optional(),
  }),
})

// A Retry on an app; `detached` points into the snapshot's `detached` lists.
const retryOf = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.strictObject({ appId: id, detached: count.optional(), ...shape })
const retrySchema = z.discriminatedUnion('flow', [
  retryOf({ flow: z.literal('provisionAssignment'), userId: id }),
  retryOf({
    flow: z.literal('pushProfileUpdate'),
    userId: id,
    wording: z.enum(['provisioning', 'profilePush']),
  }),
  retryOf({ flow: z.literal('syncPassword'), userId: id, password: z.string() }),
  retryOf({ flow: z.literal('pushGroup'), groupId: id, linkTo: z.string().optional() }),
  retryOf({ flow: z.literal('resyncGroup'), groupId: id }),
  retryOf({ flow: z.literal('unlinkGroup'), groupId: id, deleteInApp: z.boolean() }),
])

const taskSchema = z.strictObject({
  id,
  kind: z.enum(['provisioning', 'profilePush', 'deprovisioning', 'groupPush']),
  appLabel: z.string(),
  userId: id.optional(),
  groupId: id.optional(),
  message: z.string(),
  created: isoTime,
  status: z.enum(['OPEN', 'COMPLETED']),
  retryable: z.boolean(),
  rateLimited: z.boolean(),
  retry: retrySchema.optional(),
})

const eventSchema = z.strictObject({
  published: isoTime,
  eventType: z.string(),
  displayMessage: z.string(),
  outcome: z.strictObject({
    result: z.enum(['SUCCESS', 'FAILURE']),
    reason: z.string().optional(),
  }),
  target: z.array(
    z.strictObject({
      type: z.enum(['User', 'AppInstance', 'UserGroup', 'AppUser']),
      id: z.string(),
      displayName: z.string(),
    }),
  ),
})

const requestSchema = z.strictObject({
  app: z.string(),
  method: z.string(),
  path: z.string(),
  headers: strings,
  body: z.unknown().optional(),
  status: z.number().int().min(0).max(599),
  reason: z.string(),
  response: z.unknown().optional(),
  text: z.string(),
  responseHeaders: strings,
  failure: z.enum(['timeout', 'network']).optional(),
})

const snapshotSchema = z
  .strictObject({
    version: z.literal(1),
    users: z.array(userSchema),
    groups: z.array(groupSchema),
    apps: z.array(appSchema),
    tasks: z.array(taskSchema),
    detached: z.strictObject({
      appUsers: z.array(appUserSchema),
      pushedGroups: z.array(pushedGroupSchema),
    }),
    systemLog: z.array(eventSchema),
    requests: z.array(requestSchema),
    taskNumber: count,
    streams: z.strictObject({ ids: streamState, secrets: streamState }),
    clock: isoTime.optional(),
  })
  .superRefine((snapshot, context) => {
    for (const problem of referenceProblems(snapshot as OktaOrgSnapshot)) {
      context.addIssue({ code: 'custom', path: problem.path, message: problem.message })
    }
  }) satisfies z.ZodType<OktaOrgSnapshot>

/**
 * What the org would trip over: ids twice, references to users, groups and
 * apps the snapshot does not hold, a Retry with nothing to act on, a task
 * number already taken.
 */
function* referenceProblems(
  snapshot: OktaOrgSnapshot,
): Generator<{ path: PropertyKey[]; message: string }> {
  const users = new Set(snapshot.users.map((user) => user.id))
  const groups = new Set(snapshot.groups.map((group) => group.id))
  const apps = new Map(snapshot.apps.map((app) => [app.id, app]))
  for (const [list, ids] of [
    ['users', snapshot.users.map((user) => user.id)],
    ['groups', snapshot.groups.map((group) => group.id)],
    ['apps', snapshot.apps.map((app) => app.id)],
    ['tasks', snapshot.tasks.map((task) => task.id)],
  ] as const) {
    const seen = new Set<string>()
    for (const [index, each] of ids.entries()) {
      if (seen.has(each)) yield { path: [list, index, 'id'], message: `"${each}" twice` }
      seen.add(each)
    }
  }
  const missing = (kind: string, key: string) => `no ${kind} "${key}" in the snapshot`
  for (const [index, group] of snapshot.groups.entries()) {
    for (const member of group.members) {
      if (!users.has(member))
        yield { path: ['groups', index, 'members'], message: missing('user', member) }
    }
  }
  for (const [index, app] of snapshot.apps.entries()) {
    for (const appUser of app.users) {
      if (!users.has(appUser.userId))
        yield { path: ['apps', index, 'users'], message: missing('user', appUser.userId) }
    }
    for (const groupId of [
      ...app.pushedGroups.map((pushed) => pushed.groupId),
      ...app.assignedGroups,
    ]) {
      if (!groups.has(groupId)) yield { path: ['apps', index], message: missing('group', groupId) }
    }
  }
  for (const [index, task] of snapshot.tasks.entries()) {
    const number = /^task-(\d+)$/.exec(task.id)?.[1]
    if (number !== undefined && Number(number) > snapshot.taskNumber) {
      yield {
        path: ['taskNumber'],
        message: `${snapshot.taskNumber} is below the number of ${task.id}: new tasks would repeat it`,
      }
    }
    if (task.retryable !== (task.retry !== undefined)) {
      yield {
        path: ['tasks', index, 'retry'],
        message: task.retryable
          ? 'a retryable task without a retry'
          : 'a retry on a task without Retry',
      }
    }
    const retry = task.retry
    if (!retry) continue
    const path = ['tasks', index, 'retry']
    const app = apps.get(retry.appId)
    if (!app) {
      yield { path, message: missing('app', retry.appId) }
      continue
    }
    const userFlow = 'userId' in retry
    const key = userFlow ? retry.userId : retry.groupId
    if (!(userFlow ? users : groups).has(key))
      yield { path, message: missing(userFlow ? 'user' : 'group', key) }
    if (retry.detached !== undefined) {
      const pool = userFlow ? snapshot.detached.appUsers : snapshot.detached.pushedGroups
      if (retry.detached >= pool.length)
        yield {
          path,
          message: `no detached ${userFlow ? 'app user' : 'pushed group'} ${retry.detached}`,
        }
    } else if (
      userFlow &&
      task.status === 'OPEN' &&
      !app.users.some((appUser) => appUser.userId === key)
    ) {
      yield {
        path,
        message: `Retry acts on the assignment of "${key}", which app "${app.id}" does not hold`,
      }
    }
  }
}

/**
 * Checks a snapshot from outside and returns a copy the org can own; throws
 * `TypeError("Failed to restore the Okta org: …")` naming the first problem.
 */
export function parseOktaOrgSnapshot(input: unknown): OktaOrgSnapshot {
  return parseSnapshot(input, {
    subject: 'the Okta org',
    source: 'org.snapshot()',
    schema: snapshotSchema as z.ZodType<OktaOrgSnapshot>,
  })
}
