/**
 * The syntax tree of RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths.
 * Attribute names are kept as written; `resolveAttributePath` maps them to
 * schema definitions case-insensitively (RFC 7643 §2.1).
 */

/** `[URI ":"] ATTRNAME ["." subAttr]` as written by the client. */
export interface AttributePath {
  /** The schema URN prefix, e.g. "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User". */
  uri?: string
  attribute: string
  subAttribute?: string
}

/** The comparison operators of RFC 7644 §3.4.2.2, Table 3. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'] as const

export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number]

/** A JSON literal in a filter: string, number, boolean or null. */
export type FilterValue = string | number | boolean | null

export type FilterExpression =
  ComparisonExpression | PresentExpression | LogicalExpression | NotExpression | ValuePathExpression

export interface ComparisonExpression {
  type: 'comparison'
  path: AttributePath
  operator: ComparisonOperator
  value: FilterValue
}

export interface PresentExpression {
  type: 'present'
  path: AttributePath
}

export interface LogicalExpression {
  type: 'and' | 'or'
  left: FilterExpression
  right: FilterExpression
}

export interface NotExpression {
  type: 'not'
  expression: FilterExpression
}

/**
 * `emails[type eq "work" and primary eq true]`: the inner filter's paths are
 * relative to the elements of the multi-valued attribute (their
 * `attribute` is the sub-attribute name).
 */
export interface ValuePathExpression {
  type: 'valuePath'
  path: AttributePath
  filter: FilterExpression
}

/**
 * A PATCH `path` (RFC 7644 §3.5.2): `attrPath`, or `valuePath [subAttr]`,
 * e.g. `members[value eq "2819c223"]` or `emails[type eq "work"].value`.
 */
export interface PatchPath {
  path: AttributePath
  /** The value filter, when the path selects elements of a multi-valued attribute. */
  filter?: FilterExpression
  /** The sub-attribute after a value filter: `emails[type eq "work"].value`. */
  subAttribute?: string
}
