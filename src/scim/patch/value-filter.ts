import { compileFilter } from '../filter/compile-filter.js'
import type { FilterExpression } from '../filter/filter-ast.js'
import { normalizeValue } from '../resource/normalize-value.js'
import type { ScimResource } from '../resource/scim-resource.js'
import type { AttributeDefinition, ResourceSchema } from '../schema/attribute-definition.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'

/** Tests one value of a multi-valued complex attribute. */
export type ValuePredicate = (element: Record<string, unknown>) => boolean

/**
 * Compiles the filter of a PATCH `valuePath` (RFC 7644 §3.5.2). Its paths are
 * relative to the values, so it is compiled against a schema whose attributes
 * are the multi-valued attribute's sub-attributes.
 *
 * @example
 * const isWork = compileValueFilter(emails, parsePatchPath('emails[type eq "work"]').filter!)
 * isWork({ value: 'a@example.com', type: 'work' }) // true
 */
export function compileValueFilter(
  attribute: AttributeDefinition,
  filter: FilterExpression,
): ValuePredicate {
  const elementSchema: ResourceSchema = {
    name: attribute.name,
    endpoint: '',
    core: {
      id: '',
      name: attribute.name,
      description: '',
      attributes: attribute.subAttributes ?? [],
    },
    extensions: [],
  }
  const test = compileFilter(filter, elementSchema)
  return (element) => test(element as ScimResource)
}

/**
 * The value a filter describes, when it is an `eq` or an `and` of `eq`s on
 * writable sub-attributes: `emails[type eq "work"]` describes `{ type: 'work' }`.
 * Returns undefined for any other filter.
 *
 * NOTE: this serves a non-standard client form on purpose. RFC 7644 §3.5.2.1
 * does not define `add` with a value filter, but Entra ID sends
 * `{"op":"Add","path":"emails[type eq \"work\"].value","value":"a@example.com"}`
 * for a user who has no work email yet, and expects the email to be created.
 *
 * @example
 * valueFromFilter(emails, parsePatchPath('emails[type eq "work" and primary eq true]').filter!)
 * // { type: 'work', primary: true }
 */
export function valueFromFilter(
  attribute: AttributeDefinition,
  filter: FilterExpression,
): Record<string, unknown> | undefined {
  const value: Record<string, unknown> = {}
  return collectEquals(attribute, filter, value) ? value : undefined
}

function collectEquals(
  attribute: AttributeDefinition,
  filter: FilterExpression,
  into: Record<string, unknown>,
): boolean {
  if (filter.type === 'and') {
    return (
      collectEquals(attribute, filter.left, into) && collectEquals(attribute, filter.right, into)
    )
  }
  if (filter.type !== 'comparison' || filter.operator !== 'eq') return false
  const { path } = filter
  if (path.uri !== undefined || path.subAttribute !== undefined) return false
  const sub = findAttribute(attribute.subAttributes, path.attribute)
  if (!sub || sub.mutability === 'readOnly') return false
  const normalized = normalizeValue(sub, filter.value, `${attribute.name}.${sub.name}`)
  // `type eq "work" and type eq "home"` describes no value.
  if (normalized === undefined || (sub.name in into && into[sub.name] !== normalized)) return false
  into[sub.name] = normalized
  return true
}
