// `scim-mock/playwright`: Playwright fixtures. @playwright/test is an optional
// peer; this entry needs no MSW: the browser context is routed into the
// provider in the test process.

// Fixtures
export { createScimFixtures, PLAYWRIGHT_SCIM_ORIGIN } from './create-scim-fixtures.js'
export type { ScimFixtures, ScimFixturesOptions, ScimTestFixtures } from './create-scim-fixtures.js'
export { scimTest } from './scim-test.js'

// The bridge on its own
export { routeScimService } from './route-scim-service.js'
export type { RouteScimServiceOptions, ScimRoute } from './route-scim-service.js'
