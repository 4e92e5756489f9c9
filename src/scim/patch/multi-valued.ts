import { isEqualValue, isJsonObject } from '../resource/normalize-value.js'
import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'

/**
 * True when two values of a multi-valued attribute are the same value. Where
 * the `value` sub-attribute is immutable (Group `members`), it identifies the
 * value: `{ value: 'u1', type: 'User' }` and `{ value: 'u1' }` are one member.
 * Otherwise values are compared whole.
 *
 * @example
 * isSameValue(membersDefinition, { value: 'u1', type: 'User' }, { value: 'u1' }) // true
 */
export function isSameValue(attribute: AttributeDefinition, a: unknown, b: unknown): boolean {
  const identifiedByValue =
    findAttribute(attribute.subAttributes, 'value')?.mutability === 'immutable'
  if (identifiedByValue && isJsonObject(a) && isJsonObject(b) && a.value !== undefined) {
    return a.value === b.value
  }
  return isEqualValue(a, b)
}

/**
 * Appends normalised values, skipping those already present (RFC 7644
 * §3.5.2.1: "If the target location already contains the value specified, no
 * changes SHOULD be made"). Okta and Entra re-send members they already added.
 * Returns a new array and the values actually appended.
 *
 * @example
 * appendValues(membersDefinition, [{ value: 'u1' }], [{ value: 'u1' }, { value: 'u2' }])
 * // { values: [{ value: 'u1' }, { value: 'u2' }], appended: [{ value: 'u2' }] }
 */
export function appendValues(
  attribute: AttributeDefinition,
  current: readonly unknown[],
  added: readonly unknown[],
): { values: unknown[]; appended: unknown[] } {
  const values = [...current]
  const appended: unknown[] = []
  for (const value of added) {
    if (values.some((existing) => isSameValue(attribute, existing, value))) continue
    values.push(value)
    appended.push(value)
  }
  return { values, appended }
}

/**
 * RFC 7644 §3.5.2: setting a value's `primary` to true "SHALL cause the server
 * to automatically set primary to false for any other values in the array".
 * `written` are the values this operation wrote (same object references as
 * in `values`); other values that were primary are set to false, in place.
 *
 * @throws ScimError `invalidValue` when one operation makes two values primary.
 * @example
 * const emails = [{ value: 'a', primary: true }, { value: 'b', primary: true }]
 * settlePrimary(emails, [emails[1]], 'emails') // emails[0].primary === false
 */
export function settlePrimary(values: unknown[], written: readonly unknown[], label: string): void {
  const primaries = written.filter((value) => isJsonObject(value) && value.primary === true)
  if (primaries.length === 0) return
  if (primaries.length > 1) {
    // RFC 7643 §2.4: "true" MUST appear no more than once.
    throw ScimError.invalidValue(`Attribute "${label}" must have at most one primary value`)
  }
  for (const value of values) {
    if (isJsonObject(value) && value.primary === true && value !== primaries[0]) {
      value.primary = false
    }
  }
}

/**
 * True when every sub-attribute of `template` equals the value's: the match
 * used by `remove` with a `value` list (see `applyPatch`).
 *
 * @example
 * matchesTemplate({ value: 'u1', type: 'User' }, { value: 'u1' }) // true
 */
export function matchesTemplate(value: unknown, template: unknown): boolean {
  if (!isJsonObject(value) || !isJsonObject(template)) return isEqualValue(value, template)
  return Object.entries(template).every(([key, sub]) => isEqualValue(value[key], sub))
}
