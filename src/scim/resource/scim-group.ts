import type { ScimMeta } from './scim-resource.js'

/** A member of a group (RFC 7643 §4.2). */
export interface GroupMember {
  value: string
  $ref?: string
  display?: string
  type?: 'User' | 'Group'
}

/** What `provider.groups.create()` accepts: `schemas` is filled in when omitted. */
export interface ScimGroupInput {
  schemas?: string[]
  displayName: string
  externalId?: string
  members?: Array<{ value: string; type?: 'User' | 'Group' }>
}

/** A Group resource as the provider returns it. */
export interface ScimGroup {
  schemas: string[]
  id: string
  externalId?: string
  displayName: string
  members?: GroupMember[]
  meta: ScimMeta
}
