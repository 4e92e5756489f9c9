import { ScimError } from '../scim/scim-error.js'
import { CONTROL_API_PATH } from './control-api.js'
import { createScimService, type ScimService } from './create-scim-service.js'
import { type ProfileName, profiles } from './profiles/profiles.js'
import { errorReply, toResponse } from './scim-response.js'
import type { ScimServiceOptions } from './scim-service-options.js'

/** A provider whose vendor profile can be swapped while it runs. */
export interface SwitchableScimService {
  /** The provider at work now; a switch replaces it. */
  readonly current: ScimService
  /**
   * Answers like `current.handle`, plus `PUT /__scim-mock/profile` with
   * `{ "name": "secoda" }`, which switches the profile (when the control API is on).
   */
  handle(request: Request): Promise<Response>
  /** Replaces the provider by a new one with this profile, seeded as the first. */
  switchProfile(name: ProfileName): Promise<ScimService>
}

/**
 * The standalone server's and the console's provider: picking a vendor
 * profile in the console replaces the provider by a fresh one with the same
 * options (seed, token, base path) and the new profile, which brings the
 * profile's base path, attributes and rules. State does not carry over: a
 * vendor's store is not another vendor's.
 *
 * @example
 * const service = createSwitchableService({ controlApi: true, seed: { users: 20 } })
 * await fetch(new Request('http://localhost/__scim-mock/profile', { method: 'PUT', body: '{"name":"secoda"}' }))
 */
export function createSwitchableService(
  options: ScimServiceOptions,
  hooks: { onSwitch?: (service: ScimService) => void } = {},
): SwitchableScimService {
  let current = createScimService(options)
  const profilePath = `${CONTROL_API_PATH}/profile`

  async function switchProfile(name: ProfileName): Promise<ScimService> {
    const next = createScimService({ ...options, profile: name, profileSettings: undefined })
    await next.ready
    current = next
    hooks.onSwitch?.(next)
    return next
  }

  async function answerSwitch(request: Request): Promise<Response> {
    let name: unknown
    try {
      name = (JSON.parse(await request.text()) as { name?: unknown } | null)?.name
    } catch (error) {
      return toResponse(
        errorReply(
          ScimError.invalidSyntax(
            `The request body is not valid JSON: ${(error as Error).message}`,
          ),
        ),
      ).response
    }
    if (typeof name !== 'string' || !Object.hasOwn(profiles, name)) {
      return toResponse(
        errorReply(
          ScimError.invalidValue(
            `Send {"name": <profile>} with one of ${Object.keys(profiles).join(', ')}; got ${JSON.stringify(name ?? null)}`,
          ),
        ),
      ).response
    }
    const service = await switchProfile(name as ProfileName)
    return Response.json({ name: service.profile.name, baseUrl: service.baseUrl })
  }

  return {
    get current() {
      return current
    },
    async handle(request) {
      if (options.controlApi && request.method.toUpperCase() === 'PUT') {
        const { pathname } = new URL(request.url)
        if (pathname.replace(/\/+$/, '') === profilePath) return answerSwitch(request)
      }
      return current.handle(request)
    },
    switchProfile,
  }
}
