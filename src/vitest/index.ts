// `scim-mock/vitest`: Vitest helpers. Vitest is an optional peer; this entry
// imports only from 'vitest' (and 'msw/node' for setupScimServer).

// Interception
export { setupScimServer } from './setup-scim-server.js'
export type { ScimServerSetup, SetupScimServerOptions } from './setup-scim-server.js'

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
