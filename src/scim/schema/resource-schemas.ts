import type { ResourceSchema } from './attribute-definition.js'
import { enterpriseUserSchema } from './enterprise-user-schema.js'
import { groupSchema } from './group-schema.js'
import { userSchema } from './user-schema.js'

/** The User resource type: core User plus the Enterprise User extension. */
export const userResourceSchema: ResourceSchema = {
  name: 'User',
  endpoint: '/Users',
  core: userSchema,
  extensions: [{ schema: enterpriseUserSchema, required: false }],
}

/** The Group resource type. */
export const groupResourceSchema: ResourceSchema = {
  name: 'Group',
  endpoint: '/Groups',
  core: groupSchema,
  extensions: [],
}
