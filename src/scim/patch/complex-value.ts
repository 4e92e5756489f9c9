import { describeValue, isJsonObject, normalizeValue } from '../resource/normalize-value.js'
import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'
import { assertMayChange, assertMayUnassign } from './mutability.js'

/**
 * Merges a client's value into a complex value, in place. RFC 7644 §3.5.2.1
 * and §3.5.2.3: the given sub-attributes replace or add, "sub-attributes that
 * are not specified in the value parameter are left unchanged", and a
 * sub-attribute given as `null` becomes unassigned (RFC 7643 §2.5).
 * readOnly sub-attributes in the value are ignored (RFC 7644 §3.3).
 *
 * @example
 * const name = { givenName: 'Barbara', familyName: 'Jensen' }
 * mergeComplexValue(name, nameDefinition, { GivenName: 'Babs', middleName: null }, 'name')
 * // name is { givenName: 'Babs', familyName: 'Jensen' }
 */
export function mergeComplexValue(
  target: Record<string, unknown>,
  attribute: AttributeDefinition,
  raw: unknown,
  label: string,
): void {
  const single = attribute.multiValued ? { ...attribute, multiValued: false } : attribute
  const next = normalizeValue(single, raw, label)
  if (!isJsonObject(raw) && !isJsonObject(next)) {
    throw ScimError.invalidValue(
      `Attribute "${label}" must be an object, got ${describeValue(raw)}`,
    )
  }
  if (isJsonObject(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null) continue
      const sub = findAttribute(attribute.subAttributes, key)
      if (!sub || sub.mutability === 'readOnly' || target[sub.name] === undefined) continue
      assertMayUnassign(sub, `${label}.${sub.name}`)
      assertMayChange(sub, target[sub.name], undefined, `${label}.${sub.name}`)
      delete target[sub.name]
    }
  }
  if (!isJsonObject(next)) return
  for (const [name, value] of Object.entries(next)) {
    const sub = findAttribute(attribute.subAttributes, name)!
    assertMayChange(sub, target[name], value, `${label}.${name}`)
    target[name] = value
  }
}

/**
 * Sets (or, for `raw === null`, unassigns) one sub-attribute of a complex value, in place.
 *
 * @example
 * setSubAttribute(email, valueDefinition, 'b@example.com', 'emails') // email.value = 'b@example.com'
 */
export function setSubAttribute(
  target: Record<string, unknown>,
  sub: AttributeDefinition,
  raw: unknown,
  label: string,
): void {
  const path = `${label}.${sub.name}`
  const next = normalizeValue(sub, raw, path)
  if (next === undefined) {
    if (target[sub.name] === undefined) return
    assertMayUnassign(sub, path)
  }
  assertMayChange(sub, target[sub.name], next, path)
  if (next === undefined) delete target[sub.name]
  else target[sub.name] = next
}
