import type { AppContext } from '../okta-app-context.js'
import type { OktaGroup } from '../okta-model.js'

/** Push Groups (okta-behavior.md §1.9). TO BE IMPLEMENTED (helper G). */
export interface GroupPushFlows {
  /** §1.9a/b: push a group (create, or link to `linkTo` = an app group's SCIM id). */
  pushGroup(context: AppContext, group: OktaGroup, options: { linkTo?: string }): Promise<void>
  /** §1.9c: the Okta group was renamed. */
  renameGroup(context: AppContext, group: OktaGroup): Promise<void>
  /** §1.9d: members added to / removed from a pushed group (Okta user ids). */
  membershipChanged(
    context: AppContext,
    group: OktaGroup,
    added: string[],
    removed: string[],
  ): Promise<void>
  /** §1.9e: Push now. */
  pushNow(context: AppContext, group: OktaGroup): Promise<void>
  /** §1.9f: unlink, deleting the app group or leaving it. */
  unlinkGroup(
    context: AppContext,
    group: OktaGroup,
    options: { deleteInApp: boolean },
  ): Promise<void>
  /** §1.9f: deactivate (nothing sent) or activate (memberships pushed) the push. */
  setPushActive(context: AppContext, group: OktaGroup, active: boolean): Promise<void>
}

export const groupPush: GroupPushFlows = {
  pushGroup: () => Promise.reject(new Error('pushGroup: not implemented yet')),
  renameGroup: () => Promise.reject(new Error('renameGroup: not implemented yet')),
  membershipChanged: () => Promise.reject(new Error('membershipChanged: not implemented yet')),
  pushNow: () => Promise.reject(new Error('pushNow: not implemented yet')),
  unlinkGroup: () => Promise.reject(new Error('unlinkGroup: not implemented yet')),
  setPushActive: () => Promise.reject(new Error('setPushActive: not implemented yet')),
}
