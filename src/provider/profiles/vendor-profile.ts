import type { ScimStore } from '../../store/scim-store.js'
import type { RecordedRequest } from '../request-log.js'
import type { ProviderHooks } from '../provider-hooks.js'
import type { ScimServiceOptions } from '../scim-service-options.js'

/** What a profile's `create` gets: the provider's store and clock, and the caller's settings. */
export interface ProfileContext {
  store: ScimStore
  clock: () => Date
  /** The caller's `profileSettings`, to override the profile's own defaults. */
  settings: Record<string, unknown>
  /** The provider's request log (e.g. to list failed provisioning attempts). */
  requests(): readonly RecordedRequest[]
}

/** A profile at work in one provider: its state is that provider's alone. */
export interface ProfileInstance {
  /** Provider option defaults; the caller's options override each of them. */
  options?: Partial<Omit<ScimServiceOptions, 'profile' | 'profileSettings' | 'hooks'>>
  hooks?: ProviderHooks
  /** Settings that can change at run time (e.g. an organisation toggle). */
  settings?: Record<string, unknown>
  /** Checks and applies a settings change; throws a TypeError on an unknown or bad value. */
  updateSettings?(changes: Record<string, unknown>): void
  /** Named actions on the profile's state (e.g. a user signing in for the first time). */
  actions?: Record<string, (input: Record<string, unknown>) => unknown>
  /** Back to the state at creation, with `provider.reset()`. */
  reset?(): void
  /**
   * The profile's own state beyond its `settings`, as JSON, for
   * `provider.snapshot()` (e.g. which users signed in). Leave it out when the
   * profile keeps none: settings are snapshotted through `settings`.
   */
  snapshot?(): unknown
  /**
   * Puts back what `snapshot()` returned, for `provider.restore()`. Throws a
   * TypeError, changing nothing, when `state` is not of that shape.
   */
  restore?(state: unknown): void
}

/**
 * A vendor profile: data plus small hooks over the one provider, reproducing
 * what a vendor's documentation (a seed) describes.
 *
 * @example
 * const acme = defineProfile({ name: 'acme', description: 'Acme HR', create: () => ({ options: { uniqueEmails: true } }) })
 * createScimProvider({ profile: acme })
 */
export interface VendorProfile {
  name: string
  description: string
  /** The vendor guide the profile reproduces (a file of shared/seeds). */
  source?: string
  create(context: ProfileContext): ProfileInstance
}

/** Declares a profile (an identity function, for types). */
export function defineProfile(profile: VendorProfile): VendorProfile {
  return profile
}
