import { URN } from '../schema/urns.js'

/** A ListResponse message (RFC 7644 §3.4.2). */
export interface ListResponse<T = unknown> {
  schemas: [typeof URN.listResponse]
  totalResults: number
  startIndex: number
  itemsPerPage: number
  Resources: T[]
}

/**
 * Wraps one page of results in a ListResponse (RFC 7644 §3.4.2).
 * `Resources` is present even when empty: the RFC lets it be omitted when
 * `totalResults` is 0, Okta accepts both, and most clients expect the key.
 *
 * @example
 * createListResponse({ resources: [user], totalResults: 42, startIndex: 11 })
 * // { schemas: [URN.listResponse], totalResults: 42, startIndex: 11, itemsPerPage: 1, Resources: [user] }
 */
export function createListResponse<T>(page: {
  resources: T[]
  totalResults: number
  startIndex: number
}): ListResponse<T> {
  return {
    schemas: [URN.listResponse],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: page.resources.length,
    Resources: page.resources,
  }
}

/**
 * Cuts one page out of the full result set with 1-based `startIndex`
 * (RFC 7644 §3.4.2.4). Out-of-range values are clamped, never an error.
 *
 * @example
 * paginate(['a', 'b', 'c', 'd'], 2, 2) // ['b', 'c']
 */
export function paginate<T>(items: readonly T[], startIndex: number, count: number): T[] {
  const start = Math.max(startIndex, 1) - 1
  return items.slice(start, start + Math.max(count, 0))
}
