import { ScimError } from '../scim-error.js'
import type { PatchPath } from './filter-ast.js'
import { FilterParser, MAX_FILTER_LENGTH } from './parse-filter.js'

const SUB_ATTRIBUTE = /^\.(\$ref|[A-Za-z][\w-]*)\s*$/

/**
 * Parses a PATCH operation's `path` (RFC 7644 §3.5.2):
 * `PATH = attrPath / valuePath [subAttr]`. A bare extension URN parses as
 * uri + attribute (e.g. uri "…:2.0", attribute "User"); resolveAttributePath
 * maps that back to the whole extension.
 *
 * Structural errors throw ScimError invalidPath. Errors inside the brackets
 * throw invalidFilter, as RFC 7644 §3.12 (Table 9) lists invalidFilter for
 * "PATCH (Path Filter)".
 *
 * @example
 * parsePatchPath('emails[type eq "work"].value')
 * // { path: { attribute: 'emails' }, filter: { type: 'comparison', ... }, subAttribute: 'value' }
 */
export function parsePatchPath(text: string): PatchPath {
  if (typeof text !== 'string' || text.length > MAX_FILTER_LENGTH) {
    throw ScimError.invalidPath(
      `Invalid path: expected a string of at most ${MAX_FILTER_LENGTH} characters`,
    )
  }
  const parser = new FilterParser(text, 'invalidPath')
  const first = parser.next()
  if (first.kind !== 'word') {
    throw parser.error(
      first.kind === 'end'
        ? 'the path is empty'
        : `expected an attribute path but found "${first.text}"`,
      first.start,
    )
  }
  const path = parser.attributePath(first)
  const open = parser.peek()
  if (open.kind === 'end') return { path }
  if (open.kind !== '[') {
    throw parser.error(`expected "[" or the end after "${first.text}"`, open.start)
  }

  parser.next()
  parser.scimType = 'invalidFilter'
  const filter = parser.parseValueFilter(open)
  parser.scimType = 'invalidPath'

  // `subAttr` directly follows "]", so it is read from the text, not as a token.
  const rest = text.slice(parser.position)
  if (rest.trim() === '') return { path, filter }
  const match = SUB_ATTRIBUTE.exec(rest)
  if (!match?.[1]) {
    throw parser.error('expected ".subAttribute" or the end after "]"', parser.position)
  }
  return { path, filter, subAttribute: match[1] }
}
