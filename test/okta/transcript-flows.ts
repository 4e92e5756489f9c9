import type { ScimProvider } from 'scim-mock'
import type { OktaApp, OktaOrg } from '../../src/okta/create-okta-org.js'

/** What a flow gets: a fresh provider behind MSW, an org, and its app under test. */
export interface FlowContext {
  provider: ScimProvider
  org: OktaOrg
  app: OktaApp
  /** Values the fixture refers to as `{{name}}`, e.g. a SCIM id the flow learned. */
  vars: Record<string, string>
}

/** A reusable Okta user. */
export function createJane(org: OktaOrg) {
  return org.users.create({
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  })
}

/**
 * The flows the transcript fixtures name. Each arranges provider and Okta
 * state, clears the org's request record, performs one Okta action, and sets
 * the `vars` its fixture uses. Adding an Okta quirk: a fixture, and a flow if
 * no existing one performs it.
 */
export const flows: Record<string, (context: FlowContext) => Promise<void>> = {
  async 'assign, no match: create'({ org, app, vars }) {
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
  },
  async 'assign, active match: link and push the profile'({ provider, org, app, vars }) {
    const existing = await provider.users.create({
      userName: 'jane@corp.example',
      name: { givenName: 'J', familyName: 'D', formatted: 'J D' },
      active: true,
    })
    vars.remoteId = existing.id
    vars.created = existing.meta.created
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
  },
  async 'profile push'({ org, app, vars }) {
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
    org.clearRequests()
    await org.users.update(jane.id, { title: 'CTO' })
  },
}
