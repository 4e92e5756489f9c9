import { ScimError } from '../scim/scim-error.js'

/**
 * Checks `Authorization: Bearer <token>` (RFC 6750) against the accepted
 * tokens. The scheme name is case-insensitive (RFC 7235 §2.1).
 */
export function authenticate(
  authorization: string | null,
  tokens: ReadonlySet<string>,
  checkAccessToken?: (token: string) => 'valid' | 'expired' | 'unknown',
): void {
  if (authorization === null || authorization.trim() === '') {
    throw ScimError.unauthorized(
      'Authentication required: send an Authorization: Bearer <token> header',
    )
  }
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(authorization)
  if (!match || match[1]!.toLowerCase() !== 'bearer') {
    throw ScimError.unauthorized('Unsupported authorization scheme: expected "Bearer <token>"')
  }
  const token = match[2]!
  if (tokens.has(token)) return
  // OAuth 2 access tokens issued by the provider's authorization server.
  const state = checkAccessToken?.(token)
  if (state === 'valid') return
  if (state === 'expired') {
    throw ScimError.unauthorized('The access token has expired: refresh it at the token endpoint')
  }
  throw ScimError.unauthorized('The bearer token is invalid, expired or revoked')
}
