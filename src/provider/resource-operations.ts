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
import type {
  ResourceKind,
  ScimStore,
  StoreTransaction,
  WriteOptions,
} from '../store/scim-store.js'
import type { StoredResource } from '../store/stored-resource.js'
import { assertPreconditions, isNotModified } from './conditional-request.js'
import type { ProviderHooks } from './provider-hooks.js'
import type { ProviderMessages } from './provider-messages.js'
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
  hooks: Required<ProviderHooks>
  messages: ProviderMessages
  /** Seats for active users; undefined for no limit. */
  licenses: number | undefined
  /** Rules this request bends (the caseSensitiveUserName failure mode). */
  write: WriteOptions
  /** The ignoreFilter failure mode: lists answer as if no filter was sent. */
  ignoreFilter: boolean
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
  const kind = record.meta.resourceType as ResourceKind
  const rendered = context.hooks.present(
    kind,
    renderResource(record, context.store, context.baseUrl),
  )
  return projectAttributes(rendered, resourceSchemas[kind], selection)
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

function findOrThrow(kind: ResourceKind, id: string, context: OperationContext): StoredResource {
  const record = context.store.get(kind, id)
  if (!record) throw ScimError.notFound(context.messages.notFound(kind, id))
  return record
}

/** GET /Users/{id} (RFC 7644 §3.4.1), with If-None-Match → 304. */
export function getResource(kind: ResourceKind, id: string, context: OperationContext): ScimReply {
  const record = findOrThrow(kind, id, context)
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
  context: OperationContext,
): StoredResource[] {
  // The ignoreFilter failure mode: a server that drops the filter and lists everything.
  const filter =
    query.filter === undefined || context.ignoreFilter ? undefined : parseFilter(query.filter)
  const matches = context.store.search(kind, filter, context.write)
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
  const matches = queryResources(kind, query, context)
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
      matches.push(...queryResources(kind, query, context))
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
  const record = await context.store.transaction((tx) => write(kind, data, undefined, tx, context))
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
    const existing = findOrThrow(kind, id, context)
    assertPreconditions(context.headers, existing.meta.version)
    const data = normalizeResource(context.body, resourceSchemas[kind], { existing })
    return write(kind, data, existing, tx, context)
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
    const existing = findOrThrow(kind, id, context)
    assertPreconditions(context.headers, existing.meta.version)
    const schema = resourceSchemas[kind]
    const { resource, changed } = applyPatch(existing, context.body, schema)
    if (!changed) return existing
    return write(kind, normalizeResource(resource, schema, { existing }), existing, tx, context)
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
    const existing = findOrThrow(kind, id, context)
    assertPreconditions(context.headers, existing.meta.version)
    await tx.delete(kind, id)
  })
  return { status: 204 }
}

/**
 * Stores validated data: the profile's and caller's hooks, the seat limit,
 * then the store's own rules (uniqueness, members), then follow-up writes.
 * Runs inside the caller's transaction.
 */
export async function write(
  kind: ResourceKind,
  data: ScimResource,
  existing: StoredResource | undefined,
  tx: StoreTransaction,
  context: Pick<OperationContext, 'store' | 'hooks' | 'messages' | 'licenses' | 'write'>,
): Promise<StoredResource> {
  const prepared = context.hooks.prepareWrite(kind, data, { existing, store: context.store })
  if (kind === 'User') assertSeat(prepared, existing, context)
  const record = existing
    ? await tx.replace(kind, existing.id, prepared, context.write)
    : await tx.create(kind, prepared, context.write)
  await context.hooks.afterWrite(kind, record, { existing, store: context.store, tx })
  return record
}

/**
 * The seat limit: creating an active user, or activating one, fails when
 * every seat is taken. Deactivated users hold no seat.
 */
function assertSeat(
  data: ScimResource,
  existing: StoredResource | undefined,
  context: Pick<OperationContext, 'store' | 'messages' | 'licenses'>,
): void {
  const { licenses } = context
  if (licenses === undefined || data.active === false) return
  if (existing && existing.active !== false) return
  let active = 0
  for (const user of context.store.users.values()) if (user.active !== false) active++
  if (active >= licenses) throw new ScimError(403, context.messages.licenseLimit(licenses))
}

/** Exposed for the typed store access, which renders without a request. */
export function presentRecord(
  record: StoredResource,
  store: ScimStore,
  baseUrl: string,
  hooks: Required<ProviderHooks>,
): ScimResource {
  const kind = record.meta.resourceType as ResourceKind
  const rendered = hooks.present(kind, renderResource(record, store, baseUrl))
  return projectAttributes(rendered, resourceSchemas[kind], {})
}
