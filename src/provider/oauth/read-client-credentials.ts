/**
 * The client's id and secret with the RFC 6749 §2.3.1 method that carried
 * them, or why none could be read, as a §5.2 error code.
 */
export type ClientCredentials =
  | { method: 'basic' | 'body'; id: string; secret: string }
  | { error: 'invalid_request' | 'invalid_client'; description: string }

/**
 * Reads client authentication from `Authorization: Basic` or from
 * `client_id`/`client_secret` in the form body (RFC 6749 §2.3.1). Basic
 * credentials are form-urlencoded before base64 (§2.3.1, Appendix B).
 * Using both methods at once is malformed (§2.3). Never throws.
 *
 * @example
 * const credentials = readClientCredentials(request.headers.get('authorization'), form)
 * if ('error' in credentials) return oauthError(401, credentials.error, credentials.description)
 */
export function readClientCredentials(
  authorization: string | null,
  form: URLSearchParams,
): ClientCredentials {
  const bodyId = form.get('client_id') || undefined
  const bodySecret = form.get('client_secret') || undefined
  if (authorization === null || authorization.trim() === '') {
    if (bodyId === undefined || bodySecret === undefined) {
      return { error: 'invalid_client', description: 'No client authentication was sent' }
    }
    return { method: 'body', id: bodyId, secret: bodySecret }
  }
  const match = /^\s*basic\s+(\S+)\s*$/i.exec(authorization)
  if (!match) {
    return { error: 'invalid_client', description: 'The Authorization header is not Basic' }
  }
  if (bodySecret !== undefined) {
    return { error: 'invalid_request', description: 'Use one client authentication method' }
  }
  try {
    const decoded = atob(match[1]!)
    const colon = decoded.indexOf(':')
    if (colon < 0) throw new Error('no colon')
    const unform = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '))
    const id = unform(decoded.slice(0, colon))
    // §3.2.1 lets a client repeat its client_id in the body; it must be the same one.
    if (bodyId !== undefined && bodyId !== id) {
      return { error: 'invalid_client', description: 'The client_ids of body and Basic differ' }
    }
    return { method: 'basic', id, secret: unform(decoded.slice(colon + 1)) }
  } catch {
    return { error: 'invalid_client', description: 'Basic credentials are not base64 "id:secret"' }
  }
}
