import { expect, it } from 'vitest'
import type { ResourceSchema } from '../schema/attribute-definition.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { createResourceTypes } from './resource-types.js'

const baseUrl = 'https://scim.example.com/v2'

it('describes User with its enterprise extension as in RFC 7643 §8.6', () => {
  const [user] = createResourceTypes([userResourceSchema], baseUrl)

  expect(user).toEqual({
    schemas: [URN.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'User Account',
    schema: URN.user,
    schemaExtensions: [{ schema: URN.enterpriseUser, required: false }],
    meta: {
      resourceType: 'ResourceType',
      location: 'https://scim.example.com/v2/ResourceTypes/User',
    },
  })
})

it('describes Group without schemaExtensions as in RFC 7643 §8.6', () => {
  const [group] = createResourceTypes([groupResourceSchema], baseUrl)

  expect(group).toEqual({
    schemas: [URN.resourceType],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'Group',
    schema: URN.group,
    meta: {
      resourceType: 'ResourceType',
      location: 'https://scim.example.com/v2/ResourceTypes/Group',
    },
  })
})

it('keeps the order of the given resource schemas', () => {
  const types = createResourceTypes([groupResourceSchema, userResourceSchema], baseUrl)

  expect(types.map((type) => type.id)).toEqual(['Group', 'User'])
})

it('reports a required extension as required', () => {
  const schema: ResourceSchema = {
    ...userResourceSchema,
    extensions: [{ schema: userResourceSchema.extensions[0]!.schema, required: true }],
  }

  expect(createResourceTypes([schema], baseUrl)[0]?.schemaExtensions).toEqual([
    { schema: URN.enterpriseUser, required: true },
  ])
})

it('drops a trailing slash from the base URL in meta.location', () => {
  const [user] = createResourceTypes([userResourceSchema], `${baseUrl}/`)

  expect(user?.meta.location).toBe('https://scim.example.com/v2/ResourceTypes/User')
})
