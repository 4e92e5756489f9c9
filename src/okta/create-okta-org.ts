import { deprovisionUser } from './flows/deprovision-user.js'
import { groupPush } from './flows/group-push.js'
import { type ImportResult, importResources } from './flows/import-resources.js'
import { provisionAssignment, type ProvisionResult } from './flows/assign-user.js'
import { pushProfileUpdate, retryProfileUpdate } from './flows/profile-update.js'
import { retrySyncPassword, syncPassword } from './flows/sync-password.js'
import { createSimulatedClock, type OktaClock, simulatedTimeOf } from './okta-clock.js'
import { type AppContext, appUserNameOf, displayNameOf } from './okta-app-context.js'
import { type OktaAppInput, resolveAppSettings } from './okta-app-settings.js'
import { createOktaIds } from './okta-ids.js'
import { oktaMessages, remoteCause } from './okta-messages.js'
import type {
  OktaAppSettings,
  OktaAppUser,
  OktaGroup,
  OktaImportedUser,
  OktaLogEvent,
  OktaPushedGroup,
  OktaTask,
  OktaTaskRetry,
  OktaUser,
  OktaUserProfile,
} from './okta-model.js'
import {
  type OktaAppSnapshot,
  type OktaOrgSnapshot,
  type OktaTaskSnapshot,
  parseOktaOrgSnapshot,
} from './okta-org-snapshot.js'
import { createOktaScimClient, type OktaExchange } from './okta-scim-client.js'

export interface OktaOrgOptions {
  /** How requests are sent: MSW's intercepted `fetch`, or a real one. Default: the global fetch. */
  fetch?: typeof fetch
  /** Simulated by default (waits are instant); `createSystemClock()` for a real server. */
  clock?: OktaClock
  /** Seeds ids, placeholder passwords and OAuth state: the same seed, the same transcript. */
  seed?: number
}

/** Every request the org sent, with the app that sent it. */
export interface OktaRequestRecord extends OktaExchange {
  app: string
}

/** What `app.testConnection()` reports. */
export interface ConnectionTestResult {
  ok: boolean
  /** "Connector configured successfully" or "Error authenticating: …". */
  message: string
}

/** One app instance of the org, with its provisioning actions. */
export interface OktaApp {
  readonly id: string
  readonly label: string
  readonly settings: Readonly<OktaAppSettings>
  /** Changes settings (mode, toggles, mappings...) as the admin console would. */
  update(
    changes: Partial<Omit<OktaAppSettings, 'provisioning'>> & {
      provisioning?: Partial<OktaAppSettings['provisioning']>
    },
  ): void
  /** Test API Credentials (okta-behavior.md §1.1). */
  testConnection(): Promise<ConnectionTestResult>
  /** Saving Provisioning > To App: `GET /Users?startIndex=1&count=2` and the group cache. */
  saveProvisioning(): Promise<void>
  /** OAuth apps: "Authenticate with …": the authorization code flow. */
  authorize(): Promise<void>
  /** Assigns a user directly and provisions it (okta-behavior.md §1.2). */
  assignUser(user: string, options?: { provision?: boolean }): Promise<ProvisionResult | undefined>
  /** Assigns a group: each member is provisioned. */
  assignGroup(group: string): Promise<void>
  /** Removes the direct assignment; deprovisions unless a group still assigns the user. */
  unassignUser(user: string): Promise<void>
  unassignGroup(group: string): Promise<void>
  /** "Provision User" for an assignment made before provisioning (okta-behavior.md §1.10). */
  provisionUser(user: string): Promise<ProvisionResult | undefined>
  /**
   * Edits the assignment (the app-user profile): `userName` is the app username, the
   * other values replace the Okta user's for this app. A provisioned user gets a profile
   * push worded as provisioning (okta-behavior.md §1.3, Secoda's seed 001).
   */
  updateAssignment(user: string, profile: AppUserProfile): Promise<ProvisionResult | undefined>
  /** Import Users (and Import Groups when on): okta-behavior.md §1.8. */
  import(): Promise<ImportResult>
  pushGroup(group: string, options?: { linkTo?: string }): Promise<void>
  pushNow(group: string): Promise<void>
  unlinkGroup(group: string, options: { deleteInApp: boolean }): Promise<void>
  setPushActive(group: string, active: boolean): Promise<void>
  /** The assignments, with their link and status. */
  users(): OktaAppUser[]
  /** Accounts Import Users found that no Okta user owns yet. */
  importedUsers(): OktaImportedUser[]
  appUser(user: string): OktaAppUser | undefined
  pushedGroups(): OktaPushedGroup[]
  /** One pushed group (by Okta group id or name), or undefined when the group is not pushed. */
  pushedGroup(group: string): OktaPushedGroup | undefined
}

