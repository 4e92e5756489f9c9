import type { OktaAuth } from '../okta/okta-scim-client.js'
import type { Scenario } from './scenario-schema.js'
import type { ScenarioTarget } from './scenario-target.js'

/** `okta.app.auth` as a scenario writes it. */
export type ScenarioAuth = NonNullable<NonNullable<NonNullable<Scenario['okta']>['app']>['auth']>

/**
 * The Okta app's auth: the target's default (Bearer with the provider's token,
 * or OAuth for a provider that is an authorization server) when the scenario
 * gives none; `{ type: oauth }` filled in with the provider's OAuth endpoints
 * and client.
 *
 * @example
 * resolveAppAuth({ type: 'oauth' }, target)
 * // { type: 'oauth', authorizeUrl: 'https://scim.scenario.test/oauth/authorize', tokenUrl: '…', clientId: '…', clientSecret: '…' }
 */
export function resolveAppAuth(auth: ScenarioAuth | undefined, target: ScenarioTarget): OktaAuth {
  if (auth === undefined) return target.defaultAuth()
  if (auth.type === 'oauth') return target.oauthAuth()
  return auth
}
