import type { FaultSpec } from '../provider/faults/fault-spec.js'
import type { RecordedRequest } from '../provider/request-log.js'

/** What `GET /__scim-mock/service` says of the provider the console drives. */
export interface ServiceInfo {
  profile: { name: string; description?: string }
  /** A path (`/scim/v2`) or an absolute URL. */
  baseUrl: string
  authentication:
    | { type: 'bearer'; tokens: string[] }
    | {
        type: 'oauth'
        authorizeUrl: string
        tokenUrl: string
        clientId: string
        clientSecret: string
      }
    | { type: 'none' }
  profiles: Array<{ name: string; description?: string }>
}

/** A fault as the control API lists it. */
export type ListedFault = FaultSpec & { id: string; fired?: number }

/** A SCIM resource as the control API lists it. */
export type ScimRecord = Record<string, unknown> & { id: string }

/** A profile's settings and actions (`GET /__scim-mock/profile`). */
export interface ProfileState {
  name: string
  settings: Record<string, unknown>
  actions: Array<string | { name: string; description?: string }>
}

/** The control API's answer when it is not a success: its SCIM `detail`, or the status. */
export class ConsoleRequestError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail)
  }
}

const CONTROL = '/__scim-mock'

/**
 * The console's one way to the provider: SCIM and the control API over
 * `fetch`, on the page's origin. In server mode the requests reach
 * `scim-mock serve`; in worker mode MSW's service worker hands them to the
 * provider running in this page. The console cannot tell, on purpose.
 */
export function createConsoleClient(origin: string = location.origin) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(new URL(path, origin), {
      ...init,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    })
    const text = await response.text()
    const body: unknown = text === '' ? undefined : parseJson(text)
    if (!response.ok) {
      const detail =
        (body as { detail?: string } | undefined)?.detail ??
        `${response.status} ${response.statusText}`.trim()
      throw new ConsoleRequestError(response.status, detail)
    }
    return body as T
  }
  const control = <T>(path: string, init?: RequestInit) => call<T>(`${CONTROL}/${path}`, init)
  const send = (method: string, body?: unknown): RequestInit => ({
    method,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })

  return {
    /** The provider's profile, base URL and credentials; rejects when no scim-mock answers. */
    service: () => control<ServiceInfo>('service'),
    users: (filter?: string) =>
      control<ScimRecord[]>(`users${filter ? `?filter=${encodeURIComponent(filter)}` : ''}`),
    groups: (filter?: string) =>
      control<ScimRecord[]>(`groups${filter ? `?filter=${encodeURIComponent(filter)}` : ''}`),
    requests: (since = 0, limit?: number) =>
      control<RecordedRequest[]>(`requests?since=${since}${limit ? `&limit=${limit}` : ''}`),
    clearRequests: () => control<void>('requests', send('DELETE')),
    faults: () => control<ListedFault[]>('faults'),
    addFault: (spec: FaultSpec) => control<ListedFault>('faults', send('POST', spec)),
    removeFault: (id: string) => control<void>(`faults/${encodeURIComponent(id)}`, send('DELETE')),
    clearFaults: () => control<void>('faults', send('DELETE')),
    reset: () => control<void>('reset', send('POST')),
    profile: () => control<ProfileState>('profile'),
    switchProfile: (name: string) =>
      control<{ name: string; baseUrl: string }>('profile', send('PUT', { name })),
    updateProfileSettings: (changes: Record<string, unknown>) =>
      control<Record<string, unknown>>('profile/settings', send('PATCH', changes)),
    runProfileAction: (name: string, input: Record<string, unknown> = {}) =>
      control<unknown>(`profile/actions/${encodeURIComponent(name)}`, send('POST', input)),
    /** A SCIM request with the provider's own credentials, as a client would send it. */
    scim: (info: ServiceInfo, method: string, path: string, body?: unknown) =>
      call<unknown>(`${info.baseUrl.replace(/\/+$/, '')}${path}`, {
        ...send(method, body),
        headers: {
          ...(info.authentication.type === 'bearer'
            ? { authorization: `Bearer ${info.authentication.tokens[0]}` }
            : {}),
          ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        },
      }),
  }
}

/** The console's client: `createConsoleClient()`. */
export type ConsoleClient = ReturnType<typeof createConsoleClient>

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { detail: text.slice(0, 300) }
  }
}
