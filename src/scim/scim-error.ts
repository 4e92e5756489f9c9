import { URN } from './schema/urns.js'

/** The `scimType` values of RFC 7644 §3.12, Table 9. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'

/** The wire form of a SCIM error (RFC 7644 §3.12). `status` is a string. */
export interface ScimErrorBody {
  schemas: [typeof URN.error]
  status: string
  scimType?: ScimType
  detail: string
}

/**
 * A SCIM protocol error as a value. Deep code throws it; the provider's
 * boundary turns it into an `application/scim+json` response in one place.
 *
 * @example
 * throw ScimError.uniqueness('User with userName "jdoe" already exists')
 */
export class ScimError extends Error {
  override readonly name = 'ScimError'

  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    /** Extra response headers, e.g. `WWW-Authenticate` on a 401 or `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  toJSON(): ScimErrorBody {
    return {
      schemas: [URN.error],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.detail,
    }
  }

  static invalidFilter(detail: string): ScimError {
    return new ScimError(400, detail, 'invalidFilter')
  }
  static tooMany(detail: string): ScimError {
    return new ScimError(400, detail, 'tooMany')
  }
  static uniqueness(detail: string): ScimError {
    return new ScimError(409, detail, 'uniqueness')
  }
  static mutability(detail: string): ScimError {
    return new ScimError(400, detail, 'mutability')
  }
  static invalidSyntax(detail: string): ScimError {
    return new ScimError(400, detail, 'invalidSyntax')
  }
  static invalidPath(detail: string): ScimError {
    return new ScimError(400, detail, 'invalidPath')
  }
  static noTarget(detail: string): ScimError {
    return new ScimError(400, detail, 'noTarget')
  }
  static invalidValue(detail: string): ScimError {
    return new ScimError(400, detail, 'invalidValue')
  }
  static invalidVersion(detail: string): ScimError {
    return new ScimError(400, detail, 'invalidVers')
  }
  static sensitive(detail: string): ScimError {
    return new ScimError(403, detail, 'sensitive')
  }
  static notFound(detail: string): ScimError {
    return new ScimError(404, detail)
  }
  static unauthorized(detail: string, realm = 'scim-mock'): ScimError {
    return new ScimError(401, detail, undefined, {
      'WWW-Authenticate': `Bearer realm="${realm}", error="invalid_token"`,
    })
  }
  static methodNotAllowed(detail: string, allow: readonly string[]): ScimError {
    return new ScimError(405, detail, undefined, { Allow: allow.join(', ') })
  }
  static preconditionFailed(detail: string): ScimError {
    return new ScimError(412, detail)
  }
  static payloadTooLarge(detail: string): ScimError {
    return new ScimError(413, detail)
  }
  static unsupportedMediaType(detail: string): ScimError {
    return new ScimError(415, detail)
  }
  static notImplemented(detail: string): ScimError {
    return new ScimError(501, detail)
  }
  static internal(detail: string): ScimError {
    return new ScimError(500, detail)
  }
}

/** Narrows an unknown thrown value to a ScimError. */
export function isScimError(error: unknown): error is ScimError {
  return error instanceof ScimError
}
