import { type AppContext, mappedAttributes } from '../okta-app-context.js'
import { jsonParserMessage, remoteCause } from '../okta-messages.js'
import type { OktaAppUser, OktaLogEvent } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'

/** The counters of Okta's import results dialog (okta-behavior.md §1.8). */
export interface ImportResult {
  /** False when a request failed and the import stopped; `error` says why. */
  ok: boolean
  /**
   * Okta's words for the failure, e.g. "Error while importing users: Bad
   * Gateway. Errors reported by remote server: …". [UNCONFIRMED] wording.
   */
  error?: string
  /** The import gave up on a 429 after Okta's 10 attempts (okta-behavior.md §2, T6). */
  rateLimited: boolean
  usersScanned: number
  newUsers: number
  updatedUsers: number
  unchangedUsers: number
  removedUsers: number
  groupsScanned: number
  newGroups: number
  updatedGroups: number
  unchangedGroups: number
  removedGroups: number
  /** The dialog's lines, e.g. "1 users scanned!"; on failure, the one error line. */
  lines: string[]
}

/** Imports read pages of 100 and advance `startIndex` by 100 (okta-behavior.md §5). */
const PAGE_SIZE = 100

/** A SCIM resource as an import reads it. */
type Resource = Record<string, unknown>

/** One downloaded collection, or why the download stopped. */
type Download =
  { ok: true; resources: Resource[] } | { ok: false; cause: string; exchange: OktaExchange }

/**
 * Import Users, then Import Groups when it is on (okta-behavior.md §1.8), as
 * "Import Now" on the Import tab runs it:
 *
 * 1. `GET /Users?startIndex=1&count=100`, then `startIndex=101`, … while
 *    `totalResults` says more remain. No filter, no `attributes`.
 * 2. Each active user is scanned. An app user Okta already knows (same SCIM
 *    `id`, or an assignment whose app username is an EXACT match) is an
 *    existing user, updated or unchanged; any other is a new user imported.
 *    `active: false` users are not scanned: they count as removed.
 * 3. `GET /Groups?startIndex=1&count=100`, paged the same way, leaving out
 *    the groups Okta itself created by push. The app-group cache (Push
 *    Groups' create and link read it) learns every other group.
 *
 * Matching sends no SCIM request: it only links inside Okta [KR1 §13]. A
 * failed page (a 5xx, a 429 after Okta's 10 attempts, a timeout, a body that
 * is not a ListResponse) stops the import: the result has `ok: false` and
 * Okta's message, and the System Log a `system.import.complete` FAILURE.
 * Each phase downloads every page before it changes anything, as Okta's
 * import does (download, then matching): a failed users phase changes
 * nothing; a failed groups phase keeps what the users phase imported.
 *
 * @example
 * const result = await app.import()
 * result.lines // ['1 users scanned!', '1 new user imported', …]
 */
