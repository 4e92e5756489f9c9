// `scim-mock/vitest` in the browser (the `browser` export condition, e.g.
// Vitest browser mode): the same exports, but setupScimServer, which needs
// `msw/node`, only says what to use instead. Loading msw/node in a page
// fails at import time, which would take the matchers down with it.

import type { ScimServerSetup, SetupScimServerOptions } from './setup-scim-server.js'

// Matchers
export { scimMatchers } from './scim-matchers.js'
export type {
  ScimGroupExpectation,
  ScimUserExpectation,
  SentRequestsOptions,
} from './scim-matchers.js'

// Scenarios
export {
  expectScenario,
  formatScenarioFailure,
  scenarioTest,
  ScenarioFailedError,
} from './expect-scenario.js'
export type { ScenarioTestOptions } from './expect-scenario.js'

// Interception
export type { ScimServerSetup, SetupScimServerOptions } from './setup-scim-server.js'

/**
 * Not available in the browser: `setupServer` is Node's. Use MSW's
 * `setupWorker(...provider.handlers)` there.
 *
 * @example
 * const provider = createScimProvider({ baseUrl: '/scim/v2' })
 * await setupWorker(...provider.handlers).start({ quiet: true })
 */
export function setupScimServer(_options?: SetupScimServerOptions): ScimServerSetup {
  throw new Error(
    "Failed to set up the SCIM server: setupScimServer needs Node (msw/node). In the browser, start MSW's worker instead: setupWorker(...createScimProvider(options).handlers).start()",
  )
}
