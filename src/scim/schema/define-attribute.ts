import type { AttributeDefinition, AttributeType } from './attribute-definition.js'

type AttributeOverrides = Partial<Omit<AttributeDefinition, 'name' | 'type'>>

/**
 * Builds an attribute definition with the RFC 7643 §2.2 defaults filled in,
 * so the schema files list only what differs from them.
 */
export function defineAttribute(
  name: string,
  type: AttributeType,
  overrides: AttributeOverrides = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description: '',
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...(type === 'reference' && overrides.referenceTypes === undefined
      ? { referenceTypes: ['external'] }
      : {}),
    ...overrides,
  }
}

/**
 * The sub-attributes shared by most multi-valued attributes
 * (RFC 7643 §2.4): value, display, type and primary.
 */
export function multiValuedSubAttributes(
  options: { valueType?: AttributeType; types?: string[]; valueReferenceTypes?: string[] } = {},
): AttributeDefinition[] {
  return [
    defineAttribute('value', options.valueType ?? 'string', {
      description: 'The value of the attribute.',
      ...(options.valueReferenceTypes ? { referenceTypes: options.valueReferenceTypes } : {}),
    }),
    defineAttribute('display', 'string', {
      description: 'A human-readable name, primarily used for display purposes.',
    }),
    defineAttribute('type', 'string', {
      description: 'A label indicating the function of the attribute.',
      ...(options.types ? { canonicalValues: options.types } : {}),
    }),
    defineAttribute('primary', 'boolean', {
      description: 'Indicates the primary or preferred value; at most one value may be primary.',
    }),
  ]
}
