import type { AttributePath } from '../scim/filter/filter-ast.js'
import { parseFilter } from '../scim/filter/parse-filter.js'
import { createListResponse, paginate } from '../scim/list/list-response.js'
import { type ListQuery, parseListQuery } from '../scim/list/parse-list-query.js'
import { projectAttributes } from '../scim/list/project-attributes.js'
import { sortResources } from '../scim/list/sort-resources.js'
import { applyPatch } from '../scim/patch/apply-patch.js'
import { normalizeResource } from '../scim/resource/normalize-resource.js'
import type { ScimResource } from '../scim/resource/scim-resource.js'
import type { ResourceSchema } from '../scim/schema/attribute-definition.js'
import { groupResourceSchema, userResourceSchema } from '../scim/schema/resource-schemas.js'
import { isScimError, ScimError } from '../scim/scim-error.js'
import type { ResourceKind, ScimStore } from '../store/scim-store.js'
import type { StoredResource } from '../store/stored-resource.js'
import { assertPreconditions, isNotModified } from './conditional-request.js'
import { renderResource } from './render-resource.js'
import type { ScimReply } from './scim-response.js'

export const resourceSchemas: Record<ResourceKind, ResourceSchema> = {
  User: userResourceSchema,
  Group: groupResourceSchema,
}

/** What an operation needs from the provider and from the request. */
export interface OperationContext {
  store: ScimStore
  limits: { defaultCount: number; maxResults: number }
  /** The absolute base URL as this request reached it, for `location` and `$ref`. */
  baseUrl: string
  headers: Headers
  query: URLSearchParams
  body: unknown
}

type Selection = { attributes?: AttributePath[]; excludedAttributes?: AttributePath[] }

/** `attributes` / `excludedAttributes` of a single-resource request (RFC 7644 §3.9). */
function selectionOf(query: URLSearchParams): Selection {
  const { attributes, excludedAttributes } = parseListQuery(query, {
    defaultCount: 0,
    maxResults: 0,
  })
  return {
    ...(attributes ? { attributes } : {}),
    ...(excludedAttributes ? { excludedAttributes } : {}),
  }
}

function present(record: StoredResource, context: OperationContext, selection: Selection) {
  const schema = resourceSchemas[record.meta.resourceType as ResourceKind]
  return projectAttributes(
    renderResource(record, context.store, context.baseUrl),
    schema,
    selection,
  )
}

function resourceReply(
  status: number,
  record: StoredResource,
  context: OperationContext,
  headers: Record<string, string> = {},
): ScimReply {
  return {
    status,
    body: present(record, context, selectionOf(context.query)),
    headers: { ETag: record.meta.version, ...headers },
  }
}

function findOrThrow(store: ScimStore, kind: ResourceKind, id: string): StoredResource {
  const record = store.get(kind, id)
  if (!record) throw ScimError.notFound(`${kind} "${id}" not found`)
  return record
}

/** GET /Users/{id} (RFC 7644 §3.4.1), with If-None-Match → 304. */
export function getResource(kind: ResourceKind, id: string, context: OperationContext): ScimReply {
  const record = findOrThrow(context.store, kind, id)
  if (isNotModified(context.headers, record.meta.version)) {
    return { status: 304, headers: { ETag: record.meta.version } }
  }
  return resourceReply(200, record, context)
}

/** Parses paging, sorting and projection, enforcing `maxResults` (RFC 7644 §3.4.2.4). */
export function readListQuery(
  input: URLSearchParams | Record<string, unknown>,
  context: OperationContext,
): ListQuery {
  // Parse without clamping, so a count above maxResults is reported instead of silently cut.
  const query = parseListQuery(input, {
    defaultCount: context.limits.defaultCount,
    maxResults: Number.MAX_SAFE_INTEGER,
  })
  if (query.count > context.limits.maxResults) {
    throw ScimError.tooMany(
      `count=${query.count} asks for more than ${context.limits.maxResults} results per page (ServiceProviderConfig filter.maxResults); page with startIndex`,
    )
  }
  return query
}

/** The matching, sorted records of one resource type. */
export function queryResources(
  kind: ResourceKind,
  query: ListQuery,
  store: ScimStore,
): StoredResource[] {
  const filter = query.filter === undefined ? undefined : parseFilter(query.filter)
  const matches = store.search(kind, filter)
  if (!query.sortBy) return matches
  return sortResources(
    matches,
    query.sortBy,
    query.sortOrder,
    resourceSchemas[kind],
  ) as StoredResource[]
}

