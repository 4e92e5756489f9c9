import { type AppContext, displayNameOf, mergedUserBody } from '../okta-app-context.js'
import { oktaMessages, remoteCause, remoteDetail } from '../okta-messages.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'

/** How a push failure is worded: an assignment's provisioning, or a profile update. */
export type PushWording = 'provisioning' | 'profilePush'

/**
 * Pushes Okta's mapped values: `GET /Users/{id}`, then `PUT` of that body with
 * the mapped attributes written over it (both modes, okta-behavior.md §1.3).
 * Returns the failure message, or undefined on success.
 *
 * A 404 on the GET stops the push: the message quotes the server's detail
 * ("User not found", Secoda's seed) or, without one, Okta's own "No user
 * returned for user {id}" [AWS]. [UNCONFIRMED] which of the two Okta shows
 * when a detail is present; we take the seeds' wording.
 */
export async function pushProfile(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  wording: PushWording,
  changes: Record<string, unknown> = {},
): Promise<{ message: string; exchange: OktaExchange } | undefined> {
  const { client, app } = context
  const remoteId = appUser.remoteId!
  const fail = (cause: string, exchange: OktaExchange) => {
    const inner = oktaMessages.pushingProfile(appUser.userName, cause)
    const message =
      wording === 'provisioning'
        ? oktaMessages.provisioningFailed(displayNameOf(user), app.settings.label, inner)
        : oktaMessages.profilePushFailed(displayNameOf(user), app.settings.label, inner)
    return { message, exchange }
  }

  const current = await client.send({ method: 'GET', path: `/Users/${remoteId}` })
  if (current.status === 404) {
    return fail(remoteDetail(current) ?? oktaMessages.noUserReturned(remoteId), current)
  }
  if (current.status !== 200 || typeof current.response !== 'object' || current.response === null) {
    return fail(remoteCause(current), current)
  }
  const body = mergedUserBody(
    current.response as Record<string, unknown>,
    user,
    appUser,
    app.settings,
    changes,
  )
  const put = await client.send({ method: 'PUT', path: `/Users/${remoteId}`, body })
  if (put.status !== 200) return fail(remoteCause(put), put)
  return undefined
}
