import { z } from 'zod'
import type { ScimResource } from '../../scim/resource/scim-resource.js'
import type { ScimType } from '../../scim/scim-error.js'
import { SCIM_OPERATIONS, type ScimOperation } from '../route-request.js'

/** The named ways a fault can answer. README lists each with its default response. */
export const FAULT_RESPONSES = [
  'conflict',
  'licenseLimit',
  'userNotFound',
  'groupNotFound',
  'rateLimit',
  'serverError',
  'unauthorized',
  'forbidden',
  'invalidValue',
  'latency',
  'timeout',
  'networkError',
  'malformedBody',
  'emptyBody',
  'ignoreFilter',
  'caseSensitiveUserName',
] as const

export type FaultResponse = (typeof FAULT_RESPONSES)[number]

const OPERATIONS = SCIM_OPERATIONS

/** An operation a fault hits, or `*` for every SCIM request. */
export type FaultOperation = ScimOperation | '*'

/** What a `where` predicate sees of a request. */
export interface FaultRequest {
  operation: ScimOperation
  method: string
  /** The path below the base URL, e.g. "/Users/2819c223". */
  path: string
  query: Record<string, string>
  /** The parsed JSON body, if any. */
  body: unknown
  /** The resource a by-id request targets, as the store holds it (undefined if none). */
  resource: ScimResource | undefined
}

/** Resource fields a fault can be limited to; strings compare ignoring case, except `id`. */
export interface FaultWhere {
  id?: string
  userName?: string
  /** Any of the user's `emails[].value`. */
  email?: string
  displayName?: string
  externalId?: string
}

const operation = z.enum([...OPERATIONS, '*'])
/** `where` as data: the fields a fault can be limited to. */
export const faultWhereSchema = z.strictObject({
  id: z.string().min(1).optional(),
  userName: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  displayName: z.string().min(1).optional(),
  externalId: z.string().min(1).optional(),
})
const count = z.number().int().nonnegative()

/**
 * A fault as data: the same shape arrives from code (`provider.faults.add`)
 * and as JSON through the control API, and is checked by this schema.
 */
export const faultSpecSchema = z.strictObject({
  on: z.union([operation, z.array(operation).min(1)], {
    error: `expected an operation or an array of them: ${[...OPERATIONS, '*'].join(', ')}`,
  }),
  respond: z.enum(FAULT_RESPONSES, {
    error: `expected one of ${FAULT_RESPONSES.join(', ')}`,
  }),
  /** A label shown in the request log. */
  name: z.string().optional(),
  where: z
    .union([
      faultWhereSchema,
      z.custom<(request: FaultRequest) => boolean>((value) => typeof value === 'function', {
        message: 'where must be an object of fields or a function',
      }),
    ])
    .optional(),
  /** How many times it fires; omitted: every matching request. */
  times: count.min(1).optional(),
  /** Let this many matching requests through before it starts firing. */
  after: count.optional(),
  /** The chance it fires on a matching request, from the provider's seeded random. */
  probability: z.number().min(0).max(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  scimType: z
    .enum([
      'invalidFilter',
      'tooMany',
      'uniqueness',
      'mutability',
      'invalidSyntax',
      'invalidPath',
      'noTarget',
      'invalidValue',
      'invalidVers',
      'sensitive',
    ] satisfies ScimType[])
    .nullable()
    .optional(),
  detail: z.string().optional(),
  /** rateLimit: seconds (an integer, as Okta expects), any other text, or null for no header. */
  retryAfter: z.union([count, z.string(), z.null()]).optional(),
  /** latency and timeout: milliseconds. */
  delay: count.optional(),
  /** malformedBody: an HTML error page (default) or a plain-text message. */
  format: z.enum(['html', 'text']).optional(),
  /** malformedBody: the exact text to send. */
  body: z.string().optional(),
})

/** A fault to add. See the README's "Failure modes" for every response and its default. */
export type FaultSpec = Omit<z.input<typeof faultSpecSchema>, 'where'> & {
  where?: FaultWhere | ((request: FaultRequest) => boolean)
}

/** A fault that is pure data (no `where` predicate): what JSON and a snapshot can carry. */
export type FaultSpecData = Omit<FaultSpec, 'where'> & { where?: FaultWhere }

/** {@link faultSpecSchema} without the predicate: `where` must be an object of fields. */
export const faultSpecDataSchema = faultSpecSchema.extend({ where: faultWhereSchema.optional() })
