import { isScimError, ScimError } from '../scim/scim-error.js'
import { generateSeed, loadFaker, type SeedOptions } from '../store/generate-seed.js'
import { createScimStore, type ScimStore, type StoreSnapshot } from '../store/scim-store.js'
import { authenticate } from './authenticate.js'
import {
  answerControlRequest,
  CONTROL_API_PATH,
  type ServiceAuthentication,
} from './control-api.js'
import { discover } from './discovery-operations.js'
import {
  countedRandom,
  createFaultRegistry,
  type FaultControls,
} from './faults/create-fault-registry.js'
import { faultEffect } from './faults/fault-effect.js'
import { createProfileControls, type ProfileControls } from './profiles/create-profile-controls.js'
import { createOAuthServer, type OAuthServer } from './oauth/create-oauth-server.js'
import { createIdStream } from './id-stream.js'
import { findProfile, profiles } from './profiles/profiles.js'
import { parseProviderSnapshot, type ProviderSnapshot } from './provider-snapshot.js'
import { combineHooks } from './provider-hooks.js'
import { resolveMessages } from './provider-messages.js'
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
import type { ScimServiceOptions } from './scim-service-options.js'
import { errorReply, type ScimReply, toResponse } from './scim-response.js'
import { sleep as realSleep } from './sleep.js'
import { validateOptions } from './validate-options.js'

/**
 * A SCIM 2.0 service provider as a Fetch API function: one implementation of
 * the protocol that MSW handlers, the standalone server and the browser
 * console all answer through.
 */
export interface ScimService {
  /** The base URL the provider serves, as configured (or the profile's path). */
  readonly baseUrl: string
  /** Resolves once seeding is done; `handle()` and writes wait for it themselves. */
  readonly ready: Promise<void>
  /**
   * Answers one SCIM request. Never rejects: every failure is a SCIM error
   * response, or a network error (`Response.error()`) for the networkError
   * and timeout failure modes.
   */
  handle(request: Request): Promise<Response>
  /** Typed access to the users, for seeding and asserting in tests. */
  readonly users: UserAccess
  /** Typed access to the groups. */
  readonly groups: GroupAccess
  /** Every request answered so far, in order. */
  readonly requests: readonly RecordedRequest[]
  /** Failure modes to switch on per request. */
  readonly faults: FaultControls
  /** The vendor profile at work, its settings and actions. */
  readonly profile: ProfileControls
  /** The OAuth 2 authorization server, when `oauth` is on. */
  readonly oauth: OAuthControls | undefined
  /**
   * The URL prefixes this service answers below: the base URL, and on its
   * origin the control API and OAuth endpoints when they are on.
   */
  readonly paths: readonly string[]
  /** Back to the seeded state: store, request log, faults and profile state. */
  reset(): Promise<void>
  /**
   * The provider's state as plain JSON: store, faults with their counters,
   * request log, profile settings and state, where the id and random streams
   * stand, and OAuth codes and tokens. Faults with a `where` predicate are
   * left out: a function is not data. Throws while the provider is seeding.
   *
   * @example
   * sessionStorage.setItem('scim-mock', JSON.stringify(provider.snapshot()))
   */
  snapshot(): ProviderSnapshot
  /**
   * Puts back a `snapshot()`, also one through JSON, so the provider goes on
   * as the snapshotted one would: new ids follow the restored ones (a seeded
   * stream is fast-forwarded), faults keep counting, OAuth tokens stay valid.
   * Restore into a provider created with the same options; `reset()` still
   * returns to the seeded state. Rejects with a TypeError ("Failed to restore
   * the provider: …"), changing nothing, for a snapshot of another profile or
   * version, or of a wrong shape.
   *
   * @example
   * const saved = sessionStorage.getItem('scim-mock')
   * if (saved) await provider.restore(JSON.parse(saved))
   */
  restore(snapshot: ProviderSnapshot): Promise<void>
}

/** `provider.oauth`: where a client authorizes, and the tokens issued so far. */
export interface OAuthControls {
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly clientId: string
  readonly clientSecret: string
  readonly issued: OAuthServer['issued']
  /** Revokes every token, as a vendor admin rotating the connection would. */
  revokeAll(): void
}

