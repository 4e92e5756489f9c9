import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  expectRejected,
  filterQuery,
  type Json,
  readResult,
  SCIM_JSON,
  scimRequest,
  send,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

const attribute = (schema: Json, name: string) =>
  schema.attributes.find((candidate: { name: string }) => candidate.name === name)

it('describes the provider at /ServiceProviderConfig', async () => {
  const result = await send('GET', '/ServiceProviderConfig')

  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe(SCIM_JSON)
  expect(result.body).toMatchObject({
    schemas: [URN.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false },
    filter: { supported: true, maxResults: 1000 },
    changePassword: { supported: true },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
    meta: { resourceType: 'ServiceProviderConfig', location: `${BASE_URL}/ServiceProviderConfig` },
  })
  expect(result.body).not.toHaveProperty('id')
})

it('advertises the configured maxResults in filter.maxResults', async () => {
  const small = createScimProvider({ baseUrl: 'https://small.test/scim/v2', maxResults: 50 })

  const result = await readResult(
    await small.handle(
      scimRequest('GET', '/ServiceProviderConfig', { baseUrl: 'https://small.test/scim/v2' }),
    ),
  )

  expect(result.body.filter).toEqual({ supported: true, maxResults: 50 })
})

it('lists the User and Group resource types at /ResourceTypes', async () => {
  const result = await send('GET', '/ResourceTypes')

  expect(result.status).toBe(200)
  expect(result.body).toMatchObject({
    schemas: [URN.listResponse],
    totalResults: 2,
    itemsPerPage: 2,
    startIndex: 1,
  })
  expect(result.body.Resources).toEqual([
    expect.objectContaining({ id: 'User', endpoint: '/Users', schema: URN.user }),
    expect.objectContaining({ id: 'Group', endpoint: '/Groups', schema: URN.group }),
  ])
})

it('returns the User resource type with its enterprise extension at /ResourceTypes/User', async () => {
  const result = await send('GET', '/ResourceTypes/User')

  expect(result.status).toBe(200)
  expect(result.body).toMatchObject({
    schemas: [URN.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    schema: URN.user,
    schemaExtensions: [{ schema: URN.enterpriseUser, required: false }],
    meta: { resourceType: 'ResourceType', location: `${BASE_URL}/ResourceTypes/User` },
  })
})

it('lists the User, enterprise and Group schemas at /Schemas', async () => {
  const result = await send('GET', '/Schemas')

  expect(result.status).toBe(200)
  expect(result.body.schemas).toEqual([URN.listResponse])
  expect(result.body.Resources.map((schema: { id: string }) => schema.id).sort()).toEqual(
    [URN.user, URN.enterpriseUser, URN.group].sort(),
  )
  expect(result.body.totalResults).toBe(3)
})

it.each([URN.user, URN.enterpriseUser, URN.group])(
  'returns the schema at /Schemas/%s',
  async (urn) => {
    const result = await send('GET', `/Schemas/${urn}`)

    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      schemas: [URN.schema],
      id: urn,
      attributes: expect.any(Array),
      meta: { resourceType: 'Schema', location: `${BASE_URL}/Schemas/${urn}` },
    })
  },
)

it('describes the User rules this provider enforces', async () => {
  const { body } = await send('GET', `/Schemas/${URN.user}`)

  expect(attribute(body, 'userName')).toMatchObject({
    required: true,
    caseExact: false,
    uniqueness: 'server',
  })
  expect(attribute(body, 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' })
  expect(attribute(body, 'groups')).toMatchObject({ mutability: 'readOnly' })
})

it.each(['/ResourceTypes/Device', `/Schemas/${URN.user}x`, '/Schemas/urn:nope'])(
  'returns 404 for the unknown discovery resource %s',
  async (path) => {
    await expectRejected(provider, () => send('GET', path), 404)
  },
)

// RFC 7644 §4: filtering a discovery endpoint SHOULD be refused with 403.
it.each(['/ServiceProviderConfig', '/ResourceTypes', '/Schemas'])(
  'returns 403 for a filter on %s',
  async (path) => {
    await expectRejected(provider, () => send('GET', `${path}${filterQuery('id eq "User"')}`), 403)
  },
)

it('matches discovery endpoint names ignoring case', async () => {
  const result = await send('GET', '/serviceproviderconfig')

  expect(result.status).toBe(200)
  expect(result.body.schemas).toEqual([URN.serviceProviderConfig])
})

it('returns 501 for POST /Bulk, as bulk.supported is false', async () => {
  await expectRejected(
    provider,
    () =>
      send('POST', '/Bulk', {
        json: { schemas: [URN.bulkRequest], Operations: [] },
      }),
    501,
  )
})

it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])('returns 501 for %s /Me', async (method) => {
  const json = method === 'GET' || method === 'DELETE' ? undefined : { schemas: [URN.user] }

  await expectRejected(provider, () => send(method, '/Me', { json }), 501)
})
