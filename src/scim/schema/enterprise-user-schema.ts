import type { SchemaDefinition } from './attribute-definition.js'
import { defineAttribute } from './define-attribute.js'
import { URN } from './urns.js'

/** The Enterprise User extension, RFC 7643 §4.3 and §8.7.1. */
export const enterpriseUserSchema: SchemaDefinition = {
  id: URN.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    defineAttribute('employeeNumber', 'string', {
      description: 'Numeric or alphanumeric identifier assigned to a person.',
    }),
    defineAttribute('costCenter', 'string', {
      description: 'Identifies the name of a cost center.',
    }),
    defineAttribute('organization', 'string', {
      description: 'Identifies the name of an organization.',
    }),
    defineAttribute('division', 'string', { description: 'Identifies the name of a division.' }),
    defineAttribute('department', 'string', {
      description: 'Identifies the name of a department.',
    }),
    defineAttribute('manager', 'complex', {
      description: "The User's manager.",
      subAttributes: [
        defineAttribute('value', 'string', {
          description: 'The id of the SCIM resource representing the manager.',
        }),
        defineAttribute('$ref', 'reference', { referenceTypes: ['User'] }),
        defineAttribute('displayName', 'string', { mutability: 'readOnly' }),
      ],
    }),
  ],
}
