import type { ScimResource } from '../resource/scim-resource.js'
import type { AttributeDefinition, ResourceSchema } from '../schema/attribute-definition.js'
import { findAttribute, resolveAttributePath } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'
import { parseDateTime } from './compare-values.js'
import type {
  AttributePath,
  ComparisonExpression,
  ComparisonOperator,
  FilterExpression,
} from './filter-ast.js'
import { formatAttributePath } from './stringify-filter.js'

/** A predicate on a resource, an extension object, a complex value or a leaf value. */
type Test = (value: unknown) => boolean

const invalid = (message: string) => ScimError.invalidFilter(`Invalid filter: ${message}`)
const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object'
const lower = (text: string) => text.toLowerCase()
const same = (text: string) => text

type Relation = (a: number | string, b: number | string) => boolean
// A Map, not an object literal: an operator from a hand-built tree such as
// "constructor" must not find a prototype property.
const RELATIONS: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ['eq', (a, b) => a === b],
  ['gt', (a, b) => a > b],
  ['ge', (a, b) => a >= b],
  ['lt', (a, b) => a < b],
  ['le', (a, b) => a <= b],
])
const OPERATORS: ReadonlySet<string> = new Set([...RELATIONS.keys(), 'ne', 'co', 'sw', 'ew'])

/**
 * `pr` (RFC 7644 §3.4.2.2): "has a non-empty value". Empty strings, empty
 * arrays, null and objects whose values are all empty do not count.
 */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false
  if (Array.isArray(value)) return value.some(isPresent)
  if (typeof value === 'object') return Object.values(value).some(isPresent)
  return true
}

/**
 * Steps into `key` of an object. A multi-valued attribute matches when ANY of
 * its values passes (RFC 7644 §3.4.2.2); a missing key passes no test.
 */
function field(key: string, test: Test): Test {
  return (target) => {
    if (!isObject(target)) return false
    const value = target[key]
    if (!Array.isArray(value)) return test(value)
    for (let i = 0; i < value.length; i++) if (test(value[i])) return true
    return false
  }
}

/** Builds the test of one leaf value, type-checking the literal once (RFC 7644 §3.4.2.2). */
function compileTest(
  definition: AttributeDefinition,
  operator: Exclude<ComparisonOperator, 'ne'>,
  literal: string | number | boolean,
  where: string,
): Test {
  const unsupported = () =>
    invalid(`"${operator}" is not supported on the ${definition.type} attribute "${where}"`)
  const relation = RELATIONS.get(operator)

  switch (definition.type) {
    case 'boolean': {
      // RFC 7644 §3.4.2.2: gt/ge/lt/le on a boolean SHALL be invalidFilter; co/sw/ew make no sense.
      if (operator !== 'eq') throw unsupported()
      // NOTE: This is NOT standard SCIM: Entra ID sends `active eq "True"`, so the
      // strings "true"/"false" (any case) are accepted for booleans.
      const text = typeof literal === 'string' ? literal.toLowerCase() : undefined
      const expected = text === 'true' ? true : text === 'false' ? false : literal
      if (typeof expected !== 'boolean')
        throw invalid(`"${where}" is a boolean: compare it with true or false`)
      return (value) => value === expected
    }
    case 'integer':
    case 'decimal': {
      if (typeof literal !== 'number')
        throw invalid(`"${where}" is a number: compare it with a number`)
      if (!relation) throw unsupported()
      return (value) => typeof value === 'number' && relation(value, literal)
    }
    case 'dateTime': {
      // Instants, not text: "…12:00:00.500Z" is after "…12:00:00Z", and offsets count (RFC 7643 §2.3.5).
      if (!relation) throw unsupported()
      const instant = typeof literal === 'string' ? parseDateTime(literal) : Number.NaN
      if (Number.isNaN(instant)) {
        throw invalid(
          `"${where}" is a dateTime: ${JSON.stringify(literal)} is not a valid dateTime`,
        )
      }
      return (value) => typeof value === 'string' && relation(Date.parse(value), instant)
    }
    case 'string':
    case 'reference':
    case 'binary': {
      if (typeof literal !== 'string')
        throw invalid(`"${where}" is a string: compare it with a JSON string`)
      // RFC 7644 §3.4.2.2: ordering a binary attribute SHALL be invalidFilter.
      if (definition.type === 'binary' && operator !== 'eq') throw unsupported()
      // RFC 7643 §2.2: caseExact decides whether case matters, for every operator.
      const fold = definition.caseExact ? same : lower
      const expected = fold(literal)
      const isString = (value: unknown): value is string => typeof value === 'string'
      if (operator === 'co') return (value) => isString(value) && fold(value).includes(expected)
      if (operator === 'sw') return (value) => isString(value) && fold(value).startsWith(expected)
      if (operator === 'ew') return (value) => isString(value) && fold(value).endsWith(expected)
      if (!relation) throw unsupported()
      return (value) => isString(value) && relation(fold(value), expected)
    }
    default:
      throw unsupported()
  }
}

/** Where a path points: the property names to walk and the leaf definition. */
interface Target {
  keys: string[]
  /** Undefined when the path names a whole extension. */
  definition: AttributeDefinition | undefined
}

