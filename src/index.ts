// Provider

export { createScimHandlers } from './msw/create-scim-handlers.js'
export type { ScimProvider, ScimProviderOptions } from './msw/create-scim-provider.js'
export { createScimProvider } from './msw/create-scim-provider.js'
export type { ScimService } from './provider/create-scim-service.js'
export { createScimService } from './provider/create-scim-service.js'
export type { RecordedRequest } from './provider/request-log.js'
// Store access and the request log
export type { GroupAccess, ResourceAccess, UserAccess } from './provider/resource-access.js'
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
