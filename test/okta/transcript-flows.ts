import type { ScimProvider } from 'scim-mock'
import type { OktaApp, OktaOrg } from '../../src/okta/create-okta-org.js'
import { createTeam, rememberGroupReads } from './group-flow-helpers.js'
import { rememberReads } from './user-flow-helpers.js'

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
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    rememberReads(org, vars)
  },
  // User lifecycle (okta-behavior.md §1.4, §1.5, §1.7, §1.10): fixtures user-*.json.
  async 'user: unassign'({ org, app, vars }) {
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
    org.clearRequests()
    await app.unassignUser(jane.id)
    rememberReads(org, vars)
  },
  async 'user: deactivate the Okta user'({ org, app, vars }) {
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
    org.clearRequests()
    await org.users.deactivate(jane.id)
    rememberReads(org, vars)
  },
  async 'user: reassign after unassign keeps the SCIM id'({ org, app, vars }) {
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
    await app.unassignUser(jane.id)
    org.clearRequests()
    await app.assignUser(jane.id)
    if (app.appUser(jane.id)!.remoteId !== vars.remoteId) throw new Error('the SCIM id changed')
    rememberReads(org, vars)
  },
  async 'user: assign, inactive match: reactivate and push the profile'({
    provider,
    org,
    app,
    vars,
  }) {
    const existing = await provider.users.create({
      userName: 'jane@corp.example',
      name: { givenName: 'J', familyName: 'D', formatted: 'J D' },
      nickName: 'JD',
      active: false,
    })
    vars.remoteId = existing.id
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    rememberReads(org, vars)
  },
  async 'user: profile push echoes what the server holds'({ provider, org, app, vars }) {
    const existing = await provider.users.create({
      userName: 'jane@corp.example',
      name: { givenName: 'Jane', familyName: 'Doe', formatted: 'Ms. Jane Doe' },
      nickName: 'JD',
      phoneNumbers: [{ value: '+1 555 0100', type: 'work' }],
      active: true,
    })
    vars.remoteId = existing.id
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    org.clearRequests()
    await org.users.update(jane.id, { title: 'CTO' })
    rememberReads(org, vars)
  },
  async 'user: password sync'({ org, app, vars }) {
    app.update({ provisioning: { syncPassword: true } })
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    vars.remoteId = app.appUser(jane.id)!.remoteId!
    org.clearRequests()
    await org.users.setPassword(jane.id, 'N3w-Passw0rd!')
    rememberReads(org, vars)
  },
  async 'user: Provision User after enabling the API integration'({ org, app, vars }) {
    app.update({ apiIntegration: false })
    const jane = createJane(org)
    vars.oktaId = jane.id
    await app.assignUser(jane.id)
    app.update({ apiIntegration: true })
    await app.provisionUser(jane.id)
  },
  // Push Groups (okta-behavior.md §1.9): fixtures group-*.json.
  async 'group: push, cache cold: create'({ org, app, vars }) {
    const { jane, carol } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, carol.id] })
    org.clearRequests()
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    rememberGroupReads(org, vars)
  },
  async 'group: push, cache warm: create'({ provider, org, app, vars }) {
    await provider.groups.create({ displayName: 'Sales' })
    await app.saveProvisioning()
    const { jane, carol } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, carol.id] })
    org.clearRequests()
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    rememberGroupReads(org, vars)
  },
  async 'group: push, cache cold: a name match links'({ provider, org, app, vars }) {
    const stray = await provider.users.create({ userName: 'stray@corp.example' })
    const existing = await provider.groups.create({
      displayName: 'Engineering',
      members: [{ value: stray.id }],
    })
    vars.group = existing.id
    const { jane, bob } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
    org.clearRequests()
    await app.pushGroup('Engineering')
    rememberGroupReads(org, vars)
  },
  async 'group: link to an app group'({ provider, org, app, vars }) {
    const stray = await provider.users.create({ userName: 'stray@corp.example' })
    const existing = await provider.groups.create({
      displayName: 'Legacy Engineering',
      members: [{ value: stray.id }],
    })
    vars.group = existing.id
    const { jane, bob } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
    org.clearRequests()
    await app.pushGroup('Engineering', { linkTo: existing.id })
    rememberGroupReads(org, vars)
  },
  async 'group: rename'({ org, app, vars }) {
    const { jane } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id] })
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    org.clearRequests()
    await org.groups.rename('Engineering', 'Platform')
    rememberGroupReads(org, vars)
  },
  async 'group: add members'({ org, app, vars }) {
    const { jane, bob, carol } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id] })
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    org.clearRequests()
    // Carol is not assigned to the app: Okta does not send her.
    await org.groups.addMembers('Engineering', [bob.id, carol.id])
    rememberGroupReads(org, vars)
  },
  async 'group: remove a member'({ org, app, vars }) {
    const { jane, bob } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    org.clearRequests()
    await org.groups.removeMembers('Engineering', [bob.id])
    rememberGroupReads(org, vars)
  },
  async 'group: 101 members added'({ org, app, vars }) {
    const users = []
    for (let n = 1; n <= 101; n++) {
      const user = org.users.create({
        login: `user${n}@corp.example`,
        email: `user${n}@example.com`,
        firstName: 'User',
        lastName: String(n),
      })
      await app.assignUser(user.id)
      vars[`user${n}`] = app.appUser(user.id)!.remoteId!
      users.push(user.id)
    }
    org.groups.create({ name: 'Everyone' })
    await app.pushGroup('Everyone')
    vars.group = app.pushedGroup('Everyone')!.remoteId!
    org.clearRequests()
    await org.groups.addMembers('Everyone', users)
  },
  async 'group: push now'({ org, app, vars }) {
    const { jane, bob } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
    await app.assignGroup('Engineering')
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    // Bob stays assigned through the group, deprovisioned: an inactive app user.
    await org.users.deactivate(bob.id)
    org.clearRequests()
    await app.pushNow('Engineering')
    rememberGroupReads(org, vars)
  },
  async 'group: unlink, delete the app group'({ org, app, vars }) {
    const { jane } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id] })
    await app.pushGroup('Engineering')
    vars.group = app.pushedGroup('Engineering')!.remoteId!
    org.clearRequests()
    await app.unlinkGroup('Engineering', { deleteInApp: true })
  },
  async 'group: unlink, leave the app group'({ org, app, vars }) {
    const { jane } = await createTeam(org, app, vars)
    org.groups.create({ name: 'Engineering', members: [jane.id] })
    await app.pushGroup('Engineering')
    org.clearRequests()
    await app.unlinkGroup('Engineering', { deleteInApp: false })
  },
  // Test API Credentials, saving provisioning, Import (okta-behavior.md §1.1, §1.8):
  // fixtures connection-*.json and import-*.json.
  async 'connection: test API credentials'({ app }) {
    const result = await app.testConnection()
    if (!result.ok) throw new Error(result.message)
  },
  async 'connection: save provisioning'({ provider, app }) {
    await provider.groups.create({ displayName: 'Sales' })
    await app.saveProvisioning()
  },
  async 'connection: save provisioning, Push Groups and Import Groups off'({ app }) {
    app.update({ provisioning: { pushGroups: false, importGroups: false } })
    await app.saveProvisioning()
  },
  async 'import: 101 users and a group'({ provider, app }) {
    for (let n = 1; n <= 101; n++) {
      await provider.users.create({ userName: `user${n}@corp.example`, active: true })
    }
    await provider.groups.create({ displayName: 'Sales' })
    const result = await app.import()
    if (!result.ok || result.newUsers !== 101 || result.newGroups !== 1)
      throw new Error(`unexpected import result: ${result.lines.join(' / ')}`)
  },
  async 'import: Import Groups off'({ provider, app }) {
    app.update({ provisioning: { importGroups: false } })
    await provider.users.create({ userName: 'bob@corp.example' })
    await app.import()
  },
  async 'import: a match links with no request'({ org, app }) {
    const jane = createJane(org)
    await app.assignUser(jane.id)
    org.clearRequests()
    const result = await app.import()
    if (result.unchangedUsers !== 1)
      throw new Error(`unexpected import result: ${result.lines.join(' / ')}`)
  },
}