function resolveTarget(
  path: AttributePath,
  schema: ResourceSchema,
  parent: AttributeDefinition | undefined,
): Target {
  const where = formatAttributePath(path)
  if (parent) {
    // Inside `emails[...]` paths name sub-attributes of the elements (RFC 7644 §3.4.2.2 valFilter).
    const sub =
      path.uri === undefined && path.subAttribute === undefined
        ? findAttribute(parent.subAttributes, path.attribute)
        : undefined
    if (!sub) throw invalid(`unknown attribute "${parent.name}.${where}"`)
    return { keys: [sub.name], definition: sub }
  }
  const resolved = resolveAttributePath(schema, path)
  if (!resolved) throw invalid(`unknown attribute "${where}"`)
  // Stored resources use canonical names and keep extension attributes under their URN.
  const keys: string[] = []
  if (resolved.extension !== undefined) keys.push(resolved.extension)
  if (resolved.attribute) keys.push(resolved.attribute.name)
  if (resolved.subAttribute) keys.push(resolved.subAttribute.name)
  return { keys, definition: resolved.subAttribute ?? resolved.attribute }
}

const walk = (keys: readonly string[], test: Test): Test =>
  keys.reduceRight((inner, key) => field(key, inner), test)

function compileComparison(
  node: ComparisonExpression,
  schema: ResourceSchema,
  parent: AttributeDefinition | undefined,
): Test {
  const where = formatAttributePath(node.path)
  const { keys, definition } = resolveTarget(node.path, schema, parent)
  if (!definition) throw invalid(`"${where}" names a whole extension; only "pr" applies to it`)
  let leaf = definition
  if (leaf.type === 'complex') {
    // RFC 7644 §3.4.2.2 (`emails co "example.com"`): a multi-valued complex attribute
    // without a sub-attribute stands for its "value" sub-attribute.
    const value = leaf.multiValued ? findAttribute(leaf.subAttributes, 'value') : undefined
    if (!value) throw invalid(`"${where}" is complex: compare one of its sub-attributes`)
    leaf = value
    keys.push(value.name)
  }

  const { operator, value } = node
  if (!OPERATORS.has(operator)) {
    throw invalid(`unknown operator "${operator}"`)
  }
  if (value === null) {
    // `eq null` means "not present" and `ne null` "present"; ordering null means nothing.
    const present = walk(keys, isPresent)
    if (operator === 'eq') return (target) => !present(target)
    if (operator === 'ne') return present
    throw invalid(`"${operator}" cannot compare "${where}" with null`)
  }
  if (operator === 'ne') {
    // ne is NOT(eq): a missing attribute, or one with no equal value, is "ne".
    const equal = walk(keys, compileTest(leaf, 'eq', value, where))
    return (target) => !equal(target)
  }
  return walk(keys, compileTest(leaf, operator, value, where))
}

function compileNode(
  node: FilterExpression,
  schema: ResourceSchema,
  parent: AttributeDefinition | undefined,
): Test {
  switch (node.type) {
    case 'and': {
      const left = compileNode(node.left, schema, parent)
      const right = compileNode(node.right, schema, parent)
      return (target) => left(target) && right(target)
    }
    case 'or': {
      const left = compileNode(node.left, schema, parent)
      const right = compileNode(node.right, schema, parent)
      return (target) => left(target) || right(target)
    }
    case 'not': {
      const inner = compileNode(node.expression, schema, parent)
      return (target) => !inner(target)
    }
    case 'present': {
      const { keys } = resolveTarget(node.path, schema, parent)
      return walk(keys, isPresent)
    }
    case 'comparison':
      return compileComparison(node, schema, parent)
    case 'valuePath': {
      const where = formatAttributePath(node.path)
      if (parent) throw invalid(`value filters cannot be nested ("${parent.name}[${where}[...]]")`)
      const { keys, definition } = resolveTarget(node.path, schema, undefined)
      if (definition?.type !== 'complex' || node.path.subAttribute !== undefined) {
        throw invalid(`"${where}[...]" needs a complex attribute`)
      }
      // The whole valFilter runs on ONE element at a time, so `emails[type eq "work" and
      // value co "@x"]` needs both conditions on the same email (RFC 7644 §3.4.2.2).
      const element = compileNode(node.filter, schema, definition)
      return walk(keys, (value) => isObject(value) && !Array.isArray(value) && element(value))
    }
    default:
      throw invalid(`unknown expression type "${(node as { type: unknown }).type}"`)
  }
}

/**
 * Compiles a filter (RFC 7644 §3.4.2.2) against a resource type into a
 * predicate. Attribute paths are resolved (case-insensitively) and literals
 * type-checked once, here; the predicate only walks objects. Unknown
 * attributes and unsupported operator/type combinations throw ScimError
 * invalidFilter.
 *
 * @example
 * const matches = compileFilter(parseFilter('emails[type eq "work" and value co "@example.com"]'), userResourceSchema)
 * users.filter(matches)
 */
export function compileFilter(
  filter: FilterExpression,
  schema: ResourceSchema,
): (resource: ScimResource) => boolean {
  return compileNode(filter, schema, undefined)
}
