import type { ScimResource } from '../../scim/resource/scim-resource.js'
import { URN } from '../../scim/schema/urns.js'
import { defineProfile } from './vendor-profile.js'

/**
 * Where Secoda's user status shows. NOTE: not a schema Secoda documents: the
 * mock's own extension, so a test can see the "Invited" state of seed 001.
 */
export const SECODA_USER_URN = 'urn:ietf:params:scim:schemas:extension:secoda:2.0:User'

/** A Secoda member's state: Invited until the first sign-in (seed 001). */
export type SecodaStatus = 'Invited' | 'Active' | 'Disabled'

/** The settings of the secoda profile. */
export interface SecodaSettings {
  /** Users created while this is on are Active at once, as if they had signed in. Default: false. */
  autoActivate: boolean
}

/** The secoda profile's state in a provider snapshot: who signed in. */
export interface SecodaState {
  /** Ids of the users who signed in at least once (Active unless disabled). */
  activated: string[]
}

const KNOWN = ['autoActivate'] as const

/**
 * Secoda (seed 001): base path `/api/v2/scim`, email is the unique
 * identifier, `User not found` for a stale id, and new users "Invited" until
 * they sign in for the first time: their status shows under
 * {@link SECODA_USER_URN}, and groups hide them as members until then.
 *
 * Settings: `autoActivate` (default false). Actions: `activate({ id })`
 * (the user signs in for the first time) and `activateAll()`.
 *
 * @example
 * const provider = createScimProvider({ baseUrl: 'https://app.secoda.co/api/v2/scim', profile: 'secoda' })
 * await provider.profile.run('activate', { id: user.id }) // now a visible group member
 */
export const secoda = defineProfile({
  name: 'secoda',
  description:
    'Secoda: email is the unique identifier, new users stay "Invited" (and out of their groups) until they first sign in, "User not found" for a stale id',
  source: '001_1887e7e934c7498e.txt',
  create(context) {
    const initial: SecodaSettings = {
      autoActivate: false,
      ...checkSettings(context.settings, 'create a SCIM provider'),
    }
    let settings = { ...initial }
    // Ids of users who signed in at least once: the profile's state.
    const activated = new Set<string>()

    const statusOf = (user: ScimResource): SecodaStatus =>
      user.active === false
        ? 'Disabled'
        : user.id !== undefined && activated.has(user.id)
          ? 'Active'
          : 'Invited'
    const isInvited = (id: string) => {
      const user = context.store.users.get(id)
      return user !== undefined && statusOf(user) === 'Invited'
    }

    return {
      options: {
        // The seed's "SCIM connector base URL": https://app.secoda.co/api/v2/scim/
        baseUrl: '/api/v2/scim',
        // "For the Unique identifier field for users section enter email".
        uniqueEmails: true,
        // NOTE: Secoda's text, copied on purpose (seed 001): "Error while trying to
        // push profile update for <EMAIL>: User not found".
        messages: { notFound: (kind) => `${kind} not found` },
      },
      hooks: {
        afterWrite(kind, record, { existing }) {
          if (kind === 'User' && !existing && settings.autoActivate) activated.add(record.id)
        },
        present(kind, resource) {
          if (kind === 'User') {
            // NOTE: Secoda-specific (seed 001): "These users will be populated in
            // Secoda in an "Invited" state". An invited user is in no group yet.
            const status = statusOf(resource)
            const { groups, ...rest } = resource
            const schemas = resource.schemas ?? [URN.user]
            return {
              ...rest,
              ...(groups !== undefined && status !== 'Invited' ? { groups } : {}),
              schemas: schemas.includes(SECODA_USER_URN) ? schemas : [...schemas, SECODA_USER_URN],
              [SECODA_USER_URN]: { status },
            }
          }
          // NOTE: Secoda-specific (seed 001): ""Invited" users will not appear as
          // a group member until the user activates their account by signing in
          // for the first time." They are stored members all along, so they show
          // up on activation without any write.
          if (!Array.isArray(resource.members)) return resource
          const members = (resource.members as Array<{ value: string }>).filter(
            (member) => !isInvited(member.value),
          )
          if (members.length === resource.members.length) return resource
          const { members: _, ...rest } = resource
          return members.length > 0 ? { ...rest, members } : rest
        },
      },
      get settings() {
        return { ...settings }
      },
      updateSettings(changes) {
        settings = { ...settings, ...checkSettings(changes, 'update secoda settings') }
      },
      actions: {
        activate(input) {
          const id = input.id
          if (typeof id !== 'string' || id === '') {
            throw new TypeError('Failed to run activate: give { id } as a non-empty string')
          }
          const user = context.store.users.get(id)
          if (!user) throw new TypeError(`Failed to activate "${id}": User not found`)
          if (user.active === false) {
            throw new TypeError(
              `Failed to activate "${id}": the user is Disabled (active: false) and cannot sign in`,
            )
          }
          activated.add(id)
          return { id, status: statusOf(user) }
        },
        activateAll() {
          const ids: string[] = []
          for (const user of context.store.users.values()) {
            if (statusOf(user) !== 'Invited') continue
            activated.add(user.id)
            ids.push(user.id)
          }
          return ids
        },
      },
      reset() {
        settings = { ...initial }
        activated.clear()
      },
      snapshot: (): SecodaState => ({ activated: [...activated] }),
      restore(state) {
        const ids = (state as Partial<SecodaState> | null)?.activated
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
          throw new TypeError(
            `Failed to restore secoda state: expected { activated: [user ids] }, got ${JSON.stringify(state)}`,
          )
        }
        activated.clear()
        for (const id of ids) activated.add(id)
      },
    }
  },
})

/** Checks every change before any applies; throws `Failed to <action>: …`. */
function checkSettings(changes: Record<string, unknown>, action: string): Partial<SecodaSettings> {
  for (const [key, value] of Object.entries(changes)) {
    if (!(KNOWN as readonly string[]).includes(key)) {
      throw new TypeError(
        `Failed to ${action}: unknown secoda setting "${key}" (known: ${KNOWN.join(', ')})`,
      )
    }
    if (typeof value !== 'boolean') {
      throw new TypeError(
        `Failed to ${action}: ${key} must be a boolean, got ${JSON.stringify(value)}`,
      )
    }
  }
  return changes as Partial<SecodaSettings>
}
