import { createSimulatedClock } from '../okta/okta-clock.js'
import type { OktaAuth } from '../okta/okta-scim-client.js'
import { createScimService, type ScimService } from '../provider/create-scim-service.js'
import type { FaultSpec } from '../provider/faults/fault-spec.js'
import type { ProfileName } from '../provider/profiles/profiles.js'
import type { ScimServiceOptions } from '../provider/scim-service-options.js'
import type { ScimGroupInput } from '../scim/resource/scim-group.js'
import type { ScimUserInput } from '../scim/resource/scim-user.js'
import type { Scenario } from './scenario-schema.js'
import type { ScenarioTarget } from './scenario-target.js'

/** Where the in-process provider lives: a name no real host has. */
export const SCENARIO_ORIGIN = 'https://scim.scenario.test'

/**
 * The provider in this process: one `createScimService` (or the caller's),
 * reached through its `handle` as the org's `fetch` (no MSW, nothing
 * intercepted globally), on the org's simulated clock, so a `timeout` fault
 * races Okta's 60 s deadline and `advance` expires OAuth tokens.
 *
 * A provider passed in keeps its own clock and sleep: `advance` then moves
 * Okta's time only.
 *
 * @example
 * const target = await createInProcessTarget({ profile: 'magicpod' })
 * const org = createOktaOrg({ fetch: target.fetch, clock: target.clock })
 */
export async function createInProcessTarget(
  spec: Scenario['provider'],
  provided?: ScimService,
): Promise<ScenarioTarget> {
  const clock = createSimulatedClock()
  const options = spec?.options ?? {}
  const service = provided
    ? adopt(provided, spec)
    : createScimService({
        baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : defaultBaseUrl(spec),
        ...(spec?.profile ? { profile: spec.profile as ProfileName } : {}),
        ...(spec?.settings ? { profileSettings: spec.settings } : {}),
        ...(options as ScimServiceOptions),
        token: (options.token as ScimServiceOptions['token']) ?? 'secret',
        clock: () => clock.now(),
        sleep: clock.sleep,
      })
  await service.ready
  const token = firstToken(options.token) ?? 'secret'
  const baseUrl = absolute(service.baseUrl)

  const findUser = (userName: string, action: string) => {
    const user = service.users.findByUserName(userName)
    if (!user) throw new Error(`Failed to ${action} "${userName}": the provider has no such user`)
    return user
  }
  const oauthAuth = (): OktaAuth | undefined =>
    service.oauth && {
      type: 'oauth',
      authorizeUrl: absolute(service.oauth.authorizeUrl),
      tokenUrl: absolute(service.oauth.tokenUrl),
      clientId: service.oauth.clientId,
      clientSecret: service.oauth.clientSecret,
    }

  return {
    baseUrl,
    async fetch(input, init) {
      const request =
        input instanceof Request
          ? new Request(input, init)
          : new Request(absolute(String(input)), init)
      const response = await service.handle(request)
      // The networkError and timeout failure modes: a real fetch rejects.
      if (response.type === 'error') throw new TypeError('fetch failed')
      return response
    },
    clock,
    async advance(ms) {
      clock.advance(ms)
      // One macrotask: the timers the jump passed fire before the next step.
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
    defaultAuth: () => oauthAuth() ?? { type: 'bearer', token },
    oauthAuth() {
      const auth = oauthAuth()
      if (!auth) {
        throw new Error(
          'Failed to connect with OAuth: the provider is no OAuth authorization server (use an OAuth profile such as mangoapps, or provider.options.oauth: true)',
        )
      }
      return auth
    },
    createUser: (user) => service.users.create(user as unknown as ScimUserInput),
    updateUser: (userName, changes) =>
      service.users.update(findUser(userName, 'update provider user').id, changes),
    async deleteUser(userName) {
      await service.users.delete(findUser(userName, 'delete provider user').id)
    },
    createGroup(displayName, members) {
      const ids = members.map((userName) => ({
        value: findUser(userName, `add to group "${displayName}" the provider user`).id,
      }))
      return service.groups.create({ displayName, members: ids } as ScimGroupInput)
    },
    async deleteGroup(displayName) {
      const [group, ...others] = service.groups.findByDisplayName(displayName)
      if (!group) {
        throw new Error(`Failed to delete provider group "${displayName}": no such group`)
      }
      if (others.length > 0) {
        throw new Error(
          `Failed to delete provider group "${displayName}": ${others.length + 1} groups have this displayName`,
        )
      }
      await service.groups.delete(group.id)
    },
    async findGroupId(displayName) {
      const groups = service.groups.findByDisplayName(displayName)
      return groups.length === 1 ? groups[0]!.id : undefined
    },
    addFault: async (spec) => service.faults.add(spec as unknown as FaultSpec),
    clearFaults: async () => service.faults.clear(),
    async updateProfileSettings(changes) {
      service.profile.updateSettings(changes)
      return service.profile.settings
    },
    runProfileAction: (name, input) => service.profile.run(name, input),
    listUsers: async () => service.users.list() as unknown as Record<string, unknown>[],
    listGroups: async () => service.groups.list() as unknown as Record<string, unknown>[],
    dispose: async () => undefined,
  }
}

/** A provider passed in: the scenario may only ask for what it already is. */
function adopt(service: ScimService, spec: Scenario['provider']): ScimService {
  if (spec?.profile && spec.profile !== service.profile.name) {
    throw new Error(
      `Failed to use the given provider: the scenario needs profile "${spec.profile}", the provider has "${service.profile.name}"`,
    )
  }
  // The token only tells the Okta app what to send; the rest configures a provider.
  const unusable = Object.keys(spec?.options ?? {}).filter((key) => key !== 'token')
  if (unusable.length > 0) {
    throw new Error(
      `Failed to use the given provider: provider.options ${unusable.join(', ')} apply only to a provider the runner creates`,
    )
  }
  if (spec?.settings) service.profile.updateSettings(spec.settings)
  return service
}

/** `https://scim.scenario.test` and the profile's base path (`/api/v2/scim` for secoda). */
function defaultBaseUrl(spec: Scenario['provider']): string {
  // A throwaway provider reads the profile's path: the only source of it.
  const probe = createScimService({
    ...(spec?.profile ? { profile: spec.profile as ProfileName } : {}),
    ...(spec?.settings ? { profileSettings: spec.settings } : {}),
  })
  return absolute(probe.baseUrl)
}

function absolute(url: string): string {
  return url.startsWith('/') ? `${SCENARIO_ORIGIN}${url}` : url
}

function firstToken(token: unknown): string | undefined {
  if (typeof token === 'string') return token
  if (Array.isArray(token) && typeof token[0] === 'string') return token[0]
  return undefined
}