export async function importResources(context: AppContext): Promise<ImportResult> {
  const { settings } = context.app
  // Import reads through the API integration: without it there is nothing to import with.
  if (settings.apiIntegration === false) {
    throw new TypeError(
      `Failed to import into "${settings.label}": API integration is not enabled for it`,
    )
  }
  const counts = {
    usersScanned: 0,
    newUsers: 0,
    updatedUsers: 0,
    unchangedUsers: 0,
    removedUsers: 0,
    groupsScanned: 0,
    newGroups: 0,
    updatedGroups: 0,
    unchangedGroups: 0,
    removedGroups: 0,
  }
  const appTarget = {
    type: 'AppInstance' as const,
    id: context.app.id,
    displayName: settings.label,
  }
  const log = (
    eventType: string,
    displayMessage: string,
    outcome: OktaLogEvent['outcome'] = { result: 'SUCCESS' },
    target: OktaLogEvent['target'] = [],
  ) =>
    context.log({
      eventType: `system.import.${eventType}`,
      displayMessage,
      outcome,
      target: [appTarget, ...target],
    })
  const failed = (download: Extract<Download, { ok: false }>, what: 'users' | 'groups') => {
    // [UNCONFIRMED] Okta's wording for a failed import: none is documented. We
    // follow its "<Okta error message>: <third-party error message>" shape
    // [HELP-TS-OLD] and its "Error while …" family (T1-T4).
    const error = `Error while importing ${what}: ${download.cause}`
    log('complete', 'Import process complete', { result: 'FAILURE', reason: error })
    return {
      ok: false,
      error,
      rateLimited: download.exchange.status === 429,
      ...counts,
      lines: [error],
    } satisfies ImportResult
  }

  // displayMessages: the event-type descriptions of Okta's catalogue [EVENTS]
  // (download.complete's, a paragraph there, shortened). [UNCONFIRMED] that
  // the System Log shows exactly these for SCIM imports.
  log('start', 'import started')

  // [UNCONFIRMED] An app with "Import Users" off imports no users; the
  // reference only describes imports with it on.
  if (settings.provisioning.importUsers) {
    log('user.start', 'Start importing users triggered import process')
    const users = await downloadAll(context, 'Users')
    if (!users.ok) return failed(users, 'users')
    log('download.complete', 'Download objects phase complete')
    importUsers(context, users.resources, counts, log)
    log('user.complete', 'Import of user completed')
  }

  if (settings.provisioning.importGroups) {
    log('group.start', 'Start importing groups from refreshing AppGroups')
    const groups = await downloadAll(context, 'Groups')
    if (!groups.ok) return failed(groups, 'groups')
    log('download.complete', 'Download objects phase complete')
    importGroups(context, groups.resources, counts, log)
    log('group.complete', 'Import of groups completed')
  }

  log('complete', 'Import process complete')
  return { ok: true, rateLimited: false, ...counts, lines: dialogLines(counts) }
}

/**
 * Reads every page of `/Users` or `/Groups`: `startIndex=1&count=100`, then
 * `startIndex` + 100 while `startIndex + 100 <= totalResults` [REF20].
 *
 * [UNCONFIRMED] the stop condition when a page holds fewer items than
 * `count` (okta-behavior.md §6). We follow the documented rule, which reads
 * `totalResults` only: a short page does not stop the import, and the next
 * page still starts 100 further on (Okta requires servers to honour `count`).
 * An empty page stops it, so a server that over-reports `totalResults`
 * cannot keep Okta paging for ever.
 */
async function downloadAll(context: AppContext, resource: 'Users' | 'Groups'): Promise<Download> {
  const resources: Resource[] = []
  for (let startIndex = 1; ; startIndex += PAGE_SIZE) {
    const exchange = await context.client.send({
      method: 'GET',
      path: `/${resource}?startIndex=${startIndex}&count=${PAGE_SIZE}`,
    })
    if (exchange.status !== 200) return { ok: false, cause: remoteCause(exchange), exchange }
    const page = readListResponse(exchange)
    if (typeof page === 'string') return { ok: false, cause: page, exchange }
    resources.push(...page.resources)
    if (page.resources.length === 0 || startIndex + PAGE_SIZE > page.totalResults) {
      return { ok: true, resources }
    }
  }
}

/**
 * A ListResponse page, read as leniently as Okta reads it: lower-case
 * `resources`, `totalresults`, `startindex` and `itemsperpage` are accepted
 * [REF2019]. NOTE: This is NOT standard SCIM (RFC 7644 §3.4.2 names them in
 * camel case); Okta tolerates it, so the simulator does too. The three
 * numbers must be integers when present, `totalResults` must be present
 * [REF20]. Returns the failure's cause when the page is unusable.
 */
function readListResponse(
  exchange: OktaExchange,
): { totalResults: number; resources: Resource[] } | string {
  const body = exchange.response
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    // [UNCONFIRMED] the wording for a 200 that is not a JSON object: the
    // parser's complaint, as Okta quotes it for error bodies (T7).
    return jsonParserMessage(exchange.text)
  }
  const list = body as Record<string, unknown>
  const field = (name: string) => (name in list ? list[name] : list[name.toLowerCase()])
  const totalResults = field('totalResults')
  for (const [name, value] of [
    ['totalResults', totalResults],
    ['startIndex', field('startIndex')],
    ['itemsPerPage', field('itemsPerPage')],
  ] as const) {
    if (value === undefined && name !== 'totalResults') continue
    // [UNCONFIRMED] wording: a string "startIndex":"1" went with a silent
    // failure [SUP-Q]; we name the field so a test can tell why.
    if (!Number.isInteger(value)) return `Invalid ListResponse: ${name} must be an integer`
  }
  const resources = field('Resources') ?? []
  if (!Array.isArray(resources)) return 'Invalid ListResponse: Resources must be an array'
  return {
    totalResults: totalResults as number,
    resources: resources.filter(
      (item): item is Resource =>
        typeof item === 'object' && item !== null && typeof item.id === 'string',
    ),
  }
}

