import { expect, it } from 'vitest'
import { URN } from '../schema/urns.js'
import { createServiceProviderConfig } from './service-provider-config.js'

const baseUrl = 'https://scim.example.com/v2'

it('advertises patch, filter, changePassword, sort and etag, but not bulk, by default', () => {
  expect(createServiceProviderConfig({ baseUrl, maxResults: 200, etag: true })).toEqual({
    schemas: [URN.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: true },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication scheme using the OAuth Bearer Token Standard',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: 'https://scim.example.com/v2/ServiceProviderConfig',
    },
  })
})

it('has no id attribute', () => {
  expect(createServiceProviderConfig({ baseUrl, maxResults: 1, etag: false })).not.toHaveProperty(
    'id',
  )
})

it('reflects etag, documentationUri and the feature switches of the options', () => {
  const config = createServiceProviderConfig({
    baseUrl,
    maxResults: 50,
    etag: false,
    documentationUri: 'https://docs.example.com/scim',
    patch: false,
    filter: false,
    changePassword: false,
    sort: false,
  })

  expect(config).toMatchObject({
    documentationUri: 'https://docs.example.com/scim',
    patch: { supported: false },
    filter: { supported: false, maxResults: 50 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
  })
})

it('omits documentationUri when none is given', () => {
  expect(createServiceProviderConfig({ baseUrl, maxResults: 1, etag: true })).not.toHaveProperty(
    'documentationUri',
  )
})

it('advertises bulk with its limits when bulk options are given', () => {
  const config = createServiceProviderConfig({
    baseUrl,
    maxResults: 1,
    etag: true,
    bulk: { maxOperations: 1000, maxPayloadSize: 1_048_576 },
  })

  expect(config.bulk).toEqual({ supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 })
})

it('uses the given authentication schemes instead of the default', () => {
  const basic = { type: 'httpbasic', name: 'HTTP Basic', description: 'RFC 7617' }

  const config = createServiceProviderConfig({
    baseUrl,
    maxResults: 1,
    etag: true,
    authenticationSchemes: [basic],
  })

  expect(config.authenticationSchemes).toEqual([basic])
  expect(config.authenticationSchemes[0]).not.toBe(basic)
})

it('returns a fresh document on every call', () => {
  const options = { baseUrl, maxResults: 1, etag: true }

  const first = createServiceProviderConfig(options)
  first.authenticationSchemes[0]!.primary = false

  expect(createServiceProviderConfig(options).authenticationSchemes[0]?.primary).toBe(true)
})

it('drops a trailing slash from the base URL in meta.location', () => {
  const config = createServiceProviderConfig({ baseUrl: `${baseUrl}/`, maxResults: 1, etag: true })

  expect(config.meta.location).toBe('https://scim.example.com/v2/ServiceProviderConfig')
})
