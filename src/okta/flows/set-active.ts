import type { AppContext } from '../okta-app-context.js'
import { remoteCause } from '../okta-messages.js'
import type { OktaAppUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'
import { URN } from '../../scim/schema/urns.js'

/**
 * Deactivates or reactivates the SCIM user (okta-behavior.md §1.4, §1.5).
 * Returns the failure, or undefined on success.
 */
export async function setActive(
  context: AppContext,
  appUser: OktaAppUser,
  active: boolean,
): Promise<{ cause: string; exchange: OktaExchange } | undefined> {
  const failed = await writeUserValues(context, appUser, { active })
  return failed && { cause: remoteCause(failed), exchange: failed }
}

/**
 * How Okta changes single values of a linked user (`active`, `password`):
 * OIN apps send a path-less PATCH `{"op":"replace","value":{…}}` (lower-case
 * op, an object value, okta-behavior.md §1.4, §1.7); AIW apps `GET
 * /Users/{id}`, then `PUT` the same body with the values changed (every AIW
 * write is a read-modify-write, §1.0). [UNCONFIRMED] whether a GET precedes
 * the PATCH: the docs show the PATCH alone, so we send it alone.
 * Returns the failed exchange, or undefined on success.
 */
export async function writeUserValues(
  context: AppContext,
  appUser: OktaAppUser,
  values: Record<string, unknown>,
): Promise<OktaExchange | undefined> {
  const { client } = context
  const path = `/Users/${appUser.remoteId}`
  if (context.app.settings.mode === 'oin') {
    const patch = await client.send({
      method: 'PATCH',
      path,
      body: { schemas: [URN.patchOp], Operations: [{ op: 'replace', value: values }] },
    })
    // PATCH answers 200 with the resource or 204 without (okta-behavior.md §2).
    return patch.status === 200 || patch.status === 204 ? undefined : patch
  }
  const current = await client.send({ method: 'GET', path })
  if (current.status !== 200 || typeof current.response !== 'object' || current.response === null) {
    return current
  }
  const put = await client.send({
    method: 'PUT',
    path,
    body: { ...(current.response as Record<string, unknown>), ...values },
  })
  return put.status === 200 ? undefined : put
}
