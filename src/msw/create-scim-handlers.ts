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
  // `*` rather than `:rest*`: the two msw majors read repeat params differently.
  return [http.all(`${service.baseUrl}/*`, ({ request }) => service.handle(request))]
}
