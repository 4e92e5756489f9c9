import type { AttributePath } from '../filter/filter-ast.js'
import type {
  AttributeDefinition,
  ResourceSchema,
  SchemaDefinition,
} from './attribute-definition.js'
import { commonAttributes } from './common-attributes.js'
import { defineAttribute } from './define-attribute.js'

/** Where an attribute path points to, in canonical names. */
export interface ResolvedAttributePath {
  /**
   * The extension URN (canonical spelling) the attribute lives under, or
   * undefined for core and common attributes.
   */
  extension?: string
  /** The top-level attribute; undefined when the path names a whole extension. */
  attribute?: AttributeDefinition
  /** The sub-attribute, when the path has one. */
  subAttribute?: AttributeDefinition
}

// `schemas` is on every resource (RFC 7643 §3) but in no schema listing.
const schemasAttribute = defineAttribute('schemas', 'reference', {
  multiValued: true,
  referenceTypes: ['uri'],
  returned: 'always',
  caseExact: false,
})

/** Finds an attribute definition by name, ignoring case (RFC 7643 §2.1). */
export function findAttribute(
  attributes: readonly AttributeDefinition[] | undefined,
  name: string,
): AttributeDefinition | undefined {
  if (!attributes) return undefined
  const lower = name.toLowerCase()
  for (const attribute of attributes) {
    if (attribute.name.toLowerCase() === lower) return attribute
  }
  return undefined
}

/** The definitions a core path (no URN, or the core URN) can name. */
export function coreAttributes(schema: ResourceSchema): AttributeDefinition[] {
  return [...commonAttributes, schemasAttribute, ...schema.core.attributes]
}

/** Finds an extension of the resource schema by URN, ignoring case. */
export function findExtension(schema: ResourceSchema, urn: string): SchemaDefinition | undefined {
  const lower = urn.toLowerCase()
  return schema.extensions.find((extension) => extension.schema.id.toLowerCase() === lower)?.schema
}

/**
 * Maps a path as written by a client to the schema's definitions. Returns
 * undefined when the path names no attribute of the resource type.
 *
 * @example
 * resolveAttributePath(userResourceSchema, { attribute: 'NAME', subAttribute: 'givenName' })
 */
export function resolveAttributePath(
  schema: ResourceSchema,
  path: AttributePath,
): ResolvedAttributePath | undefined {
  let extension: SchemaDefinition | undefined
  let candidates: AttributeDefinition[]

  if (path.uri === undefined) {
    candidates = coreAttributes(schema)
  } else if (path.uri.toLowerCase() === schema.core.id.toLowerCase()) {
    candidates = coreAttributes(schema)
  } else {
    extension = findExtension(schema, path.uri)
    if (!extension) {
      // "urn:...:enterprise:2.0:User" alone parses as uri "urn:...:2.0" + attribute "User".
      const whole = findExtension(schema, `${path.uri}:${path.attribute}`)
      if (whole && path.subAttribute === undefined) return { extension: whole.id }
      if (whole && path.subAttribute !== undefined) {
        // "urn:...:User:manager" may also arrive as uri + "User.manager" in lenient parsers.
        const attribute = findAttribute(whole.attributes, path.subAttribute)
        return attribute ? { extension: whole.id, attribute } : undefined
      }
      return undefined
    }
    candidates = extension.attributes
  }

  const attribute = findAttribute(candidates, path.attribute)
  if (!attribute) return undefined
  if (path.subAttribute === undefined) {
    return extension ? { extension: extension.id, attribute } : { attribute }
  }
  const subAttribute = findAttribute(attribute.subAttributes, path.subAttribute)
  if (!subAttribute) return undefined
  return extension
    ? { extension: extension.id, attribute, subAttribute }
    : { attribute, subAttribute }
}
