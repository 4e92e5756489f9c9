/**
 * An attribute definition as published by `/Schemas` (RFC 7643 §7).
 * The filter evaluator, the PATCH engine and the resource validator all read
 * these characteristics, so the schema served to clients is the schema enforced.
 */
export interface AttributeDefinition {
  name: string
  type: AttributeType
  multiValued: boolean
  description: string
  required: boolean
  /** String comparisons honour case only when true (RFC 7643 §2.2). */
  caseExact: boolean
  mutability: AttributeMutability
  returned: AttributeReturned
  uniqueness: AttributeUniqueness
  canonicalValues?: string[]
  referenceTypes?: string[]
  subAttributes?: AttributeDefinition[]
}

export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'binary' | 'complex'

export type AttributeMutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly'
export type AttributeReturned = 'always' | 'never' | 'default' | 'request'
export type AttributeUniqueness = 'none' | 'server' | 'global'

/** A schema resource (RFC 7643 §7). */
export interface SchemaDefinition {
  id: string
  name: string
  description: string
  attributes: AttributeDefinition[]
}

/**
 * The schemas that make up one resource type: its core schema and its
 * extensions. Extension attributes live under the extension URN in a resource.
 */
export interface ResourceSchema {
  /** The resource type name, e.g. "User". */
  name: string
  /** The endpoint relative to the base URL, e.g. "/Users". */
  endpoint: string
  core: SchemaDefinition
  extensions: Array<{ schema: SchemaDefinition; required: boolean }>
}
