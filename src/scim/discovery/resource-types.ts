import type { ResourceSchema } from '../schema/attribute-definition.js'
import { URN } from '../schema/urns.js'

/** A `/ResourceTypes` entry (RFC 7643 §6). */
export interface ResourceTypeResource {
  schemas: [typeof URN.resourceType]
  id: string
  name: string
  endpoint: string
  description: string
  schema: string
  schemaExtensions?: Array<{ schema: string; required: boolean }>
  meta: { resourceType: 'ResourceType'; location: string }
}

/**
 * Builds the `/ResourceTypes` documents (RFC 7643 §6) for the resource
 * types the provider serves. `schemaExtensions` is left out for a type
 * without extensions, as in the RFC 7643 §8.6 Group example.
 *
 * @example
 * createResourceTypes([userResourceSchema, groupResourceSchema], 'https://scim.example.com/v2')
 * // [{ schemas: [URN.resourceType], id: 'User', name: 'User', endpoint: '/Users', schema: URN.user,
 * //    schemaExtensions: [{ schema: URN.enterpriseUser, required: false }],
 * //    meta: { resourceType: 'ResourceType', location: 'https://scim.example.com/v2/ResourceTypes/User' } }, ...]
 */
export function createResourceTypes(
  resourceSchemas: readonly ResourceSchema[],
  baseUrl: string,
): ResourceTypeResource[] {
  const base = baseUrl.replace(/\/+$/, '')
  return resourceSchemas.map((resourceSchema) => ({
    schemas: [URN.resourceType],
    id: resourceSchema.name,
    name: resourceSchema.name,
    endpoint: resourceSchema.endpoint,
    description: resourceSchema.core.description,
    schema: resourceSchema.core.id,
    ...(resourceSchema.extensions.length === 0
      ? {}
      : {
          schemaExtensions: resourceSchema.extensions.map((extension) => ({
            schema: extension.schema.id,
            required: extension.required,
          })),
        }),
    meta: {
      resourceType: 'ResourceType',
      location: `${base}/ResourceTypes/${resourceSchema.name}`,
    },
  }))
}
