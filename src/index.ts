// Provider

export { createScimHandlers } from './msw/create-scim-handlers.js'
export type { ScimProvider, ScimProviderOptions } from './msw/create-scim-provider.js'
export { createScimProvider } from './msw/create-scim-provider.js'
export type { ScimService } from './provider/create-scim-service.js'
export { createScimService } from './provider/create-scim-service.js'
export type { ProviderSnapshot } from './provider/provider-snapshot.js'
export type { RecordedRequest } from './provider/request-log.js'
// Failure modes
export { FAULT_RESPONSES } from './provider/faults/fault-spec.js'
export type {
  FaultSpec,
  FaultResponse,
  FaultOperation,
  FaultRequest,
  FaultWhere,
} from './provider/faults/fault-spec.js'
export type { Fault, FaultRegistry } from './provider/faults/create-fault-registry.js'

// Vendor profiles and hooks
export { defineProfile } from './provider/profiles/vendor-profile.js'
export type {
  VendorProfile,
  ProfileInstance,
  ProfileContext,
} from './provider/profiles/vendor-profile.js'
export { profiles } from './provider/profiles/profiles.js'
export type { ProfileName } from './provider/profiles/profiles.js'
export type { ProfileControls } from './provider/profiles/create-profile-controls.js'
export type { ProviderHooks, OperationInfo, WriteContext } from './provider/provider-hooks.js'
export type { ProviderMessages, MessageOverrides } from './provider/provider-messages.js'
export type { OAuthControls } from './provider/create-scim-service.js'
export type { OAuthServerOptions } from './provider/oauth/create-oauth-server.js'

// Store access and the request log
export type { GroupAccess, ResourceAccess, UserAccess } from './provider/resource-access.js'
export { SCIM_OPERATIONS } from './provider/route-request.js'
export type { ScimOperation } from './provider/route-request.js'
export type { ScimServiceOptions } from './provider/scim-service-options.js'
export type { GroupMember, ScimGroup, ScimGroupInput } from './scim/resource/scim-group.js'
export type { ScimMeta, ScimResource } from './scim/resource/scim-resource.js'
// Resources
export type {
  EnterpriseUserExtension,
  MultiValuedAttribute,
  ScimAddress,
  ScimName,
  ScimUser,
  ScimUserAttributes,
  ScimUserInput,
  UserGroupReference,
} from './scim/resource/scim-user.js'
export { URN } from './scim/schema/urns.js'
export type { ScimErrorBody, ScimType } from './scim/scim-error.js'
// Errors
export { isScimError, ScimError } from './scim/scim-error.js'
export type { SeedOptions } from './store/generate-seed.js'
export type { ScimStore, StoreTransaction, ResourceKind, WriteOptions } from './store/scim-store.js'
export type { StoredResource } from './store/stored-resource.js'
