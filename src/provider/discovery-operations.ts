import { createResourceTypes } from '../scim/discovery/resource-types.js'
import { createSchemaResources } from '../scim/discovery/schema-resources.js'
import { createServiceProviderConfig } from '../scim/discovery/service-provider-config.js'
import { createListResponse } from '../scim/list/list-response.js'
import { groupResourceSchema, userResourceSchema } from '../scim/schema/resource-schemas.js'
import { ScimError } from '../scim/scim-error.js'
import type { ScimReply } from './scim-response.js'

const resourceSchemas = [userResourceSchema, groupResourceSchema]

export interface DiscoveryRequest {
  document: 'ServiceProviderConfig' | 'ResourceTypes' | 'Schemas'
  id?: string
  baseUrl: string
  query: URLSearchParams
  maxResults: number
}

/**
 * GET /ServiceProviderConfig, /ResourceTypes[/{id}], /Schemas[/{id}]
 * (RFC 7644 §4). The documents describe exactly what this provider enforces.
 */
export function discover(request: DiscoveryRequest): ScimReply {
  // RFC 7644 §4: a filter on a discovery endpoint SHOULD be refused with 403,
  // so a client cannot believe its conditions were applied.
  if (request.query.has('filter')) {
    throw new ScimError(403, `Filtering is not supported on /${request.document}`)
  }
  if (request.document === 'ServiceProviderConfig') {
    return {
      status: 200,
      body: createServiceProviderConfig({
        baseUrl: request.baseUrl,
        maxResults: request.maxResults,
        etag: true,
      }),
    }
  }
  const documents: Array<{ id: string }> =
    request.document === 'ResourceTypes'
      ? createResourceTypes(resourceSchemas, request.baseUrl)
      : createSchemaResources(resourceSchemas, request.baseUrl)
  if (request.id === undefined) {
    return {
      status: 200,
      body: createListResponse({
        resources: documents,
        totalResults: documents.length,
        startIndex: 1,
      }),
    }
  }
  const document = documents.find((candidate) => candidate.id === request.id)
  if (!document) throw ScimError.notFound(`No ${request.document} resource "${request.id}"`)
  return { status: 200, body: document }
}
