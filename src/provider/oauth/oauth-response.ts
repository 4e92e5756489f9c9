/** The `error` codes of RFC 6749 §4.1.2.1 (authorization endpoint) and §5.2 (token endpoint). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'

/**
 * A JSON response that no cache keeps: RFC 6749 §5.1 requires `Cache-Control:
 * no-store` and `Pragma: no-cache` on token responses; errors get them too.
 *
 * @example
 * return oauthJson(200, { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 })
 */
export function oauthJson(
  status: number,
  body: object,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      ...headers,
    },
  })
}

/**
 * An OAuth error as JSON `{ error, error_description }` (RFC 6749 §5.2).
 *
 * @example
 * return oauthError(400, 'invalid_grant', 'The authorization code has expired')
 */
export function oauthError(
  status: number,
  error: OAuthErrorCode,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return oauthJson(status, { error, error_description: description }, headers)
}

/**
 * The authorization endpoint's 302 (RFC 6749 §4.1.2). The redirect URI's own
 * query "MUST be retained when adding additional query parameters" (§3.1.2), so
 * the answer is appended to it as sent rather than re-serialized.
 *
 * @example
 * redirect('https://acme.okta.com/callback?app=1', { code: 'c1', state: 'xyz' })
 * // Location: https://acme.okta.com/callback?app=1&code=c1&state=xyz
 */
export function redirect(uri: string, answer: Record<string, string>): Response {
  const url = new URL(uri)
  const added = new URLSearchParams(answer).toString()
  url.search = url.search ? `${url.search}&${added}` : added
  return new Response(null, {
    status: 302,
    headers: { Location: url.href, 'Cache-Control': 'no-store' },
  })
}

/**
 * A 405 with `Allow`, in the OAuth error form.
 *
 * @example
 * if (request.method !== 'POST') return methodNotAllowed('POST')
 */
export function methodNotAllowed(allow: string): Response {
  return oauthError(405, 'invalid_request', `Use ${allow} on this endpoint`, { Allow: allow })
}
