import {
  methodNotAllowed,
  oauthError,
  oauthJson,
  redirect,
  type OAuthErrorCode,
} from './oauth-response.js'
import { readClientCredentials } from './read-client-credentials.js'

/** Options of the mock's OAuth 2.0 authorization server (RFC 6749). */
export interface OAuthServerOptions {
  /** Default `'scim-mock-client'`. */
  clientId: string
  /** Default `'scim-mock-secret'`. */
  clientSecret: string
  /** Redirect URIs the client may use, compared as strings (§3.1.2.3); default any http(s) URL. */
  redirectUris?: readonly string[]
  /** Access token lifetime in seconds, default 3600. */
  accessTokenTtl?: number
  /** Default `'/oauth/authorize'`. */
  authorizePath?: string
  /** Default `'/oauth/token'`. */
  tokenPath?: string
  /** Decides expiry, so tests can advance time. */
  clock: () => Date
  /** Makes opaque codes and tokens. */
  random: () => string
}

/** The authorization code grant (RFC 6749 §4.1) with refresh tokens (§6), for one client. */
export interface OAuthServer {
  /** Answers authorize and token requests; undefined for other paths. Never rejects. */
  handle(request: Request): Promise<Response | undefined>
  /** The state of a bearer token presented on a SCIM request; a revoked one is 'unknown'. */
  checkAccessToken(token: string): 'valid' | 'expired' | 'unknown'
  /** Revokes every access and refresh token (the vendor admin rotating the connection). */
  revokeAll(): void
  /** Back to no codes and no tokens, counts at zero. */
  reset(): void
  /** How many codes, access tokens and refresh tokens were issued since creation or reset. */
  readonly issued: { codes: number; accessTokens: number; refreshTokens: number }
  /** Codes, tokens and counts as JSON: a restored server honours the same tokens. */
  snapshot(): OAuthServerSnapshot
  /** Puts back a snapshot; trusts a checked one (grant indexes within `grants`). */
  restore(snapshot: OAuthServerSnapshot): void
}

/**
 * An OAuth server's state as data. A grant (one consent) is shared by its code
 * and the tokens descending from it, so they name it by its index in `grants`.
 */
export interface OAuthServerSnapshot {
  grants: Array<{ scope?: string }>
  codes: Array<{
    code: string
    grant: number
    redirectUri: string
    expiresAt: number
    used: boolean
  }>
  accessTokens: Array<{ token: string; grant: number; expiresAt: number }>
  refreshTokens: Array<{ token: string; grant: number }>
  issued: { codes: number; accessTokens: number; refreshTokens: number }
}

/** One consent, shared by its code and every token descending from it: reuse revokes them all. */
interface Grant {
  scope: string | undefined
}
interface Code {
  grant: Grant
  redirectUri: string
  expiresAt: number
  used: boolean
}

/** §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
const CODE_TTL_MS = 10 * 60 * 1000

/**
 * Creates an OAuth 2.0 authorization server that auto-consents, as a vendor
 * like MangoApps offers behind Okta's "Authenticate with <app>" button.
 *
 * @example
 * const oauth = createOAuthServer({ clock: () => new Date(), random: () => crypto.randomUUID() })
 * const authorize = await oauth.handle(new Request(
 *   'https://vendor.test/oauth/authorize?response_type=code&client_id=scim-mock-client' +
 *     '&redirect_uri=https%3A%2F%2Facme.okta.com%2Fcallback&state=xyz',
 * ))
 * authorize?.headers.get('Location') // 'https://acme.okta.com/callback?code=…&state=xyz'
 */
