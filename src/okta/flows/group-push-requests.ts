import { URN } from '../../scim/schema/urns.js'
import type { AppContext } from '../okta-app-context.js'
import type { OktaGroup } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'

/**
 * The SCIM side of Push Groups (okta-behavior.md §1.9): who Okta sends as
 * members, the request bodies, the batching, and the two ways Okta writes a
 * group (AIW: `GET` then a full `PUT`; OIN: `PATCH`).
 */

/** A member as Okta sends it: the app user's SCIM id and app username, no `type` [SDK419]. */
export interface PushedMember {
  value: string
  display: string
}

/** One operation of a SCIM PatchOp body, as Okta writes it (lower-case `op`). */
export type GroupOperation =
  | { op: 'remove'; path: string }
  | { op: 'add' | 'replace'; path: 'members'; value: PushedMember[] }
  | { op: 'replace'; value: { id: string; displayName: string } }

/** A group request that failed: `missing` when the app group answered 404 (okta-behavior.md §1.9g). */
export interface GroupFailure {
  exchange: OktaExchange
  missing: boolean
}

/**
 * The member Okta sends for an Okta user, or undefined: only app users that
 * are provisioned (linked, not deprovisioned) count, and a deactivated Okta
 * user is an inactive app user, dropped from the list (okta-behavior.md
 * §1.9a step 2, §1.9e [KR2 §6]).
 */
export function memberOf(context: AppContext, userId: string): PushedMember | undefined {
  const appUser = context.app.users.get(userId)
  if (!appUser?.remoteId || appUser.status !== 'PROVISIONED') return undefined
  if (context.user(userId).status === 'DEACTIVATED') return undefined
  return { value: appUser.remoteId, display: appUser.userName }
}

/** The members Okta sends for a group, in the Okta group's order. */
export function appMembers(context: AppContext, group: OktaGroup): PushedMember[] {
  return group.members.flatMap((userId) => memberOf(context, userId) ?? [])
}

/** Membership changes per PATCH: `groupPushBatchSize`, 100 by default (okta-behavior.md §5). */
function batchSize(context: AppContext): number {
  return Math.max(1, Math.floor(context.app.settings.groupPushBatchSize))
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size))
  return result
}

/** The rename op: no `path`, the id echoed inside `value` (okta-behavior.md §1.9c) [REF20]. */
export function renameOperation(remoteId: string, displayName: string): GroupOperation {
  return { op: 'replace', value: { id: remoteId, displayName } }
}

/**
 * A membership change as PATCH bodies (okta-behavior.md §1.9d): one `remove`
 * per removed member, then one `add` with the added members, as in Okta's
 * example; at most `groupPushBatchSize` changes per request, removals first.
 */
export function changeOperations(
  context: AppContext,
  removed: readonly string[],
  added: readonly PushedMember[],
): GroupOperation[][] {
  const changes = [
    ...removed.map((id) => ({ remove: id })),
    ...added.map((member) => ({ add: member })),
  ]
  return chunks(changes, batchSize(context)).map((batch) => {
    const operations: GroupOperation[] = []
    const adds: PushedMember[] = []
    for (const change of batch) {
      if ('remove' in change) operations.push({ op: 'remove', path: memberPath(change.remove) })
      else adds.push(change.add)
    }
    if (adds.length > 0) operations.push({ op: 'add', path: 'members', value: adds })
    return operations
  })
}

/**
 * Push now's authoritative set (okta-behavior.md §1.9e): `replace` of
 * `members`, `[]` for none. [UNCONFIRMED] how Okta sends more members than a
 * PATCH may carry: we replace with the first batch and add the others.
 */
export function replaceOperations(
  context: AppContext,
  members: readonly PushedMember[],
): GroupOperation[][] {
  const [first = [], ...rest] = chunks(members, batchSize(context))
  return [
    [{ op: 'replace', path: 'members', value: first }],
    ...rest.map((batch): GroupOperation[] => [{ op: 'add', path: 'members', value: batch }]),
  ]
}

/** `members[value eq "<id>"]`, the filter Okta's remove op names (okta-behavior.md §1.9d). */
export function memberPath(remoteId: string): string {
  return `members[value eq "${remoteId}"]`
}

/**
 * Sends PATCH requests, one per batch, stopping at the first failure; a PATCH
 * answers 200 with the group or 204 without a body (okta-behavior.md §2).
 * `applied` runs after each batch that succeeded.
 */
export async function patchGroup(
  context: AppContext,
  remoteId: string,
  batches: readonly GroupOperation[][],
  applied: (operations: GroupOperation[]) => void = () => undefined,
): Promise<GroupFailure | undefined> {
  for (const Operations of batches) {
    const patch = await context.client.send({
      method: 'PATCH',
      path: `/Groups/${remoteId}`,
      body: { schemas: [URN.patchOp], Operations },
    })
    if (patch.status !== 200 && patch.status !== 204) return groupFailure(patch)
    applied(Operations)
  }
  return undefined
}

/**
 * The AIW write (okta-behavior.md §1.0, §1.9a step 3): `GET /Groups/{id}`,
 * then `PUT` of that body with `displayName` and the complete `members`
 * written over it; everything else (id, meta, extensions) is echoed.
 * `displayName` gets the GET body, to keep the app group's own name.
 */
export async function putGroup(
  context: AppContext,
  remoteId: string,
  displayName: (current: Record<string, unknown>) => unknown,
  members: readonly PushedMember[],
  rounds = 1,
): Promise<GroupFailure | undefined> {
  const path = `/Groups/${remoteId}`
  for (let round = 0; round < rounds; round++) {
    const current = await context.client.send({ method: 'GET', path })
    const body = current.response
    if (current.status !== 200 || typeof body !== 'object' || body === null) {
      return groupFailure(current)
    }
    const resource = body as Record<string, unknown>
    const put = await context.client.send({
      method: 'PUT',
      path,
      body: { ...resource, displayName: displayName(resource), members },
    })
    if (put.status !== 200) return groupFailure(put)
  }
  return undefined
}

/** `GET /Groups/{id}`: "to see if the Group object still exists" (okta-behavior.md §1.9g). */
export async function checkGroupExists(
  context: AppContext,
  remoteId: string,
): Promise<GroupFailure | undefined> {
  const current = await context.client.send({ method: 'GET', path: `/Groups/${remoteId}` })
  return current.status === 200 ? undefined : groupFailure(current)
}

/** A failed request on `/Groups/{id}`: a 404 means the linked app group is gone. */
function groupFailure(exchange: OktaExchange): GroupFailure {
  return { exchange, missing: exchange.status === 404 }
}
