import { ScimError } from '../scim/scim-error.js'
import type { Fault, FaultControls } from './faults/create-fault-registry.js'
import type { FaultSpec } from './faults/fault-spec.js'
import type { ProfileControls } from './profiles/create-profile-controls.js'
import type { RecordedRequest } from './request-log.js'
import type { GroupAccess, UserAccess } from './resource-access.js'
import { errorReply, type ScimReply } from './scim-response.js'

/** Where the control API lives on the base URL's origin. */
export const CONTROL_API_PATH = '/__scim-mock'

/** How a client authenticates to the SCIM API, as `GET /__scim-mock/service` tells it. */
export type ServiceAuthentication =
  /** `Authorization: Bearer <token>` with one of these tokens. */
  | { type: 'bearer'; tokens: string[] }
  /**
   * An OAuth 2 authorization code grant against the provider's own server;
   * `tokens` are static bearer tokens accepted besides (none unless `token` is given).
   */
  | {
      type: 'oauth'
      authorizeUrl: string
      tokenUrl: string
      clientId: string
      clientSecret: string
      tokens: string[]
    }
  /** `auth: false`: every request is accepted. */
  | { type: 'none' }

/**
 * The running service, for a console: `GET /__scim-mock/service`. URLs the
 * provider was given as paths are made absolute on the request's origin.
 */
export interface ServiceDescription {
  profile: { name: string; description: string }
  baseUrl: string
  authentication: ServiceAuthentication
  /** The built-in profiles, each with a one-line description. */
  profiles: Array<{ name: string; description: string }>
}

/** What the control API drives: the provider's own members. */
export interface ControlTarget {
  faults: FaultControls
  requests(): readonly RecordedRequest[]
  clearRequests(): void
  reset(): Promise<void>
  profile: ProfileControls
  users: UserAccess
  groups: GroupAccess
  /** The service as configured; URLs may be paths. */
  describe(): ServiceDescription
}

/**
 * The control API: the provider's faults, request log, reset, profile and
 * store over HTTP, for Playwright tests, the standalone server and the
 * console. Off unless `controlApi: true`. It needs no token (a mock's test
 * hook, never a production surface) and never appears in the request log.
 *
 * GET/POST/DELETE /__scim-mock/faults, DELETE /__scim-mock/faults/{id},
 * POST /__scim-mock/reset, GET/DELETE /__scim-mock/requests[?since=N&limit=N],
 * GET /__scim-mock/profile, PATCH /__scim-mock/profile/settings,
 * GET/POST /__scim-mock/profile/actions/{name}, GET /__scim-mock/users|groups[?filter=],
 * GET /__scim-mock/service.
 */
