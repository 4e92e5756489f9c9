import { isScimError, ScimError } from '../scim/scim-error.js'
import { generateSeed, loadFaker, seededUuid, type SeedOptions } from '../store/generate-seed.js'
import { createScimStore, type StoreSnapshot } from '../store/scim-store.js'
import { authenticate } from './authenticate.js'
import { discover } from './discovery-operations.js'
import { parseBodyText, readRequestText, requireJsonBody } from './read-request-body.js'
import { createRequestLog, type RecordedRequest } from './request-log.js'
import { createResourceAccess, type GroupAccess, type UserAccess } from './resource-access.js'
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  type OperationContext,
  patchResource,
  replaceResource,
  searchAllResources,
} from './resource-operations.js'
import { type Route, routeRequest } from './route-request.js'
import { errorReply, type ScimReply, toResponse } from './scim-response.js'
import type { ScimServiceOptions } from './scim-service-options.js'
import { validateOptions } from './validate-options.js'

/**
 * A SCIM 2.0 service provider as a Fetch API function: one implementation of
 * the protocol that MSW handlers, the standalone server and the browser
 * console all answer through.
 */
export interface ScimService {
  /** The base URL the provider serves, as configured. */
  readonly baseUrl: string
  /** Resolves once seeding is done; `handle()` and writes wait for it themselves. */
  readonly ready: Promise<void>
  /** Answers one SCIM request. Never rejects: every failure is a SCIM error response. */
  handle(request: Request): Promise<Response>
  /** Typed access to the users, for seeding and asserting in tests. */
  readonly users: UserAccess
  /** Typed access to the groups. */
  readonly groups: GroupAccess
  /** Every request answered so far, in order. */
  readonly requests: readonly RecordedRequest[]
  /** Back to the seeded state, with an empty request log. */
  reset(): Promise<void>
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/**
 * Creates the provider without MSW. Use `createScimProvider` for MSW handlers.
 *
 * @example
 * const service = createScimService({ baseUrl: 'http://localhost:4000/scim/v2', token: 'secret' })
 * const response = await service.handle(new Request('http://localhost:4000/scim/v2/Users', {
 *   headers: { Authorization: 'Bearer secret' },
 * }))
 */
export function createScimService(options: ScimServiceOptions = {}): ScimService {
  validateOptions(options)
  const baseUrl = (options.baseUrl ?? '/scim/v2').replace(/\/+$/, '')
  const basePath = new URL(baseUrl, 'http://localhost').pathname.replace(/\/+$/, '')
  const tokens = new Set(
    options.token === undefined
      ? ['secret']
      : typeof options.token === 'string'
        ? [options.token]
        : options.token,
  )
  const authRequired = options.auth !== false
  const clock = options.clock ?? (() => new Date())
  const limits = {
    defaultCount: options.defaultCount ?? 100,
    maxResults: options.maxResults ?? 1000,
  }
  const maxPayloadSize = options.maxPayloadSize ?? 1024 * 1024
  const log = createRequestLog(options.requestLogLimit)

  // Ids come from here, so a seeded provider can swap in a reproducible stream.
  let nextId = options.generateId ?? (() => crypto.randomUUID())
  let resetIds = () => {}
  const store = createScimStore({
    clock,
    generateId: () => nextId(),
    ...(options.unknownMembers ? { unknownMembers: options.unknownMembers } : {}),
    ...(options.uniqueGroupDisplayName ? { uniqueGroupDisplayName: true } : {}),
    ...(options.extensions ? { extensions: options.extensions } : {}),
  })

  let initial: StoreSnapshot = store.snapshot()
  let seeding = options.seed !== undefined
  const ready = options.seed ? seed(options.seed) : Promise.resolve()

  async function seed(seedOptions: SeedOptions) {
    const faker = await loadFaker(seedOptions.seed)
    initial = generateSeed(faker, seedOptions)
    await store.restore(initial)
    if (seedOptions.seed !== undefined && !options.generateId) {
      const ids = await loadFaker(seedOptions.seed + 1)
      nextId = () => seededUuid(ids)
      resetIds = () => ids.seed((seedOptions.seed as number) + 1)
    }
    seeding = false
  }

  const assertSeeded = (action: string) => {
    if (seeding) {
      throw new Error(
        `Failed to ${action}: the provider is still seeding. Await provider.ready first.`,
      )
    }
  }

  const access = createResourceAccess({ store, baseUrl, ready, assertSeeded })

  async function dispatch(
    route: Route,
    context: OperationContext,
    query: URLSearchParams,
  ): Promise<ScimReply> {
    switch (route.operation) {
      case 'search':
        return searchAllResources(context)
      case 'discovery':
        if (!('document' in route)) break
        return discover({
          document: route.document,
          ...(route.id !== undefined ? { id: route.id } : {}),
          baseUrl: context.baseUrl,
          query,
          maxResults: limits.maxResults,
        })
      case 'bulk':
        throw ScimError.notImplemented(
          'Bulk operations are not supported (ServiceProviderConfig bulk.supported is false)',
        )
      case 'me':
        throw ScimError.notImplemented(
          'The /Me endpoint is not supported: this provider has no authenticated subject',
        )
    }
    if (!('kind' in route))
      throw ScimError.internal('Failed to dispatch a request: no operation matched')
    const { kind, id } = route
    if (id === undefined) {
      return route.operation.startsWith('create')
        ? createResource(kind, context)
        : listResources(kind, context, route.search === true)
    }
    if (route.operation.startsWith('get')) return getResource(kind, id, context)
    if (route.operation.startsWith('replace')) return replaceResource(kind, id, context)
    if (route.operation.startsWith('patch')) return patchResource(kind, id, context)
    return deleteResource(kind, id, context)
  }

  async function handle(request: Request): Promise<Response> {
    // A failed seed rejects `ready` for whoever awaits it; requests still get a SCIM answer.
    const seeded = await ready.then(
      () => undefined,
      (error: unknown) => error,
    )
    const time = clock().toISOString()
    const method = request.method.toUpperCase()
    const url = new URL(request.url)
    const relativePath = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : undefined
    let body: unknown
    let route: Route | undefined
    let reply: ScimReply
    let unexpected: string | undefined

    try {
      if (seeded !== undefined) {
        throw ScimError.internal(
          `The provider failed to seed: ${(seeded as Error)?.message ?? seeded}`,
        )
      }
      if (relativePath === undefined || (relativePath !== '' && !relativePath.startsWith('/'))) {
        throw ScimError.notFound(`${url.pathname} is not below the SCIM base URL ${baseUrl}`)
      }
      const text = BODY_METHODS.has(method) ? await readRequestText(request, maxPayloadSize) : ''
      const parsed = parseBodyText(text)
      body = parsed && 'value' in parsed ? parsed.value : text || undefined
      // Routed before authentication so a 401 is still logged with its
      // operation; a routing error is only reported to authenticated clients.
      let routingError: unknown
      try {
        route = routeRequest(method, splitPath(relativePath))
      } catch (error) {
        routingError = error
      }
      if (authRequired) authenticate(request.headers.get('authorization'), tokens)
      if (!route) throw routingError
      const context: OperationContext = {
        store,
        limits,
        baseUrl: `${url.origin}${basePath}`,
        headers: request.headers,
        query: url.searchParams,
        body: BODY_METHODS.has(method)
          ? requireJsonBody(parsed, request.headers.get('content-type'))
          : undefined,
      }
      reply = await dispatch(route, context, url.searchParams)
    } catch (error) {
      if (isScimError(error)) {
        reply = errorReply(error)
      } else {
        // A bug, not bad input: answer in SCIM form, and say so loudly.
        unexpected = error instanceof Error ? (error.stack ?? error.message) : String(error)
        console.error('[scim-mock] Unexpected error while handling %s %s:', method, url.href, error)
        reply = errorReply(
          ScimError.internal(`Internal error: ${(error as Error)?.message ?? error}`),
        )
      }
    }

    const { response, json } = toResponse(reply)
    log.record(
      {
        time,
        method,
        url: url.href,
        path: relativePath ?? url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body,
        status: reply.status,
        responseHeaders: reply.headers ?? {},
        operation: route?.operation,
        ...(unexpected ? { error: unexpected } : {}),
      },
      json,
    )
    return response
  }

  return {
    baseUrl,
    ready,
    handle,
    users: access.users,
    groups: access.groups,
    get requests() {
      return log.entries
    },
    async reset() {
      await ready
      await store.restore(initial)
      resetIds()
      log.clear()
    },
  }
}

function splitPath(relativePath: string): string[] {
  return relativePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        throw ScimError.notFound(`Malformed percent-encoding in path segment "${segment}"`)
      }
    })
}