type Counts = Omit<ImportResult, 'ok' | 'error' | 'rateLimited' | 'lines'>
type Log = (
  eventType: string,
  displayMessage: string,
  outcome?: OktaLogEvent['outcome'],
  target?: OktaLogEvent['target'],
) => void

function importUsers(context: AppContext, resources: Resource[], counts: Counts, log: Log) {
  const { users: appUsers, imported } = context.app
  for (const resource of resources) {
    const remoteId = resource.id as string
    const userName = typeof resource.userName === 'string' ? resource.userName : ''
    const target = [{ type: 'AppUser' as const, id: remoteId, displayName: userName }]
    // An assignment owns the account once it is linked: a row imported
    // before the assignment was provisioned is the same account.
    const owned = [...appUsers.values()].find((appUser) => appUser.remoteId === remoteId)
    if (owned) imported.delete(remoteId)
    const row = imported.get(remoteId)

    // active:false users are not imported: they count as removed, not
    // scanned [CONCEPT] [KR1 §13] [ROSTR 3.7]. An imported row of Okta's
    // that no Okta user owns leaves the app; an assignment stays (its
    // deprovisioning is Okta's own business, not the import's).
    if (resource.active === false) {
      counts.removedUsers++
      if (row) {
        imported.delete(remoteId)
        log('user.delete', 'Delete user triggered by import process', undefined, target)
      }
      continue
    }
    counts.usersScanned++

    if (row) {
      if (row.userName !== userName) {
        row.userName = userName
        counts.updatedUsers++
        log('user.update', 'Update user triggered by import process', undefined, target)
      } else {
        counts.unchangedUsers++
      }
      continue
    }
    // The match: the same SCIM id, else an EXACT (case-sensitive) match of
    // the app username with an assignment waiting for its link (never
    // provisioned, or in error).
    const existing =
      owned ??
      [...appUsers.values()].find((appUser) => appUser.userName === userName && awaitsLink(appUser))
    if (!existing) {
      counts.newUsers++
      // Kept in the app as Okta keeps an imported app user; no Okta user owns
      // it until the admin confirms the match, which sends nothing [KR1 §13].
      imported.set(remoteId, { remoteId, userName })
      log('user.create', 'Create user triggered by import process', undefined, target)
      continue
    }
    if (isUpdated(context, existing, resource, remoteId)) {
      counts.updatedUsers++
      log('user.update', 'Update user triggered by import process', undefined, target)
    } else {
      counts.unchangedUsers++
    }
  }
}

/** An assignment that no provisioned account backs: never provisioned, or in error. */
const awaitsLink = (appUser: OktaAppUser) =>
  appUser.status === 'UNPROVISIONED' || appUser.status === 'ERROR'

/**
 * Says whether the import changes an assignment, and makes the change: one
 * waiting for its link is linked to the account (provisioned, its error
 * cleared); any other is updated when the app's values differ from its
 * mapped ones. A deprovisioned assignment stays deprovisioned: its Okta user decides.
 */
function isUpdated(
  context: AppContext,
  appUser: OktaAppUser,
  resource: Resource,
  remoteId: string,
): boolean {
  if (awaitsLink(appUser)) {
    appUser.remoteId = remoteId
    appUser.status = 'PROVISIONED'
    delete appUser.error
    return true
  }
  const held = comparable(
    mappedAttributes(context.user(appUser.userId), appUser, new Set(context.app.settings.mappings)),
  )
  const imported = comparable(resource)
  return Object.keys(held).some((key) => held[key] !== imported[key])
}

