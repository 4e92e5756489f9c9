import type { SchemaDefinition } from './attribute-definition.js'
import { defineAttribute, multiValuedSubAttributes } from './define-attribute.js'
import { URN } from './urns.js'

const str = (name: string, description: string) => defineAttribute(name, 'string', { description })

/** The core User schema, RFC 7643 §4.1 and §8.7.1. */
export const userSchema: SchemaDefinition = {
  id: URN.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    defineAttribute('userName', 'string', {
      description: 'Unique identifier for the User, used by the user to authenticate.',
      required: true,
      uniqueness: 'server',
    }),
    defineAttribute('name', 'complex', {
      description: "The components of the user's real name.",
      subAttributes: [
        str('formatted', 'The full name, formatted for display.'),
        str('familyName', 'The family name of the User.'),
        str('givenName', 'The given name of the User.'),
        str('middleName', 'The middle name(s) of the User.'),
        str('honorificPrefix', 'The honorific prefix(es) of the User.'),
        str('honorificSuffix', 'The honorific suffix(es) of the User.'),
      ],
    }),
    str('displayName', 'The name of the User, suitable for display to end-users.'),
    str('nickName', 'The casual way to address the user.'),
    defineAttribute('profileUrl', 'reference', {
      description: "A fully qualified URL pointing to the User's online profile.",
    }),
    str('title', "The user's title, such as 'Vice President'."),
    str('userType', 'Identifies the relationship between the organization and the user.'),
    str('preferredLanguage', "The User's preferred written or spoken language."),
    str('locale', "The User's default location for localization."),
    str('timezone', "The User's time zone in the IANA Time Zone database format."),
    defineAttribute('active', 'boolean', {
      description: "A Boolean value indicating the User's administrative status.",
    }),
    defineAttribute('password', 'string', {
      description: "The User's cleartext password. Never returned.",
      mutability: 'writeOnly',
      returned: 'never',
    }),
    defineAttribute('emails', 'complex', {
      description: 'Email addresses for the user.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes({ types: ['work', 'home', 'other'] }),
    }),
    defineAttribute('phoneNumbers', 'complex', {
      description: 'Phone numbers for the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes({
        types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
      }),
    }),
    defineAttribute('ims', 'complex', {
      description: 'Instant messaging addresses for the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes({
        types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
      }),
    }),
    defineAttribute('photos', 'complex', {
      description: 'URLs of images of the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes({
        valueType: 'reference',
        types: ['photo', 'thumbnail'],
        valueReferenceTypes: ['external'],
      }),
    }),
    defineAttribute('addresses', 'complex', {
      description: 'A physical mailing address for this User.',
      multiValued: true,
      subAttributes: [
        str('formatted', 'The full mailing address, formatted for display.'),
        str('streetAddress', 'The full street address component.'),
        str('locality', 'The city or locality component.'),
        str('region', 'The state or region component.'),
        str('postalCode', 'The zip code or postal code component.'),
        str('country', 'The country name component.'),
        defineAttribute('type', 'string', { canonicalValues: ['work', 'home', 'other'] }),
        defineAttribute('primary', 'boolean'),
      ],
    }),
    defineAttribute('groups', 'complex', {
      description:
        'A list of groups to which the user belongs. Derived: change membership on the Group.',
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        defineAttribute('value', 'string', { mutability: 'readOnly', caseExact: true }),
        defineAttribute('$ref', 'reference', {
          mutability: 'readOnly',
          referenceTypes: ['User', 'Group'],
        }),
        defineAttribute('display', 'string', { mutability: 'readOnly' }),
        defineAttribute('type', 'string', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
    }),
    defineAttribute('entitlements', 'complex', {
      description: 'A list of entitlements for the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes(),
    }),
    defineAttribute('roles', 'complex', {
      description: 'A list of roles for the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes(),
    }),
    defineAttribute('x509Certificates', 'complex', {
      description: 'A list of certificates issued to the User.',
      multiValued: true,
      subAttributes: multiValuedSubAttributes({ valueType: 'binary' }),
    }),
  ],
}