export async function answerControlRequest(
  request: Request,
  path: string,
  target: ControlTarget,
): Promise<ScimReply> {
  const method = request.method.toUpperCase()
  const [resource = '', id, extra, ...rest] = path.split('/').filter(Boolean)
  const url = new URL(request.url)
  try {
    if (resource === 'faults' && extra === undefined) {
      if (id === undefined && method === 'GET') return json(200, target.faults.list())
      if (id === undefined && method === 'POST') {
        const body = await readJson(request)
        const specs = (Array.isArray(body) ? body : [body]) as FaultSpec[]
        const added: Fault[] = []
        try {
          for (const [index, spec] of specs.entries()) {
            const where = Array.isArray(body) ? ` (item ${index})` : ''
            added.push(asBadRequest(() => target.faults.add(spec), where))
          }
        } catch (error) {
          // All or nothing: a 400 leaves the faults as they were.
          for (const fault of added) target.faults.remove(fault.id)
          throw error
        }
        return json(201, Array.isArray(body) ? added : added[0])
      }
      if (id === undefined && method === 'DELETE') {
        target.faults.clear()
        return { status: 204 }
      }
      if (id !== undefined && method === 'DELETE') {
        if (!target.faults.remove(id)) throw ScimError.notFound(`No fault "${id}"`)
        return { status: 204 }
      }
      throw notAllowed(method, id === undefined ? ['GET', 'POST', 'DELETE'] : ['DELETE'])
    }
    if (resource === 'reset' && id === undefined) {
      if (method !== 'POST') throw notAllowed(method, ['POST'])
      await target.reset()
      return { status: 204 }
    }
    if (resource === 'requests' && id === undefined) {
      if (method === 'GET') {
        const sinceText = url.searchParams.get('since') ?? '0'
        const since = Number(sinceText)
        if (!/^\d+$/.test(sinceText)) {
          throw ScimError.invalidValue(
            `since must be a request sequence number, got "${sinceText}"`,
          )
        }
        const limitText = url.searchParams.get('limit')
        if (limitText !== null && !/^[1-9]\d*$/.test(limitText)) {
          throw ScimError.invalidValue(`limit must be a positive integer, got "${limitText}"`)
        }
        const entries = target.requests().filter((entry) => entry.sequence > since)
        // The most recent ones: a console shows the tail of a long log.
        return json(200, limitText === null ? entries : entries.slice(-Number(limitText)))
      }
      if (method === 'DELETE') {
        target.clearRequests()
        return { status: 204 }
      }
      throw notAllowed(method, ['GET', 'DELETE'])
    }
    if (resource === 'profile') {
      if (id === undefined) {
        if (method !== 'GET') throw notAllowed(method, ['GET'])
        const { name, settings, actions } = target.profile
        return json(200, { name, settings, actions })
      }
      if (id === 'settings' && extra === undefined) {
        if (method !== 'PATCH') throw notAllowed(method, ['PATCH'])
        const changes = await readJson(request)
        if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
          throw ScimError.invalidValue('Send the settings to change as a JSON object')
        }
        asBadRequest(() => target.profile.updateSettings(changes as Record<string, unknown>))
        return json(200, target.profile.settings)
      }
      if (id === 'actions' && extra !== undefined && rest.length === 0) {
        if (method !== 'GET' && method !== 'POST') throw notAllowed(method, ['GET', 'POST'])
        const input =
          method === 'GET' ? Object.fromEntries(url.searchParams) : await readJson(request, {})
        if (typeof input !== 'object' || input === null || Array.isArray(input)) {
          throw ScimError.invalidValue('Send the action input as a JSON object')
        }
        const result = await asBadRequestAsync(() =>
          target.profile.run(decodeURIComponent(extra), input as Record<string, unknown>),
        )
        return json(200, result ?? null)
      }
    }
    if (resource === 'service' && id === undefined) {
      if (method !== 'GET') throw notAllowed(method, ['GET'])
      return json(200, onOrigin(target.describe(), url.origin))
    }
    if ((resource === 'users' || resource === 'groups') && id === undefined) {
      if (method !== 'GET') throw notAllowed(method, ['GET'])
      const access = resource === 'users' ? target.users : target.groups
      const filter = url.searchParams.get('filter')
      return json(200, filter === null ? access.list() : access.find(filter))
    }
    throw ScimError.notFound(
      `No control endpoint at ${CONTROL_API_PATH}/${path.replace(/^\/+/, '')}`,
    )
  } catch (error) {
    if (error instanceof ScimError) return errorReply(error)
    throw error
  }
}

/** A console elsewhere on the origin needs absolute URLs: paths become URLs on it. */
function onOrigin(service: ServiceDescription, origin: string): ServiceDescription {
  const absolute = (url: string) => (url.startsWith('/') ? `${origin}${url}` : url)
  const { authentication } = service
  return {
    ...service,
    baseUrl: absolute(service.baseUrl),
    authentication:
      authentication.type === 'oauth'
        ? {
            ...authentication,
            authorizeUrl: absolute(authentication.authorizeUrl),
            tokenUrl: absolute(authentication.tokenUrl),
          }
        : authentication,
  }
}

function json(status: number, body: unknown): ScimReply {
  // Fault predicates are functions: JSON leaves them out, which is right here.
  return { status, raw: { text: JSON.stringify(body), contentType: 'application/json' } }
}

async function readJson(request: Request, empty?: unknown): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '' && empty !== undefined) return empty
  try {
    return JSON.parse(text)
  } catch (error) {
    throw ScimError.invalidSyntax(`The request body is not valid JSON: ${(error as Error).message}`)
  }
}

function notAllowed(method: string, allow: string[]): ScimError {
  return ScimError.methodNotAllowed(`${method} is not supported here`, allow)
}

/** Settings, actions and fault specs report bad input as TypeErrors: answer 400. */
function asBadRequest<T>(work: () => T, where = ''): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof TypeError) throw ScimError.invalidValue(`${error.message}${where}`)
    throw error
  }
}

async function asBadRequestAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof TypeError) throw ScimError.invalidValue(error.message)
    throw error
  }
}
