import type { SchemaDefinition } from './attribute-definition.js'
import { defineAttribute } from './define-attribute.js'
import { URN } from './urns.js'

/** The core Group schema, RFC 7643 §4.2 and §8.7.1. */
export const groupSchema: SchemaDefinition = {
  id: URN.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    // RFC 7643 §4.2 calls displayName REQUIRED; its §8.7.1 listing says
    // required: false. We follow the prose: every real client sends it.
    defineAttribute('displayName', 'string', {
      description: 'A human-readable name for the Group.',
      required: true,
    }),
    defineAttribute('members', 'complex', {
      description: 'A list of members of the Group.',
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'string', { mutability: 'immutable', caseExact: true }),
        defineAttribute('$ref', 'reference', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        // Not in the §8.7.1 listing, but Okta and Entra send it on every
        // membership change; it is derived from the member on the way out.
        defineAttribute('display', 'string', { mutability: 'readOnly' }),
        defineAttribute('type', 'string', {
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
        }),
      ],
    }),
  ],
}