export function createOAuthServer(
  options: Partial<OAuthServerOptions> & Pick<OAuthServerOptions, 'clock' | 'random'>,
): OAuthServer {
  const clientId = options.clientId ?? 'scim-mock-client'
  const clientSecret = options.clientSecret ?? 'scim-mock-secret'
  const ttl = options.accessTokenTtl ?? 3600
  if (!Number.isFinite(ttl) || ttl <= 0) {
    throw new Error(`Failed to create the OAuth server: accessTokenTtl must be > 0, got ${ttl}`)
  }
  const pathOf = (path: string) => new URL(path, 'http://localhost').pathname
  const authorizePath = pathOf(options.authorizePath ?? '/oauth/authorize')
  const tokenPath = pathOf(options.tokenPath ?? '/oauth/token')
  const now = () => options.clock().getTime()

  const codes = new Map<string, Code>()
  const accessTokens = new Map<string, { grant: Grant; expiresAt: number }>()
  const refreshTokens = new Map<string, Grant>()
  const counts = { codes: 0, accessTokens: 0, refreshTokens: 0 }

  function revoke(grant?: Grant) {
    const doomed = (owner: Grant) => grant === undefined || owner === grant
    for (const [token, entry] of accessTokens) if (doomed(entry.grant)) accessTokens.delete(token)
    for (const [token, owner] of refreshTokens) if (doomed(owner)) refreshTokens.delete(token)
  }

  function redirectUriProblem(uri: string): string | undefined {
    if (!URL.canParse(uri) || !/^https?:$/.test(new URL(uri).protocol)) {
      return `redirect_uri "${uri}" is not an absolute http(s) URL`
    }
    // §3.1.2: "The endpoint URI MUST NOT include a fragment component."
    if (uri.includes('#')) return `redirect_uri "${uri}" has a fragment`
    if (options.redirectUris && !options.redirectUris.includes(uri)) {
      return `redirect_uri "${uri}" is not registered for the client`
    }
    return undefined
  }

  function authorize(request: Request, params: URLSearchParams): Response {
    if (request.method !== 'GET') return methodNotAllowed('GET')
    const repeated = repeatedParam(params)
    // §4.1.2.1: with a bad client or redirect URI, tell the user and do NOT redirect.
    if (repeated === 'client_id' || repeated === 'redirect_uri') {
      return oauthError(400, 'invalid_request', `${repeated} is repeated (§3.1)`)
    }
    const id = param(params, 'client_id')
    if (id !== clientId) {
      // RFC 6749 names no code for this page; we borrow §5.2's.
      return oauthError(400, 'invalid_client', id ? `Unknown client_id "${id}"` : 'No client_id')
    }
    const redirectUri = param(params, 'redirect_uri')
    if (redirectUri === undefined) return oauthError(400, 'invalid_request', 'No redirect_uri')
    const problem = redirectUriProblem(redirectUri)
    if (problem !== undefined) return oauthError(400, 'invalid_request', problem)
    const state = param(params, 'state')
    const back = (answer: Record<string, string>) =>
      redirect(redirectUri, state === undefined ? answer : { ...answer, state })
    const fail = (error: OAuthErrorCode, description: string) =>
      back({ error, error_description: description })
    if (repeated) return fail('invalid_request', `${repeated} is repeated (§3.1)`)
    const responseType = param(params, 'response_type')
    if (responseType === undefined) return fail('invalid_request', 'response_type is missing')
    if (responseType !== 'code') {
      return fail('unsupported_response_type', `response_type "${responseType}" is not "code"`)
    }
    // The mock auto-consents: the resource owner always says yes.
    const code = options.random()
    const grant = { scope: param(params, 'scope') }
    codes.set(code, { grant, redirectUri, expiresAt: now() + CODE_TTL_MS, used: false })
    counts.codes++
    return back({ code })
  }

  async function token(request: Request): Promise<Response> {
    if (request.method !== 'POST') return methodNotAllowed('POST')
    // §4.1.3 and §6 define a form body. We refuse JSON rather than guess, so a client
    // under test that sends JSON fails here as it would against a strict server.
    const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
    if (mediaType !== 'application/x-www-form-urlencoded') {
      return oauthError(400, 'invalid_request', 'Send an x-www-form-urlencoded body')
    }
    let form: URLSearchParams
    try {
      form = new URLSearchParams(await request.text())
    } catch {
      return oauthError(400, 'invalid_request', 'Failed to read the request body')
    }
    const repeated = repeatedParam(form)
    if (repeated) return oauthError(400, 'invalid_request', `${repeated} is repeated (§3.2)`)
    const client = readClientCredentials(request.headers.get('authorization'), form)
    // §5.2: invalid_client is a 401; RFC 7235 §3.1 wants a challenge on every 401.
    const challenge = { 'WWW-Authenticate': 'Basic realm="scim-mock"' }
    if ('error' in client) {
      const status = client.error === 'invalid_client' ? 401 : 400
      return oauthError(status, client.error, client.description, status === 401 ? challenge : {})
    }
    if (client.id !== clientId || client.secret !== clientSecret) {
      return oauthError(401, 'invalid_client', 'Unknown client or wrong secret', challenge)
    }
    const grantType = param(form, 'grant_type')
    if (grantType === 'authorization_code') return redeemCode(form)
    if (grantType === 'refresh_token') return refresh(form)
    if (grantType === undefined) return oauthError(400, 'invalid_request', 'grant_type is missing')
    return oauthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported`)
  }

  function redeemCode(form: URLSearchParams): Response {
    const code = param(form, 'code')
    const redirectUri = param(form, 'redirect_uri')
    if (code === undefined || redirectUri === undefined) {
      return oauthError(400, 'invalid_request', 'code and redirect_uri are required (§4.1.3)')
    }
    const issued = codes.get(code)
    if (!issued) return oauthError(400, 'invalid_grant', 'Unknown authorization code')
    if (issued.used) {
      // §4.1.2: on reuse the server "SHOULD revoke (when possible) all tokens previously issued".
      revoke(issued.grant)
      return oauthError(400, 'invalid_grant', 'Code already used; its tokens are revoked')
    }
    if (now() >= issued.expiresAt) return oauthError(400, 'invalid_grant', 'Code has expired')
    if (redirectUri !== issued.redirectUri) {
      return oauthError(400, 'invalid_grant', 'redirect_uri differs from the authorize request')
    }
    issued.used = true
    return issueTokens(issued.grant, issued.grant.scope)
  }

  function refresh(form: URLSearchParams): Response {
    const presented = param(form, 'refresh_token')
    if (presented === undefined) return oauthError(400, 'invalid_request', 'No refresh_token')
    const grant = refreshTokens.get(presented)
    if (!grant) return oauthError(400, 'invalid_grant', 'Unknown or revoked refresh token')
    // §6: a narrower scope may be asked for, never a wider one.
    const scope = param(form, 'scope')
    const granted = new Set(grant.scope?.split(' '))
    if (scope !== undefined && !scope.split(' ').every((s) => granted.has(s))) {
      return oauthError(400, 'invalid_scope', `scope "${scope}" exceeds the granted scope`)
    }
    // §6 lets the server rotate: the old refresh token stops working. Access tokens
    // issued before stay valid until they expire (§6 does not revoke them).
    refreshTokens.delete(presented)
    return issueTokens(grant, scope ?? grant.scope)
  }

  function issueTokens(grant: Grant, scope: string | undefined): Response {
    const accessToken = options.random()
    const refreshToken = options.random()
    accessTokens.set(accessToken, { grant, expiresAt: now() + ttl * 1000 })
    refreshTokens.set(refreshToken, grant)
    counts.accessTokens++
    counts.refreshTokens++
    return oauthJson(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      refresh_token: refreshToken,
      ...(scope === undefined ? {} : { scope }),
    })
  }

  return {
    async handle(request) {
      const url = new URL(request.url)
      if (url.pathname === authorizePath) return authorize(request, url.searchParams)
      if (url.pathname === tokenPath) return token(request)
      return undefined
    },
    checkAccessToken(presented) {
      const entry = accessTokens.get(presented)
      if (!entry) return 'unknown'
      return now() >= entry.expiresAt ? 'expired' : 'valid'
    },
    revokeAll: () => revoke(),
    reset() {
      codes.clear()
      revoke()
      Object.assign(counts, { codes: 0, accessTokens: 0, refreshTokens: 0 })
    },
    get issued() {
      return { ...counts }
    },
    snapshot() {
      const grants = new Map<Grant, number>()
      const indexOf = (grant: Grant) => {
        if (!grants.has(grant)) grants.set(grant, grants.size)
        return grants.get(grant)!
      }
      const snapshot: OAuthServerSnapshot = {
        grants: [],
        codes: [...codes].map(([code, entry]) => ({
          code,
          grant: indexOf(entry.grant),
          redirectUri: entry.redirectUri,
          expiresAt: entry.expiresAt,
          used: entry.used,
        })),
        accessTokens: [...accessTokens].map(([token, entry]) => ({
          token,
          grant: indexOf(entry.grant),
          expiresAt: entry.expiresAt,
        })),
        refreshTokens: [...refreshTokens].map(([token, grant]) => ({
          token,
          grant: indexOf(grant),
        })),
        issued: { ...counts },
      }
      snapshot.grants = [...grants.keys()].map((grant) =>
        grant.scope === undefined ? {} : { scope: grant.scope },
      )
      return snapshot
    },
    restore(snapshot) {
      const grants: Grant[] = snapshot.grants.map((grant) => ({ scope: grant.scope }))
      const grantAt = (index: number) => grants[index]!
      codes.clear()
      accessTokens.clear()
      refreshTokens.clear()
      for (const { code, grant, redirectUri, expiresAt, used } of snapshot.codes) {
        codes.set(code, { grant: grantAt(grant), redirectUri, expiresAt, used })
      }
      for (const { token, grant, expiresAt } of snapshot.accessTokens) {
        accessTokens.set(token, { grant: grantAt(grant), expiresAt })
      }
      for (const { token, grant } of snapshot.refreshTokens) {
        refreshTokens.set(token, grantAt(grant))
      }
      Object.assign(counts, snapshot.issued)
    },
  }
}

/** §3.1: "Parameters sent without a value MUST be treated as if they were omitted." */
function param(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) || undefined
}

/** §3.1, §3.2: "Request and response parameters MUST NOT be included more than once." */
function repeatedParam(params: URLSearchParams): string | undefined {
  return [...new Set(params.keys())].find((key) => params.getAll(key).length > 1)
}
