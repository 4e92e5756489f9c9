import type { AppContext } from '../okta-app-context.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'

/**
 * Unassign or deactivation (okta-behavior.md §1.4). TO BE IMPLEMENTED (helper U).
 */
export async function deprovisionUser(
  _context: AppContext,
  _user: OktaUser,
  _appUser: OktaAppUser,
): Promise<void> {
  throw new Error('deprovisionUser: not implemented yet')
}
