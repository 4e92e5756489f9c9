/**
 * A case-insensitive multi-map from an attribute value to record ids.
 * Keys are lower-cased so one index serves both caseExact and case-insensitive
 * comparisons: it returns a superset that the filter then narrows.
 */
export interface LookupIndex<R> {
  add(record: R): void
  remove(record: R): void
  get(key: string): ReadonlySet<string> | undefined
  clear(): void
}

/** @example createLookupIndex<User>((user) => [user.userName]) */
export function createLookupIndex<R extends { id: string }>(
  keysOf: (record: R) => Iterable<unknown>,
): LookupIndex<R> {
  const entries = new Map<string, Set<string>>()

  const normalizedKeys = (record: R): Set<string> => {
    const keys = new Set<string>()
    for (const key of keysOf(record)) {
      if (typeof key === 'string' && key !== '') keys.add(key.toLowerCase())
    }
    return keys
  }

  return {
    add(record) {
      for (const key of normalizedKeys(record)) {
        let ids = entries.get(key)
        if (!ids) entries.set(key, (ids = new Set()))
        ids.add(record.id)
      }
    },
    remove(record) {
      for (const key of normalizedKeys(record)) {
        const ids = entries.get(key)
        if (!ids) continue
        ids.delete(record.id)
        if (ids.size === 0) entries.delete(key)
      }
    },
    get(key) {
      return entries.get(key.toLowerCase())
    },
    clear() {
      entries.clear()
    },
  }
}
