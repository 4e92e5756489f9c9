import type {
  AttributeDefinition,
  ResourceSchema,
  SchemaDefinition,
} from '../schema/attribute-definition.js'
import { URN } from '../schema/urns.js'

/** A `/Schemas` entry (RFC 7643 §7). */
export interface SchemaResource extends SchemaDefinition {
  schemas: [typeof URN.schema]
  meta: { resourceType: 'Schema'; location: string }
}

/**
 * Builds the `/Schemas` documents (RFC 7643 §7): every core schema and
 * extension used by the resource types, once each, with every attribute
 * characteristic spelled out. The definitions are copied, so a caller may
 * change the result without changing the schemas the provider enforces.
 *
 * @example
 * createSchemaResources([userResourceSchema, groupResourceSchema], 'https://scim.example.com/v2')
 * // [User, EnterpriseUser, Group], e.g. { schemas: [URN.schema], id: URN.user, name: 'User', attributes: [...],
 * //   meta: { resourceType: 'Schema', location: 'https://scim.example.com/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User' } }
 */
export function createSchemaResources(
  resourceSchemas: readonly ResourceSchema[],
  baseUrl: string,
): SchemaResource[] {
  const base = baseUrl.replace(/\/+$/, '')
  const schemas = new Map<string, SchemaDefinition>()
  for (const resourceSchema of resourceSchemas) {
    for (const schema of [resourceSchema.core, ...resourceSchema.extensions.map((e) => e.schema)]) {
      if (!schemas.has(schema.id)) schemas.set(schema.id, schema)
    }
  }
  return [...schemas.values()].map((schema) => ({
    schemas: [URN.schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(describeAttribute),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${schema.id}` },
  }))
}

/** Copies a definition in the key order of the RFC 7643 §8.7.1 listings. */
function describeAttribute(attribute: AttributeDefinition): AttributeDefinition {
  return {
    name: attribute.name,
    type: attribute.type,
    ...(attribute.subAttributes
      ? { subAttributes: attribute.subAttributes.map(describeAttribute) }
      : {}),
    multiValued: attribute.multiValued,
    description: attribute.description,
    required: attribute.required,
    ...(attribute.canonicalValues ? { canonicalValues: [...attribute.canonicalValues] } : {}),
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.referenceTypes ? { referenceTypes: [...attribute.referenceTypes] } : {}),
  }
}
