import type {
  Fixtures,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
} from '@playwright/test'
import {
  createOktaOrg,
  type OktaApp,
  type OktaOrg,
  type OktaOrgOptions,
} from '../okta/create-okta-org.js'
import type { OktaAuth } from '../okta/okta-scim-client.js'
import type { OktaAppInput } from '../okta/okta-app-settings.js'
import { createScimService, type ScimService } from '../provider/create-scim-service.js'
import type { ScimServiceOptions } from '../provider/scim-service-options.js'
import { routeScimService, type ScimRoute } from './route-scim-service.js'

/** The origin the browser bridge serves by default: a name no real server answers. */
export const PLAYWRIGHT_SCIM_ORIGIN = 'https://scim.playwright.test'

/** The fixtures `createScimFixtures()` provides. */
export interface ScimFixtures {
  /**
   * Provider options for this test, over the factory's `provider` options key
   * by key: `test.use({ scimOptions: { profile: 'secoda' } })`.
   */
  scimOptions: ScimServiceOptions
  /**
   * A provider per test, seeded and ready, living in the test process: read
   * and change its store, add faults, read `requests`. Default base URL
   * `https://scim.playwright.test/scim/v2` (with a `profile`, the profile's
   * path on that origin).
   */
  scimProvider: ScimService
  /** Automatic: the browser context's requests to the provider's URLs go to it. */
  scimRoute: ScimRoute
  /**
   * An Okta org whose requests go straight to `scimProvider` (no browser), on
   * a simulated clock: 429 back-offs take no time. The provider's latency and
   * timeout faults still wait in real time (its `sleep` option changes that).
   */
  okta: OktaOrg
  /**
   * An app of `okta` connected to `scimProvider`: a catalog (`oin`) app with
   * the provider's token, or its OAuth server when it has one and no token
   * (call `oktaApp.authorize()` first). Created when a test asks for it.
   */
  oktaApp: OktaApp
}

/** Defaults for every test using the fixtures. */
export interface ScimFixturesOptions {
  /** Provider options; `test.use({ scimOptions })` overrides them key by key. */
  provider?: ScimServiceOptions
  /** Okta org options (its `fetch` is always the provider's). */
  okta?: Omit<OktaOrgOptions, 'fetch'>
  /** Settings of `oktaApp` over its defaults. */
  oktaApp?: Partial<OktaAppInput>
  /**
   * Answer CORS in the browser bridge (preflights, `Access-Control-Allow-Origin`),
   * so pages on other origins can call the API. Default: true.
   */
  cors?: boolean
}

/** The fixtures object: pass it to `test.extend<ScimFixtures>(...)`, alone or spread with yours. */
export type ScimTestFixtures = Fixtures<
  ScimFixtures,
  object,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>

/**
 * Playwright fixtures that give each test a mock SCIM provider, route the
 * browser context's requests to it, and an Okta org to drive it. Returned
 * as a fixtures object so you compose it with your own `test.extend`.
 *
 * @example
 * import { test as base } from '@playwright/test'
 * import { createScimFixtures, type ScimFixtures } from 'scim-mock/playwright'
 *
 * export const test = base.extend<ScimFixtures & { adminPage: Page }>({
 *   ...createScimFixtures({ provider: { seed: { users: 10, seed: 1 } } }),
 *   adminPage: async ({ page, scimProvider }, use) => {
 *     await page.goto(`/admin?scim=${encodeURIComponent(scimProvider.baseUrl)}`)
 *     await use(page)
 *   },
 * })
 */
export function createScimFixtures(options: ScimFixturesOptions = {}): ScimTestFixtures {
  return {
    scimOptions: [{}, { option: true }],

    scimProvider: async ({ scimOptions }, use) => {
      const provider = createScimService(withBaseUrl({ ...options.provider, ...scimOptions }))
      await provider.ready
      await use(provider)
    },

    scimRoute: [
      async ({ context, scimProvider }, use) => {
        const route = await routeScimService(context, scimProvider, {
          ...(options.cors !== undefined ? { cors: options.cors } : {}),
        })
        await use(route)
        await route.unroute()
      },
      { auto: true },
    ],

    okta: async ({ scimProvider }, use) => {
      await use(createOktaOrg({ ...options.okta, fetch: fetchThrough(scimProvider) }))
    },

    oktaApp: async ({ okta, scimProvider, scimOptions }, use) => {
      const token = { ...options.provider, ...scimOptions }.token
      const staticToken = typeof token === 'string' ? token : token?.[0]
      const auth: OktaAuth =
        scimProvider.oauth && staticToken === undefined
          ? {
              type: 'oauth',
              authorizeUrl: scimProvider.oauth.authorizeUrl,
              tokenUrl: scimProvider.oauth.tokenUrl,
              clientId: scimProvider.oauth.clientId,
              clientSecret: scimProvider.oauth.clientSecret,
            }
          : { type: 'bearer', token: staticToken ?? 'secret' }
      await use(
        okta.apps.create({
          label: 'SCIM 2.0 Test App (OAuth Bearer Token)',
          mode: 'oin',
          baseUrl: absoluteUrl(scimProvider.baseUrl),
          auth,
          ...options.oktaApp,
        }),
      )
    },
  }
}

/**
 * The default base URL when none is given: the profile's path (it has its
 * own, e.g. secoda's `/api/v2/scim`) or `/scim/v2`, on the bridge's origin.
 */
function withBaseUrl(options: ScimServiceOptions): ScimServiceOptions {
  if (options.baseUrl !== undefined) return options
  // A throwaway service without a seed: the cheapest way to ask a profile its path.
  const path = options.profile
    ? createScimService({ profile: options.profile }).baseUrl
    : '/scim/v2'
  return { ...options, baseUrl: absoluteUrl(path) }
}

function absoluteUrl(url: string): string {
  return new URL(url, PLAYWRIGHT_SCIM_ORIGIN).href.replace(/\/+$/, '')
}

/**
 * A `fetch` that answers from the provider directly, as a network would:
 * a network-error response (networkError, timeout faults) rejects.
 */
function fetchThrough(service: ScimService): typeof fetch {
  return async (input, init) => {
    const request =
      input instanceof Request
        ? new Request(input, init)
        : new Request(new URL(String(input), PLAYWRIGHT_SCIM_ORIGIN), init)
    const response = await service.handle(request)
    if (response.type === 'error') {
      throw new TypeError('fetch failed', {
        cause: new Error(
          `The SCIM provider dropped the connection to ${request.method} ${request.url}`,
        ),
      })
    }
    return response
  }
}
