const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * Okta-style ids: a 3-character prefix (`00u` users, `00g` groups, `0oa`
 * apps) and 17 base-62 characters, 20 in all, from a seeded generator so a
 * simulation always produces the same ids.
 *
 * @example
 * const ids = createOktaIds(1); ids('00u') // '00u' + 17 characters
 */
export function createOktaIds(seed: number): (prefix: string) => string {
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
  return (prefix) => {
    let id = prefix
    while (id.length < 20) id += ALPHABET[next() % ALPHABET.length]
    return id
  }
}
