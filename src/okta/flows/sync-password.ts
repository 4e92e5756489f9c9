import { type AppContext, displayNameOf } from '../okta-app-context.js'
import { oktaMessages, remoteCause } from '../okta-messages.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'
import type { ProvisionResult } from './assign-user.js'
import { writeUserValues } from './set-active.js'

/**
 * [UNCONFIRMED] Okta's wording for a failed password push: none was found.
 * We follow the shape of the profile push (T1/T2): "Automatic provisioning of
 * user {name} to app {app} failed: Error while trying to push password update
 * for {login}: {cause}".
 */
export function pushingPassword(login: string, cause: string): string {
  return `Error while trying to push password update for ${login}: ${cause}`
}

/**
 * Pushes a new password with Sync Password on (okta-behavior.md §1.7):
 * - OIN: `PATCH /Users/{id}` with
 *   `{"schemas":[PatchOp],"Operations":[{"op":"replace","value":{"password":"…"}}]}`.
 *   [UNCONFIRMED] this body: the reference guesses it by analogy with the
 *   path-less `active` PATCH of §1.4, and so do we;
 * - AIW: `GET /Users/{id}`, then `PUT` of that body with the new `password`
 *   (every AIW write is a read-modify-write, §1.0; only `password` changes).
 *
 * Logs `application.provision.user.push_password` "Push user's password to
 * application" [EVENTS]. A failure opens a task whose Retry sends the same
 * password again. [UNCONFIRMED] the task's kind: we file it as provisioning,
 * as its wording says.
 */
export async function syncPassword(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  password: string,
): Promise<ProvisionResult> {
  const { app } = context
  const failure = await writeUserValues(context, appUser, { password })
  const outcome = failure
    ? {
        result: 'FAILURE' as const,
        message: oktaMessages.provisioningFailed(
          displayNameOf(user),
          app.settings.label,
          pushingPassword(appUser.userName, remoteCause(failure)),
        ),
      }
    : undefined
  context.log({
    eventType: 'application.provision.user.push_password',
    displayMessage: "Push user's password to application",
    outcome: outcome ? { result: 'FAILURE', reason: outcome.message } : { result: 'SUCCESS' },
    target: [
      { type: 'User', id: user.id, displayName: displayNameOf(user) },
      { type: 'AppInstance', id: app.id, displayName: app.settings.label },
    ],
  })
  if (!outcome) return { ok: true }
  appUser.error = outcome.message
  context.addTask(
    {
      kind: 'provisioning',
      appLabel: app.settings.label,
      userId: user.id,
      message: outcome.message,
    },
    failure,
    { flow: 'syncPassword', userId: user.id, password },
    appUser,
  )
  return { ok: false, message: outcome.message }
}

/** A task's Retry: the same password again, unless the assignment was removed since. */
export async function retrySyncPassword(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  password: string,
): Promise<void> {
  // Unassigned since (even if assigned again): nothing left to push to.
  if (context.app.users.get(user.id) === appUser)
    await syncPassword(context, user, appUser, password)
}