/**
 * An assignment's own profile values: `userName`, and Okta profile attributes whose
 * value this app user overrides (`title`, `firstName`...). `login` is the Okta user's.
 */
export type AppUserProfile = Partial<OktaUserProfile> & { userName?: string }

/** OAuth apps: the tokens `authorize()` (or a refresh) obtained. */
interface OAuthTokens {
  accessToken?: string
  refreshToken?: string
}

/** A task as the org keeps it: with what its Retry repeats, and on what. */
interface TaskRecord extends OktaTask {
  retry?: OktaTaskRetry
  /**
   * The assignment or pushed group the failure was for: Retry acts on this
   * very object, as Okta's does, even after it left the app (unassigned, unlinked).
   */
  target?: OktaAppUser | OktaPushedGroup
}

/** What the org needs of an app besides its `OktaApp` and flow context. */
interface AppInternals {
  assignedGroups: Set<string>
  provisionIfNeeded(user: OktaUser, appUser: OktaAppUser): Promise<ProvisionResult | undefined>
  removeAssignment(user: OktaUser, appUser: OktaAppUser): Promise<void>
  deprovisionIfLinked(user: OktaUser, appUser: OktaAppUser): Promise<void>
  assignmentView(user: OktaUser): OktaUser
  /** The assignments' own profile values (`updateAssignment`), by Okta user id. */
  assignmentProfiles: Map<string, AppUserProfile>
  oauth: OAuthTokens
}

/**
 * An Okta org that provisions to SCIM apps exactly as Okta does: the same
 * requests in the same order and shape, and Okta's own words when they fail.
 * It needs only `fetch`, so it drives MSW, the standalone server or any real
 * SCIM server.
 *
 * @example
 * const org = createOktaOrg({ fetch })
 * const app = org.apps.create({ label: 'SCIM 2.0 Test App (OAuth Bearer Token)', mode: 'oin',
 *   baseUrl: 'https://acme.test/scim/v2', auth: { type: 'bearer', token: 'secret' } })
 * const jane = org.users.create({ login: 'jane@corp.example', email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' })
 * await app.assignUser(jane.id)
 * org.tasks.list() // Okta's messages for what failed
 */
