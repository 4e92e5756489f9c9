import { ScimError } from '../scim/scim-error.js'

/**
 * Checks `Authorization: Bearer <token>` (RFC 6750) against the accepted
 * tokens. The scheme name is case-insensitive (RFC 7235 §2.1).
 */
export function authenticate(authorization: string | null, tokens: ReadonlySet<string>): void {
  if (authorization === null || authorization.trim() === '') {
    throw ScimError.unauthorized(
      'Authentication required: send an Authorization: Bearer <token> header',
    )
  }
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(authorization)
  if (!match || match[1]!.toLowerCase() !== 'bearer') {
    throw ScimError.unauthorized('Unsupported authorization scheme: expected "Bearer <token>"')
  }
  if (!tokens.has(match[2]!)) {
    throw ScimError.unauthorized('The bearer token is invalid, expired or revoked')
  }
}
