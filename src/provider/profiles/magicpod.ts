import { ScimError } from '../../scim/scim-error.js'
import type { ScimOperation } from '../route-request.js'
import { defineProfile } from './vendor-profile.js'

/** The settings of the magicpod profile: MagicPod's organisation settings. */
export interface MagicPodSettings {
  /** "In the MagicPod organization settings, enable the SCIM integration". Default: true. */
  scimEnabled: boolean
  /** SAML authentication “Enable (non-SAML auth users cannot be added)”. Default: true. */
  samlEnforced: boolean
  /** Organisation-exclusive users “Enable (non-<Org name>-exclusive users cannot be added)”. Default: true. */
  organizationExclusiveUsers: boolean
  /**
   * Emails of regular MagicPod accounts outside the organisation: SCIM never
   * sees them, yet they hold their email. Default: none.
   */
  regularAccounts: string[]
}

const TOGGLES = ['scimEnabled', 'samlEnforced', 'organizationExclusiveUsers'] as const
const KNOWN = [...TOGGLES, 'regularAccounts'] as const

// NOTE: MagicPod's own text, copied on purpose (seed 000, Troubleshooting):
// "Conflict. Errors reported by remote server: User with this email already exists".
const EMAIL_TAKEN = 'User with this email already exists'

const GROUP_WRITES: ReadonlySet<ScimOperation> = new Set([
  'createGroup',
  'replaceGroup',
  'patchGroup',
  'deleteGroup',
])

/**
 * Why every request fails while a requirement (seed 000, "Requirements") is
 * off. NOTE: the seed does not say how MagicPod answers then: the 403 and the
 * sentences are ours; the quoted setting labels are MagicPod's.
 */
const REQUIREMENT_DETAILS: Record<(typeof TOGGLES)[number], string> = {
  scimEnabled:
    'SCIM is disabled: enable the SCIM integration in the MagicPod organization settings',
  samlEnforced:
    'SCIM requires SAML authentication: set SAML authentication to “Enable (non-SAML auth users cannot be added)” in the MagicPod organization settings',
  organizationExclusiveUsers:
    'SCIM requires organization-exclusive users: set the organization-exclusive user setting to “Enable (non-<Org name>-exclusive users cannot be added)” in the MagicPod organization settings',
}

/**
 * MagicPod (seed 000): users only, emails unique with MagicPod's own 409
 * text, every request refused while an organisation requirement is off, and
 * regular accounts outside the organisation that SCIM cannot see but whose
 * email a new user cannot take.
 *
 * Settings: `scimEnabled`, `samlEnforced`, `organizationExclusiveUsers`
 * (booleans, default true) and `regularAccounts` (emails, default none).
 * Actions: `addRegularAccount({ email })`, `deleteRegularAccount({ email })`.
 *
 * @example
 * const provider = createScimProvider({ profile: 'magicpod', profileSettings: { regularAccounts: ['ann@acme.test'] } })
 * // POST /Users for ann@acme.test → 409 uniqueness "User with this email already exists"
 * await provider.profile.run('deleteRegularAccount', { email: 'ann@acme.test' })
 */
