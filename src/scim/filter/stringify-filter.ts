import { ScimError } from '../scim-error.js'
import type { AttributePath, FilterExpression, FilterValue } from './filter-ast.js'

/**
 * Formats an attribute path as `[URI ":"] ATTRNAME ["." subAttr]` (RFC 7644 §3.10).
 *
 * @example
 * formatAttributePath({ uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' })
 * // 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value'
 */
export function formatAttributePath(path: AttributePath): string {
  const prefix = path.uri === undefined ? '' : `${path.uri}:`
  const suffix = path.subAttribute === undefined ? '' : `.${path.subAttribute}`
  return `${prefix}${path.attribute}${suffix}`
}

function formatValue(value: FilterValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw ScimError.invalidFilter(`Invalid filter: ${value} is not a JSON number`)
  }
  // JSON.stringify re-escapes quotes, backslashes and control characters.
  return typeof value === 'string' || typeof value === 'number'
    ? JSON.stringify(value)
    : String(value)
}

// Binding strength: "or" < "and" < everything else (RFC 7644 §3.4.2.2, "and" binds tighter).
const OR = 1
const AND = 2
const ATOM = 3
const precedence = (node: FilterExpression) =>
  node.type === 'or' ? OR : node.type === 'and' ? AND : ATOM

function format(node: FilterExpression, minimum: number): string {
  let text: string
  switch (node.type) {
    case 'comparison':
      text = `${formatAttributePath(node.path)} ${node.operator} ${formatValue(node.value)}`
      break
    case 'present':
      text = `${formatAttributePath(node.path)} pr`
      break
    case 'not':
      text = `not (${format(node.expression, OR)})`
      break
    case 'valuePath':
      text = `${formatAttributePath(node.path)}[${format(node.filter, OR)}]`
      break
    default: {
      // Left-associative: the right operand needs parentheses at equal binding strength.
      const strength = precedence(node)
      const keyword = node.type
      text = `${format(node.left, strength)} ${keyword} ${format(node.right, strength + 1)}`
    }
  }
  return precedence(node) < minimum ? `(${text})` : text
}

/**
 * Writes a filter in a canonical text form that parseFilter reads back to the
 * same tree: lower-case keywords, single spaces, JSON literals and only the
 * parentheses that the precedence rules need.
 *
 * @example
 * stringifyFilter(parseFilter('UserName EQ "Bob" OR (title PR AND active eq TRUE)'))
 * // 'UserName eq "Bob" or title pr and active eq true'
 */
export function stringifyFilter(filter: FilterExpression): string {
  return format(filter, OR)
}
