const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** A stream of Okta-style ids: call it with a prefix for the next id. */
export interface OktaIds {
  (prefix: string): string
  /** Where the stream is: its xorshift32 state, a non-zero 32-bit integer (for a snapshot). */
  state(): number
  /** Continues from a `state()` this or another stream had: the same ids follow. */
  resume(state: number): void
}

/**
 * Okta-style ids: a 3-character prefix (`00u` users, `00g` groups, `0oa`
 * apps) and 17 base-62 characters, 20 in all, from a seeded generator so a
 * simulation always produces the same ids.
 *
 * @example
 * const ids = createOktaIds(1); ids('00u') // '00u' + 17 characters
 */
export function createOktaIds(seed: number): OktaIds {
  let state = seed >>> 0 || 1
  const next = () => {
    // xorshift32: small, seeded, enough for ids.
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state
  }
  const ids = (prefix: string) => {
    let id = prefix
    while (id.length < 20) id += ALPHABET[next() % ALPHABET.length]
    return id
  }
  return Object.assign(ids, {
    state: () => state,
    resume(at: number) {
      // xorshift's state 0 would stay 0 forever: every id the same.
      if (!Number.isInteger(at) || at < 1 || at > 0xffffffff)
        throw new RangeError(`Failed to resume the id stream: ${at} is no non-zero 32-bit state`)
      state = at
    },
  })
}
