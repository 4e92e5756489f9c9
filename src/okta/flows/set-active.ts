import type { AppContext } from '../okta-app-context.js'
import { remoteCause } from '../okta-messages.js'
import type { OktaAppUser } from '../okta-model.js'
import type { OktaExchange } from '../okta-scim-client.js'
import { URN } from '../../scim/schema/urns.js'

/**
 * Deactivates or reactivates the SCIM user (okta-behavior.md §1.4, §1.5):
 * AIW apps `GET /Users/{id}` then `PUT` the same body with `active` changed;
 * OIN apps send a path-less PATCH `{"op":"replace","value":{"active":…}}`
 * (lower-case op, an object value). [UNCONFIRMED] whether a GET precedes the
 * PATCH: the docs show the PATCH alone, so we send it alone.
 * Returns the failure, or undefined on success.
 */
export async function setActive(
  context: AppContext,
  appUser: OktaAppUser,
  active: boolean,
): Promise<{ cause: string; exchange: OktaExchange } | undefined> {
  const { client } = context
  const path = `/Users/${appUser.remoteId}`
  if (context.app.settings.mode === 'oin') {
    const patch = await client.send({
      method: 'PATCH',
      path,
      body: { schemas: [URN.patchOp], Operations: [{ op: 'replace', value: { active } }] },
    })
    // PATCH answers 200 with the resource or 204 without (okta-behavior.md §2).
    return patch.status === 200 || patch.status === 204
      ? undefined
      : { cause: remoteCause(patch), exchange: patch }
  }
  const current = await client.send({ method: 'GET', path })
  if (current.status !== 200 || typeof current.response !== 'object' || current.response === null) {
    return { cause: remoteCause(current), exchange: current }
  }
  const put = await client.send({
    method: 'PUT',
    path,
    body: { ...(current.response as Record<string, unknown>), active },
  })
  return put.status === 200 ? undefined : { cause: remoteCause(put), exchange: put }
}
