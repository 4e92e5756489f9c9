import type { AttributeDefinition } from '../schema/attribute-definition.js'

// xsd:dateTime (RFC 7643 §2.3.5). Stricter than Date.parse, which also accepts "1" or "March 7".
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i

/**
 * Parses an xsd:dateTime (RFC 7643 §2.3.5) to epoch milliseconds, or NaN.
 * A value without a time zone is read as UTC, so results do not depend on
 * the machine's time zone.
 *
 * @example
 * parseDateTime('2025-01-01T00:00:00+02:00') // 1735682400000 (2024-12-31T22:00:00Z)
 */
export function parseDateTime(text: string): number {
  const match = DATE_TIME.exec(text)
  if (!match) return Number.NaN
  return Date.parse(match[1] === undefined ? `${text}Z` : text)
}

const sign = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Orders two values of one attribute, for the gt/ge/lt/le filter operators
 * and for `sortBy` (RFC 7644 §3.4.2.3): strings by UTF-16 code units,
 * lower-cased first unless the attribute is caseExact (RFC 7643 §2.2);
 * numbers numerically; dateTimes as instants; booleans false before true.
 * Returns a negative number, 0 or a positive number.
 *
 * Missing values (undefined/null) are the caller's job: RFC 7644 §3.4.2.3
 * sorts them last in ascending order, and a filter never matches them.
 * Values of an unexpected JSON type are ordered by type name, so that
 * sorting malformed data never throws.
 *
 * @example
 * compareAttributeValues('alice', 'Bob', userNameDefinition) // -1: "alice" < "bob"
 */
export function compareAttributeValues(
  a: unknown,
  b: unknown,
  definition: AttributeDefinition,
): number {
  if (typeof a === 'string' && typeof b === 'string') {
    if (definition.type === 'dateTime') {
      const x = Date.parse(a)
      const y = Date.parse(b)
      // Unparseable dateTimes fall through to a text comparison.
      if (!Number.isNaN(x) && !Number.isNaN(y)) return sign(x, y)
    }
    return definition.caseExact ? sign(a, b) : sign(a.toLowerCase(), b.toLowerCase())
  }
  if (typeof a === 'number' && typeof b === 'number') return sign(a, b)
  if (typeof a === 'boolean' && typeof b === 'boolean') return sign(Number(a), Number(b))
  return sign(typeof a, typeof b)
}
