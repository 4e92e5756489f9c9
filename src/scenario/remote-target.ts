import { createSystemClock } from '../okta/okta-clock.js'
import type { Scenario } from './scenario-schema.js'
import type { ProviderResource, ScenarioTarget } from './scenario-target.js'

/** Where `scim-mock serve` answers its control API, on the base URL's origin. */
const CONTROL_PATH = '/__scim-mock'
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'

/**
 * A real SCIM server at `baseUrl`, in real time. The Okta org uses the global
 * `fetch`. Provider-side arrangements (`provider.users`, `providerChange`
 * creates, updates and deletes) go through SCIM itself with the token, so any
 * server takes them; faults, profile settings and actions, and the provider
 * expectations need the control API of a scim-mock server (`scim-mock serve`).
 * Against another server, use Okta steps and request and task expectations.
 * `advance` is refused: time is real.
 *
 * @example
 * const target = await createRemoteTarget(undefined, { baseUrl: 'http://127.0.0.1:4000/scim/v2', token: 'secret' })
 */
export async function createRemoteTarget(
  spec: Scenario['provider'],
  server: { baseUrl: string; token: string },
): Promise<ScenarioTarget> {
  const baseUrl = server.baseUrl.replace(/\/+$/, '')
  const origin = new URL(baseUrl).origin
  const addedFaults: string[] = []

  async function call(
    url: string,
    method: string,
    body: unknown,
    action: string,
    headers: Record<string, string>,
  ): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (error) {
      throw new Error(`Failed to ${action}: ${method} ${url} got no answer (${errorText(error)})`, {
        cause: error,
      })
    }
    const text = await response.text()
    const parsed = parseJson(text)
    if (!response.ok) {
      const detail = (parsed as { detail?: unknown } | undefined)?.detail
      const why = typeof detail === 'string' ? detail : text.slice(0, 200)
      const hint =
        url.startsWith(`${origin}${CONTROL_PATH}`) && response.status === 404
          ? ' (this needs a scim-mock server with its control API, as `scim-mock serve` runs it)'
          : ''
      throw new Error(
        `Failed to ${action}: ${method} ${url} answered ${response.status}${why ? `: ${why}` : ''}${hint}`,
      )
    }
    return parsed
  }
  const control = (method: string, path: string, body: unknown, action: string) =>
    call(`${origin}${CONTROL_PATH}${path}`, method, body, action, { Accept: 'application/json' })
  const scim = (method: string, path: string, body: unknown, action: string) =>
    call(`${baseUrl}${path}`, method, body, action, {
      Accept: 'application/scim+json',
      Authorization: `Bearer ${server.token}`,
    })

  /** The resources whose `attribute` equals `value`, by a SCIM filter. */
  async function search(
    kind: 'Users' | 'Groups',
    attribute: string,
    value: string,
    action: string,
  ) {
    const filter = `${attribute} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
    const list = (await scim(
      'GET',
      `/${kind}?filter=${encodeURIComponent(filter)}`,
      undefined,
      action,
    )) as { Resources?: Array<{ id?: string }> } | undefined
    return list?.Resources ?? []
  }
  async function findId(
    kind: 'Users' | 'Groups',
    attribute: string,
    value: string,
    action: string,
  ) {
    const resources = await search(kind, attribute, value, action)
    const [found] = resources
    if (resources.length !== 1 || typeof found?.id !== 'string') {
      const noun = kind === 'Users' ? 'user' : 'group'
      const count = resources.length === 0 ? `no ${noun} has` : `${resources.length} ${noun}s have`
      throw new Error(`Failed to ${action}: ${count} ${attribute} "${value}"`)
    }
    return found.id
  }

  if (spec?.options && Object.keys(spec.options).length > 0) {
    throw new Error(
      `Failed to use the server at ${baseUrl}: provider.options (${Object.keys(spec.options).join(', ')}) configure an in-process provider; a server's are set when it starts`,
    )
  }
  if (spec?.profile) {
    const profile = (await control('GET', '/profile', undefined, "read the server's profile")) as {
      name?: string
    }
    if (profile?.name !== spec.profile) {
      throw new Error(
        `Failed to use the server at ${baseUrl}: the scenario needs profile "${spec.profile}", the server runs "${profile?.name}"`,
      )
    }
  }
  if (spec?.settings) {
    await control('PATCH', '/profile/settings', spec.settings, 'change the profile settings')
  }

  return {
    baseUrl,
    fetch: (input, init) => fetch(input, init),
    clock: createSystemClock(),
    defaultAuth: () => ({ type: 'bearer', token: server.token }),
    // scim-mock's OAuth endpoints and default client: `scim-mock serve --profile mangoapps`.
    oauthAuth: () => ({
      type: 'oauth',
      authorizeUrl: `${origin}/oauth/authorize`,
      tokenUrl: `${origin}/oauth/token`,
      clientId: 'scim-mock-client',
      clientSecret: 'scim-mock-secret',
    }),
    createUser: (user) =>
      scim(
        'POST',
        '/Users',
        { schemas: [USER_SCHEMA], ...user },
        `create provider user "${String(user.userName)}"`,
      ),
    async updateUser(userName, changes) {
      const action = `update provider user "${userName}"`
      const id = await findId('Users', 'userName', userName, action)
      const existing = (await scim('GET', `/Users/${id}`, undefined, action)) as ProviderResource
      // A merge sent as PUT, as `provider.users.update` does in process; read-only attributes stay out.
      const { meta: _meta, groups: _groups, ...kept } = existing ?? {}
      return scim('PUT', `/Users/${id}`, { ...kept, ...changes }, action)
    },
    async deleteUser(userName) {
      const action = `delete provider user "${userName}"`
      await scim(
        'DELETE',
        `/Users/${await findId('Users', 'userName', userName, action)}`,
        undefined,
        action,
      )
    },
    async createGroup(displayName, members) {
      const action = `create provider group "${displayName}"`
      const ids = []
      for (const userName of members)
        ids.push({ value: await findId('Users', 'userName', userName, action) })
      return scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName, members: ids }, action)
    },
    async deleteGroup(displayName) {
      const action = `delete provider group "${displayName}"`
      const id = await findId('Groups', 'displayName', displayName, action)
      await scim('DELETE', `/Groups/${id}`, undefined, action)
    },
    async findGroupId(displayName) {
      const groups = await search(
        'Groups',
        'displayName',
        displayName,
        `find provider group "${displayName}"`,
      )
      return groups.length === 1 && typeof groups[0]?.id === 'string' ? groups[0].id : undefined
    },
    async addFault(spec) {
      const fault = (await control('POST', '/faults', spec, 'add a fault')) as { id?: string }
      if (typeof fault?.id === 'string') addedFaults.push(fault.id)
      return fault
    },
    async clearFaults() {
      await control('DELETE', '/faults', undefined, 'clear the faults')
      addedFaults.length = 0
    },
    updateProfileSettings: (changes) =>
      control('PATCH', '/profile/settings', changes, 'change the profile settings'),
    runProfileAction: (name, input) =>
      control(
        'POST',
        `/profile/actions/${encodeURIComponent(name)}`,
        input,
        `run profile action "${name}"`,
      ),
    listUsers: async () =>
      ((await control('GET', '/users', undefined, 'list the provider users')) ??
        []) as ProviderResource[],
    listGroups: async () =>
      ((await control('GET', '/groups', undefined, 'list the provider groups')) ??
        []) as ProviderResource[],
    async dispose() {
      // The server outlives the run: the faults this run added go, others stay.
      for (const id of addedFaults.splice(0)) {
        await control(
          'DELETE',
          `/faults/${encodeURIComponent(id)}`,
          undefined,
          'remove a fault',
        ).catch(() => undefined)
      }
    },
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message
  return cause ?? (error instanceof Error ? error.message : String(error))
}
