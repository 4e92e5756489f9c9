import { type SetupServer, setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createScimProvider,
  type ScimProvider,
  type ScimProviderOptions,
} from '../msw/create-scim-provider.js'

/** What `setupScimServer` takes: the provider's options, and MSW's unhandled-request strategy. */
export interface SetupScimServerOptions extends ScimProviderOptions {
  /**
   * What MSW does with a request no handler answers. Default: `'error'`, so
   * a test that calls a URL the provider does not serve fails loudly.
   */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error'
}

/** The provider a test file talks to, and the MSW server in front of it. */
export interface ScimServerSetup {
  provider: ScimProvider
  /** `server.use(...)` overrides last until the end of the test. */
  server: SetupServer
}

/**
 * Creates a provider behind an MSW server for the current test file (or
 * `describe` block) and registers Vitest hooks: `listen` before all tests
 * (and waits for seeding), `provider.reset()` and `server.resetHandlers()`
 * after each test, `close` after all. Every test starts from the seeded
 * state, with no faults and an empty request log.
 *
 * A path `baseUrl` (the default `/scim/v2`) answers on any origin in Node.
 *
 * @example
 * import { setupScimServer } from 'scim-mock/vitest'
 *
 * const { provider, server } = setupScimServer({
 *   baseUrl: 'https://acme.test/scim/v2',
 *   seed: { users: 20, seed: 42 },
 * })
 *
 * test('lists users', async () => {
 *   const response = await fetch('https://acme.test/scim/v2/Users', {
 *     headers: { Authorization: 'Bearer secret' },
 *   })
 *   expect((await response.json()).totalResults).toBe(20)
 * })
 */
export function setupScimServer(options: SetupScimServerOptions = {}): ScimServerSetup {
  const { onUnhandledRequest = 'error', ...providerOptions } = options
  const provider = createScimProvider(providerOptions)
  const server = setupServer(...provider.handlers)
  // msw 3 renamed the option to `onUnhandledFrame` and ignores the old name:
  // pass both. A variable, so msw 2's types accept the extra key.
  const listenOptions = { onUnhandledRequest, onUnhandledFrame: onUnhandledRequest }
  beforeAll(async () => {
    server.listen(listenOptions)
    await provider.ready
  })
  afterEach(async () => {
    server.resetHandlers()
    await provider.reset()
  })
  afterAll(() => {
    server.close()
  })
  return { provider, server }
}