export function createOktaOrg(options: OktaOrgOptions = {}) {
  const seed = options.seed ?? 1
  const ids = createOktaIds(seed)
  const secrets = createOktaIds(seed + 1)
  const clock = options.clock ?? createSimulatedClock()
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
  const users = new Map<string, OktaUser>()
  const groups = new Map<string, OktaGroup>()
  const apps = new Map<string, { app: OktaApp; context: AppContext }>()
  const tasks: TaskRecord[] = []
  const events: OktaLogEvent[] = []
  const requests: OktaRequestRecord[] = []
  let taskNumber = 0

  const findUser = (key: string): OktaUser => {
    const user =
      users.get(key) ??
      [...users.values()].find((u) => u.profile.login.toLowerCase() === key.toLowerCase())
    if (!user)
      throw new TypeError(`Failed to find Okta user "${key}": no user with this id or login`)
    return user
  }
  const findGroup = (key: string): OktaGroup => {
    const group =
      groups.get(key) ??
      [...groups.values()].find((g) => g.name.toLowerCase() === key.toLowerCase())
    if (!group)
      throw new TypeError(`Failed to find Okta group "${key}": no group with this id or name`)
    return group
  }
  const log = (event: Omit<OktaLogEvent, 'published'>) =>
    events.push({ published: clock.now().toISOString(), ...event })

  const createApp = (input: OktaAppInput): OktaApp => addApp(ids('0oa'), resolveAppSettings(input))

  /** Builds an app (a new one, or one restored from a snapshot) and adds it to the org. */
  function addApp(id: string, settings: OktaAppSettings, oauth: OAuthTokens = {}): OktaApp {
    const client = createOktaScimClient({
      get baseUrl() {
        return settings.baseUrl
      },
      get auth() {
        return settings.auth
      },
      fetch: fetchImpl,
      clock,
      record: (exchange) => requests.push({ app: settings.label, ...exchange }),
      oauthToken: () => oauth.accessToken,
      refreshOAuth: async () => {
        if (settings.auth.type !== 'oauth' || !oauth.refreshToken) return false
        return exchangeToken({ grant_type: 'refresh_token', refresh_token: oauth.refreshToken })
      },
    })
    const redirectUri = () =>
      (settings.auth.type === 'oauth' && settings.auth.redirectUri) ||
      `https://okta.simulator.test/admin/app/${id}/oauth/callback`

    async function exchangeToken(form: Record<string, string>): Promise<boolean> {
      if (settings.auth.type !== 'oauth') return false
      const { tokenUrl, clientId, clientSecret } = settings.auth
      const response = await fetchImpl(tokenUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
        },
        body: new URLSearchParams(form),
      })
      if (!response.ok) return false
      const tokens = (await response.json()) as { access_token?: string; refresh_token?: string }
      oauth.accessToken = tokens.access_token
      if (tokens.refresh_token) oauth.refreshToken = tokens.refresh_token
      return typeof tokens.access_token === 'string'
    }

    const context: AppContext = {
      clock,
      app: {
        id,
        settings,
        users: new Map(),
        imported: new Map(),
        pushedGroups: new Map(),
        groupCache: new Map(),
        groupCacheLoaded: false,
      },
      client,
      user: (userId) => findUser(userId),
      group: (groupId) => findGroup(groupId),
      placeholderPassword: () => secrets('').slice(0, 8),
      log,
      addTask(task, exchange, retry, target) {
        const created: TaskRecord = {
          ...task,
          id: `task-${++taskNumber}`,
          created: clock.now().toISOString(),
          status: 'OPEN',
          retryable: retry !== undefined,
          rateLimited: exchange?.status === 429,
          ...(retry ? { retry: { ...retry, appId: id } } : {}),
          ...(retry && target ? { target } : {}),
        }
        tasks.push(created)
        return created
      },
      completeTasks(kind, target) {
        for (const task of tasks) {
          if (task.status !== 'OPEN' || task.kind !== kind || task.appLabel !== settings.label)
            continue
          if (target.userId !== undefined && task.userId !== target.userId) continue
          if (target.groupId !== undefined && task.groupId !== target.groupId) continue
          task.status = 'COMPLETED'
        }
      },
      hooks: { afterUserProvisioned: [] },
    }
    // A newly provisioned user joins the pushed groups it is in (okta-behavior.md §1.2 step 6).
    context.hooks.afterUserProvisioned.push((user) => groupPush.afterUserProvisioned(context, user))

    const assignmentFor = (user: OktaUser): OktaAppUser => {
      let appUser = context.app.users.get(user.id)
      if (!appUser) {
        appUser = {
          userId: user.id,
          direct: false,
          groupIds: [],
          userName: appUserNameOf(user, settings),
          status: 'UNPROVISIONED',
        }
        context.app.users.set(user.id, appUser)
      }
      return appUser
    }

    const app: OktaApp = {
      id,
      get label() {
        return settings.label
      },
      get settings() {
        return structuredClone(settings)
      },
      update(changes) {
        const { provisioning, ...rest } = changes
        Object.assign(settings, rest)
        if (provisioning) Object.assign(settings.provisioning, provisioning)
      },
      async testConnection() {
        const exchange = await client.send({ method: 'GET', path: '/Users?startIndex=1&count=2' })
        return exchange.status === 200
          ? { ok: true, message: oktaMessages.connectorConfigured }
          : { ok: false, message: oktaMessages.authenticating(exchange) }
      },
      async saveProvisioning() {
        await client.send({ method: 'GET', path: '/Users?startIndex=1&count=2' })
        if (settings.provisioning.importGroups || settings.provisioning.pushGroups) {
          // Fills the app-group cache that Push Groups' create and link read [KR1 §5].
          const listed = await client.send({
            method: 'GET',
            path: '/Groups?startIndex=1&count=100',
          })
          const resources = (
            listed.response as { Resources?: Array<{ id?: string; displayName?: string }> }
          )?.Resources
          for (const group of resources ?? []) {
            if (group.id && group.displayName)
              context.app.groupCache.set(group.displayName.toLowerCase(), group.id)
          }
          if (listed.status === 200) context.app.groupCacheLoaded = true
        }
      },
      async authorize() {
        if (settings.auth.type !== 'oauth') {
          throw new TypeError(
            `Failed to authorize "${settings.label}": its auth is ${settings.auth.type}, not oauth`,
          )
        }
        const { authorizeUrl, clientId } = settings.auth
        const state = secrets('')
        const url = `${authorizeUrl}?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), state })}`
        const consent = await fetchImpl(url, { redirect: 'manual' })
        const location = consent.headers.get('location')
        const code = location ? new URL(location).searchParams.get('code') : null
        if (!code || new URL(location!).searchParams.get('state') !== state) {
          throw new Error(
            `Failed to authorize "${settings.label}": the authorization server answered ${consent.status} without a code`,
          )
        }
        if (
          !(await exchangeToken({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri(),
          }))
        ) {
          throw new Error(
            `Failed to authorize "${settings.label}": the token endpoint refused the code`,
          )
        }
      },
      async assignUser(key, assignOptions = {}) {
        const user = findUser(key)
        const appUser = assignmentFor(user)
        appUser.direct = true
        if (assignOptions.provision === false) return undefined
        return provisionIfNeeded(user, appUser)
      },
      async assignGroup(key) {
        const group = findGroup(key)
        for (const userId of group.members) {
          const user = findUser(userId)
          const appUser = assignmentFor(user)
          if (!appUser.groupIds.includes(group.id)) appUser.groupIds.push(group.id)
          await provisionIfNeeded(user, appUser)
        }
        assignedGroups.add(group.id)
      },
      async unassignUser(key) {
        const user = findUser(key)
        const appUser = context.app.users.get(user.id)
        if (!appUser) return
        appUser.direct = false
        if (appUser.groupIds.length === 0) await removeAssignment(user, appUser)
      },
      async unassignGroup(key) {
        const group = findGroup(key)
        assignedGroups.delete(group.id)
        for (const appUser of [...context.app.users.values()]) {
          if (!appUser.groupIds.includes(group.id)) continue
          appUser.groupIds = appUser.groupIds.filter((groupId) => groupId !== group.id)
          if (!appUser.direct && appUser.groupIds.length === 0)
            await removeAssignment(findUser(appUser.userId), appUser)
        }
      },
      async provisionUser(key) {
        const user = findUser(key)
        const appUser = context.app.users.get(user.id)
        if (!appUser)
          throw new TypeError(`Failed to provision "${key}": not assigned to ${settings.label}`)
        if (settings.apiIntegration === false)
          throw new TypeError(
            `Failed to provision "${key}": API integration is not enabled for ${settings.label}`,
          )
        return provisionAssignment(context, assignmentView(user), appUser)
      },
      async updateAssignment(key, profile) {
        const user = findUser(key)
        const appUser = context.app.users.get(user.id)
        if (!appUser)
          throw new TypeError(
            `Failed to update the assignment of "${key}": not assigned to ${settings.label}`,
          )
        if (profile.login !== undefined)
          throw new TypeError(
            `Failed to update the assignment of "${key}": login is the Okta user's, not the app user's`,
          )
        assignmentProfiles.set(user.id, { ...assignmentProfiles.get(user.id), ...profile })
        if (profile.userName !== undefined) appUser.userName = profile.userName
        // Edits to the assignment trigger Push Profile Updates (okta-behavior.md §1.3).
        if (!isLinked(appUser) || !settings.provisioning.updateUserAttributes) return undefined
        return pushProfileUpdate(context, assignmentView(user), appUser, 'provisioning')
      },
      import: () => importResources(context),
      pushGroup: (key, pushOptions = {}) =>
        groupPush.pushGroup(context, findGroup(key), pushOptions),
      pushNow: (key) => groupPush.pushNow(context, findGroup(key)),
      unlinkGroup: (key, unlinkOptions) =>
        groupPush.unlinkGroup(context, findGroup(key), unlinkOptions),
      setPushActive: (key, active) => groupPush.setPushActive(context, findGroup(key), active),
      users: () => [...context.app.users.values()].map((appUser) => structuredClone(appUser)),
      importedUsers: () => [...context.app.imported.values()].map((row) => ({ ...row })),
      appUser(key) {
        const appUser = context.app.users.get(findUser(key).id)
        return appUser ? structuredClone(appUser) : undefined
      },
      pushedGroups: () =>
        [...context.app.pushedGroups.values()].map((group) => structuredClone(group)),
      pushedGroup(key) {
        const pushed = context.app.pushedGroups.get(findGroup(key).id)
        return pushed ? structuredClone(pushed) : undefined
      },
    }
    const assignedGroups = new Set<string>()
    /** The assignments' own profile values (`updateAssignment`), by Okta user id. */
    const assignmentProfiles = new Map<string, AppUserProfile>()

    /**
     * The Okta user as this app's assignment sees it: the app user's own values over
     * the Okta profile, read live (a task's Retry sees later changes too).
     */
    function assignmentView(user: OktaUser): OktaUser {
      return {
        get id() {
          return user.id
        },
        get status() {
          return user.status
        },
        get profile() {
          const { userName: _, ...own } = assignmentProfiles.get(user.id) ?? {}
          return { ...user.profile, ...own }
        },
      }
    }

    /** Linked, provisioned and the API integration on: the app user's changes are pushed. */
    function isLinked(appUser: OktaAppUser): boolean {
      return (
        settings.apiIntegration !== false && appUser.status === 'PROVISIONED' && !!appUser.remoteId
      )
    }

    /**
     * Provisions an assignment if it is not already provisioned; suspended or deactivated
     * users wait. Without the API integration it is recorded, unprovisioned, and nothing
     * is sent; enabling it later does not provision it (okta-behavior.md §1.10) [SUP-PROVUSER].
     */
    async function provisionIfNeeded(user: OktaUser, appUser: OktaAppUser) {
      if (appUser.status === 'PROVISIONED' || user.status !== 'ACTIVE') return undefined
      if (settings.apiIntegration === false) {
        appUser.error = oktaMessages.notProvisioned
        return undefined
      }
      return provisionAssignment(context, assignmentView(user), appUser)
    }

    /**
     * Pushes the deactivation of a linked app user (okta-behavior.md §1.4). Nothing is
     * sent when the create never linked [DEVF-1], when it was already deprovisioned,
     * or with Deactivate Users or the API integration off.
     */
    async function deprovisionIfLinked(user: OktaUser, appUser: OktaAppUser) {
      if (!appUser.remoteId || appUser.status === 'DEPROVISIONED') return
      if (settings.apiIntegration === false || !settings.provisioning.deactivateUsers) return
      await deprovisionUser(context, assignmentView(user), appUser)
    }

    async function removeAssignment(user: OktaUser, appUser: OktaAppUser) {
      log({
        eventType: 'application.user_membership.remove',
        displayMessage: "Remove user's application membership",
        outcome: { result: 'SUCCESS' },
        target: [
          { type: 'User', id: user.id, displayName: displayNameOf(user) },
          { type: 'AppInstance', id, displayName: settings.label },
        ],
      })
      context.app.users.delete(user.id)
      await deprovisionIfLinked(user, appUser)
      assignmentProfiles.delete(user.id)
    }

    apps.set(id, { app, context })
    appInternals.set(id, {
      assignedGroups,
      provisionIfNeeded,
      removeAssignment,
      deprovisionIfLinked,
      assignmentView,
      assignmentProfiles,
      oauth,
    })
    return app
  }
  const appInternals = new Map<string, AppInternals>()

  /**
   * Runs `work` for every app where the user is assigned and linked (and the API
   * integration on), with the user as that app's assignment sees it, and the
   * assignment's own `userName` if it has one.
   */
  async function forEachLinkedApp(
    user: OktaUser,
    work: (
      context: AppContext,
      appUser: OktaAppUser,
      appView: OktaUser,
      ownUserName: string | undefined,
    ) => Promise<void>,
  ) {
    for (const [appId, { context }] of apps) {
      const appUser = context.app.users.get(user.id)
      if (
        appUser?.remoteId &&
        appUser.status === 'PROVISIONED' &&
        context.app.settings.apiIntegration !== false
      ) {
        const internals = appInternals.get(appId)!
        await work(
          context,
          appUser,
          internals.assignmentView(user),
          internals.assignmentProfiles.get(user.id)?.userName,
        )
      }
    }
  }

  /**
   * A task's Retry, turned back into its flow: on the very assignment (or
   * pushed group) the failure was for, as the closures of old did.
   */
  async function repeat(
    retry: OktaTaskRetry,
    target: OktaAppUser | OktaPushedGroup | undefined,
  ): Promise<void> {
    const { context } = apps.get(retry.appId)!
    if (
      retry.flow === 'pushGroup' ||
      retry.flow === 'resyncGroup' ||
      retry.flow === 'unlinkGroup'
    ) {
      const pushed = target && 'groupId' in target ? target : undefined
      return groupPush.retry(context, findGroup(retry.groupId), retry, pushed)
    }
    const user = appInternals.get(retry.appId)!.assignmentView(findUser(retry.userId))
    const appUser = target && 'userId' in target ? target : context.app.users.get(retry.userId)
    // Nothing to act on: unreachable, since a task keeps its target and restore checks it.
    if (!appUser) return
    switch (retry.flow) {
      case 'provisionAssignment':
        await provisionAssignment(context, user, appUser)
        return
      case 'pushProfileUpdate':
        return retryProfileUpdate(context, user, appUser, retry.wording)
      case 'syncPassword':
        return retrySyncPassword(context, user, appUser, retry.password)
    }
  }

  /** Whether a task's target is still the app's own assignment (or pushed group). */
  function isAttached(retry: OktaTaskRetry, target: OktaAppUser | OktaPushedGroup): boolean {
    const { app } = apps.get(retry.appId)!.context
    return 'userId' in retry
      ? app.users.get(retry.userId) === target
      : app.pushedGroups.get(retry.groupId) === target
  }

  function snapshot(): OktaOrgSnapshot {
    const detached: OktaOrgSnapshot['detached'] = { appUsers: [], pushedGroups: [] }
    // Tasks that act on the same detached object share one copy of it.
    const detachedAt = new Map<OktaAppUser | OktaPushedGroup, number>()
    const detach = (target: OktaAppUser | OktaPushedGroup): number => {
      let index = detachedAt.get(target)
      if (index === undefined) {
        index =
          'userId' in target
            ? detached.appUsers.push(target) - 1
            : detached.pushedGroups.push(target) - 1
        detachedAt.set(target, index)
      }
      return index
    }
    const taskSnapshots = tasks.map(({ retry, target, ...task }): OktaTaskSnapshot => {
      if (!retry) return task
      // Only an open task's Retry runs: what a completed one acted on no longer matters.
      if (task.status !== 'OPEN' || !target || isAttached(retry, target)) return { ...task, retry }
      return { ...task, retry: { ...retry, detached: detach(target) } }
    })
    const time = simulatedTimeOf(clock)
    const state: OktaOrgSnapshot = {
      version: 1,
      users: [...users.values()],
      groups: [...groups.values()],
      apps: [...apps.keys()].map(appSnapshot),
      tasks: taskSnapshots,
      detached,
      systemLog: events,
      requests,
      taskNumber,
      streams: { ids: ids.state(), secrets: secrets.state() },
      ...(time ? { clock: time.now().toISOString() } : {}),
    }
    // Plain JSON (no undefined, no shared objects), and a copy the org no longer touches.
    return JSON.parse(JSON.stringify(state)) as OktaOrgSnapshot
  }

  function appSnapshot(appId: string): OktaAppSnapshot {
    const { app } = apps.get(appId)!.context
    const internals = appInternals.get(appId)!
    return {
      id: appId,
      settings: app.settings,
      users: [...app.users.values()],
      imported: [...app.imported.values()],
      pushedGroups: [...app.pushedGroups.values()],
      groupCache: [...app.groupCache.entries()],
      groupCacheLoaded: app.groupCacheLoaded,
      assignedGroups: [...internals.assignedGroups],
      assignmentProfiles: [...internals.assignmentProfiles.entries()],
      oauth: internals.oauth,
    }
  }

  function restore(input: OktaOrgSnapshot): void {
    // Checked whole before anything changes: a bad snapshot leaves the org as it was.
    const saved = parseOktaOrgSnapshot(input)
    refill(users, saved.users, (user) => user.id)
    refill(groups, saved.groups, (group) => group.id)
    apps.clear()
    appInternals.clear()
    for (const app of saved.apps) restoreApp(app)
    const { appUsers, pushedGroups } = saved.detached
    replace(
      tasks,
      saved.tasks.map(({ retry, ...task }): TaskRecord => {
        if (!retry) return task
        const { detached: index, ...kept } = retry
        const action = kept as OktaTaskRetry
        const target =
          index !== undefined
            ? 'userId' in action
              ? appUsers[index]
              : pushedGroups[index]
            : task.status === 'OPEN'
              ? currentTarget(action)
              : undefined
        return { ...task, retry: action, ...(target ? { target } : {}) }
      }),
    )
    replace(events, saved.systemLog)
    replace(requests, saved.requests)
    taskNumber = saved.taskNumber
    ids.resume(saved.streams.ids)
    secrets.resume(saved.streams.secrets)
    // The system clock (or one of the caller's own) tells the world's time: left alone.
    if (saved.clock !== undefined) simulatedTimeOf(clock)?.set(new Date(saved.clock))
  }

  function restoreApp(saved: OktaAppSnapshot) {
    addApp(saved.id, saved.settings, saved.oauth)
    const { app } = apps.get(saved.id)!.context
    const internals = appInternals.get(saved.id)!
    refill(app.users, saved.users, (appUser) => appUser.userId)
    refill(app.imported, saved.imported, (row) => row.remoteId)
    refill(app.pushedGroups, saved.pushedGroups, (pushed) => pushed.groupId)
    for (const [name, remoteId] of saved.groupCache) app.groupCache.set(name, remoteId)
    app.groupCacheLoaded = saved.groupCacheLoaded
    for (const groupId of saved.assignedGroups) internals.assignedGroups.add(groupId)
    for (const [userId, profile] of saved.assignmentProfiles)
      internals.assignmentProfiles.set(userId, profile)
  }

  /** What an open task's Retry acts on when it had not left its app. */
  function currentTarget(retry: OktaTaskRetry): OktaAppUser | OktaPushedGroup | undefined {
    const { app } = apps.get(retry.appId)!.context
    return 'userId' in retry ? app.users.get(retry.userId) : app.pushedGroups.get(retry.groupId)
  }

  return {
    users: {
      create(
        profile: Omit<OktaUserProfile, 'locale'> & { locale?: string; status?: OktaUser['status'] },
      ): OktaUser {
        const { status = 'ACTIVE', ...rest } = profile
        const user: OktaUser = {
          id: ids('00u'),
          status,
          profile: { locale: 'en-US', ...rest } as OktaUserProfile,
        }
        users.set(user.id, user)
        return structuredClone(user)
      },
      get: (key: string): OktaUser => structuredClone(findUser(key)),
      list: (): OktaUser[] => [...users.values()].map((user) => structuredClone(user)),
      /** Changes the profile and pushes it to every app with Update User Attributes on (okta-behavior.md §1.3). */
      async update(key: string, changes: Partial<OktaUserProfile>) {
        const user = findUser(key)
        Object.assign(user.profile, changes)
        await forEachLinkedApp(user, async (context, appUser, appView, ownUserName) => {
          if (!context.app.settings.provisioning.updateUserAttributes) return
          appUser.userName = ownUserName ?? appUserNameOf(user, context.app.settings)
          // T2 wording, a profilePush task, the System Log event (flows/profile-update.ts).
          await pushProfileUpdate(context, appView, appUser, 'profilePush')
        })
      },
      /**
       * Deactivates the Okta user (okta-behavior.md §1.4, §1.5): its individual
       * assignments are removed ("Remove user's application membership"), its group
       * assignments stay for a reactivation, and every linked app user is deactivated.
       */
      async deactivate(key: string) {
        const user = findUser(key)
        if (user.status === 'DEACTIVATED') return
        user.status = 'DEACTIVATED'
        for (const [appId, { context }] of apps) {
          const appUser = context.app.users.get(user.id)
          if (!appUser) continue
          const internals = appInternals.get(appId)!
          appUser.direct = false
          if (appUser.groupIds.length === 0) await internals.removeAssignment(user, appUser)
          else await internals.deprovisionIfLinked(user, appUser)
        }
      },
      /**
       * Reactivates a deactivated Okta user: group assignments come back and are
       * provisioned again (§1.2: the filter finds the inactive account, which is
       * reactivated with the same id); individual assignments do not come back
       * (okta-behavior.md §1.5) [KR2 §4].
       */
      async reactivate(key: string) {
        const user = findUser(key)
        if (user.status !== 'DEACTIVATED')
          throw new TypeError(`Failed to reactivate "${key}": the user is ${user.status}`)
        user.status = 'ACTIVE'
        for (const [appId, { context }] of apps) {
          const appUser = context.app.users.get(user.id)
          if (appUser && appUser.groupIds.length > 0)
            await appInternals.get(appId)!.provisionIfNeeded(user, appUser)
        }
      },
      /** Suspending sends nothing (okta-behavior.md §1.4). */
      suspend(key: string) {
        findUser(key).status = 'SUSPENDED'
      },
      unsuspend(key: string) {
        findUser(key).status = 'ACTIVE'
      },
      /** Sets the Okta password; apps with Sync Password on push it (okta-behavior.md §1.7). */
      async setPassword(key: string, password: string) {
        const user = findUser(key)
        await forEachLinkedApp(user, async (context, appUser, appView) => {
          if (context.app.settings.provisioning.syncPassword)
            await syncPassword(context, appView, appUser, password)
        })
      },
    },
    groups: {
      create(input: { name: string; description?: string; members?: string[] }): OktaGroup {
        const group: OktaGroup = {
          id: ids('00g'),
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
          members: (input.members ?? []).map((key) => findUser(key).id),
        }
        groups.set(group.id, group)
        return structuredClone(group)
      },
      get: (key: string): OktaGroup => structuredClone(findGroup(key)),
      list: (): OktaGroup[] => [...groups.values()].map((group) => structuredClone(group)),
      /** Adds members: group assignments provision them, pushed groups get the change (okta-behavior.md §1.9d). */
      async addMembers(key: string, members: string[]) {
        const group = findGroup(key)
        const added = members
          .map((member) => findUser(member).id)
          .filter((userId) => !group.members.includes(userId))
        group.members.push(...added)
        for (const [appId, { context }] of apps) {
          const internals = appInternals.get(appId)!
          if (internals.assignedGroups.has(group.id)) {
            for (const userId of added) {
              const user = findUser(userId)
              const appUser =
                context.app.users.get(userId) ??
                ((): OktaAppUser => {
                  const created: OktaAppUser = {
                    userId,
                    direct: false,
                    groupIds: [],
                    userName: appUserNameOf(user, context.app.settings),
                    status: 'UNPROVISIONED',
                  }
                  context.app.users.set(userId, created)
                  return created
                })()
              if (!appUser.groupIds.includes(group.id)) appUser.groupIds.push(group.id)
              await internals.provisionIfNeeded(user, appUser)
            }
          }
          if (context.app.pushedGroups.get(group.id)?.status === 'ACTIVE' && added.length > 0) {
            await groupPush.membershipChanged(context, group, added, [])
          }
        }
      },
      /** Removes members: group assignments deprovision them, pushed groups get the change. */
      async removeMembers(key: string, members: string[]) {
        const group = findGroup(key)
        const removed = members
          .map((member) => findUser(member).id)
          .filter((userId) => group.members.includes(userId))
        group.members = group.members.filter((userId) => !removed.includes(userId))
        for (const [appId, { context }] of apps) {
          const internals = appInternals.get(appId)!
          if (context.app.pushedGroups.get(group.id)?.status === 'ACTIVE' && removed.length > 0) {
            await groupPush.membershipChanged(context, group, [], removed)
          }
          if (!internals.assignedGroups.has(group.id)) continue
          for (const userId of removed) {
            const appUser = context.app.users.get(userId)
            if (!appUser) continue
            appUser.groupIds = appUser.groupIds.filter((groupId) => groupId !== group.id)
            if (!appUser.direct && appUser.groupIds.length === 0)
              await internals.removeAssignment(findUser(userId), appUser)
          }
        }
      },
      /** Renames the group; pushed copies follow (okta-behavior.md §1.9c). */
      async rename(key: string, name: string) {
        const group = findGroup(key)
        group.name = name
        for (const { context } of apps.values()) {
          if (context.app.pushedGroups.get(group.id)?.status === 'ACTIVE')
            await groupPush.renameGroup(context, group)
        }
      },
    },
    apps: {
      create: createApp,
      get(key: string): OktaApp {
        const found =
          apps.get(key)?.app ?? [...apps.values()].find(({ app }) => app.label === key)?.app
        if (!found) throw new TypeError(`Failed to find app "${key}"`)
        return found
      },
      list: (): OktaApp[] => [...apps.values()].map(({ app }) => app),
    },
    tasks: {
      /** Dashboard > Tasks, oldest first. */
      list: (): OktaTask[] => tasks.map(publicTask),
      open: (): OktaTask[] => tasks.filter((task) => task.status === 'OPEN').map(publicTask),
      /** "Retry": repeats the failed operation (deprovisioning tasks have none). */
      async retry(taskId: string) {
        const task = tasks.find((candidate) => candidate.id === taskId)
        if (!task) throw new TypeError(`Failed to retry "${taskId}": no such task`)
        if (!task.retry)
          throw new TypeError(
            `Failed to retry "${taskId}": this task has no Retry, only Mark complete`,
          )
        if (task.status !== 'OPEN') return
        task.status = 'COMPLETED'
        await repeat(task.retry, task.target)
      },
      /** "Mark complete". */
      complete(taskId: string) {
        const task = tasks.find((candidate) => candidate.id === taskId)
        if (!task) throw new TypeError(`Failed to complete "${taskId}": no such task`)
        task.status = 'COMPLETED'
      },
    },
    /** System Log events, oldest first. */
    systemLog: (): OktaLogEvent[] => structuredClone(events),
    /** Every SCIM request the org sent, oldest first. */
    requests: (): readonly OktaRequestRecord[] => requests,
    /** Forgets the requests sent so far (e.g. after arranging a test). */
    clearRequests() {
      requests.length = 0
    },
    clock,
    /**
     * The org's whole state as plain JSON (see `OktaOrgSnapshot`): users,
     * groups, apps, tasks with their Retry, the System Log, the requests, and
     * where the seeded ids and the simulated clock stand. Take it between
     * actions: what is in flight is not in it.
     *
     * @example
     * localStorage.setItem('okta-org', JSON.stringify(org.snapshot()))
     */
    snapshot,
    /**
     * Replaces the org's whole state with a snapshot's, taken from this org
     * or another (options may differ: the snapshot's ids and time win). The
     * org then goes on as the one that took it would have. A snapshot of
     * another version, or malformed, throws a TypeError and changes nothing.
     * `OktaApp` objects taken before belong to the replaced state: get the
     * apps again from `org.apps`.
     *
     * @example
     * org.restore(JSON.parse(localStorage.getItem('okta-org')!))
     * const app = org.apps.get('Acme')
     */
    restore,
  }
}

/** A task as `org.tasks` shows it: without what its Retry repeats. */
function publicTask({ retry: _, target: __, ...task }: TaskRecord): OktaTask {
  return structuredClone(task)
}

/** Empties `map`, then fills it with `items` by `key`, in order. */
function refill<T>(map: Map<string, T>, items: readonly T[], key: (item: T) => string) {
  map.clear()
  for (const item of items) map.set(key(item), item)
}

/** Empties `array` in place (callers may hold it), then fills it with `items`. */
function replace<T>(array: T[], items: readonly T[]) {
  array.length = 0
  // One push per item: spreading a long request log could overflow the stack.
  for (const item of items) array.push(item)
}

/** An Okta org: `createOktaOrg()`. */
export type OktaOrg = ReturnType<typeof createOktaOrg>

export { remoteCause }
