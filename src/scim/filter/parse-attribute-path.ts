import { ScimError } from '../scim-error.js'
import type { AttributePath } from './filter-ast.js'

// ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA (RFC 7643 §2.1),
// plus "$ref", which RFC 7643 uses for reference sub-attributes.
const ATTRIBUTE_NAME = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/

/**
 * Parses `[URI ":"] ATTRNAME ["." subAttr]` (RFC 7644 §3.10) as used by
 * `attributes`, `excludedAttributes`, `sortBy` and inside filters.
 * A URN prefix ends at the last colon: its own dots ("2.0") are not sub-attribute separators.
 *
 * @example
 * parseAttributePath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value')
 * // { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' }
 */
export function parseAttributePath(text: string): AttributePath {
  const trimmed = text.trim()
  let uri: string | undefined
  let rest = trimmed

  if (/^urn:/i.test(trimmed)) {
    const lastColon = trimmed.lastIndexOf(':')
    uri = trimmed.slice(0, lastColon)
    rest = trimmed.slice(lastColon + 1)
  }

  const [attribute = '', subAttribute, ...extra] = rest.split('.')
  if (
    !ATTRIBUTE_NAME.test(attribute) ||
    extra.length > 0 ||
    (subAttribute !== undefined && !ATTRIBUTE_NAME.test(subAttribute))
  ) {
    throw ScimError.invalidPath(`"${text}" is not a valid attribute path`)
  }

  const path: AttributePath = { attribute }
  if (uri !== undefined) path.uri = uri
  if (subAttribute !== undefined) path.subAttribute = subAttribute
  return path
}
