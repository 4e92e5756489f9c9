import { type AppContext, displayNameOf } from '../okta-app-context.js'
import { oktaMessages, remoteCause } from '../okta-messages.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'
import type { ProvisionResult } from './assign-user.js'
import { setActive } from './set-active.js'

/** What the System Log shows as the reason: the reason phrase ("Bad Gateway"), or the cause without a response. */
function logReason(exchange: OktaExchange): string {
  return exchange.reason || remoteCause(exchange)
}

/**
 * Pushes a user's deactivation (okta-behavior.md §1.4), for an unassign, a
 * removal from the assigning group, or the Okta user's deactivation. The org
 * has already logged "Remove user's application membership" for an unassign.
 * - AIW: `GET /Users/{id}`, then `PUT` of that body with `"active": false`;
 * - OIN: `PATCH /Users/{id}` `{"op":"replace","value":{"active":false}}`, no path.
 *
 * Then `application.provision.user.deactivate` "Push user deactivation to
 * external application", SUCCESS (the app user becomes DEPROVISIONED) or
 * FAILURE with the reason phrase ("Bad Gateway") [KR2 §3]. A failure is tried
 * once, never retried automatically: it opens "Application accounts need
 * deprovisioning", a task with no Retry, only Mark complete (T5) [KR2 §3]
 * [BLOG1956]. (A 429 is the exception: the SCIM client backs off and retries
 * it before this flow sees the outcome, okta-behavior.md §2.)
 *
 * A 404 ends the unassign with no PUT: the recovery of okta-behavior.md §1.3
 * (unassign, then reassign) [KR1 §8]. [UNCONFIRMED] what Okta records then;
 * we log the FAILURE ("Not Found") but open no task, since the account the
 * task asks to disable does not exist, and the app user is DEPROVISIONED.
 */
export async function deprovisionUser(
  context: AppContext,
  user: OktaUser,
  appUser: OktaAppUser,
): Promise<ProvisionResult> {
  const { app } = context
  const failed = await setActive(context, appUser, false)
  const log = (outcome: { result: 'SUCCESS' } | { result: 'FAILURE'; reason: string }) =>
    context.log({
      eventType: 'application.provision.user.deactivate',
      displayMessage: 'Push user deactivation to external application',
      outcome,
      target: [
        { type: 'User', id: user.id, displayName: displayNameOf(user) },
        { type: 'AppInstance', id: app.id, displayName: app.settings.label },
      ],
    })

  if (!failed) {
    appUser.status = 'DEPROVISIONED'
    delete appUser.error
    log({ result: 'SUCCESS' })
    return { ok: true }
  }
  const reason = logReason(failed.exchange)
  log({ result: 'FAILURE', reason })
  if (failed.exchange.status === 404) {
    appUser.status = 'DEPROVISIONED'
    return { ok: false, message: reason }
  }
  context.addTask(
    {
      kind: 'deprovisioning',
      appLabel: app.settings.label,
      userId: user.id,
      message: oktaMessages.deprovisioningTask,
    },
    failed.exchange,
    // No retry: deprovisioning tasks only offer "Mark All Complete" (okta-behavior.md T5).
  )
  return { ok: false, message: oktaMessages.deprovisioningTask }
}
