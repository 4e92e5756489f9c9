// The org
export { createOktaOrg } from './create-okta-org.js'
export type {
  OktaOrg,
  OktaOrgOptions,
  OktaApp,
  OktaRequestRecord,
  ConnectionTestResult,
  AppUserProfile,
} from './create-okta-org.js'
export type { OktaOrgSnapshot } from './okta-org-snapshot.js'
export type { ProvisionResult } from './flows/assign-user.js'
export type { ImportResult } from './flows/import-resources.js'
export type { GroupPushOptions } from './flows/group-push.js'

// Model
export type {
  OktaUser,
  OktaUserProfile,
  OktaUserStatus,
  OktaGroup,
  OktaAppSettings,
  OktaAppUser,
  OktaImportedUser,
  AppUserStatus,
  OktaPushedGroup,
  OktaTask,
  OktaTaskKind,
  OktaLogEvent,
  ProvisioningToggles,
  MappedAttribute,
} from './okta-model.js'

// Time
export { createSimulatedClock, createSystemClock } from './okta-clock.js'
export type { OktaClock } from './okta-clock.js'

// Wire
export type { OktaAuth, OktaExchange } from './okta-scim-client.js'
export { oktaMessages, jsonParserMessage } from './okta-messages.js'
