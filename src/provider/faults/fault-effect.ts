import { ScimError, type ScimType } from '../../scim/scim-error.js'
import type { ScimOperation } from '../route-request.js'
import { errorReply, type ScimReply } from '../scim-response.js'
import type { Fault } from './create-fault-registry.js'

/** What a firing fault does to the request. */
export type FaultEffect =
  /** Answer this instead; the operation does not run. */
  | { type: 'reply'; reply: ScimReply }
  /** No HTTP answer at all: the connection is reset. */
  | { type: 'networkError' }
  /** Nothing within `delay` ms (or until the client gives up), then a reset. */
  | { type: 'timeout'; delay: number }
  /** Wait `delay` ms, then answer normally. */
  | { type: 'latency'; delay: number }
  /** Run the operation, then answer without a body. */
  | { type: 'emptyBody' }
  /** Run the operation with a server bug switched on. */
  | { type: 'ignoreFilter' }
  | { type: 'caseSensitiveUserName' }

/** Okta closes a SCIM connection after 60 s without an answer: the default waits longer. */
export const DEFAULT_TIMEOUT_DELAY = 61_000
export const DEFAULT_LATENCY_DELAY = 1_000

const REASON_PHRASES: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * The effect of a fault, with its defaults filled in: each named response has
 * a realistic status, `scimType` and `detail`, and the fault may override any.
 */
export function faultEffect(fault: Fault, operation: ScimOperation): FaultEffect {
  const noun = operation.endsWith('Group') || operation.endsWith('Groups') ? 'Group' : 'User'
  const scimError = (status: number, detail: string, scimType?: ScimType, headers = {}) => {
    const type = fault.scimType === null ? undefined : (fault.scimType ?? scimType)
    const error = new ScimError(fault.status ?? status, fault.detail ?? detail, type, headers)
    return { type: 'reply', reply: errorReply(error) } as const
  }

  switch (fault.respond) {
    case 'conflict':
      // Okta's own documentation uses this detail in its 409 example.
      return scimError(409, `${noun} already exists in the database.`, 'uniqueness')
    case 'licenseLimit':
      return scimError(
        403,
        'License limit reached: there are no seats left for another active user',
      )
    case 'userNotFound':
      return scimError(404, 'User not found')
    case 'groupNotFound':
      return scimError(404, 'Group not found')
    case 'rateLimit': {
      const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter
      return scimError(
        429,
        'Rate limit exceeded',
        undefined,
        retryAfter === null ? {} : { 'Retry-After': String(retryAfter) },
      )
    }
    case 'serverError': {
      const status = fault.status ?? 500
      return scimError(status, REASON_PHRASES[status] ?? 'Internal Server Error')
    }
    case 'unauthorized':
      return scimError(401, 'Invalid SCIM token: it has expired or was rotated', undefined, {
        'WWW-Authenticate': 'Bearer realm="scim-mock", error="invalid_token"',
      })
    case 'forbidden':
      return scimError(403, 'SCIM provisioning is disabled for this organization')
    case 'invalidValue':
      // The detail AWS and Okta's docs show for a schema violation.
      return scimError(
        400,
        'Request is unparsable, syntactically incorrect, or violates schema.',
        'invalidValue',
      )
    case 'malformedBody':
      return { type: 'reply', reply: malformedReply(fault) }
    case 'latency':
      return { type: 'latency', delay: fault.delay ?? DEFAULT_LATENCY_DELAY }
    case 'timeout':
      return { type: 'timeout', delay: fault.delay ?? DEFAULT_TIMEOUT_DELAY }
    case 'networkError':
      return { type: 'networkError' }
    case 'emptyBody':
    case 'ignoreFilter':
    case 'caseSensitiveUserName':
      return { type: fault.respond }
  }
}

/**
 * What a proxy or a careless server sends: an HTML error page (a gateway's
 * 502, as Cloudflare sends) or a plain-text message with an error status.
 */
function malformedReply(fault: Fault): ScimReply {
  if (fault.format === 'text') {
    return {
      status: fault.status ?? 409,
      raw: { text: fault.body ?? 'User already exists', contentType: 'text/plain; charset=utf-8' },
    }
  }
  const status = fault.status ?? 502
  const reason = REASON_PHRASES[status] ?? 'Error'
  const page =
    fault.body ??
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  return { status, raw: { text: page, contentType: 'text/html; charset=utf-8' } }
}
