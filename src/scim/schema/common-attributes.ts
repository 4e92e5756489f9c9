import type { AttributeDefinition } from './attribute-definition.js'
import { defineAttribute } from './define-attribute.js'

/**
 * The attributes every resource has (RFC 7643 §3.1). They belong to no schema
 * in `/Schemas`, but filters, sorting and projection resolve them like any other.
 */
export const commonAttributes: AttributeDefinition[] = [
  defineAttribute('id', 'string', {
    description: 'A unique identifier for the resource, assigned by the service provider.',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  defineAttribute('externalId', 'string', {
    description: 'An identifier for the resource as defined by the provisioning client.',
    caseExact: true,
  }),
  defineAttribute('meta', 'complex', {
    description: 'Resource metadata.',
    mutability: 'readOnly',
    subAttributes: [
      defineAttribute('resourceType', 'string', { caseExact: true, mutability: 'readOnly' }),
      defineAttribute('created', 'dateTime', { mutability: 'readOnly' }),
      defineAttribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      defineAttribute('location', 'reference', {
        mutability: 'readOnly',
        referenceTypes: ['uri'],
        caseExact: true,
      }),
      defineAttribute('version', 'string', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
]
