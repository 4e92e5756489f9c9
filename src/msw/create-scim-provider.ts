import type { HttpHandler } from 'msw'
import { createScimService, type ScimService } from '../provider/create-scim-service.js'
import type { ScimServiceOptions } from '../provider/scim-service-options.js'
import { createScimHandlers } from './create-scim-handlers.js'

/** How to create a SCIM provider; see {@link ScimServiceOptions} for every option. */
export type ScimProviderOptions = ScimServiceOptions

/** A SCIM service provider with its MSW request handlers. */
export interface ScimProvider extends ScimService {
  /** MSW handlers for `setupServer(...)` or `setupWorker(...)`. */
  readonly handlers: HttpHandler[]
}

/**
 * Creates an in-memory SCIM 2.0 service provider and its MSW handlers.
 *
 * @example
 * import { createScimProvider } from 'scim-mock'
 * import { setupServer } from 'msw/node'
 *
 * const provider = createScimProvider({
 *   baseUrl: 'https://acme.test/scim/v2',
 *   token: 'secret',
 *   seed: { users: 50, groups: 5, seed: 42 },
 * })
 * const server = setupServer(...provider.handlers)
 */
export function createScimProvider(options: ScimProviderOptions = {}): ScimProvider {
  const service = createScimService(options)
  // Defined on the service itself: spreading it would freeze its `requests` getter.
  return Object.defineProperty(service, 'handlers', {
    value: createScimHandlers(service),
    enumerable: true,
  }) as ScimProvider
}
