import type { ScimResource } from '../../scim/resource/scim-resource.js'
import { URN } from '../../scim/schema/urns.js'
import { ScimError } from '../../scim/scim-error.js'
import type { RecordedRequest } from '../request-log.js'
import { defineProfile } from './vendor-profile.js'

/** One user Oktopost failed to migrate, as its team settings page lists it (seed 004). */
export interface FailedMigration {
  /** When the request arrived. */
  time: string
  operation: 'createUser' | 'replaceUser' | 'patchUser'
  /** From the request body; else, for PUT/PATCH, the id in the path; else null. */
  userName: string | null
  /** The work primary email of the body; else, for PUT/PATCH, the id in the path; else null. */
  email: string | null
  /** The response status; 0 for a connection error. */
  status: number
  /** The response's `detail`, its text, or `Connection error`. */
  error: string
}

/**
 * Seats of an Oktopost account in the mock. NOTE: Oktopost documents no
 * number; 25 is ours, small enough to reach in a test. Override `licenses`.
 */
export const OKTOPOST_DEFAULT_LICENSES = 25

const MIGRATIONS = new Set(['createUser', 'replaceUser', 'patchUser'])

// NOTE: Oktopost's words, copied on purpose (seed 004, Troubleshooting).
const EMAIL_TAKEN = 'A user with the same email address already exists'

/**
 * Oktopost (seed 004): base path `/scim/v2`, only userName, name.givenName,
 * name.familyName, the work primary email and active are kept, the userName
 * must equal the email, unique emails, a seat limit, and the list of failed
 * migrations (action `failedMigrations()`).
 *
 * @example
 * const provider = createScimProvider({ baseUrl: 'https://board.oktopost.com/scim/v2', profile: 'oktopost', licenses: 2 })
 * await provider.profile.run('failedMigrations') // [{ operation: 'createUser', status: 403, error: 'Your account reached its license limit', … }]
 */
export const oktopost = defineProfile({
  name: 'oktopost',
  description:
    'Oktopost: userName identical to the work email, only names and the work primary email kept, unique emails, 25 seats, a list of failed migrations',
  source: '004_1585cc20748c91bf.txt',
  create: (context) => ({
    options: {
      baseUrl: '/scim/v2',
      uniqueEmails: true,
      licenses: OKTOPOST_DEFAULT_LICENSES,
      messages: {
        emailTaken: EMAIL_TAKEN,
        // The userName is the email (below), so a taken userName is a taken email:
        // without this, the store's userName check would answer first in our words.
        userNameTaken: EMAIL_TAKEN,
        licenseLimit: 'Your account reached its license limit',
      },
    },
    hooks: {
      prepareWrite(kind, data) {
        if (kind !== 'User') return data
        const userName = data.userName as string
        const email = workEmail(data.emails)
        // NOTE: Oktopost-specific (seed 004, Restrictions): "be sure to keep the
        // Username and Email identical"; "userName (mutable, requires the same
        // value for email)".
        if (email === undefined) {
          throw ScimError.invalidValue(
            `userName must be identical to the email address: the user "${userName}" has no email`,
          )
        }
        if (email.toLowerCase() !== userName.toLowerCase()) {
          throw ScimError.invalidValue(
            `userName must be identical to the email address: userName "${userName}" differs from the email "${email}"`,
          )
        }
        // NOTE: Oktopost-specific (seed 004, Support attributes (mapping)): "it
        // supports only these user attributes": everything else is dropped.
        // `active` stays, or users could not be deactivated ("Deactivate Users").
        const name = data.name as { givenName?: unknown; familyName?: unknown } | undefined
        const kept: ScimResource = { schemas: [URN.user], userName }
        if (name && (name.givenName !== undefined || name.familyName !== undefined)) {
          kept.name = {
            ...(name.givenName !== undefined ? { givenName: name.givenName } : {}),
            ...(name.familyName !== undefined ? { familyName: name.familyName } : {}),
          }
        }
        kept.emails = [{ value: email, type: 'work', primary: true }]
        if (typeof data.active === 'boolean') kept.active = data.active
        return kept
      },
    },
    actions: {
      // Seed 004: "you can go to your team settings page and download a list
      // of failed migrations where you see the error message". Read from the
      // request log, which a provider snapshot keeps: no state of its own.
      failedMigrations: () =>
        context
          .requests()
          .filter(
            (entry) =>
              entry.operation !== undefined &&
              MIGRATIONS.has(entry.operation) &&
              (entry.status >= 400 || entry.status === 0),
          )
          .map(toFailedMigration),
    },
  }),
})

/** The email with type work and primary true, else the primary one, else the first. */
function workEmail(emails: unknown): string | undefined {
  if (!Array.isArray(emails)) return undefined
  const candidates = emails.filter(
    (email): email is { value: string; type?: unknown; primary?: unknown } =>
      typeof email?.value === 'string' && email.value !== '',
  )
  const chosen =
    candidates.find((email) => email.type === 'work' && email.primary === true) ??
    candidates.find((email) => email.primary === true) ??
    candidates[0]
  return chosen?.value
}

function toFailedMigration(entry: RecordedRequest): FailedMigration {
  const body = isObject(entry.body) ? entry.body : {}
  // by-id requests: /Users/{id}
  const [, id] = entry.path.split('/').filter(Boolean)
  const pathId = id === undefined ? null : safeDecode(id)
  const response = entry.response
  const error =
    entry.status === 0
      ? 'Connection error'
      : isObject(response) && typeof response.detail === 'string'
        ? response.detail
        : typeof response === 'string' && response !== ''
          ? response
          : `HTTP ${entry.status}`
  return {
    time: entry.time,
    operation: entry.operation as FailedMigration['operation'],
    userName: typeof body.userName === 'string' ? body.userName : pathId,
    email: workEmail(body.emails) ?? pathId,
    status: entry.status,
    error,
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
