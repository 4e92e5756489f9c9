import type { OktaClock } from './okta-clock.js'

/** How Okta authenticates to the SCIM server (okta-behavior.md §1.0, "Authorization by auth mode"). */
export type OktaAuth =
  /** OIN "Header" and "SCIM 2.0 Test App (Header Auth)": the token verbatim. */
  | { type: 'header'; token: string }
  /** OIN "Bearer", and AIW "HTTP Header" (the UI adds the scheme): `Bearer <token>`. */
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  /** OAuth 2 authorization code; tokens come from `authorize()` on the app. */
  | {
      type: 'oauth'
      authorizeUrl: string
      tokenUrl: string
      clientId: string
      clientSecret: string
      redirectUri?: string
    }

/** One request as Okta sends it, and what came back. */
export interface OktaExchange {
  method: string
  /** Below the base URL, with the query string as sent: `/Users?filter=…&startIndex=1&count=100`. */
  path: string
  headers: Record<string, string>
  body?: unknown
  status: number
  /** The HTTP reason phrase Okta shows ("Conflict"), or '' without a response. */
  reason: string
  /** The parsed JSON response, when it was JSON. */
  response?: unknown
  /** The raw response text. */
  text: string
  /** Response headers, lower-cased names. */
  responseHeaders: Record<string, string>
  /** No HTTP response: the 60 s read timeout, or a dropped connection. */
  failure?: 'timeout' | 'network'
}

export interface OktaScimClientOptions {
  baseUrl: string
  auth: OktaAuth
  fetch: typeof fetch
  clock: OktaClock
  /** Okta gives every SCIM request 60 s (okta-behavior.md §5). */
  timeoutMs?: number
  /** 429 handling: at most this many attempts (okta-behavior.md §2: 10). */
  maxAttempts?: number
  /** Where every exchange is recorded, in order. */
  record(exchange: OktaExchange): void
  /** The current OAuth access token, and how to refresh it after a 401. */
  oauthToken?(): string | undefined
  refreshOAuth?(): Promise<boolean>
}

/** A SCIM request to send: path below the base URL, and a JSON body. */
export interface OktaRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  body?: unknown
}

export const REASON_PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const FIVE_MINUTES = 300_000

/**
 * Okta's SCIM client: the headers, in the order of Okta's documented examples,
 * the auth header per mode, a 60 s timeout, and the 429 back-off.
 */
export function createOktaScimClient(options: OktaScimClientOptions) {
  const timeoutMs = options.timeoutMs ?? 60_000
  const maxAttempts = options.maxAttempts ?? 10

  const authorization = (): string => {
    const { auth } = options
    switch (auth.type) {
      case 'header':
        return auth.token
      case 'bearer':
        return `Bearer ${auth.token}`
      case 'basic':
        return `Basic ${base64Utf8(`${auth.username}:${auth.password}`)}`
      case 'oauth':
        return `Bearer ${options.oauthToken?.() ?? ''}`
    }
  }

  async function sendOnce(request: OktaRequest): Promise<OktaExchange> {
    // Header order of the 2019 reference examples; fetch adds Host,
    // Content-Length and Connection itself (okta-behavior.md §1.0).
    const headers: Record<string, string> = {
      Accept: 'application/scim+json',
      'Accept-Charset': 'utf-8',
      ...(request.body === undefined
        ? {}
        : { 'Content-Type': 'application/scim+json; charset=utf-8' }),
      'User-Agent': 'Okta SCIM Client 1.0.0',
      Authorization: authorization(),
      'Accept-Encoding': 'gzip,deflate',
    }
    const exchange: OktaExchange = {
      method: request.method,
      path: request.path,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      status: 0,
      reason: '',
      text: '',
      responseHeaders: {},
    }
    const abort = new AbortController()
    const stopTimer = new AbortController()
    let timedOut = false
    options.clock.deadline(timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true
        abort.abort(new Error('Read timed out'))
      },
      () => undefined,
    )
    try {
      const response = await options.fetch(
        `${options.baseUrl.replace(/\/+$/, '')}${request.path}`,
        {
          method: request.method,
          headers,
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: abort.signal,
        },
      )
      exchange.status = response.status
      exchange.reason = REASON_PHRASES[response.status] ?? response.statusText
      exchange.responseHeaders = Object.fromEntries(response.headers)
      exchange.text = await response.text()
      if (exchange.text !== '') {
        try {
          exchange.response = JSON.parse(exchange.text)
        } catch {
          // Not JSON: Okta's message quotes its parser's complaint (okta-messages.ts).
        }
      }
    } catch {
      exchange.failure = timedOut ? 'timeout' : 'network'
    } finally {
      stopTimer.abort()
    }
    options.record(exchange)
    return exchange
  }

  /**
   * Sends a request. A 429 is retried after its integer `Retry-After` (else
   * 5 minutes), doubling on each further 429, for at most 10 attempts
   * (okta-behavior.md §2); an OAuth 401 is retried once after a refresh.
   */
  async function send(request: OktaRequest): Promise<OktaExchange> {
    let refreshed = false
    for (let attempt = 1; ; attempt++) {
      const exchange = await sendOnce(request)
      if (exchange.status === 401 && options.auth.type === 'oauth' && !refreshed) {
        refreshed = true
        // A token endpoint that fails or cannot be reached is a refresh that
        // did not happen: the 401 stands. The repeat is not a 429 attempt.
        if (await options.refreshOAuth?.().catch(() => false)) {
          attempt--
          continue
        }
      }
      if (exchange.status !== 429 || attempt >= maxAttempts) return exchange
      await options.clock.sleep(retryDelay(exchange) * 2 ** (attempt - 1))
    }
  }

  return { send }
}

export type OktaScimClient = ReturnType<typeof createOktaScimClient>

/** An integer Retry-After in seconds; anything else (absent, a fraction, a date) means 5 minutes. */
function retryDelay(exchange: OktaExchange): number {
  const value = exchange.responseHeaders['retry-after']?.trim()
  return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1000 : FIVE_MINUTES
}

/**
 * Base64 of the UTF-8 bytes (RFC 7617 §2.1 `charset="UTF-8"`): `btoa` alone
 * takes Latin-1 only and throws on "€". [UNCONFIRMED] Okta's charset for
 * Basic credentials; UTF-8 is what servers decode today.
 */
function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