export type { ProviderSnapshot } from './provider-snapshot.js'

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
export function createScimService(callerOptions: ScimServiceOptions = {}): ScimService {
  validateOptions(callerOptions)
  const clock = callerOptions.clock ?? (() => new Date())
  const profile = findProfile(callerOptions.profile ?? 'generic')
  // Profile options cannot change the log limit: the log exists before them.
  const log = createRequestLog(callerOptions.requestLogLimit)
  // The profile's options configure the store, so the store comes second:
  // profiles reach it lazily, from their hooks.
  const created: { store?: ScimStore } = {}
  const instance = profile.create({
    get store() {
      if (!created.store) {
        throw new Error(`Failed to use the store in profile "${profile.name}" before it exists`)
      }
      return created.store
    },
    clock,
    settings: callerOptions.profileSettings ?? {},
    requests: () => log.entries,
  })
  if (
    callerOptions.profileSettings &&
    Object.keys(callerOptions.profileSettings).length > 0 &&
    !instance.updateSettings
  ) {
    throw new TypeError(
      `Failed to create a SCIM provider: profile "${profile.name}" has no settings, got profileSettings ${JSON.stringify(callerOptions.profileSettings)}`,
    )
  }
  // The caller's options override the profile's, key by key.
  const options: ScimServiceOptions = { ...instance.options, ...definedOnly(callerOptions) }
  validateOptions(options)
  const messages = resolveMessages({ ...instance.options?.messages, ...callerOptions.messages })
  const hooks = combineHooks(instance.hooks, callerOptions.hooks) as OperationContext['hooks']

  const baseUrl = (options.baseUrl ?? '/scim/v2').replace(/\/+$/, '')
  const basePath = new URL(baseUrl, 'http://localhost').pathname.replace(/\/+$/, '')
  const oauthSettings = options.oauth === true ? {} : options.oauth || undefined
  const tokens = new Set(
    options.token === undefined
      ? oauthSettings
        ? []
        : ['secret']
      : typeof options.token === 'string'
        ? [options.token]
        : options.token,
  )
  // reset() restarts the stream, so a reset provider issues what a new one would.
  const tokenRandom = countedRandom((options.seed?.seed ?? 0) + 0x5eed)
  const oauthServer = oauthSettings
    ? createOAuthServer({
        ...oauthSettings,
        clock,
        // Reproducible codes and tokens, so recorded transcripts stay stable.
        random: () =>
          Array.from({ length: 4 }, () =>
            Math.floor(tokenRandom.next() * 0x100000000)
              .toString(16)
              .padStart(8, '0'),
          ).join(''),
      })
    : undefined
  const origin = /^[a-z][a-z\d+.-]*:/i.test(baseUrl) ? new URL(baseUrl).origin : ''
  const authorizePath = oauthSettings?.authorizePath ?? '/oauth/authorize'
  const tokenPath = oauthSettings?.tokenPath ?? '/oauth/token'
  const authRequired = options.auth !== false
  const limits = {
    defaultCount: options.defaultCount ?? 100,
    maxResults: options.maxResults ?? 1000,
  }
  const maxPayloadSize = options.maxPayloadSize ?? 1024 * 1024
  const sleep = options.sleep ?? realSleep
  // reset() restarts the stream, so probabilities fire as in a new provider.
  const faultRandom = countedRandom(options.faultSeed ?? options.seed?.seed ?? 0)
  const faults = createFaultRegistry(() => faultRandom.next())

  // Ids come from here, so a seeded provider can swap in a reproducible stream.
  const ids = createIdStream(options.generateId)
  const theStore = createScimStore({
    clock,
    generateId: () => ids.next(),
    messages,
    ...(options.unknownMembers ? { unknownMembers: options.unknownMembers } : {}),
    ...(options.uniqueGroupDisplayName ? { uniqueGroupDisplayName: true } : {}),
    ...(options.uniqueEmails ? { uniqueEmails: true } : {}),
    ...(options.extensions ? { extensions: options.extensions } : {}),
  })
  created.store = theStore

  let initial: StoreSnapshot = theStore.snapshot()
  let seeding = options.seed !== undefined
  const ready = options.seed ? seed(options.seed) : Promise.resolve()

  async function seed(seedOptions: SeedOptions) {
    const faker = await loadFaker(seedOptions.seed)
    initial = generateSeed(faker, seedOptions)
    await theStore.restore(initial)
    if (seedOptions.seed !== undefined) {
      ids.useSeed(await loadFaker(seedOptions.seed + 1), seedOptions.seed)
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

  const writeContext = { store: theStore, hooks, messages, licenses: options.licenses, write: {} }
  const access = createResourceAccess({ ...writeContext, baseUrl, ready, assertSeeded })

  async function dispatch(route: Route, context: OperationContext): Promise<ScimReply> {
    switch (route.operation) {
      case 'search':
        return searchAllResources(context)
      case 'discovery':
        if (!('document' in route)) break
        return discover({
          document: route.document,
          ...(route.id !== undefined ? { id: route.id } : {}),
          baseUrl: context.baseUrl,
          query: context.query,
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
    const seedFailure = await ready.then(
      () => undefined,
      (error: unknown) => error,
    )
    const time = clock().toISOString()
    const method = request.method.toUpperCase()
    const url = new URL(request.url)
    if (options.controlApi && isBelow(url.pathname, CONTROL_API_PATH)) {
      const reply = await answerControlRequest(
        request,
        url.pathname.slice(CONTROL_API_PATH.length),
        controlTarget,
      )
      return toResponse(reply).response
    }
    if (oauthServer) {
      const answer = await oauthServer.handle(request)
      if (answer) return answer
    }
    const relativePath = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : undefined
    let body: unknown
    let route: Route | undefined
    let reply: ScimReply | undefined
    let networkFailure = false
    let unexpected: string | undefined
    let firedFault: RecordedRequest['fault']

    try {
      if (seedFailure !== undefined) {
        throw ScimError.internal(
          `The provider failed to seed: ${(seedFailure as Error)?.message ?? seedFailure}`,
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
      if (authRequired) {
        authenticate(request.headers.get('authorization'), tokens, oauthServer?.checkAccessToken)
      }
      if (!route) throw routingError

      const kind = 'kind' in route ? route.kind : undefined
      const id = 'id' in route ? route.id : undefined
      const operation = route.operation
      const fault = faults.take(operation, () => ({
        operation,
        method,
        path: relativePath,
        query: Object.fromEntries(url.searchParams),
        body,
        resource: kind && id !== undefined ? theStore.get(kind, id) : undefined,
      }))
      const effect = fault ? faultEffect(fault, route.operation) : undefined
      if (fault) {
        firedFault = {
          id: fault.id,
          respond: fault.respond,
          ...(fault.name ? { name: fault.name } : {}),
        }
      }

      // A latency fault whose client gives up while waiting is a dropped connection.
      const waited =
        effect?.type === 'latency'
          ? await sleep(effect.delay, request.signal).then(
              () => true,
              () => false,
            )
          : true
      if (effect?.type === 'reply') {
        reply = effect.reply
      } else if (effect?.type === 'networkError' || !waited) {
        networkFailure = true
      } else if (effect?.type === 'timeout') {
        // Nothing comes back: the client times out first, or the connection drops.
        await sleep(effect.delay, request.signal).catch(() => undefined)
        networkFailure = true
      } else {
        hooks.beforeOperation({
          operation: route.operation,
          ...(kind ? { kind } : {}),
          ...(id !== undefined ? { id } : {}),
        })
        const context: OperationContext = {
          store: theStore,
          limits,
          hooks,
          messages,
          licenses: options.licenses,
          write: effect?.type === 'caseSensitiveUserName' ? { caseSensitiveUserName: true } : {},
          ignoreFilter: effect?.type === 'ignoreFilter',
          baseUrl: `${url.origin}${basePath}`,
          headers: request.headers,
          query: url.searchParams,
          body: BODY_METHODS.has(method)
            ? requireJsonBody(parsed, request.headers.get('content-type'))
            : undefined,
        }
        reply = await dispatch(route, context)
        // The emptyBody failure mode: the operation happened, the answer has no body.
        if (effect?.type === 'emptyBody')
          reply = { status: reply.status, headers: reply.headers ?? {} }
      }
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

    const { response, logged } =
      networkFailure || !reply
        ? { response: Response.error(), logged: undefined }
        : toLoggedResponse(reply)
    log.record(
      {
        time,
        method,
        url: url.href,
        path: relativePath ?? url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body,
        status: networkFailure || !reply ? 0 : reply.status,
        responseHeaders: reply && !networkFailure ? (reply.headers ?? {}) : {},
        operation: route?.operation,
        ...(firedFault ? { fault: firedFault } : {}),
        ...(unexpected ? { error: unexpected } : {}),
      },
      logged,
    )
    return response
  }

  const profileControls = createProfileControls(profile.name, instance)
  const faultControls = {
    add: faults.add,
    remove: faults.remove,
    clear: faults.clear,
    list: faults.list,
  }
  async function reset() {
    await ready
    await theStore.restore(initial)
    ids.reset()
    log.clear()
    faults.reset()
    faultRandom.restart()
    oauthServer?.reset()
    tokenRandom.restart()
    instance.reset?.()
  }

  function snapshot(): ProviderSnapshot {
    assertSeeded('snapshot the provider')
    const { users, groups, revision } = theStore.snapshot()
    // JSON copies: the state and settings are the profile's, the records the store's.
    const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
    return {
      version: 1,
      profile: {
        name: profile.name,
        ...(instance.updateSettings ? { settings: json(profileControls.settings) } : {}),
        ...(instance.snapshot ? { state: json(instance.snapshot() ?? null) } : {}),
      },
      store: json({ users: [...users], groups: [...groups], revision }),
      faults: { ...faults.snapshot(), randomDraws: faultRandom.draws },
      requests: log.snapshot(),
      ids: ids.snapshot(),
      ...(oauthServer
        ? { oauth: { ...oauthServer.snapshot(), randomDraws: tokenRandom.draws } }
        : {}),
    }
  }

  async function restore(input: ProviderSnapshot): Promise<void> {
    const fail = (reason: string, cause?: unknown): never => {
      throw new TypeError(`Failed to restore the provider: ${reason}`, { cause })
    }
    const saved = parseProviderSnapshot(input, profile.name)
    const { settings, state } = saved.profile
    if (saved.oauth && !oauthServer) {
      fail('the snapshot has OAuth tokens, and this provider has no OAuth server (oauth is off)')
    }
    if (settings && !instance.updateSettings && Object.keys(settings).length > 0) {
      fail(`the snapshot has settings, and profile "${profile.name}" has none`)
    }
    if (state !== undefined && !instance.restore) {
      fail(`the snapshot has profile state, and profile "${profile.name}" keeps none`)
    }
    if (state === undefined && instance.restore) {
      fail(`the snapshot has no state for profile "${profile.name}"`)
    }
    await ready
    // The profile first: its settings and state are checked as they apply.
    const before = instance.updateSettings ? profileControls.settings : undefined
    try {
      if (settings && instance.updateSettings) instance.updateSettings(settings)
      instance.restore?.(state)
    } catch (error) {
      if (before) instance.updateSettings?.(before)
      fail(`profile "${profile.name}" refused it: ${(error as Error)?.message ?? error}`, error)
    }
    // Checked above: none of these can fail.
    await theStore.restore(saved.store)
    ids.restore(saved.ids)
    log.restore(saved.requests)
    faults.restore(saved.faults)
    faultRandom.restart(saved.faults.randomDraws)
    if (oauthServer) {
      oauthServer.reset()
      if (saved.oauth) oauthServer.restore(saved.oauth)
      tokenRandom.restart(saved.oauth?.randomDraws ?? 0)
    }
  }

  function authentication(): ServiceAuthentication {
    if (!authRequired) return { type: 'none' }
    if (!oauthControls) return { type: 'bearer', tokens: [...tokens] }
    const { authorizeUrl, tokenUrl, clientId, clientSecret } = oauthControls
    return { type: 'oauth', authorizeUrl, tokenUrl, clientId, clientSecret, tokens: [...tokens] }
  }

  const oauthControls: OAuthControls | undefined = oauthServer && {
    authorizeUrl: `${origin}${authorizePath}`,
    tokenUrl: `${origin}${tokenPath}`,
    clientId: oauthSettings?.clientId ?? 'scim-mock-client',
    clientSecret: oauthSettings?.clientSecret ?? 'scim-mock-secret',
    get issued() {
      return oauthServer.issued
    },
    revokeAll: () => oauthServer.revokeAll(),
  }
  const controlTarget = {
    faults: faultControls,
    requests: () => log.entries,
    clearRequests: () => log.clear(),
    reset,
    profile: profileControls,
    users: access.users,
    groups: access.groups,
    describe: () => ({
      profile: { name: profile.name, description: profile.description },
      baseUrl,
      authentication: authentication(),
      profiles: Object.values(profiles).map(({ name, description }) => ({ name, description })),
    }),
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
    faults: faultControls,
    profile: profileControls,
    oauth: oauthControls,
    paths: [
      baseUrl,
      ...(options.controlApi ? [`${origin}${CONTROL_API_PATH}`] : []),
      ...(oauthServer ? [`${origin}${authorizePath}`, `${origin}${tokenPath}`] : []),
    ],
    reset,
    snapshot,
    restore,
  }
}

/** The response, and what the log keeps of its body (parsed lazily). */
function toLoggedResponse(reply: ScimReply) {
  const { response, json } = toResponse(reply)
  const logged = reply.raw ? { text: reply.raw.text } : json === undefined ? undefined : { json }
  return { response, logged }
}

function isBelow(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}

/** Options the caller left undefined do not override the profile's. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>
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
