import type { OktaClock } from '../okta/okta-clock.js'
import type { OktaAuth } from '../okta/okta-scim-client.js'

/** A user or group as the provider holds it. */
export type ProviderResource = Record<string, unknown>

/**
 * The SCIM server a scenario runs against, and how the runner reaches its
 * state: in process (`in-process-target.ts`) or over HTTP with the control API
 * of `scim-mock serve` (`remote-target.ts`). Steps and expectations go through
 * this seam only, so both targets run the same scenario the same way.
 */
export interface ScenarioTarget {
  /** The SCIM base URL the Okta app connects to. */
  readonly baseUrl: string
  /** How the Okta org reaches the server. */
  readonly fetch: typeof fetch
  /** The time the Okta org lives in (shared with the provider in process). */
  readonly clock: OktaClock
  /** Moves simulated time; absent when time is real. */
  readonly advance?: (ms: number) => Promise<void>
  /** The app's auth when the scenario gives none. */
  defaultAuth(): OktaAuth
  /** The OAuth connection for `auth: { type: oauth }`; throws when the server has none. */
  oauthAuth(): OktaAuth
  createUser(user: ProviderResource): Promise<unknown>
  /** Merges `changes` into the user with this userName. */
  updateUser(userName: string, changes: ProviderResource): Promise<unknown>
  deleteUser(userName: string): Promise<void>
  /** Creates a group whose members are given by userName. */
  createGroup(displayName: string, members: readonly string[]): Promise<unknown>
  deleteGroup(displayName: string): Promise<void>
  /** The SCIM id of the one group with this displayName, if there is exactly one. */
  findGroupId(displayName: string): Promise<string | undefined>
  addFault(spec: ProviderResource): Promise<unknown>
  clearFaults(): Promise<void>
  updateProfileSettings(changes: ProviderResource): Promise<unknown>
  runProfileAction(name: string, input: ProviderResource): Promise<unknown>
  listUsers(): Promise<ProviderResource[]>
  listGroups(): Promise<ProviderResource[]>
  /** Undoes what the run left on a server it does not own (its faults). */
  dispose(): Promise<void>
}