/** GET /Users and POST /Users/.search (RFC 7644 §3.4.2, §3.4.3). */
export function listResources(
  kind: ResourceKind,
  context: OperationContext,
  search: boolean,
): ScimReply {
  const query = readListQuery(search ? asSearchRequest(context.body) : context.query, context)
  const matches = queryResources(kind, query, context.store)
  return listReply(matches, query, context)
}

/** One page of matches as a ListResponse (RFC 7644 §3.4.2), each resource projected. */
function listReply(
  matches: StoredResource[],
  query: ListQuery,
  context: OperationContext,
): ScimReply {
  const page = paginate(matches, query.startIndex, query.count)
  const selection: Selection = {
    attributes: query.attributes,
    excludedAttributes: query.excludedAttributes,
  }
  return {
    status: 200,
    body: createListResponse({
      resources: page.map((record) => present(record, context, selection)),
      totalResults: matches.length,
      startIndex: query.startIndex,
    }),
  }
}

/**
 * POST /.search across every resource type (RFC 7644 §3.4.3). A filter that
 * names an attribute one type lacks just matches nothing of that type.
 */
export function searchAllResources(context: OperationContext): ScimReply {
  const query = readListQuery(asSearchRequest(context.body), context)
  const matches: StoredResource[] = []
  let failure: unknown
  let answered = 0
  for (const kind of ['User', 'Group'] as const) {
    try {
      matches.push(...queryResources(kind, query, context.store))
      answered++
    } catch (error) {
      if (!isScimError(error)) throw error
      failure = error
    }
  }
  if (answered === 0) throw failure
  return listReply(matches, query, context)
}

function asSearchRequest(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.invalidSyntax('A .search request body must be a SearchRequest JSON object')
  }
  return body as Record<string, unknown>
}

/** POST /Users (RFC 7644 §3.3): 201 with Location and ETag. */
export async function createResource(
  kind: ResourceKind,
  context: OperationContext,
): Promise<ScimReply> {
  const data = normalizeResource(context.body, resourceSchemas[kind], {})
  const record = await context.store.transaction((tx) => tx.create(kind, data))
  return resourceReply(201, record, context, {
    Location: `${context.baseUrl}/${kind}s/${record.id}`,
  })
}

/** PUT /Users/{id} (RFC 7644 §3.5.1): replaces every writable attribute. */
export async function replaceResource(
  kind: ResourceKind,
  id: string,
  context: OperationContext,
): Promise<ScimReply> {
  const record = await context.store.transaction((tx) => {
    const existing = findOrThrow(context.store, kind, id)
    assertPreconditions(context.headers, existing.meta.version)
    const data = normalizeResource(context.body, resourceSchemas[kind], { existing })
    return tx.replace(kind, id, data)
  })
  return resourceReply(200, record, context)
}

/**
 * PATCH /Users/{id} (RFC 7644 §3.5.2): atomic, since applyPatch is pure and
 * the store is written once, after every operation succeeded.
 */
export async function patchResource(
  kind: ResourceKind,
  id: string,
  context: OperationContext,
): Promise<ScimReply> {
  const record = await context.store.transaction((tx) => {
    const existing = findOrThrow(context.store, kind, id)
    assertPreconditions(context.headers, existing.meta.version)
    const schema = resourceSchemas[kind]
    const { resource, changed } = applyPatch(existing, context.body, schema)
    if (!changed) return existing
    return tx.replace(kind, id, normalizeResource(resource, schema, { existing }))
  })
  return resourceReply(200, record, context)
}

/** DELETE /Users/{id} (RFC 7644 §3.6): 204, and the user leaves its groups. */
export async function deleteResource(
  kind: ResourceKind,
  id: string,
  context: OperationContext,
): Promise<ScimReply> {
  await context.store.transaction(async (tx) => {
    const existing = findOrThrow(context.store, kind, id)
    assertPreconditions(context.headers, existing.meta.version)
    await tx.delete(kind, id)
  })
  return { status: 204 }
}

/** Exposed for the typed store access, which renders without a request. */
export function presentRecord(
  record: StoredResource,
  store: ScimStore,
  baseUrl: string,
): ScimResource {
  const schema = resourceSchemas[record.meta.resourceType as ResourceKind]
  return projectAttributes(renderResource(record, store, baseUrl), schema, {})
}
