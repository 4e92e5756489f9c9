import type { AppContext } from '../okta-app-context.js'
import type { OktaAppUser, OktaUser } from '../okta-model.js'

/** Password sync (okta-behavior.md §1.7). TO BE IMPLEMENTED (helper U). */
export async function syncPassword(
  _context: AppContext,
  _user: OktaUser,
  _appUser: OktaAppUser,
  _password: string,
): Promise<void> {
  throw new Error('syncPassword: not implemented yet')
}
