import type { ProviderResource } from './scenario-target.js'

/**
 * Every (name → SCIM id) the runner has seen on the provider during a run:
 * users by `userName` (case-insensitive), groups by `displayName`. A name that
 * held several ids over the run (a user deleted and re-created) keeps them
 * all, in the order they were first seen.
 */
export interface ResourceIds {
  /** Adds the ids of these users and groups that were not seen yet. */
  record(users: readonly ProviderResource[], groups: readonly ProviderResource[]): void
  /**
   * The id a `{id:<name>}` placeholder stands for: the latest id of the user
   * named so, else of the group; `occurrence` (1-based) picks an earlier one.
   * Throws with a readable message when there is none.
   */
  resolve(name: string, occurrence?: number): string
  /** Why the provider could not be listed the last time, shown when a name is unknown. */
  unavailable(reason: string | undefined): void
}

/** `{id:<name>}` or `{id:<name>#<n>}`. */
const PLACEHOLDER = /\{id:([^}]+?)(?:#([1-9]\d*))?\}/g

/**
 * A registry of provider ids, filled by the runner after setup and after each step.
 *
 * @example
 * const ids = createResourceIds()
 * ids.record([{ id: 'u1', userName: 'jane@example.com' }], [{ id: 'g1', displayName: 'Sales' }])
 * ids.resolve('Jane@example.com') // 'u1'
 * ids.resolve('Sales') // 'g1'
 */
export function createResourceIds(): ResourceIds {
  const users = new Map<string, string[]>()
  const groups = new Map<string, string[]>()
  let listingFailure: string | undefined
  const add = (map: Map<string, string[]>, name: unknown, id: unknown) => {
    if (typeof name !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) return
    const ids = map.get(name) ?? []
    if (!ids.includes(String(id))) ids.push(String(id))
    map.set(name, ids)
  }
  return {
    record(seenUsers, seenGroups) {
      for (const user of seenUsers) add(users, String(user.userName ?? '').toLowerCase(), user.id)
      for (const group of seenGroups) add(groups, group.displayName, group.id)
    },
    resolve(name, occurrence) {
      const ids = users.get(name.toLowerCase()) ?? groups.get(name)
      const written = `{id:${name}${occurrence === undefined ? '' : `#${occurrence}`}}`
      if (!ids || ids.length === 0) {
        const why =
          listingFailure === undefined
            ? ''
            : ` (the provider's users and groups could not be listed: ${listingFailure})`
        throw new Error(`${written} names no user or group seen in this run${why}`)
      }
      if (occurrence === undefined) return ids.at(-1)!
      const id = ids[occurrence - 1]
      if (id === undefined) {
        const times = ids.length === 1 ? 'one id' : `${ids.length} ids`
        throw new Error(`${written}: "${name}" had only ${times} in this run`)
      }
      return id
    },
    unavailable(reason) {
      listingFailure = reason
    },
  }
}

/**
 * The line with each `{id:<name>}` / `{id:<name>#<n>}` replaced by the id it
 * names; throws (see `ResourceIds.resolve`) when a name is unknown.
 *
 * @example
 * resolveIdPlaceholders('GET /Users/{id:jane@example.com} → 200', ids) // 'GET /Users/u1 → 200'
 */
export function resolveIdPlaceholders(line: string, ids: ResourceIds): string {
  return line.replace(PLACEHOLDER, (_, name: string, occurrence: string | undefined) =>
    ids.resolve(name, occurrence === undefined ? undefined : Number(occurrence)),
  )
}
