import type { Extension } from '@msw/data/extensions'
import type { SeedOptions } from '../store/generate-seed.js'
import type { OAuthServerOptions } from './oauth/create-oauth-server.js'
import type { VendorProfile } from './profiles/vendor-profile.js'
import type { ProfileName } from './profiles/profiles.js'
import type { ProviderHooks } from './provider-hooks.js'
import type { MessageOverrides } from './provider-messages.js'

/** How to create a SCIM provider. Every option has a working default. */
export interface ScimServiceOptions {
  /**
   * Where the SCIM API lives: absolute in Node (`https://acme.test/scim/v2`),
   * or a path in the browser (`/scim/v2`). Default: `/scim/v2`.
   */
  baseUrl?: string
  /** Bearer token(s) the provider accepts. Default: `"secret"`. */
  token?: string | readonly string[]
  /** `false` accepts every request without a token. Default: `true`. */
  auth?: boolean
  /** Users and groups to generate with faker before the first request. */
  seed?: SeedOptions
  /** The time for `meta` timestamps and the request log. Default: the system clock. */
  clock?: () => Date
  /**
   * Ids of created resources. Default: `crypto.randomUUID()`, or a stream
   * from the faker seed when `seed.seed` is set, so runs are reproducible.
   */
  generateId?: () => string
  /** Page size when a client sends no `count`. Default: 100. */
  defaultCount?: number
  /** Largest page (`filter.maxResults`); a larger `count` is 400 tooMany. Default: 1000. */
  maxResults?: number
  /** Largest request body in bytes; more is 413. Default: 1 MiB. */
  maxPayloadSize?: number
  /** Members that are not existing users or groups: 400 (`reject`, default) or dropped (`ignore`). */
  unknownMembers?: 'reject' | 'ignore'
  /** Reject duplicate group displayNames with 409 (RFC 7643 says uniqueness "none"). Default: false. */
  uniqueGroupDisplayName?: boolean
  /** The most requests `provider.requests` keeps, oldest dropped first. Default: all. */
  requestLogLimit?: number
  /** `@msw/data` extensions per collection (e.g. persist, in the browser). */
  extensions?: { users?: Extension[]; groups?: Extension[] }
  /**
   * A vendor's documented behaviour: 'generic' (strict RFC, the default),
   * 'magicpod', 'secoda', 'condeco', 'mangoapps', 'oktopost', or your own
   * `defineProfile(...)`. Every other option here overrides the profile's.
   */
  profile?: ProfileName | VendorProfile
  /** The profile's own settings, e.g. `{ scimEnabled: false }` for magicpod. */
  profileSettings?: Record<string, unknown>
  /** Reject a user whose email another user already holds (409 uniqueness). Default: false. */
  uniqueEmails?: boolean
  /** Seats: creating or activating an active user beyond this many fails (licenseLimit). */
  licenses?: number
  /** The `detail` of the provider's own errors, to speak a vendor's words. */
  messages?: MessageOverrides
  /** Your own hooks, run after the profile's. */
  hooks?: ProviderHooks
  /** The seed of fault probabilities. Default: `seed.seed`, else 0. */
  faultSeed?: number
  /** How latency and timeout faults wait. Default: real timers. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Serve the control API (faults, reset, requests, profile) under
   * `/__scim-mock/` on the base URL's origin. Off by default.
   */
  controlApi?: boolean
  /**
   * Act as an OAuth 2 authorization server (authorization code + refresh
   * token grants) at `/oauth/authorize` and `/oauth/token` on the base URL's
   * origin, and accept the access tokens it issues. Static tokens are then
   * accepted only when `token` is given explicitly.
   */
  oauth?: boolean | Partial<Omit<OAuthServerOptions, 'clock' | 'random'>>
}
