import { ScimError } from '../scim/scim-error.js'
import type { ResourceKind } from '../store/scim-store.js'

/**
 * What a request asks for. Names follow the resource and the verb, so faults
 * and logs can say `createUser` rather than `POST /Users`.
 */
/** Every operation a request can be routed to. */
export const SCIM_OPERATIONS = [
  'listUsers',
  'getUser',
  'createUser',
  'replaceUser',
  'patchUser',
  'deleteUser',
  'listGroups',
  'getGroup',
  'createGroup',
  'replaceGroup',
  'patchGroup',
  'deleteGroup',
  'search',
  'discovery',
  'bulk',
  'me',
] as const

export type ScimOperation = (typeof SCIM_OPERATIONS)[number]

export type Route =
  | { operation: ScimOperation; kind: ResourceKind; id?: string; search?: boolean }
  | { operation: 'search' }
  | {
      operation: 'discovery'
      document: 'ServiceProviderConfig' | 'ResourceTypes' | 'Schemas'
      id?: string
    }
  | { operation: 'bulk' | 'me' }

// Maps, not object literals: a path segment such as "__proto__" or "constructor"
// must not find an Object.prototype member.
const RESOURCE_ENDPOINTS = new Map<string, ResourceKind>([
  ['users', 'User'],
  ['groups', 'Group'],
])
const DISCOVERY_ENDPOINTS = new Map<string, 'ServiceProviderConfig' | 'ResourceTypes' | 'Schemas'>([
  ['serviceproviderconfig', 'ServiceProviderConfig'],
  ['resourcetypes', 'ResourceTypes'],
  ['schemas', 'Schemas'],
])

/**
 * Maps a method and the path segments below the base URL to an operation,
 * or throws 404 (unknown endpoint) or 405 (known endpoint, wrong method).
 * Endpoint names match case-insensitively, as many clients and servers do.
 */
export function routeRequest(method: string, segments: readonly string[]): Route {
  const [first = '', second, ...rest] = segments
  const endpoint = first.toLowerCase()
  const kind = RESOURCE_ENDPOINTS.get(endpoint)

  if (kind && rest.length === 0) {
    const noun = kind === 'User' ? 'User' : 'Group'
    if (second === undefined) {
      if (method === 'GET') return { operation: `list${noun}s`, kind }
      if (method === 'POST') return { operation: `create${noun}`, kind }
      throw ScimError.methodNotAllowed(`${method} is not supported on /${first}`, ['GET', 'POST'])
    }
    if (second === '.search') {
      if (method === 'POST') return { operation: `list${noun}s`, kind, search: true }
      throw ScimError.methodNotAllowed(`${method} is not supported on /${first}/.search`, ['POST'])
    }
    const id = second
    if (method === 'GET') return { operation: `get${noun}`, kind, id }
    if (method === 'PUT') return { operation: `replace${noun}`, kind, id }
    if (method === 'PATCH') return { operation: `patch${noun}`, kind, id }
    if (method === 'DELETE') return { operation: `delete${noun}`, kind, id }
    throw ScimError.methodNotAllowed(`${method} is not supported on /${first}/{id}`, [
      'GET',
      'PUT',
      'PATCH',
      'DELETE',
    ])
  }

  if (first === '.search' && second === undefined) {
    if (method === 'POST') return { operation: 'search' }
    throw ScimError.methodNotAllowed(`${method} is not supported on /.search`, ['POST'])
  }

  const document = DISCOVERY_ENDPOINTS.get(endpoint)
  const takesId = document !== undefined && document !== 'ServiceProviderConfig'
  if (document && rest.length === 0 && (second === undefined || takesId)) {
    if (method !== 'GET') {
      throw ScimError.methodNotAllowed(`${method} is not supported on /${first}`, ['GET'])
    }
    return second === undefined
      ? { operation: 'discovery', document }
      : { operation: 'discovery', document, id: second }
  }

  if (endpoint === 'bulk' && second === undefined) {
    if (method !== 'POST')
      throw ScimError.methodNotAllowed(`${method} is not supported on /Bulk`, ['POST'])
    return { operation: 'bulk' }
  }
  if (endpoint === 'me') return { operation: 'me' }

  throw ScimError.notFound(`No SCIM endpoint at /${segments.join('/')}`)
}
