import type { ScimError } from '../scim-error.js'
import type { FilterValue } from './filter-ast.js'

/** One token of a filter (RFC 7644 §3.4.2.2, Figure 1). Positions are 0-based offsets. */
export interface Token {
  kind: 'word' | 'string' | 'number' | '(' | ')' | '[' | ']' | 'end'
  /** The token as written. */
  text: string
  start: number
  end: number
  /** The decoded literal of a string or number token. */
  value?: FilterValue
}

/** Builds the error to throw for a message at a position. */
export type ErrorAt = (message: string, position: number) => ScimError

// The JSON number grammar (RFC 8259 §6), which compValue uses (RFC 7644 §3.4.2.2).
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/

// Attribute names, keywords and URNs: `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName`
// is one word, split later by parseAttributePath.
const isWordStart = (c: string) => /[A-Za-z$]/.test(c)
const isWordPart = (c: string) => /[\w$.:-]/.test(c)

/**
 * Reads the token that starts at or after `from`. Whitespace between tokens
 * is skipped; RFC 7644 asks for single spaces, clients are not that tidy.
 *
 * @example
 * lex('userName eq "bjensen"', 8, error) // { kind: 'word', text: 'eq', start: 9, end: 11 }
 */
export function lex(text: string, from: number, error: ErrorAt): Token {
  let start = from
  while (start < text.length && /\s/.test(text.charAt(start))) start++
  const c = text.charAt(start)
  if (start >= text.length) return { kind: 'end', text: '', start, end: start }
  if (c === '(' || c === ')' || c === '[' || c === ']') {
    return { kind: c, text: c, start, end: start + 1 }
  }
  if (c === '"') return lexString(text, start, error)
  if (c === '-' || (c >= '0' && c <= '9')) {
    const match = NUMBER.exec(text.slice(start))
    if (!match) throw error(`invalid number`, start)
    const value = Number(match[0])
    if (!Number.isFinite(value)) throw error(`number ${match[0]} is out of range`, start)
    // `|| 0` turns -0 into 0 so that a filter survives a round trip through text.
    return {
      kind: 'number',
      text: match[0],
      start,
      end: start + match[0].length,
      value: value || 0,
    }
  }
  if (isWordStart(c)) {
    let end = start + 1
    while (end < text.length && isWordPart(text.charAt(end))) end++
    return { kind: 'word', text: text.slice(start, end), start, end }
  }
  const hint = c === "'" ? ' (strings take double quotes)' : ''
  throw error(`unexpected character ${JSON.stringify(c)}${hint}`, start)
}

function lexString(text: string, start: number, error: ErrorAt): Token {
  let end = start + 1
  while (end < text.length && text.charAt(end) !== '"') end += text.charAt(end) === '\\' ? 2 : 1
  if (end >= text.length) throw error('unterminated string', start)
  const source = text.slice(start, end + 1)
  try {
    // A JSON string (RFC 8259 §7) per RFC 7644 §3.4.2.2, so JSON.parse decodes the escapes.
    return { kind: 'string', text: source, start, end: end + 1, value: JSON.parse(source) }
  } catch {
    throw error(`invalid string ${source} (bad escape or control character)`, start)
  }
}
