import type { BrowserContext, Page, Request as PlaywrightRequest, Route } from '@playwright/test'
import type { ScimService } from '../provider/create-scim-service.js'

/** Options of {@link routeScimService}. */
export interface RouteScimServiceOptions {
  /**
   * Answer CORS, so a page on another origin (a test server, `about:blank`,
   * `data:`) can call the API: preflights get permissive
   * `Access-Control-Allow-*` headers, responses `Access-Control-Allow-Origin`.
   * Default: true.
   */
  cors?: boolean
}

/** A browser context (or page) routed into a provider. */
export interface ScimRoute {
  /** The URL prefixes routed: the provider's `paths` (base URL, control API, OAuth). */
  readonly paths: readonly string[]
  /** Whether a URL goes to the provider. */
  matches(url: string | URL): boolean
  /** Stops routing; requests in flight are dropped as the connection would be. */
  unroute(): Promise<void>
}

/** Headers a Fetch `Request` sets itself, or that describe the browser's connection. */
const CONNECTION_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive'])

/**
 * Routes the requests of a browser context (or one page) below the
 * provider's URLs into `service.handle`, in the test process: the page talks
 * to the mock SCIM API as to a server, and the test reads and changes the
 * same provider directly. No service worker and no MSW are involved.
 *
 * - A path `baseUrl` (`/scim/v2`) routes that path on every origin, the
 *   page's own included; an absolute one routes only its origin.
 * - A `networkError` or `timeout` fault aborts the request (`connectionreset`).
 * - CORS: Chromium answers preflights of routed requests itself; other
 *   browsers reach this bridge, which answers them (see `cors`).
 * - An app that registers its own service worker needs
 *   `serviceWorkers: 'block'`: routes do not see requests a worker handles.
 *
 * @example
 * const provider = createScimService({ baseUrl: 'https://scim.example.test/scim/v2' })
 * const route = await routeScimService(context, provider)
 * await page.goto('https://app.example.test/admin/users')
 * await route.unroute()
 */
export async function routeScimService(
  target: BrowserContext | Page,
  service: ScimService,
  options: RouteScimServiceOptions = {},
): Promise<ScimRoute> {
  const cors = options.cors !== false
  const prefixes = service.paths.map(parsePrefix)
  const matches = (url: string | URL) => {
    const parsed = typeof url === 'string' ? new URL(url) : url
    return prefixes.some((prefix) => prefix(parsed))
  }
  // Aborted when routing stops, so a request waiting on a latency or timeout
  // fault does not keep the test process busy after its test.
  const stop = new AbortController()

  const handler = async (route: Route, request: PlaywrightRequest) => {
    const headers = await request.allHeaders()
    const origin = headers.origin
    if (cors && request.method() === 'OPTIONS' && headers['access-control-request-method']) {
      await settle(
        route.fulfill({
          status: 204,
          headers: {
            ...allowOrigin(origin),
            'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
            'access-control-allow-headers':
              headers['access-control-request-headers'] ?? 'authorization, content-type',
            'access-control-max-age': '600',
          },
        }),
      )
      return
    }
    const method = request.method()
    const body = request.postDataBuffer()
    const response = await service.handle(
      new Request(request.url(), {
        method,
        headers: Object.entries(headers).filter(
          ([name]) => !CONNECTION_HEADERS.has(name) && !name.startsWith(':'),
        ),
        ...(body && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
        signal: stop.signal,
      }),
    )
    if (response.type === 'error') {
      await settle(route.abort('connectionreset'))
      return
    }
    const responseHeaders: Record<string, string> = Object.fromEntries(response.headers)
    if (cors) {
      Object.assign(responseHeaders, allowOrigin(origin), {
        // Let the page read ETag, Location, Retry-After, WWW-Authenticate.
        'access-control-expose-headers': [...response.headers.keys()].join(', '),
      })
    }
    await settle(
      route.fulfill({
        status: response.status,
        headers: responseHeaders,
        body: Buffer.from(await response.arrayBuffer()),
      }),
    )
  }

  const matcher = (url: URL) => matches(url)
  await target.route(matcher, handler)
  return {
    paths: service.paths,
    matches,
    async unroute() {
      stop.abort(new Error('The SCIM route was removed'))
      await target.unroute(matcher, handler)
    },
  }
}

/**
 * `Access-Control-Allow-Origin`: the page's origin with credentials allowed
 * when the request names one (`null` for about:blank and data: pages), else `*`.
 */
function allowOrigin(origin: string | undefined): Record<string, string> {
  return origin
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      }
    : { 'access-control-allow-origin': '*' }
}

/** A prefix test: origin and path for an absolute URL, the path on any http(s) origin otherwise. */
function parsePrefix(prefix: string): (url: URL) => boolean {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(prefix)
  const parsed = new URL(prefix, 'http://localhost')
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase()
  const below = (url: URL) => {
    const pathname = url.pathname.toLowerCase()
    return path === '' || pathname === path || pathname.startsWith(`${path}/`)
  }
  return absolute
    ? (url) => url.origin === parsed.origin && below(url)
    : (url) => (url.protocol === 'http:' || url.protocol === 'https:') && below(url)
}

/**
 * Fulfilling or aborting fails only when the page, context or browser has
 * closed meanwhile (the test ended): then there is nobody to answer.
 */
async function settle(answer: Promise<void>): Promise<void> {
  try {
    await answer
  } catch (error) {
    if (!/closed|has been handled/i.test(String((error as Error)?.message ?? error))) throw error
  }
}
