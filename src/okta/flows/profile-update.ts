import { type AppContext, displayNameOf } from '../okta-app-context.js'
import { oktaMessages } from '../okta-messages.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'
import type { ProvisionResult } from './assign-user.js'
import { pushProfile, type PushWording } from './push-profile.js'

/**
 * Push Profile Updates for a provisioned app user (okta-behavior.md §1.3),
 * with what Okta records around the GET + PUT of `pushProfile`:
 * - `application.provision.user.push_profile` "Push user's profile to
 *   external application", SUCCESS or FAILURE;
 * - on failure, a task whose Retry pushes again (a failing retry opens a new
 *   task; 404 on the GET fails the same way every time [KR1 §8]) and the
 *   message on the assignment.
 *
 * The wording depends on what changed: an Okta profile update is a profile
 * push (T2, "Automatic profile push of user …", task "profilePush"); an edit
 * of the assignment (the app-user profile) is worded as provisioning
 * ("Automatic provisioning of user …", Secoda's seed 001), task "provisioning".
 *
 * The System Log reason of a T2 failure is Okta's "Eventfailed
 * application.provision.user.push_profile : {cause}" [AWS]. [UNCONFIRMED] for
 * the provisioning wording: we log the whole message, as the assignment flow does.
 */
export async function pushProfileUpdate(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  wording: PushWording,
): Promise<ProvisionResult> {
  const { app } = context
  const kind = wording === 'provisioning' ? 'provisioning' : 'profilePush'
  const failed = await pushProfile(context, user, appUser, wording)
  const eventType = 'application.provision.user.push_profile'
  context.log({
    eventType,
    displayMessage: "Push user's profile to external application",
    outcome: failed
      ? {
          result: 'FAILURE',
          reason:
            wording === 'profilePush'
              ? `Eventfailed ${eventType} : ${causeOf(failed.message, appUser.userName)}`
              : failed.message,
        }
      : { result: 'SUCCESS' },
    target: [
      { type: 'User', id: user.id, displayName: displayNameOf(user) },
      { type: 'AppInstance', id: app.id, displayName: app.settings.label },
    ],
  })
  if (!failed) {
    delete appUser.error
    context.completeTasks(kind, { userId: user.id })
    return { ok: true }
  }
  appUser.error = failed.message
  context.addTask(
    { kind, appLabel: app.settings.label, userId: user.id, message: failed.message },
    failed.exchange,
    { flow: 'pushProfileUpdate', userId: user.id, wording },
    appUser,
  )
  return { ok: false, message: failed.message }
}

/** A task's Retry: the push again, unless the assignment was removed since. */
export async function retryProfileUpdate(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  wording: PushWording,
): Promise<void> {
  // Unassigned since (even if assigned again): nothing left to push to.
  if (context.app.users.get(user.id) === appUser)
    await pushProfileUpdate(context, user, appUser, wording)
}

/** The server's part of a push message: what follows "…push profile update for {login}: ". */
function causeOf(message: string, login: string): string {
  const prefix = oktaMessages.pushingProfile(login, '')
  const at = message.indexOf(prefix)
  return at === -1 ? message : message.slice(at + prefix.length)
}
