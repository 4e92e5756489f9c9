import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'

/**
 * Coerces one attribute's value to its schema type (RFC 7643 §2.3), renaming
 * sub-attributes to their canonical spelling. Returns undefined for an
 * unassigned value: `null`, an empty array or a complex value with nothing
 * assignable in it are all "unassigned" (RFC 7643 §2.5).
 *
 * @throws ScimError `invalidValue` naming `path` and what was expected.
 * @example
 * normalizeValue(activeDefinition, 'False', 'active') // false (Entra sends strings)
 * normalizeValue(emailsDefinition, [{ Value: 'a@example.com', TYPE: 'work' }], 'emails')
 * // [{ value: 'a@example.com', type: 'work' }]
 */
export function normalizeValue(
  definition: AttributeDefinition,
  value: unknown,
  path: string,
): unknown {
  if (value === null || value === undefined) return undefined
  if (!definition.multiValued) return normalizeSingleValue(definition, value, path)

  if (!Array.isArray(value)) {
    throw ScimError.invalidValue(
      `Attribute "${path}" must be an array, got ${describeValue(value)}`,
    )
  }
  const elements: unknown[] = []
  for (const element of value) {
    // A null element carries nothing: drop it rather than fail the request.
    const normalized = normalizeSingleValue(definition, element, path)
    if (normalized !== undefined) elements.push(normalized)
  }
  if (elements.length === 0) return undefined
  assertSinglePrimary(elements, path)
  return elements
}

/**
 * Normalises an object of attributes against their definitions: the body of a
 * complex value or of a schema extension. Keys match case-insensitively
 * (RFC 7643 §2.1); unknown keys and readOnly attributes are dropped, because
 * RFC 7644 §3.3 says readOnly input SHALL be ignored (clients send
 * `members[].display` and `manager.displayName` back to us).
 *
 * @example
 * normalizeAttributes(enterpriseUserSchema.attributes, { Department: 'R&D' }, `${URN.enterpriseUser}:`)
 * // { department: 'R&D' }
 */
export function normalizeAttributes(
  attributes: readonly AttributeDefinition[],
  object: Readonly<Record<string, unknown>>,
  pathPrefix: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, raw] of Object.entries(object)) {
    const definition = findAttribute(attributes, key)
    if (!definition || definition.mutability === 'readOnly') continue
    const normalized = normalizeValue(definition, raw, `${pathPrefix}${definition.name}`)
    if (normalized === undefined) delete result[definition.name]
    else result[definition.name] = normalized
  }
  return result
}

/**
 * Deep equality of two normalised JSON values (key order ignored). Used to
 * keep immutable attributes immutable and to make repeated adds no-ops.
 *
 * @example
 * isEqualValue({ value: 'a', type: 'work' }, { type: 'work', value: 'a' }) // true
 */
export function isEqualValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => isEqualValue(item, b[i]))
    )
  }
  if (!isJsonObject(a) || !isJsonObject(b) || Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && isEqualValue(a[key], b[key]))
}

/**
 * True for a JSON object (not null, not an array).
 *
 * @example
 * isJsonObject({ op: 'add' }) // true
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A short rendering of a client value for error details.
 *
 * @example
 * describeValue('maybe') // '"maybe"'
 */
export function describeValue(value: unknown): string {
  const json = shallowJson(value, 2)
  return json.length > 60 ? `${json.slice(0, 57)}...` : json
}

/**
 * JSON of at most `depth` levels, with at most a few entries per level: an
 * error detail needs a glimpse, and a whole 100k-deep array would overflow
 * the stack (JSON.stringify recurses) and turn a 400 into a 500.
 */
function shallowJson(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    if (depth === 0) return value.length === 0 ? '[]' : '[...]'
    const items = value.slice(0, 4).map((item) => shallowJson(item, depth - 1))
    return `[${items.join(',')}${value.length > 4 ? ',...' : ''}]`
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
    if (depth === 0) return entries.length === 0 ? '{}' : '{...}'
    const shown = entries
      .slice(0, 4)
      .map(([key, item]) => `${JSON.stringify(key)}:${shallowJson(item, depth - 1)}`)
    return `{${shown.join(',')}${entries.length > 4 ? ',...' : ''}}`
  }
  return JSON.stringify(value) ?? String(value)
}

function normalizeSingleValue(
  definition: AttributeDefinition,
  value: unknown,
  path: string,
): unknown {
  if (value === null || value === undefined) return undefined
  const fail = (expected: string) =>
    ScimError.invalidValue(`Attribute "${path}" must be ${expected}, got ${describeValue(value)}`)

  switch (definition.type) {
    case 'string':
    case 'reference':
    case 'binary':
      if (typeof value !== 'string') throw fail('a string')
      return value
    case 'boolean':
      if (typeof value === 'boolean') return value
      // NOTE: not standard SCIM. Entra ID sends booleans as "True"/"False"
      // strings; we accept them in any case so Entra provisioning works.
      if (typeof value === 'string') {
        const lower = value.toLowerCase()
        if (lower === 'true') return true
        if (lower === 'false') return false
      }
      throw fail('a boolean')
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw fail('an integer')
      return value
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number')
      return value
    case 'dateTime':
      // RFC 7643 §2.3.5 asks for xsd:dateTime; Date.parse is the practical check.
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw fail('a dateTime string')
      }
      return value
    case 'complex': {
      const subAttributes = definition.subAttributes ?? []
      // NOTE: not standard SCIM. Entra ID sends the enterprise `manager` as a
      // bare id string instead of `{ "value": id }`; we accept a string for a
      // single-valued complex attribute that has a `value` sub-attribute.
      if (
        typeof value === 'string' &&
        !definition.multiValued &&
        findAttribute(subAttributes, 'value')
      ) {
        return value === '' ? undefined : { value }
      }
      if (!isJsonObject(value)) throw fail('an object')
      const object = normalizeAttributes(subAttributes, value, `${path}.`)
      return Object.keys(object).length === 0 ? undefined : object
    }
  }
}

function assertSinglePrimary(elements: readonly unknown[], path: string): void {
  const primaries = elements.filter((element) => isJsonObject(element) && element.primary === true)
  if (primaries.length > 1) {
    // RFC 7643 §2.4: the primary attribute value "true" MUST appear no more than once.
    throw ScimError.invalidValue(`Attribute "${path}" must have at most one primary value`)
  }
}
