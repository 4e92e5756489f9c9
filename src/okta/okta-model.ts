import type { GroupPushOptions } from './flows/group-push.js'
import type { OktaAuth } from './okta-scim-client.js'

/** An Okta user's profile: the base attributes the app mappings read. */
export interface OktaUserProfile {
  login: string
  email: string
  firstName: string
  lastName: string
  displayName?: string
  title?: string
  department?: string
  /** Okta's default is en-US, which the SCIM mapping sends as `locale` (okta-behavior.md §1.2). */
  locale?: string
  [attribute: string]: string | undefined
}

export type OktaUserStatus = 'ACTIVE' | 'SUSPENDED' | 'DEACTIVATED'

/** An Okta user: `00u…`, 20 characters. */
export interface OktaUser {
  id: string
  status: OktaUserStatus
  profile: OktaUserProfile
}

/** An Okta group: `00g…`, with user ids as members. */
export interface OktaGroup {
  id: string
  name: string
  description?: string
  members: string[]
}

/** The To App provisioning toggles of an app. */
export interface ProvisioningToggles {
  createUsers: boolean
  updateUserAttributes: boolean
  deactivateUsers: boolean
  syncPassword: boolean
  pushGroups: boolean
  importUsers: boolean
  importGroups: boolean
}

/**
 * An app instance with its SCIM connection. `mode: 'aiw'` is a custom app
 * (every write is GET then PUT); `'oin'` a catalog app such as "SCIM 2.0 Test
 * App (OAuth Bearer Token)" (PATCH for activate, deactivate, password, groups).
 */
export interface OktaAppSettings {
  label: string
  baseUrl: string
  auth: OktaAuth
  mode: 'aiw' | 'oin'
  /**
   * Provisioning > Integration, "Enable API integration" (default true). While it is
   * off, assignments are recorded UNPROVISIONED and nothing is sent; turning it on
   * later does not provision them: "Provision User" does (okta-behavior.md §1.10).
   * Optional so that settings built by hand stay valid: absent means on.
   */
  apiIntegration?: boolean
  /** The app username: the Okta login (default), the email, or the email's local part. */
  userNameFormat: 'login' | 'email' | 'emailPrefix'
  /** The app-user attribute whose value the lookup filter compares to `userName` (okta-behavior.md §1.0). */
  uniqueIdentifier: 'userName' | 'email'
  /** SCIM attributes Okta maps and sends (only these, and only with a value). */
  mappings: readonly MappedAttribute[]
  provisioning: ProvisioningToggles
  /** Membership changes per group PATCH (okta-behavior.md §1.9d: 100 by default). */
  groupPushBatchSize: number
  /** "Rename app groups to match group name in Okta" on a linked group push. */
  renameLinkedGroups: boolean
  /** Group push choices the reference leaves [UNCONFIRMED] (see GroupPushOptions). */
  groupPush?: Partial<GroupPushOptions>
}

/** The attributes the default mapping sends, in the key order of Okta's POST example. */
export type MappedAttribute =
  | 'userName'
  | 'name.givenName'
  | 'name.familyName'
  | 'emails'
  | 'displayName'
  | 'title'
  | 'locale'
  | 'externalId'
  | 'department'

export type AppUserStatus = 'PROVISIONED' | 'UNPROVISIONED' | 'ERROR' | 'DEPROVISIONED'

/** A user's assignment to an app, and its link to the SCIM resource. */
export interface OktaAppUser {
  userId: string
  /** Assigned directly, and/or through these groups. */
  direct: boolean
  groupIds: string[]
  /** The app username sent as `userName`. */
  userName: string
  /** The SCIM `id` on the server, once linked. */
  remoteId?: string
  status: AppUserStatus
  /** The last failure's message, as the Assignments tab shows it. */
  error?: string
}

/**
 * An account Import Users found that no Okta user owns yet: it waits on the
 * Import tab for the admin to confirm a match (which sends nothing).
 */
export interface OktaImportedUser {
  remoteId: string
  userName: string
}

/** A group pushed to an app (Push Groups tab). */
export interface OktaPushedGroup {
  groupId: string
  /** The SCIM `id` of the app group, once linked or created. */
  remoteId?: string
  status: 'ACTIVE' | 'INACTIVE' | 'ERROR'
  /** "Failed on … UTC: …" while in error. */
  error?: string
  /** App users (remote ids) Okta last pushed as members. */
  pushedMembers: string[]
}

export type OktaTaskKind = 'provisioning' | 'profilePush' | 'deprovisioning' | 'groupPush'

/** A row of Dashboard > Tasks. */
export interface OktaTask {
  id: string
  kind: OktaTaskKind
  appLabel: string
  userId?: string
  groupId?: string
  /** Okta's exact message. */
  message: string
  created: string
  status: 'OPEN' | 'COMPLETED'
  /** Deprovisioning tasks have no Retry, only Mark complete (okta-behavior.md §1.4). */
  retryable: boolean
  /** The task's cause was rate limiting (okta-behavior.md T6). */
  rateLimited: boolean
}

/**
 * What a task's Retry repeats, as data rather than a closure, so that a task
 * survives `org.snapshot()` and `org.restore()`: the flow, and what it needs
 * besides the app (a profile push's wording, the password to sync again, the
 * app group a push links to). The org turns it back into the flow on Retry.
 */
export type OktaRetryAction =
  /** Provisioning of the assignment again (okta-behavior.md §1.2). */
  | { flow: 'provisionAssignment'; userId: string }
  /** Push Profile Updates again, worded as provisioning or as a profile push (§1.3). */
  | { flow: 'pushProfileUpdate'; userId: string; wording: 'provisioning' | 'profilePush' }
  /** The same password pushed again (§1.7); kept as the org keeps it, in clear. */
  | { flow: 'syncPassword'; userId: string; password: string }
  /** The group pushed again: created, or linked to `linkTo` (§1.9a/b). */
  | { flow: 'pushGroup'; groupId: string; linkTo?: string }
  /** The whole membership sent again, rename op included (§1.9e). */
  | { flow: 'resyncGroup'; groupId: string }
  /** The unlink again, deleting the app group or leaving it (§1.9f). */
  | { flow: 'unlinkGroup'; groupId: string; deleteInApp: boolean }

/** A task's Retry as the org keeps it: the action, on this app. */
export type OktaTaskRetry = OktaRetryAction & { appId: string }

/** A System Log event (okta-behavior.md §3, event types). */
export interface OktaLogEvent {
  published: string
  eventType: string
  displayMessage: string
  outcome: { result: 'SUCCESS' | 'FAILURE'; reason?: string }
  target: Array<{
    type: 'User' | 'AppInstance' | 'UserGroup' | 'AppUser'
    id: string
    displayName: string
  }>
}
