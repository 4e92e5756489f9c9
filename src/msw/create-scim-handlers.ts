import { type HttpHandler, http } from 'msw'
import type { ScimService } from '../provider/create-scim-service.js'

/**
 * MSW handlers that answer every request below the service's base URL.
 * One catch-all route: the service routes by itself, so there is a single
 * routing table, and a test's own `server.use(http.post(...))` still wins
 * because MSW tries prepended handlers first.
 *
 * @example
 * const server = setupServer(...createScimHandlers(createScimService({ baseUrl: 'https://acme.test/scim/v2' })))
 */
export function createScimHandlers(service: ScimService): HttpHandler[] {
  // The base URL, and the control API and OAuth endpoints when they are on.
  return service.paths.map((path) =>
    http.all(belowBaseUrl(path), ({ request }) => service.handle(request)),
  )
}

/**
 * A RegExp without capture groups rather than `${baseUrl}/*`: MSW percent-decodes
 * what a wildcard matched, so `/Users/%ZZ` threw inside MSW's handler lookup (an
 * MSW 500) before the service could answer 404. A RegExp also reads the same in
 * both msw majors. Case-insensitive, like MSW's own path matching.
 */
function belowBaseUrl(baseUrl: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // The base URL itself too, so `GET /scim/v2` gets a SCIM 404, not a passthrough.
  const end = '(?:[/?#]|$)'
  if (/^[a-z][a-z\d+.-]*:/i.test(baseUrl)) return new RegExp(`^${escape(baseUrl)}${end}`, 'i')
  // A relative base resolves against the page in a browser, as MSW resolves
  // relative paths; in Node there is no page, so the path matches on any origin.
  if (typeof location !== 'undefined') {
    return new RegExp(`^${escape(new URL(baseUrl, location.href).href)}${end}`, 'i')
  }
  const path = new URL(baseUrl, 'http://localhost').pathname.replace(/\/+$/, '')
  return new RegExp(`^[a-z][a-z\\d+.-]*://[^/]+${escape(path)}${end}`, 'i')
}
