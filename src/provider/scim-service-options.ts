import type { Extension } from '@msw/data/extensions'
import type { SeedOptions } from '../store/generate-seed.js'

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
}
