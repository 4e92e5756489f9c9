import type { OktaAppSettings } from './okta-model.js'

/** What `org.apps.create()` takes: the label, base URL and auth; the rest has Okta's defaults. */
export type OktaAppInput = Partial<Omit<OktaAppSettings, 'provisioning'>> &
  Pick<OktaAppSettings, 'label' | 'baseUrl' | 'auth'> & {
    provisioning?: Partial<OktaAppSettings['provisioning']>
  }

/** The attributes Okta's default mapping sends, in the key order of its POST example. */
const DEFAULT_MAPPINGS = [
  'userName',
  'name.givenName',
  'name.familyName',
  'emails',
  'displayName',
  'title',
  'locale',
  'externalId',
  'department',
] as const

/**
 * An app's settings with Okta's defaults: a custom (AIW) app with every To App
 * toggle on but Sync Password, the app username = the Okta login, group push
 * batches of 100.
 *
 * @example
 * resolveAppSettings({ label: 'Acme', baseUrl: 'https://acme.test/scim/v2', auth: { type: 'bearer', token: 't' } })
 */
export function resolveAppSettings(input: OktaAppInput): OktaAppSettings {
  return {
    mode: 'aiw',
    apiIntegration: true,
    userNameFormat: 'login',
    uniqueIdentifier: 'userName',
    mappings: DEFAULT_MAPPINGS,
    groupPushBatchSize: 100,
    renameLinkedGroups: true,
    ...input,
    provisioning: {
      createUsers: true,
      updateUserAttributes: true,
      deactivateUsers: true,
      syncPassword: false,
      pushGroups: true,
      importUsers: true,
      importGroups: true,
      ...input.provisioning,
    },
  }
}
