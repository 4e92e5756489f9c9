import { URN } from '../schema/urns.js'

/** An authentication scheme entry (RFC 7643 §5). */
export interface AuthenticationScheme {
  type: string
  name: string
  description: string
  specUri?: string
  documentationUri?: string
  primary?: boolean
}

/** The `/ServiceProviderConfig` document (RFC 7643 §5). It has no `id`. */
export interface ServiceProviderConfig {
  schemas: [typeof URN.serviceProviderConfig]
  documentationUri?: string
  patch: { supported: boolean }
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number }
  filter: { supported: boolean; maxResults: number }
  changePassword: { supported: boolean }
  sort: { supported: boolean }
  etag: { supported: boolean }
  authenticationSchemes: AuthenticationScheme[]
  meta: { resourceType: 'ServiceProviderConfig'; location: string }
}

export interface ServiceProviderConfigOptions {
  /** The SCIM base URL, e.g. "https://api.example.com/scim/v2". */
  baseUrl: string
  /** The page size cap, also applied to `count` (RFC 7644 §3.4.2.4). */
  maxResults: number
  etag: boolean
  documentationUri?: string
  /** Bulk limits; bulk is advertised as unsupported when omitted. */
  bulk?: { maxOperations: number; maxPayloadSize: number }
  /** Each defaults to true; a vendor profile may switch one off. */
  patch?: boolean
  filter?: boolean
  changePassword?: boolean
  sort?: boolean
  /** Defaults to one OAuth bearer token scheme, which is what Okta uses. */
  authenticationSchemes?: AuthenticationScheme[]
}

const bearerTokenScheme: AuthenticationScheme = {
  type: 'oauthbearertoken',
  name: 'OAuth Bearer Token',
  description: 'Authentication scheme using the OAuth Bearer Token Standard',
  specUri: 'https://www.rfc-editor.org/info/rfc6750',
  primary: true,
}

/**
 * Builds the `/ServiceProviderConfig` document (RFC 7643 §5) from the
 * provider's options. A pure function: the provider serves the result.
 *
 * @example
 * createServiceProviderConfig({ baseUrl: 'https://scim.example.com/v2', maxResults: 200, etag: true })
 * // { schemas: [URN.serviceProviderConfig], patch: { supported: true }, filter: { supported: true, maxResults: 200 }, ... }
 */
export function createServiceProviderConfig(
  options: ServiceProviderConfigOptions,
): ServiceProviderConfig {
  return {
    schemas: [URN.serviceProviderConfig],
    ...(options.documentationUri === undefined
      ? {}
      : { documentationUri: options.documentationUri }),
    patch: { supported: options.patch ?? true },
    bulk: options.bulk
      ? { supported: true, ...options.bulk }
      : { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: options.filter ?? true, maxResults: options.maxResults },
    changePassword: { supported: options.changePassword ?? true },
    sort: { supported: options.sort ?? true },
    etag: { supported: options.etag },
    authenticationSchemes: (options.authenticationSchemes ?? [bearerTokenScheme]).map((scheme) => ({
      ...scheme,
    })),
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${options.baseUrl.replace(/\/+$/, '')}/ServiceProviderConfig`,
    },
  }
}