/** The attributes an import compares, flattened: `externalId` is Okta's own id, not compared. */
function comparable(user: Record<string, unknown>): Record<string, unknown> {
  const name = (user.name ?? {}) as Record<string, unknown>
  const emails = Array.isArray(user.emails) ? (user.emails as Array<Record<string, unknown>>) : []
  const email = emails.find((candidate) => candidate.primary === true) ?? emails[0]
  const flat: Record<string, unknown> = {
    userName: user.userName,
    'name.givenName': name.givenName,
    'name.familyName': name.familyName,
    email: email?.value,
    displayName: user.displayName,
    title: user.title,
    locale: user.locale,
  }
  for (const key of Object.keys(flat)) if (flat[key] === undefined) delete flat[key]
  return flat
}

function importGroups(context: AppContext, resources: Resource[], counts: Counts, log: Log) {
  const cache = context.app.groupCache
  context.app.groupCacheLoaded = true
  // Groups Okta itself created by push are left out of the import [KR1 §13].
  const pushed = new Set(
    [...context.app.pushedGroups.values()].flatMap((group) =>
      group.remoteId === undefined ? [] : [group.remoteId],
    ),
  )
  const listed = new Set<string>()
  for (const resource of resources) {
    const remoteId = resource.id as string
    if (pushed.has(remoteId)) continue
    listed.add(remoteId)
    const displayName = typeof resource.displayName === 'string' ? resource.displayName : ''
    const target = [{ type: 'UserGroup' as const, id: remoteId, displayName }]
    counts.groupsScanned++
    // [UNCONFIRMED] Saving provisioning fills the same cache [KR1 §5], so a
    // group Okta saw then counts as existing here.
    const key = [...cache.entries()].find(([, id]) => id === remoteId)?.[0]
    if (key === undefined) {
      counts.newGroups++
      cache.set(displayName.toLowerCase(), remoteId)
      log('group.create', 'Create group triggered by import process', undefined, target)
    } else if (key !== displayName.toLowerCase()) {
      counts.updatedGroups++
      cache.delete(key)
      cache.set(displayName.toLowerCase(), remoteId)
      log('group.update', 'Update group triggered from import process', undefined, target)
    } else {
      counts.unchangedGroups++
    }
  }
  // [UNCONFIRMED] A cached app group the full listing no longer holds was
  // deleted in the app: Okta removes it ("groups removed").
  for (const [key, remoteId] of [...cache.entries()]) {
    if (listed.has(remoteId) || pushed.has(remoteId)) continue
    counts.removedGroups++
    cache.delete(key)
    log('group.delete', 'Remove group triggered by import process', undefined, [
      { type: 'UserGroup', id: remoteId, displayName: key },
    ])
  }
}

/**
 * The results dialog, word for word as Okta's test plan expects it (rows
 * C9304 and C9338 of [PLAN], okta-behavior.md §1.8):
 * "1 users scanned! / 1 new user imported / 0 existing users updated /
 * 0 existing users unchanged / 0 users removed / 0 groups scanned!", and
 * "1 groups scanned! / 1 new groups imported / 0 existing groups updated /
 * 0 existing groups unchanged / 0 groups removed".
 *
 * Plurals: the reference shows "1 users scanned!" and "1 new groups
 * imported", so Okta does not pluralise those: they stay plural for every
 * count, as do the "existing …" and "removed" lines. Only "new user
 * imported" is singular at 1; [UNCONFIRMED] we write "new users imported"
 * for every other count.
 * [UNCONFIRMED] When no group was scanned, the dialog ends with "0 groups
 * scanned!" alone (row C9304); otherwise the four group lines follow (C9338),
 * also when groups were only removed.
 */
function dialogLines(counts: Counts): string[] {
  const lines = [
    `${counts.usersScanned} users scanned!`,
    `${counts.newUsers} new ${counts.newUsers === 1 ? 'user' : 'users'} imported`,
    `${counts.updatedUsers} existing users updated`,
    `${counts.unchangedUsers} existing users unchanged`,
    `${counts.removedUsers} users removed`,
    `${counts.groupsScanned} groups scanned!`,
  ]
  if (counts.groupsScanned > 0 || counts.removedGroups > 0) {
    lines.push(
      `${counts.newGroups} new groups imported`,
      `${counts.updatedGroups} existing groups updated`,
      `${counts.unchangedGroups} existing groups unchanged`,
      `${counts.removedGroups} groups removed`,
    )
  }
  return lines
}
