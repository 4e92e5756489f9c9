import { z } from 'zod'
import { parseSnapshot } from '../snapshot/parse-snapshot.js'
import { storeSnapshotSchema } from '../store/record-schemas.js'
import type { StoredResource } from '../store/stored-resource.js'
import type { FaultRegistrySnapshot } from './faults/create-fault-registry.js'
import { faultSpecDataSchema } from './faults/fault-spec.js'
import type { IdStreamSnapshot } from './id-stream.js'
import type { OAuthServerSnapshot } from './oauth/create-oauth-server.js'
import type { RequestLogSnapshot } from './request-log.js'

/**
 * A provider's state as plain JSON, from `provider.snapshot()`: what a page
 * keeps (e.g. in `localStorage`) to give `provider.restore()` after a reload.
 * Options are not in it: restore into a provider created with the same ones.
 *
 * @example
 * localStorage.setItem('scim-mock', JSON.stringify(provider.snapshot()))
 * // after the reload:
 * await provider.restore(JSON.parse(localStorage.getItem('scim-mock')!))
 */
export interface ProviderSnapshot {
  /** The snapshot format; `restore()` refuses any other. */
  version: 1
  /** The profile by name (`restore()` refuses another), its settings and its own state. */
  profile: {
    name: string
    /** `provider.profile.settings`, for a profile that has settings. */
    settings?: Record<string, unknown>
    /** What the profile's `snapshot()` hook returned (secoda: who signed in). */
    state?: unknown
  }
  /** Users and groups as stored, and the revision that the next ETag follows. */
  store: { users: StoredResource[]; groups: StoredResource[]; revision: number }
  /**
   * The faults that are pure data, with their counters (`matched`, `fired`;
   * `remaining` follows from `times`), the next fault number, and how far the
   * seeded random of `probability` has drawn. Faults with a `where`
   * predicate are left out: a function is not data.
   */
  faults: FaultRegistrySnapshot & { randomDraws: number }
  /** The request log, and the last sequence number handed out. */
  requests: RequestLogSnapshot
  /** Where the id stream stands, so new ids never repeat restored ones. */
  ids: IdStreamSnapshot
  /** The OAuth server's codes and tokens, when `oauth` is on: tokens stay valid. */
  oauth?: OAuthServerSnapshot & { randomDraws: number }
}

const count = z.number().int().nonnegative()
const strings = z.record(z.string(), z.string())

const faultsSchema = z
  .strictObject({
    nextId: z.number().int().positive(),
    randomDraws: count,
    items: z.array(
      z.strictObject({
        id: z.string().min(1),
        spec: faultSpecDataSchema,
        matched: count,
        fired: count,
      }),
    ),
  })
  .superRefine((faults, context) => {
    const seen = new Set<string>()
    for (const [index, { id }] of faults.items.entries()) {
      if (seen.has(id)) {
        context.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `"${id}" twice` })
      }
      seen.add(id)
    }
  })

const entrySchema = z.looseObject({
  sequence: z.number().int().positive(),
  time: z.string(),
  method: z.string(),
  url: z.string(),
  path: z.string(),
  query: strings,
  headers: strings,
  body: z.unknown().optional(),
  status: z.number().int().min(0).max(599),
  response: z.unknown().optional(),
  responseHeaders: strings,
  operation: z.string().optional(),
  fault: z
    .looseObject({ id: z.string(), respond: z.string(), name: z.string().optional() })
    .optional(),
  error: z.string().optional(),
})

const requestsSchema = z
  .strictObject({ sequence: count, entries: z.array(entrySchema) })
  .superRefine((log, context) => {
    let previous = 0
    for (const [index, entry] of log.entries.entries()) {
      if (entry.sequence <= previous || entry.sequence > log.sequence) {
        context.addIssue({
          code: 'custom',
          path: ['entries', index, 'sequence'],
          message: `expected sequences that rise up to ${log.sequence}, got ${entry.sequence} after ${previous}`,
        })
      }
      previous = entry.sequence
    }
  })

const idsSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('seeded'), seed: z.number(), draws: count }),
  z.strictObject({ type: z.literal('random') }),
  z.strictObject({ type: z.literal('custom') }),
])

const token = z.string().min(1)
const oauthSchema = z
  .strictObject({
    randomDraws: count,
    grants: z.array(z.strictObject({ scope: z.string().optional() })),
    codes: z.array(
      z.strictObject({
        code: token,
        grant: count,
        redirectUri: z.string(),
        expiresAt: z.number(),
        used: z.boolean(),
      }),
    ),
    accessTokens: z.array(z.strictObject({ token, grant: count, expiresAt: z.number() })),
    refreshTokens: z.array(z.strictObject({ token, grant: count })),
    issued: z.strictObject({ codes: count, accessTokens: count, refreshTokens: count }),
  })
  .superRefine((oauth, context) => {
    for (const list of ['codes', 'accessTokens', 'refreshTokens'] as const) {
      for (const [index, { grant }] of oauth[list].entries()) {
        if (grant >= oauth.grants.length) {
          context.addIssue({
            code: 'custom',
            path: [list, index, 'grant'],
            message: `no grant ${grant} (there are ${oauth.grants.length})`,
          })
        }
      }
    }
  })

const providerSnapshotSchema = z.strictObject({
  version: z.literal(1),
  profile: z.strictObject({
    name: z.string(),
    settings: z.record(z.string(), z.unknown()).optional(),
    state: z.unknown().optional(),
  }),
  store: storeSnapshotSchema,
  faults: faultsSchema,
  requests: requestsSchema,
  ids: idsSchema,
  oauth: oauthSchema.optional(),
})

/**
 * Checks a snapshot from outside and returns a copy of it the provider can
 * own; throws `TypeError("Failed to restore the provider: …")` naming the
 * first problem.
 */
export function parseProviderSnapshot(input: unknown, profileName: string): ProviderSnapshot {
  return parseSnapshot(input, {
    subject: 'the provider',
    source: 'provider.snapshot()',
    schema: providerSnapshotSchema as z.ZodType<ProviderSnapshot>,
    check(record, fail) {
      const name = (record.profile as { name?: unknown } | undefined)?.name
      if (typeof name === 'string' && name !== profileName) {
        fail(`the snapshot is of profile "${name}", this provider runs "${profileName}"`)
      }
    },
  })
}
