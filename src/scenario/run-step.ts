import type { OktaApp, OktaOrg } from '../okta/create-okta-org.js'
import type { OktaTask } from '../okta/okta-model.js'
import { parseDuration } from './parse-duration.js'
import { resolveAppAuth } from './resolve-app-auth.js'
import type { ScenarioStep } from './scenario-schema.js'
import type { ScenarioTarget } from './scenario-target.js'
import { type StepKind, stepKind, type StepValue } from './step-kind.js'

/** What an action step works on. */
export interface StepContext {
  org: OktaOrg
  app: OktaApp
  target: ScenarioTarget
}

type ActionKind = Exclude<StepKind, 'expect'>
type Actions = {
  [Kind in ActionKind]: (value: StepValue<Kind>, context: StepContext) => unknown
}

/**
 * Each action step is one call on the org, the app or the provider; its
 * return value is what a later `expect: { result }` checks.
 */
const actions: Actions = {
  assign: (user, { app }) => app.assignUser(user),
  assignGroup: (group, { app }) => app.assignGroup(group),
  unassign: (user, { app }) => app.unassignUser(user),
  unassignGroup: (group, { app }) => app.unassignGroup(group),
  updateUser: ({ user, profile }, { org }) => org.users.update(user, asProfile(profile)),
  updateAssignment: ({ user, profile }, { app }) => app.updateAssignment(user, asProfile(profile)),
  deactivate: (user, { org }) => org.users.deactivate(user),
  reactivate: (user, { org }) => org.users.reactivate(user),
  suspend: (user, { org }) => org.users.suspend(user),
  unsuspend: (user, { org }) => org.users.unsuspend(user),
  setPassword: ({ user, password }, { org }) => org.users.setPassword(user, password),
  provisionUser: (user, { app }) => app.provisionUser(user),
  testConnection: (_, { app }) => app.testConnection(),
  saveProvisioning: (_, { app }) => app.saveProvisioning(),
  authorize: (_, { app }) => app.authorize(),
  import: (_, { app }) => app.import(),
  updateApp({ auth, ...changes }, { app, target }) {
    app.update(definedOnly({ ...changes, ...(auth ? { auth: resolveAppAuth(auth, target) } : {}) }))
  },
  async pushGroup(push, { app, target }) {
    if (typeof push === 'string') return app.pushGroup(push)
    if (push.linkTo === undefined) return app.pushGroup(push.group)
    // Okta links to an app group's SCIM id; scenarios name it, as the admin picks it in a list.
    const linkTo = (await target.findGroupId(push.linkTo)) ?? push.linkTo
    return app.pushGroup(push.group, { linkTo })
  },
  pushNow: (group, { app }) => app.pushNow(group),
  renameGroup: ({ group, name }, { org }) => org.groups.rename(group, name),
  addMembers: ({ group, users }, { org }) => org.groups.addMembers(group, users),
  removeMembers: ({ group, users }, { org }) => org.groups.removeMembers(group, users),
  unlinkGroup: ({ group, deleteInApp }, { app }) => app.unlinkGroup(group, { deleteInApp }),
  deactivatePush: (group, { app }) => app.setPushActive(group, false),
  activatePush: (group, { app }) => app.setPushActive(group, true),
  retry: (position, { org }) => org.tasks.retry(openTask(org, position, 'retry').id),
  completeTask(position, { org }) {
    org.tasks.complete(openTask(org, position, 'complete').id)
  },
  fault: (spec, { target }) => target.addFault(definedOnly(spec)),
  clearFaults: (_, { target }) => target.clearFaults(),
  providerChange(change, { target }) {
    if ('createUser' in change) return target.createUser(change.createUser)
    if ('deleteUser' in change) return target.deleteUser(change.deleteUser)
    if ('updateUser' in change)
      return target.updateUser(change.updateUser.userName, change.updateUser.changes)
    if ('createGroup' in change)
      return target.createGroup(change.createGroup.displayName, change.createGroup.members ?? [])
    if ('deleteGroup' in change) return target.deleteGroup(change.deleteGroup)
    if ('profileSettings' in change) return target.updateProfileSettings(change.profileSettings)
    return target.runProfileAction(change.profileAction.name, change.profileAction.input ?? {})
  },
  advance(duration, { target }) {
    if (!target.advance) {
      throw new Error(
        'Failed to advance time: against a real server time is real; advance needs the in-process provider',
      )
    }
    return target.advance(parseDuration(duration))
  },
}

/**
 * Runs one action step (any step but `expect`) and returns what it returned:
 * `assign` a provision result, `testConnection` `{ ok, message }`, `import`
 * the counters, a profile action its output. Throws what the call threw.
 *
 * @example
 * await runStep({ assign: 'jane@corp.example' }, { org, app, target }) // { ok: false, message: '…' }
 */
export async function runStep(step: ScenarioStep, context: StepContext): Promise<unknown> {
  const kind = stepKind(step)
  if (kind === 'expect') throw new TypeError('Failed to run an expect step as an action')
  const action = actions[kind] as (value: unknown, context: StepContext) => unknown
  return action((step as Record<string, unknown>)[kind], context)
}

/** An open task by its 1-based position among the open tasks (oldest first), or the last. */
function openTask(org: OktaOrg, position: number | 'last', verb: string): OktaTask {
  const open = org.tasks.open()
  const task = position === 'last' ? open.at(-1) : open[position - 1]
  if (!task) {
    throw new Error(
      `Failed to ${verb} task ${position}: ${open.length === 0 ? 'no task is open' : `only ${open.length} task${open.length > 1 ? 's are' : ' is'} open`}`,
    )
  }
  return task
}

/** Okta profile values are strings: YAML numbers and booleans become text, null removes a value. */
function asProfile(profile: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(profile).map(([key, value]) => [
      key,
      value === null || value === undefined
        ? undefined
        : typeof value === 'string'
          ? value
          : String(value),
    ]),
  )
}

/** Optional fields the scenario left out must not override the defaults with undefined. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
