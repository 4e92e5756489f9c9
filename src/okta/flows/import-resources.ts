import type { AppContext } from '../okta-app-context.js'

/** The counters of Okta's import results dialog (okta-behavior.md §1.8). */
export interface ImportResult {
  usersScanned: number
  newUsers: number
  updatedUsers: number
  unchangedUsers: number
  removedUsers: number
  groupsScanned: number
  newGroups: number
  updatedGroups: number
  unchangedGroups: number
  removedGroups: number
  /** The dialog's lines, e.g. "1 users scanned!". */
  lines: string[]
}

/** Import Users / Import Groups (okta-behavior.md §1.8). TO BE IMPLEMENTED (helper I). */
export async function importResources(_context: AppContext): Promise<ImportResult> {
  throw new Error('importResources: not implemented yet')
}
