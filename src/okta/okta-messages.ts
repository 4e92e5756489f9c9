import type { OktaExchange } from './okta-scim-client.js'

/**
 * Okta's wording, word for word (okta-behavior.md §3). `{Reason}` is the HTTP
 * reason phrase; the remote SCIM `detail` follows "Errors reported by remote
 * server:". A body that is not JSON is shown as Okta's (Jackson) parser
 * complaint, and no response at all as "Read timed out" or "null".
 */

/** What the server said, as Okta quotes it after "…: ". */
export function remoteCause(exchange: OktaExchange): string {
  if (exchange.failure === 'timeout') return 'Read timed out'
  // No HTTP response (a dead tunnel, a reset): Okta's message ends in "null" [KR2 §2].
  if (exchange.failure === 'network') return 'null'
  const detail = remoteDetail(exchange)
  // [UNCONFIRMED] the wording when the error has no detail: the reason alone.
  return detail === undefined
    ? exchange.reason
    : `${exchange.reason}. Errors reported by remote server: ${detail}`
}

/** The SCIM 2.0 `detail`, SCIM 1.1 `Errors[].description`, or the parser's complaint. */
export function remoteDetail(exchange: OktaExchange): string | undefined {
  const body = exchange.response as
    { detail?: unknown; Errors?: Array<{ description?: unknown }> } | null | undefined
  if (body !== undefined && typeof body === 'object' && body !== null) {
    if (typeof body.detail === 'string') return body.detail
    const description = Array.isArray(body.Errors) ? body.Errors[0]?.description : undefined
    return typeof description === 'string' ? description : undefined
  }
  // Valid JSON that is no error object (`null`, a string, a number) has no
  // detail: it is not a parse error.
  if (exchange.response !== undefined || exchange.text.trim() === '') return undefined
  return jsonParserMessage(exchange.text)
}

// The source Okta's Jackson parser names in its messages (okta-behavior.md T4).
const SOURCE = 'java.io.StringReader@4c76ba04'

/**
 * The message Okta's JSON parser gives for a body that is not JSON, e.g.
 * "Invalid JSON: Unrecognized token 'User': was expecting ('true', 'false' or
 * 'null')" for a plain-text "User already exists" [KC114], or "Unexpected
 * character ('<' (code 60))" for an HTML page [SNOWFLAKE]. The column is the
 * one after the offending token, as in "'error' … line: 1, column: 6" [ROSTR].
 *
 * An emulation of Jackson's reader: it skips JSON whitespace only (space,
 * tab, CR, LF); CR, LF and CRLF each end a line; a token is an identifier
 * (a letter, `_` or `$`, then letters, digits, `_`, `$`).
 */
export function jsonParserMessage(text: string): string {
  const offset = text.search(/[^ \t\r\n]/)
  if (offset === -1) {
    // [UNCONFIRMED] Jackson's complaint for an empty document; no capture of
    // Okta showing it. Its position is the end of the input.
    const { line, column } = position(text, text.length)
    return `Invalid JSON: No content to map due to end-of-input at [Source: ${SOURCE}; line: ${line}, column: ${column + 1}]`
  }
  const token = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(offset))?.[0]
  if (token) {
    const { line, column } = position(text, offset + token.length)
    return `Invalid JSON: Unrecognized token '${token}': was expecting ('true', 'false' or 'null') at [Source: ${SOURCE}; line: ${line}, column: ${column + 1}]`
  }
  // Java chars are UTF-16 code units, as JavaScript's.
  const character = text[offset]!
  const { line, column } = position(text, offset + 1)
  return `Invalid JSON: Unexpected character ('${character}' (code ${character.charCodeAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [Source: ${SOURCE}; line: ${line}, column: ${column + 1}]`
}

/** The 1-based line of `index` in `text`, and the 0-based column: characters since the line began. */
function position(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split(/\r\n|\r|\n/)
  return { line: lines.length, column: lines.at(-1)!.length }
}

/** "MM-dd-yyyy hh:mm:ssa" in UTC, as group push errors show it (okta-behavior.md T3). */
export function groupPushTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const hours = date.getUTCHours()
  return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}-${date.getUTCFullYear()} ${pad(hours % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${hours < 12 ? 'AM' : 'PM'}`
}

/** The templates of okta-behavior.md §3, by name. */
export const oktaMessages = {
  // T1 Assignment / create
  provisioningFailed: (name: string, app: string, cause: string) =>
    `Automatic provisioning of user ${name} to app ${app} failed: ${cause}`,
  creatingUser: (login: string, exchange: OktaExchange) =>
    `Error while creating user ${login}: ${remoteCause(exchange)}`,
  verifyingUser: (login: string, exchange: OktaExchange) =>
    exchange.failure === 'network'
      ? 'Error while verifying if user exists: null'
      : `Error while verifying if user ${login} exists: ${remoteCause(exchange)}`,
  emptyUser: (displayName: string) =>
    `Error while creating user ${displayName}: Create new user returned empty user.`,
  matchingUserNotFound: 'Matching user not found.',
  accountInactive: 'User account is inactive',
  invalidCredentials:
    'The credentials used to connect to the API were invalid; please check your configuration',
  notProvisioned:
    'User was assigned this application before Provisioning was enabled and not provisioned in the downstream application. Click Provision User.',
  // T2 Profile push
  profilePushFailed: (name: string, app: string, cause: string) =>
    `Automatic profile push of user ${name} to app ${app} failed: ${cause}`,
  pushingProfile: (login: string, cause: string) =>
    `Error while trying to push profile update for ${login}: ${cause}`,
  noUserReturned: (appUserId: string) => `No user returned for user ${appUserId}`,
  // T3 Group push
  groupPushFailed: (at: Date, group: string, cause: string) =>
    `Failed on ${groupPushTimestamp(at)} UTC: Unable to update Group Push mapping target App group ${group}: ${cause}`,
  creatingGroup: (group: string, exchange: OktaExchange) =>
    `Error while creating user group ${group}: ${remoteCause(exchange)}`,
  linkedGroupMissing: (app: string) =>
    `Linked group is missing in ${app}. Change the linked group to resume pushing group memberships.`,
  // T4 Test API credentials
  authenticating: (exchange: OktaExchange) => `Error authenticating: ${remoteCause(exchange)}`,
  connectorConfigured: 'Connector configured successfully',
  // T5 Deprovisioning
  deprovisioningTask: 'Application accounts need deprovisioning',
  deprovisioningAction: 'Go to third-party apps and manually disable user accounts',
  // T6: [UNCONFIRMED] Okta's exact text for rate limiting. A task that gave up after
  // 10 attempts keeps its T1/T2 message ("Too Many Requests. Errors reported by
  // remote server: …") and is flagged `rateLimited`.
} as const
