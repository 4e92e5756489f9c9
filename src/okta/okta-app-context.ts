import { URN } from '../scim/schema/urns.js'
import type { OktaClock } from './okta-clock.js'
import type {
  OktaAppSettings,
  OktaAppUser,
  OktaGroup,
  OktaImportedUser,
  OktaLogEvent,
  OktaPushedGroup,
  OktaRetryAction,
  OktaTask,
  OktaTaskKind,
  OktaUser,
} from './okta-model.js'
import type { OktaExchange, OktaScimClient } from './okta-scim-client.js'

/** What a flow needs: the org's state, one app, and its SCIM client. */
export interface AppContext {
  readonly clock: OktaClock
  readonly app: {
    readonly id: string
    readonly settings: OktaAppSettings
    readonly users: Map<string, OktaAppUser>
    /** Imported accounts no Okta user owns, by SCIM id. */
    readonly imported: Map<string, OktaImportedUser>
    readonly pushedGroups: Map<string, OktaPushedGroup>
    /** Okta's app-group cache (displayName lower-cased → SCIM id), filled by Import Groups and saving provisioning. */
    readonly groupCache: Map<string, string>
    /** Whether the app's groups were ever read: a warm cache needs no filter call [KR1 §10]. */
    groupCacheLoaded: boolean
  }
  readonly client: OktaScimClient
  user(id: string): OktaUser
  group(id: string): OktaGroup
  /** A random 8-character password placeholder, as Okta sends on every create. */
  placeholderPassword(): string
  log(event: Omit<OktaLogEvent, 'published'>): void
  /**
   * Opens a task. `retry` says what its Retry repeats (absent: no Retry, as for
   * deprovisioning); `target` is the assignment or pushed group it repeats it
   * on, the very object, even if it has left the app by then.
   */
  addTask(
    task: Omit<OktaTask, 'id' | 'created' | 'status' | 'retryable' | 'rateLimited'>,
    exchange: OktaExchange | undefined,
    retry?: OktaRetryAction,
    target?: OktaAppUser | OktaPushedGroup,
  ): OktaTask
  /** Closes the open tasks of a user (or group) on this app, e.g. after a successful retry. */
  completeTasks(kind: OktaTaskKind, target: { userId?: string; groupId?: string }): void
  /** Flows that follow another: e.g. group memberships after a user is provisioned. */
  readonly hooks: {
    afterUserProvisioned: Array<(user: OktaUser, appUser: OktaAppUser) => Promise<void>>
  }
}

/** The user's display name as Okta shows it in messages ("Jane Doe"). */
export function displayNameOf(user: OktaUser): string {
  return user.profile.displayName ?? `${user.profile.firstName} ${user.profile.lastName}`
}

/** The app username for a user, by the app's format. */
export function appUserNameOf(user: OktaUser, settings: OktaAppSettings): string {
  switch (settings.userNameFormat) {
    case 'email':
      return user.profile.email
    case 'emailPrefix':
      return user.profile.email.split('@')[0] ?? user.profile.email
    case 'login':
      return user.profile.login
  }
}

/**
 * The SCIM user Okta sends on create, keys in the order of Okta's example
 * (okta-behavior.md §1.2): only mapped attributes that have a value,
 * `externalId` = the Okta user id, `groups: []`, a placeholder `password`,
 * `active: true`, and the enterprise extension for `department`.
 */
export function scimUserBody(
  user: OktaUser,
  appUser: OktaAppUser,
  context: Pick<AppContext, 'app' | 'placeholderPassword'>,
): Record<string, unknown> {
  const mapped = new Set(context.app.settings.mappings)
  const { profile } = user
  const department = mapped.has('department') ? profile.department : undefined
  const body: Record<string, unknown> = {
    schemas: department ? [URN.user, URN.enterpriseUser] : [URN.user],
  }
  Object.assign(body, mappedAttributes(user, appUser, mapped))
  body.groups = []
  body.password = context.placeholderPassword()
  body.active = true
  if (department) body[URN.enterpriseUser] = { department }
  return body
}

/** The mapped attributes with a value, in Okta's order (no schemas/groups/password/active). */
export function mappedAttributes(
  user: OktaUser,
  appUser: OktaAppUser,
  mapped: ReadonlySet<string>,
): Record<string, unknown> {
  const { profile } = user
  const attributes: Record<string, unknown> = {}
  if (mapped.has('userName')) attributes.userName = appUser.userName
  const name: Record<string, string> = {}
  if (mapped.has('name.givenName') && profile.firstName) name.givenName = profile.firstName
  if (mapped.has('name.familyName') && profile.lastName) name.familyName = profile.lastName
  if (Object.keys(name).length > 0) attributes.name = name
  if (mapped.has('emails') && profile.email) {
    attributes.emails = [{ primary: true, value: profile.email, type: 'work' }]
  }
  if (mapped.has('displayName')) attributes.displayName = displayNameOf(user)
  if (mapped.has('title') && profile.title) attributes.title = profile.title
  if (mapped.has('locale') && profile.locale) attributes.locale = profile.locale
  if (mapped.has('externalId')) attributes.externalId = user.id
  return attributes
}

/**
 * A profile push body: the server's GET response with Okta's mapped values
 * written over it; everything else (id, meta, unmapped fields, even a
 * returned password) is echoed (okta-behavior.md §1.2 step 3, §1.3).
 */
export function mergedUserBody(
  current: Record<string, unknown>,
  user: OktaUser,
  appUser: OktaAppUser,
  settings: OktaAppSettings,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  const mapped = new Set<string>(settings.mappings)
  const body: Record<string, unknown> = structuredClone(current)
  for (const [key, value] of Object.entries(mappedAttributes(user, appUser, mapped))) {
    body[key] =
      key === 'name' && typeof body.name === 'object' && body.name !== null
        ? { ...(body.name as object), ...(value as object) }
        : value
  }
  const department = mapped.has('department') ? user.profile.department : undefined
  if (department) {
    const schemas = Array.isArray(body.schemas) ? [...(body.schemas as string[])] : [URN.user]
    if (!schemas.includes(URN.enterpriseUser)) schemas.push(URN.enterpriseUser)
    body.schemas = schemas
    body[URN.enterpriseUser] = { ...(body[URN.enterpriseUser] as object), department }
  }
  return Object.assign(body, changes)
}

/** The lookup filter path (okta-behavior.md §1.0): `eq` on userName, %20 for spaces, then startIndex and count. */
export function lookupPath(resource: 'Users' | 'Groups', attribute: string, value: string): string {
  return `/${resource}?filter=${encodeURIComponent(`${attribute} eq "${value}"`)}&startIndex=1&count=100`
}