export const magicpod = defineProfile({
  name: 'magicpod',
  description:
    'MagicPod: users only, unique emails, SCIM refused unless enabled with SAML and organization-exclusive users, regular accounts holding emails',
  source: '000_f8a1aad30a787be8.txt',
  create(context) {
    const initial = copy({
      ...defaults(),
      ...checkSettings(context.settings, 'create a SCIM provider'),
    })
    // All of the profile's state, regular accounts included: a provider
    // snapshot keeps it through `settings`, so no snapshot hook is needed.
    let settings: MagicPodSettings = copy(initial)

    const holdsEmail = (email: string) =>
      settings.regularAccounts.some((held) => held.toLowerCase() === email.toLowerCase())

    return {
      options: {
        uniqueEmails: true,
        messages: { emailTaken: EMAIL_TAKEN, userNameTaken: EMAIL_TAKEN },
      },
      hooks: {
        beforeOperation({ operation }) {
          for (const toggle of TOGGLES) {
            if (!settings[toggle]) throw new ScimError(403, REQUIREMENT_DETAILS[toggle])
          }
          // NOTE: MagicPod manages users only (seed 000, "Requirements"): groups
          // cannot be created, updated or deleted; GET /Groups still answers.
          if (GROUP_WRITES.has(operation)) {
            throw new ScimError(
              501,
              'MagicPod does not support creating, updating or deleting groups through SCIM: only users are managed, and group membership follows the users assigned in Okta',
            )
          }
        },
        prepareWrite(kind, data, { existing }) {
          if (kind !== 'User') return data
          // NOTE: copied on purpose (seed 000, Troubleshooting): a regular account
          // outside the organisation holds the email, so Okta's lookup finds no
          // user and its create conflicts. Emails the user already had stay allowed.
          const had = new Set(emailsOf(existing).map((email) => email.toLowerCase()))
          if (emailsOf(data).some((email) => !had.has(email.toLowerCase()) && holdsEmail(email))) {
            throw ScimError.uniqueness(EMAIL_TAKEN)
          }
          return data
        },
      },
      get settings() {
        return settings as unknown as Record<string, unknown>
      },
      updateSettings(changes) {
        settings = { ...settings, ...copy(checkSettings(changes, 'update magicpod settings')) }
      },
      actions: {
        addRegularAccount(input) {
          const email = emailInput(input, 'addRegularAccount')
          const user = context.store.users.lookup('emails.value', email)[0]
          if (user) {
            throw new TypeError(
              `Failed to run addRegularAccount: "${email}" is the email of organization user "${user.userName as string}" (${user.id})`,
            )
          }
          if (!holdsEmail(email)) {
            settings = { ...settings, regularAccounts: [...settings.regularAccounts, email] }
          }
          return [...settings.regularAccounts]
        },
        // The seed's resolution: "the existing user account must be deleted"
        // (for a regular account, by MagicPod support).
        deleteRegularAccount(input) {
          const email = emailInput(input, 'deleteRegularAccount')
          if (!holdsEmail(email)) {
            throw new TypeError(
              `Failed to run deleteRegularAccount: no regular account has the email "${email}" (regular accounts: ${settings.regularAccounts.join(', ') || 'none'})`,
            )
          }
          settings = {
            ...settings,
            regularAccounts: settings.regularAccounts.filter(
              (held) => held.toLowerCase() !== email.toLowerCase(),
            ),
          }
          return [...settings.regularAccounts]
        },
      },
      reset() {
        settings = copy(initial)
      },
    }
  },
})

function defaults(): MagicPodSettings {
  return {
    scimEnabled: true,
    samlEnforced: true,
    organizationExclusiveUsers: true,
    regularAccounts: [],
  }
}

function copy<T extends Partial<MagicPodSettings>>(settings: T): T {
  return settings.regularAccounts
    ? { ...settings, regularAccounts: [...settings.regularAccounts] }
    : { ...settings }
}

/** Checks every change before any applies; throws `Failed to <action>: …`. */
function checkSettings(
  changes: Record<string, unknown>,
  action: string,
): Partial<MagicPodSettings> {
  const fail = (reason: string): never => {
    throw new TypeError(`Failed to ${action}: ${reason}`)
  }
  for (const [key, value] of Object.entries(changes)) {
    if (!(KNOWN as readonly string[]).includes(key)) {
      fail(`unknown magicpod setting "${key}" (known: ${KNOWN.join(', ')})`)
    }
    if (key === 'regularAccounts') {
      if (!Array.isArray(value) || value.some((email) => typeof email !== 'string' || !email)) {
        fail(`regularAccounts must be an array of emails, got ${JSON.stringify(value)}`)
      }
    } else if (typeof value !== 'boolean') {
      fail(`${key} must be a boolean, got ${JSON.stringify(value)}`)
    }
  }
  return changes as Partial<MagicPodSettings>
}

function emailInput(input: Record<string, unknown>, action: string): string {
  const email = input.email
  if (typeof email !== 'string' || email === '') {
    throw new TypeError(`Failed to run ${action}: give { email } as a non-empty string`)
  }
  return email
}

function emailsOf(user: Record<string, unknown> | undefined): string[] {
  const emails = user?.emails
  if (!Array.isArray(emails)) return []
  return emails.flatMap((email: { value?: unknown } | null) =>
    typeof email?.value === 'string' ? [email.value] : [],
  )
}
