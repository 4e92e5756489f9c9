import { type AppContext, displayNameOf, lookupPath, scimUserBody } from '../okta-app-context.js'
import { oktaMessages } from '../okta-messages.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'
import { pushProfile } from './push-profile.js'
import { setActive } from './set-active.js'

/** The outcome of provisioning one assignment. */
export type ProvisionResult = { ok: true } | { ok: false; message: string }

/**
 * Provisions an assignment (okta-behavior.md §1.2), the same for a direct
 * assignment, a group assignment, "Provision User" and a task's Retry:
 * 1. `GET /Users?filter=userName eq "…"&startIndex=1&count=100`;
 * 2. no match → `POST /Users` (or "Matching user not found." with Create Users off);
 * 3. an active match → link to its id and push the profile (GET + PUT);
 * 4. an inactive match → reactivate (PUT or PATCH), then push the profile
 *    ("User account is inactive" with Deactivate Users off).
 * A failure opens a provisioning task whose Retry runs this again.
 */
export async function provisionAssignment(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
): Promise<ProvisionResult> {
  const { client, app } = context
  const settings = app.settings
  const name = displayNameOf(user)
  const target = [
    { type: 'User' as const, id: user.id, displayName: name },
    { type: 'AppInstance' as const, id: app.id, displayName: settings.label },
  ]

  const fail = (
    message: string,
    exchange: OktaExchange | undefined,
    eventType: string,
    displayMessage: string,
  ): ProvisionResult => {
    appUser.status = 'ERROR'
    appUser.error = message
    context.log({
      eventType,
      displayMessage,
      outcome: { result: 'FAILURE', reason: message },
      target,
    })
    // Retry: this function again, on this assignment (create-okta-org.ts runs it).
    context.addTask(
      { kind: 'provisioning', appLabel: settings.label, userId: user.id, message },
      exchange,
      { flow: 'provisionAssignment', userId: user.id },
      appUser,
    )
    return { ok: false, message }
  }

  const value = settings.uniqueIdentifier === 'email' ? user.profile.email : appUser.userName
  const lookup = await client.send({ method: 'GET', path: lookupPath('Users', 'userName', value) })
  const verifyEvent = 'application.provision.user.verify_exists'
  const verifyMessage = 'Verify user exists in external application'
  // A 404 Error body also counts as "no match" (okta-behavior.md §2).
  if (lookup.status !== 200 && lookup.status !== 404) {
    return fail(
      oktaMessages.provisioningFailed(
        name,
        settings.label,
        oktaMessages.verifyingUser(appUser.userName, lookup),
      ),
      lookup,
      verifyEvent,
      verifyMessage,
    )
  }
  context.log({
    eventType: verifyEvent,
    displayMessage: verifyMessage,
    outcome: { result: 'SUCCESS' },
    target,
  })
  const resources = (lookup.response as { Resources?: unknown[] } | undefined)?.Resources
  const match =
    lookup.status === 200 && Array.isArray(resources)
      ? (resources[0] as Record<string, unknown> | undefined)
      : undefined

  if (!match) {
    if (!settings.provisioning.createUsers) {
      return fail(
        oktaMessages.provisioningFailed(name, settings.label, oktaMessages.matchingUserNotFound),
        undefined,
        'application.provision.user.push',
        'Push new user to external application',
      )
    }
    const created = await client.send({
      method: 'POST',
      path: '/Users',
      body: scimUserBody(user, appUser, context),
    })
    const id = (created.response as { id?: unknown } | undefined)?.id
    if (created.status === 201 && typeof id === 'string') {
      return linked(
        context,
        user,
        appUser,
        id,
        'application.provision.user.push',
        'Push new user to external application',
      )
    }
    const cause =
      created.status >= 200 && created.status < 300
        ? oktaMessages.emptyUser(name)
        : oktaMessages.creatingUser(appUser.userName, created)
    return fail(
      oktaMessages.provisioningFailed(name, settings.label, cause),
      created,
      'application.provision.user.push',
      'Push new user to external application',
    )
  }

  appUser.remoteId = String(match.id)
  if (match.active === false) {
    if (!settings.provisioning.deactivateUsers) {
      return fail(
        oktaMessages.provisioningFailed(name, settings.label, oktaMessages.accountInactive),
        undefined,
        'application.provision.user.reactivate',
        'Push user reactivation in external application',
      )
    }
    const reactivated = await setActive(context, appUser, true)
    if (reactivated) {
      return fail(
        oktaMessages.provisioningFailed(name, settings.label, reactivated.cause),
        reactivated.exchange,
        'application.provision.user.reactivate',
        'Push user reactivation in external application',
      )
    }
    context.log({
      eventType: 'application.provision.user.reactivate',
      displayMessage: 'Push user reactivation in external application',
      outcome: { result: 'SUCCESS' },
      target,
    })
  }
  const pushed = await pushProfile(context, user, appUser, 'provisioning')
  if (pushed) {
    return fail(
      pushed.message,
      pushed.exchange,
      'application.provision.user.push_profile',
      "Push user's profile to external application",
    )
  }
  return linked(
    context,
    user,
    appUser,
    appUser.remoteId,
    'application.provision.user.push_profile',
    "Push user's profile to external application",
  )
}

async function linked(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
  remoteId: string,
  eventType: string,
  displayMessage: string,
): Promise<ProvisionResult> {
  appUser.remoteId = remoteId
  appUser.status = 'PROVISIONED'
  delete appUser.error
  context.completeTasks('provisioning', { userId: user.id })
  context.log({
    eventType,
    displayMessage,
    outcome: { result: 'SUCCESS' },
    target: [
      { type: 'User', id: user.id, displayName: displayNameOf(user) },
      { type: 'AppInstance', id: context.app.id, displayName: context.app.settings.label },
    ],
  })
  for (const hook of context.hooks.afterUserProvisioned) await hook(user, appUser)
  return { ok: true }
}
