/**
 * `scim-mock/scim`: the SCIM 2.0 protocol core (RFC 7643, RFC 7644) as plain
 * functions over plain objects, with no transport and no storage.
 */

// Errors

export type { ScimErrorBody, ScimType } from './scim-error.js'
export { isScimError, ScimError } from './scim-error.js'

// Schemas

export type {
  AttributeDefinition,
  AttributeMutability,
  AttributeReturned,
  AttributeType,
  AttributeUniqueness,
  ResourceSchema,
  SchemaDefinition,
} from './schema/attribute-definition.js'
export { enterpriseUserSchema } from './schema/enterprise-user-schema.js'
export { groupSchema } from './schema/group-schema.js'
export { groupResourceSchema, userResourceSchema } from './schema/resource-schemas.js'
export { URN } from './schema/urns.js'
export { userSchema } from './schema/user-schema.js'

// Resources

export type { NormalizeResourceOptions } from './resource/normalize-resource.js'
export { normalizeResource } from './resource/normalize-resource.js'
export type { ScimMeta, ScimResource } from './resource/scim-resource.js'

// Filter

export { compileFilter } from './filter/compile-filter.js'
export type {
  AttributePath,
  ComparisonExpression,
  ComparisonOperator,
  FilterExpression,
  FilterValue,
  LogicalExpression,
  NotExpression,
  PatchPath,
  PresentExpression,
  ValuePathExpression,
} from './filter/filter-ast.js'
export { parseAttributePath } from './filter/parse-attribute-path.js'
export { parseFilter } from './filter/parse-filter.js'
export { stringifyFilter } from './filter/stringify-filter.js'

// PATCH

export { parsePatchPath } from './filter/parse-patch-path.js'
export type { PatchResult } from './patch/apply-patch.js'
export { applyPatch } from './patch/apply-patch.js'

// Lists: query, sorting, paging, attribute projection

export type { ListResponse } from './list/list-response.js'
export { createListResponse, paginate } from './list/list-response.js'
export type { ListQuery, ListQueryOptions } from './list/parse-list-query.js'
export { parseListQuery } from './list/parse-list-query.js'
export type { AttributeSelection } from './list/project-attributes.js'
export { projectAttributes } from './list/project-attributes.js'
export { sortResources } from './list/sort-resources.js'

// Discovery

export type { ResourceTypeResource } from './discovery/resource-types.js'
export { createResourceTypes } from './discovery/resource-types.js'
export type { SchemaResource } from './discovery/schema-resources.js'
export { createSchemaResources } from './discovery/schema-resources.js'
export type {
  AuthenticationScheme,
  ServiceProviderConfig,
  ServiceProviderConfigOptions,
} from './discovery/service-provider-config.js'
export { createServiceProviderConfig } from './discovery/service-provider-config.js'
