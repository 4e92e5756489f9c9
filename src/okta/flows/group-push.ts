import { URN } from '../../scim/schema/urns.js'
import { type AppContext, lookupPath } from '../okta-app-context.js'
import { oktaMessages, remoteCause } from '../okta-messages.js'
import type { OktaGroup, OktaPushedGroup, OktaRetryAction, OktaUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'
import {
  appMembers,
  changeOperations,
  checkGroupExists,
  type GroupFailure,
  type GroupOperation,
  memberOf,
  memberPath,
  patchGroup,
  type PushedMember,
  putGroup,
  renameOperation,
  replaceOperations,
} from './group-push-requests.js'

/** Push Groups (okta-behavior.md §1.9). */
export interface GroupPushFlows {
  /** §1.9a/b: push a group (create, or link to `linkTo` = an app group's SCIM id). */
  pushGroup(context: AppContext, group: OktaGroup, options: { linkTo?: string }): Promise<void>
  /** §1.9c: the Okta group was renamed. */
  renameGroup(context: AppContext, group: OktaGroup): Promise<void>
  /** §1.9d: members added to / removed from a pushed group (Okta user ids). */
  membershipChanged(
    context: AppContext,
    group: OktaGroup,
    added: string[],
    removed: string[],
  ): Promise<void>
  /** §1.9e: Push now. */
  pushNow(context: AppContext, group: OktaGroup): Promise<void>
  /** §1.9f: unlink, deleting the app group or leaving it. */
  unlinkGroup(
    context: AppContext,
    group: OktaGroup,
    options: { deleteInApp: boolean },
  ): Promise<void>
  /** §1.9f: deactivate (nothing sent) or activate (memberships pushed) the push. */
  setPushActive(context: AppContext, group: OktaGroup, active: boolean): Promise<void>
  /**
   * A task's Retry: repeats `action`. A resync acts on `pushed`, the pushed
   * group the failed update was for (by default, the group's current push).
   */
  retry(
    context: AppContext,
    group: OktaGroup,
    action: GroupPushRetry,
    pushed?: OktaPushedGroup,
  ): Promise<void>
}

/** The Retry actions of Push Groups. */
export type GroupPushRetry = Extract<
  OktaRetryAction,
  { flow: 'pushGroup' | 'resyncGroup' | 'unlinkGroup' }
>

/** The flows, plus what follows a user's provisioning (okta-behavior.md §1.2 step 6). */
export interface GroupPushHooks {
  /** A user was just provisioned: each active pushed group it is in gets it as a member. */
  afterUserProvisioned(context: AppContext, user: OktaUser): Promise<void>
}

/**
 * Where the reference leaves the wire shape open, the choice made here. Each
 * default is our reading of okta-behavior.md; change one to replay a capture
 * that disagrees.
 */
export interface GroupPushOptions {
  /**
   * [UNCONFIRMED] Okta sends the rename op "each time there is a group
   * membership update operation" [REF20]; [OBOT]'s replay counts these "name
   * reassertions" as requests of their own, so it is a separate PATCH. Where
   * it goes is not recorded: 'before' the membership PATCH (default), 'after',
   * or 'off'. OIN only: an AIW PUT always carries displayName.
   */
  nameReassertion: 'before' | 'after' | 'off'
  /**
   * [UNCONFIRMED] GET+PUT pairs per AIW membership change: "often the GET/PUT
   * pair runs twice" (okta-behavior.md §1.9d), but no rule says when, so once.
   */
  aiwMembershipRounds: number
  /** GET+PUT pairs per AIW Push now: "GET ×2, PUT ×2 with the full list" [KR1 §14]. */
  aiwPushNowRounds: number
}

const DEFAULT_OPTIONS: GroupPushOptions = {
  nameReassertion: 'before',
  aiwMembershipRounds: 1,
  aiwPushNowRounds: 2,
}

/**
 * System Log events (okta-behavior.md §3, event types). [UNCONFIRMED] the
 * display messages: the reference names the event types of Group Push, not
 * their wording.
 */
const EVENTS = {
  pushed: ['application.provision.group_push.pushed', 'Push group to external application'],
  updated: ['application.provision.group_push.updated', 'Update group in external application'],
  memberships: [
    'application.provision.group_push.push_memberships',
    'Push group memberships to external application',
  ],
  removed: ['application.provision.group_push.removed', 'Delete group in external application'],
  activated: ['application.provision.group_push.activate_mapping', 'Activate group push'],
  deactivated: ['application.provision.group_push.deactivate_mapping', 'Deactivate group push'],
  createFailed: ['application.provision.group.add', 'Create group in external application'],
  // "…failed" is transient ("will be retried"), "…failed.with.error" cannot be retried [EVENTS].
  updateFailed: [
    'application.provision.group_push.mapping.update.or.delete.failed',
    'Update or delete group push mapping failed',
  ],
  missing: [
    'application.provision.group_push.mapping.update.or.delete.failed.with.error',
    'Update or delete group push mapping failed with error',
  ],
} as const satisfies Record<string, readonly [string, string]>

type PushEvent = (typeof EVENTS)[keyof typeof EVENTS]

/**
 * Push Groups as Okta does it (okta-behavior.md §1.9), for AIW apps (every
 * write `GET` then a full `PUT`) and OIN apps (`PATCH`).
 *
 * @example
 * const flows = createGroupPushFlows({ nameReassertion: 'off' })
 * await flows.pushGroup(context, group, {}) // GET filter (cold cache), POST /Groups, then the memberships
 */
export function createGroupPushFlows(
  options: Partial<GroupPushOptions> = {},
): GroupPushFlows & GroupPushHooks {
  // Per app: its `groupPush` settings win over the flows' own options.
  const optionsFor = (context: AppContext): GroupPushOptions => ({
    ...DEFAULT_OPTIONS,
    ...options,
    ...context.app.settings.groupPush,
  })

  /**
   * §1.9a/b. The app group: `linkTo`, the one already linked (a re-push or a
   * Retry), the warm cache's entry for the name, or, cache cold, the filter's
   * match. None: `POST /Groups`. A link is checked with `GET /Groups/{id}`.
   */
  async function pushGroup(
    context: AppContext,
    group: OktaGroup,
    link: { linkTo?: string },
  ): Promise<void> {
    const pushed = pushedGroupOf(context, group)
    const retry: GroupPushRetry = {
      flow: 'pushGroup',
      groupId: group.id,
      ...(link.linkTo === undefined ? {} : { linkTo: link.linkTo }),
    }
    let target = link.linkTo ?? pushed.remoteId
    if (target === undefined) {
      const found = await findAppGroup(context, group)
      if ('failed' in found) {
        return fail(context, group, pushed, { exchange: found.failed, missing: false }, retry, true)
      }
      target = found.id
    }
    if (target === undefined) return createAppGroup(context, group, pushed, retry)
    return linkAppGroup(context, group, pushed, target, retry)
  }

  /**
   * The app group of this name Okta already knows. A warm cache (filled by
   * Import Groups or saving provisioning, okta-behavior.md §1.1) answers
   * without a request [KR1 §10]; a cold one costs the filter call.
   * "Warm" means the app's groups were read (saving provisioning, Import Groups).
   * A 404 is "no match", as for users (okta-behavior.md §2).
   */
  async function findAppGroup(
    context: AppContext,
    group: OktaGroup,
  ): Promise<{ id: string | undefined } | { failed: OktaExchange }> {
    const { groupCache } = context.app
    // A group Okta created or read is known; a read cache without it means none exists.
    const known = groupCache.get(group.name.toLowerCase())
    if (known !== undefined || context.app.groupCacheLoaded) return { id: known }
    const lookup = await context.client.send({
      method: 'GET',
      path: lookupPath('Groups', 'displayName', group.name),
    })
    if (lookup.status === 404) return { id: undefined }
    if (lookup.status !== 200) return { failed: lookup }
    const resources = (lookup.response as { Resources?: unknown } | undefined)?.Resources
    const match = Array.isArray(resources)
      ? (resources as Array<{ id?: unknown }>).find((resource) => typeof resource?.id === 'string')
      : undefined
    return { id: match?.id as string | undefined }
  }

  /**
   * `POST /Groups` with the provisioned members, then the membership write
   * (okta-behavior.md §1.9a step 3): AIW `GET` + full `PUT`; OIN the
   * "redundant add after the push" [OBOT replay_test.go]. [UNCONFIRMED] its
   * shape: `{"op":"add","path":"members","value":[…]}` as in §1.9d, skipped
   * when the group has no members (there is nothing to add).
   */
  async function createAppGroup(
    context: AppContext,
    group: OktaGroup,
    pushed: OktaPushedGroup,
    retry: GroupPushRetry,
  ) {
    const members = appMembers(context, group)
    // §1.9h: [UNCONFIRMED] the description extension is SCIM 1.1's; SCIM 2.0 sends none.
    const created = await context.client.send({
      method: 'POST',
      path: '/Groups',
      body: { schemas: [URN.group], displayName: group.name, members },
    })
    const id = (created.response as { id?: unknown } | undefined)?.id
    if (created.status !== 201 || typeof id !== 'string') {
      return fail(context, group, pushed, { exchange: created, missing: false }, retry, true)
    }
    pushed.remoteId = id
    recordPushed(pushed, members)
    recache(context, group, id)
    log(context, group, EVENTS.pushed)
    const failure =
      context.app.settings.mode === 'aiw'
        ? await putGroup(context, id, () => group.name, members)
        : await patchGroup(context, id, addOperations(context, members))
    if (failure) return fail(context, group, pushed, failure, retry)
    succeed(context, group, pushed, EVENTS.updated)
  }

  /**
   * Links an existing app group (okta-behavior.md §1.9b), checked first with
   * `GET /Groups/{id}` (§1.9g). With "Rename app groups to match group name in
   * Okta" on, Okta renames it; then the memberships are pushed.
   * [UNCONFIRMED] the membership write is Push now's authoritative set: the
   * app group's other members are dropped, as [OBOT]'s AIW replay saw ("its
   * stale members were dropped in the binding write").
   */
  async function linkAppGroup(
    context: AppContext,
    group: OktaGroup,
    pushed: OktaPushedGroup,
    remoteId: string,
    retry: GroupPushRetry,
  ) {
    pushed.remoteId = remoteId
    const members = appMembers(context, group)
    const rename = context.app.settings.renameLinkedGroups
    let failure: GroupFailure | undefined
    if (context.app.settings.mode === 'aiw') {
      // The read of the read-modify-write is the existence check.
      failure = await putGroup(context, remoteId, appGroupName(context, group), members)
    } else {
      failure =
        (await checkGroupExists(context, remoteId)) ??
        (await patchGroup(context, remoteId, [
          ...(rename ? [[renameOperation(remoteId, group.name)]] : []),
          ...replaceOperations(context, members),
        ]))
    }
    if (failure) return fail(context, group, pushed, failure, retry)
    recordPushed(pushed, members)
    if (rename) recache(context, group, remoteId)
    succeed(context, group, pushed, EVENTS.pushed, EVENTS.updated)
  }

  /**
   * §1.9c: OIN `PATCH` with the path-less rename op; AIW `GET` + full `PUT`.
   * [UNCONFIRMED] "Rename app groups to match group name in Okta" off: the
   * app group keeps its name (no request). Its label does not limit it to
   * linked groups, so it holds for every pushed group.
   */
  async function renameGroup(context: AppContext, group: OktaGroup) {
    const pushed = activePush(context, group)
    if (!pushed || !context.app.settings.renameLinkedGroups) return
    const remoteId = pushed.remoteId
    const retry = resyncRetry(group)
    if (context.app.settings.mode === 'aiw') {
      const members = appMembers(context, group)
      const failure = await putGroup(context, remoteId, () => group.name, members)
      if (failure) return fail(context, group, pushed, failure, retry)
      recordPushed(pushed, members)
    } else {
      const failure = await patchGroup(context, remoteId, [[renameOperation(remoteId, group.name)]])
      if (failure) return fail(context, group, pushed, failure, retry)
    }
    recache(context, group, remoteId)
    succeed(context, group, pushed, EVENTS.updated)
  }

  /**
   * §1.9d: only members Okta has to change are sent: added users that are
   * provisioned and not pushed yet (`force`: pushed again, as after a user's
   * provisioning, §1.2 step 6), removed users Okta had pushed. OIN: one
   * PATCH (removes, then one add) per `groupPushBatchSize` changes, with the
   * name reassertion; AIW: `GET` + `PUT` of the complete list.
   */
  async function changeMemberships(
    context: AppContext,
    group: OktaGroup,
    pushed: OktaPushedGroup & { remoteId: string },
    added: readonly string[],
    removed: readonly string[],
    force: boolean,
  ) {
    const already = new Set(pushed.pushedMembers)
    const adds = added.flatMap((userId): PushedMember[] => {
      const member = group.members.includes(userId) ? memberOf(context, userId) : undefined
      return member && (force || !already.has(member.value)) ? [member] : []
    })
    const removes = removed.flatMap((userId): string[] => {
      // Unassigned users are gone from the app's users: Okta no longer knows their id.
      const remoteId = context.app.users.get(userId)?.remoteId
      return remoteId && already.has(remoteId) ? [remoteId] : []
    })
    if (adds.length === 0 && removes.length === 0) return
    const retry = resyncRetry(group)
    let failure: GroupFailure | undefined
    if (context.app.settings.mode === 'aiw') {
      const members = appMembers(context, group)
      failure = await putGroup(
        context,
        pushed.remoteId,
        appGroupName(context, group),
        members,
        optionsFor(context).aiwMembershipRounds,
      )
      if (!failure) recordPushed(pushed, members)
    } else {
      failure = await withNameReassertion(context, group, pushed.remoteId, false, () =>
        patchGroup(context, pushed.remoteId, changeOperations(context, removes, adds), (ops) =>
          applyOperations(pushed, ops),
        ),
      )
    }
    if (failure) return fail(context, group, pushed, failure, retry)
    succeed(context, group, pushed, EVENTS.memberships)
  }

  /**
   * The whole membership, as Push now sends it (okta-behavior.md §1.9e): OIN
   * `replace` of `members` with the full set; AIW `rounds` × (`GET` + `PUT`).
   * Also activation's push, and the Retry of a failed update (`rename`: the
   * rename op goes out whatever the reassertion setting, since the failure may
   * have been a rename's).
   */
  async function resync(
    context: AppContext,
    group: OktaGroup,
    pushed: OktaPushedGroup,
    rounds: number,
    rename: boolean,
  ): Promise<void> {
    const remoteId = pushed.remoteId
    if (remoteId === undefined) return pushGroup(context, group, {})
    const retry = resyncRetry(group)
    const members = appMembers(context, group)
    const failure =
      context.app.settings.mode === 'aiw'
        ? await putGroup(context, remoteId, appGroupName(context, group), members, rounds)
        : await withNameReassertion(context, group, remoteId, rename, () =>
            patchGroup(context, remoteId, replaceOperations(context, members)),
          )
    if (failure) return fail(context, group, pushed, failure, retry)
    recordPushed(pushed, members)
    succeed(context, group, pushed, EVENTS.memberships)
  }

  /** OIN: the rename op around a membership write, per `nameReassertion` (`force`: before, always). */
  async function withNameReassertion(
    context: AppContext,
    group: OktaGroup,
    remoteId: string,
    force: boolean,
    write: () => Promise<GroupFailure | undefined>,
  ): Promise<GroupFailure | undefined> {
    if (!context.app.settings.renameLinkedGroups) return write()
    const reassert = () => patchGroup(context, remoteId, [[renameOperation(remoteId, group.name)]])
    if (force || optionsFor(context).nameReassertion === 'before')
      return (await reassert()) ?? write()
    const failure = await write()
    if (failure || optionsFor(context).nameReassertion === 'off') return failure
    return reassert()
  }

  async function pushNow(context: AppContext, group: OktaGroup) {
    const pushed = requirePush(context, group, 'push now')
    if (pushed.status === 'INACTIVE') {
      throw new TypeError(
        `Failed to push now "${group.name}": its push to ${context.app.settings.label} is inactive; activate it first`,
      )
    }
    await resync(context, group, pushed, optionsFor(context).aiwPushNowRounds, false)
  }

  /**
   * §1.9f: "Delete the group in the target app" sends `DELETE /Groups/{id}`
   * and expects 204; "Leave the group in the target app" sends nothing.
   * [UNCONFIRMED] a 404 counts as deleted: the app group is gone either way.
   */
  async function unlinkGroup(
    context: AppContext,
    group: OktaGroup,
    unlink: { deleteInApp: boolean },
  ): Promise<void> {
    const pushed = requirePush(context, group, 'unlink')
    const remoteId = pushed.remoteId
    if (unlink.deleteInApp && remoteId !== undefined) {
      const deleted = await context.client.send({ method: 'DELETE', path: `/Groups/${remoteId}` })
      if (deleted.status !== 204 && deleted.status !== 404) {
        return fail(
          context,
          group,
          pushed,
          { exchange: deleted, missing: false },
          { flow: 'unlinkGroup', groupId: group.id, deleteInApp: unlink.deleteInApp },
        )
      }
      uncache(context, remoteId)
      log(context, group, EVENTS.removed)
    }
    context.app.pushedGroups.delete(group.id)
    context.completeTasks('groupPush', { groupId: group.id })
  }

  /**
   * §1.9f: deactivating sends nothing and pauses membership pushes (the org
   * pushes changes of ACTIVE groups only); activating pushes the memberships
   * at once [PLAN C9319/C9320], as one full set.
   */
  async function setPushActive(context: AppContext, group: OktaGroup, active: boolean) {
    const pushed = requirePush(context, group, active ? 'activate' : 'deactivate')
    if (!active) {
      pushed.status = 'INACTIVE'
      log(context, group, EVENTS.deactivated)
      return
    }
    if (pushed.status === 'ACTIVE') return
    pushed.status = 'ACTIVE'
    log(context, group, EVENTS.activated)
    await resync(context, group, pushed, 1, false)
  }

  return {
    pushGroup,
    renameGroup,
    async membershipChanged(context, group, added, removed) {
      const pushed = activePush(context, group)
      if (pushed) await changeMemberships(context, group, pushed, added, removed, false)
    },
    pushNow,
    unlinkGroup,
    setPushActive,
    async retry(context, group, action, pushed) {
      switch (action.flow) {
        case 'pushGroup':
          return pushGroup(
            context,
            group,
            action.linkTo === undefined ? {} : { linkTo: action.linkTo },
          )
        case 'resyncGroup':
          return resync(context, group, pushed ?? pushedGroupOf(context, group), 1, true)
        case 'unlinkGroup':
          return unlinkGroup(context, group, { deleteInApp: action.deleteInApp })
      }
    },
    async afterUserProvisioned(context, user) {
      for (const { groupId } of [...context.app.pushedGroups.values()]) {
        const group = context.group(groupId)
        const pushed = activePush(context, group)
        if (pushed && group.members.includes(user.id)) {
          await changeMemberships(context, group, pushed, [user.id], [], true)
        }
      }
    },
  }
}

/** The default flows, as the org uses them. */
export const groupPush = createGroupPushFlows()

/**
 * The Retry of a failed update (rename, membership change, Push now,
 * activation): the whole membership again, with the rename op.
 */
function resyncRetry(group: OktaGroup): GroupPushRetry {
  return { flow: 'resyncGroup', groupId: group.id }
}

/** The pushed group, created (ACTIVE, nothing pushed yet) on the first push. */
function pushedGroupOf(context: AppContext, group: OktaGroup): OktaPushedGroup {
  let pushed = context.app.pushedGroups.get(group.id)
  if (!pushed) {
    pushed = { groupId: group.id, status: 'ACTIVE', pushedMembers: [] }
    context.app.pushedGroups.set(group.id, pushed)
  }
  return pushed
}

/**
 * The pushed group when its push is active and linked: membership pushes are
 * paused otherwise, and nothing is sent while the API integration is off.
 */
function activePush(
  context: AppContext,
  group: OktaGroup,
): (OktaPushedGroup & { remoteId: string }) | undefined {
  const pushed = context.app.pushedGroups.get(group.id)
  return pushed?.status === 'ACTIVE' &&
    pushed.remoteId !== undefined &&
    context.app.settings.apiIntegration !== false
    ? (pushed as OktaPushedGroup & { remoteId: string })
    : undefined
}

function requirePush(context: AppContext, group: OktaGroup, action: string): OktaPushedGroup {
  const pushed = context.app.pushedGroups.get(group.id)
  if (!pushed) {
    throw new TypeError(
      `Failed to ${action} "${group.name}": it is not pushed to ${context.app.settings.label}`,
    )
  }
  return pushed
}

/** The "redundant add" batches after a create (okta-behavior.md §1.9a step 3). */
function addOperations(context: AppContext, members: readonly PushedMember[]): GroupOperation[][] {
  return members.length === 0 ? [] : changeOperations(context, [], members)
}

/** What Okta now holds as pushed after a membership PATCH succeeded. */
function applyOperations(pushed: OktaPushedGroup, operations: readonly GroupOperation[]) {
  for (const operation of operations) {
    if (operation.op === 'remove') {
      pushed.pushedMembers = pushed.pushedMembers.filter((id) => memberPath(id) !== operation.path)
    } else if ('path' in operation) {
      for (const { value } of operation.value) {
        if (!pushed.pushedMembers.includes(value)) pushed.pushedMembers.push(value)
      }
    }
  }
}

/**
 * The `displayName` of an AIW `PUT`: the Okta name, or, with "Rename app
 * groups to match group name in Okta" off, the app group's own (echoed).
 */
function appGroupName(context: AppContext, group: OktaGroup) {
  return (current: Record<string, unknown>) =>
    context.app.settings.renameLinkedGroups ? group.name : current.displayName
}

/** Okta's app-group cache follows the name it gave the app group. */
function recache(context: AppContext, group: OktaGroup, remoteId: string) {
  uncache(context, remoteId)
  context.app.groupCache.set(group.name.toLowerCase(), remoteId)
}

/** Okta forgets an app group it deleted (or renamed: `recache`). */
function uncache(context: AppContext, remoteId: string) {
  for (const [name, id] of context.app.groupCache) {
    if (id === remoteId) context.app.groupCache.delete(name)
  }
}

/** The members Okta now holds as pushed: exactly `members`. */
function recordPushed(pushed: OktaPushedGroup, members: readonly PushedMember[]) {
  pushed.pushedMembers = members.map((member) => member.value)
}

/** A successful push: the group is ACTIVE again and its open tasks are done. */
function succeed(
  context: AppContext,
  group: OktaGroup,
  pushed: OktaPushedGroup,
  ...events: PushEvent[]
) {
  pushed.status = 'ACTIVE'
  delete pushed.error
  context.completeTasks('groupPush', { groupId: group.id })
  for (const event of events) log(context, group, event)
}

/**
 * A failed push (okta-behavior.md §2 "Where failures end up", T3): Push
 * Status "Error" with Okta's message, a System Log FAILURE, and a task.
 * - the app group answered 404: "Linked group is missing in {app}. …",
 *   `…failed.with.error`, and no Retry ("cannot be retried"; the admin
 *   changes the linked group). [UNCONFIRMED] without the "Failed on" prefix:
 *   the sources quote it bare [AWS].
 * - creating (`creating`): "Failed on {ts} UTC: Unable to update Group Push
 *   mapping target App group {name}: Error while creating user group {name}:
 *   {Reason}. Errors reported by remote server: {detail}",
 *   `application.provision.group.add`.
 * - any other write: the same without "Error while creating…", as one source
 *   quotes it ("…App group {group}: Bad Request. Errors reported by remote
 *   server: …") [UNCONFIRMED], `…mapping.update.or.delete.failed`.
 */
function fail(
  context: AppContext,
  group: OktaGroup,
  pushed: OktaPushedGroup,
  failure: GroupFailure,
  retry: GroupPushRetry,
  creating = false,
) {
  const { exchange, missing } = failure
  const message = missing
    ? oktaMessages.linkedGroupMissing(context.app.settings.label)
    : oktaMessages.groupPushFailed(
        context.clock.now(),
        group.name,
        creating ? oktaMessages.creatingGroup(group.name, exchange) : remoteCause(exchange),
      )
  pushed.status = 'ERROR'
  pushed.error = message
  log(
    context,
    group,
    missing ? EVENTS.missing : creating ? EVENTS.createFailed : EVENTS.updateFailed,
    message,
  )
  context.addTask(
    { kind: 'groupPush', appLabel: context.app.settings.label, groupId: group.id, message },
    exchange,
    missing ? undefined : retry,
    pushed,
  )
}

function log(
  context: AppContext,
  group: OktaGroup,
  [eventType, displayMessage]: PushEvent,
  failure?: string,
) {
  context.log({
    eventType,
    displayMessage,
    outcome: failure === undefined ? { result: 'SUCCESS' } : { result: 'FAILURE', reason: failure },
    target: [
      { type: 'UserGroup', id: group.id, displayName: group.name },
      { type: 'AppInstance', id: context.app.id, displayName: context.app.settings.label },
    ],
  })
}
