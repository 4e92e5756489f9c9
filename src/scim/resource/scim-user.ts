import type { URN } from '../schema/urns.js'
import type { ScimMeta } from './scim-resource.js'

/** One value of a multi-valued attribute (RFC 7643 §2.4). */
export interface MultiValuedAttribute {
  value?: string
  display?: string
  type?: string
  primary?: boolean
}

/** A user's name (RFC 7643 §4.1.1). */
export interface ScimName {
  formatted?: string
  familyName?: string
  givenName?: string
  middleName?: string
  honorificPrefix?: string
  honorificSuffix?: string
}

/** A mailing address (RFC 7643 §4.1.2). */
export interface ScimAddress {
  formatted?: string
  streetAddress?: string
  locality?: string
  region?: string
  postalCode?: string
  country?: string
  type?: string
  primary?: boolean
}

/** The Enterprise User extension (RFC 7643 §4.3). */
export interface EnterpriseUserExtension {
  employeeNumber?: string
  costCenter?: string
  organization?: string
  division?: string
  department?: string
  manager?: { value?: string; $ref?: string; displayName?: string }
}

/** A group a user belongs to, derived from the groups' members (read-only). */
export interface UserGroupReference {
  value: string
  $ref?: string
  display?: string
  type?: 'direct' | 'indirect'
}

/** The writable attributes of a User (RFC 7643 §4.1), as a client sends them. */
export interface ScimUserAttributes {
  userName: string
  externalId?: string
  name?: ScimName
  displayName?: string
  nickName?: string
  profileUrl?: string
  title?: string
  userType?: string
  preferredLanguage?: string
  locale?: string
  timezone?: string
  active?: boolean
  password?: string
  emails?: MultiValuedAttribute[]
  phoneNumbers?: MultiValuedAttribute[]
  ims?: MultiValuedAttribute[]
  photos?: MultiValuedAttribute[]
  addresses?: ScimAddress[]
  entitlements?: MultiValuedAttribute[]
  roles?: MultiValuedAttribute[]
  x509Certificates?: MultiValuedAttribute[]
  [URN.enterpriseUser]?: EnterpriseUserExtension
}

/** What `provider.users.create()` accepts: `schemas` is filled in when omitted. */
export interface ScimUserInput extends ScimUserAttributes {
  schemas?: string[]
}

/** A User resource as the provider returns it. `password` never appears. */
export interface ScimUser extends Omit<ScimUserAttributes, 'password'> {
  schemas: string[]
  id: string
  groups?: UserGroupReference[]
  meta: ScimMeta
}
