import { expect, it } from 'vitest'
import { enterpriseUserSchema } from '../schema/enterprise-user-schema.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { userSchema } from '../schema/user-schema.js'
import { createSchemaResources } from './schema-resources.js'

const baseUrl = 'https://scim.example.com/v2'

it('lists each core schema and extension once, in order of first use', () => {
  const schemas = createSchemaResources(
    [userResourceSchema, groupResourceSchema, userResourceSchema],
    baseUrl,
  )

  expect(schemas.map((schema) => schema.id)).toEqual([URN.user, URN.enterpriseUser, URN.group])
})

it('wraps each schema with the Schema URN and meta', () => {
  const [user] = createSchemaResources([userResourceSchema], baseUrl)

  expect(user).toMatchObject({
    schemas: [URN.schema],
    id: URN.user,
    name: 'User',
    description: 'User Account',
    meta: {
      resourceType: 'Schema',
      location: `https://scim.example.com/v2/Schemas/${URN.user}`,
    },
  })
})

it('publishes the attributes the provider enforces, with every characteristic', () => {
  const [user, enterprise] = createSchemaResources([userResourceSchema], baseUrl)

  expect(user?.attributes).toEqual(userSchema.attributes)
  expect(enterprise?.attributes).toEqual(enterpriseUserSchema.attributes)
})

it('describes userName and password as in RFC 7643 §8.7.1', () => {
  const [user] = createSchemaResources([userResourceSchema], baseUrl)
  const byName = (name: string) => user?.attributes.find((attribute) => attribute.name === name)

  expect(byName('userName')).toEqual({
    name: 'userName',
    type: 'string',
    multiValued: false,
    description: expect.any(String),
    required: true,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'server',
  })
  expect(byName('password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' })
})

it('spells out sub-attributes, canonicalValues and referenceTypes', () => {
  const [, , group] = createSchemaResources([userResourceSchema, groupResourceSchema], baseUrl)
  const members = group?.attributes.find((attribute) => attribute.name === 'members')

  expect(members?.subAttributes?.map((sub) => sub.name)).toEqual([
    'value',
    '$ref',
    'display',
    'type',
  ])
  expect(members?.subAttributes?.[1]).toMatchObject({
    type: 'reference',
    referenceTypes: ['User', 'Group'],
  })
  expect(members?.subAttributes?.[3]).toMatchObject({ canonicalValues: ['User', 'Group'] })
})

it('orders attribute characteristics as the RFC 7643 §8.7.1 listings do', () => {
  const [user] = createSchemaResources([userResourceSchema], baseUrl)
  const emails = user?.attributes.find((attribute) => attribute.name === 'emails')

  expect(Object.keys(emails ?? {})).toEqual([
    'name',
    'type',
    'subAttributes',
    'multiValued',
    'description',
    'required',
    'caseExact',
    'mutability',
    'returned',
    'uniqueness',
  ])
})

it('copies the definitions, so changing the result leaves the schema alone', () => {
  const [user] = createSchemaResources([userResourceSchema], baseUrl)

  user!.attributes[0]!.required = false
  user!.attributes.find((attribute) => attribute.name === 'emails')!.subAttributes!.pop()

  expect(userSchema.attributes[0]?.required).toBe(true)
  expect(
    userSchema.attributes.find((attribute) => attribute.name === 'emails')?.subAttributes,
  ).toHaveLength(4)
})

it('drops a trailing slash from the base URL in meta.location', () => {
  const [group] = createSchemaResources([groupResourceSchema], `${baseUrl}/`)

  expect(group?.meta.location).toBe(`https://scim.example.com/v2/Schemas/${URN.group}`)
})
