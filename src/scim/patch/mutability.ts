import { isEqualValue } from '../resource/normalize-value.js'
import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { ScimError } from '../scim-error.js'

/**
 * RFC 7644 §3.5.2: "a client MUST NOT modify an attribute that has mutability
 * readOnly". Targeting one (`id`, `meta.created`, `groups`) is a `mutability` error.
 *
 * @example
 * assertNotReadOnly(idDefinition, 'id') // throws ScimError (400, mutability)
 */
export function assertNotReadOnly(definition: AttributeDefinition, label: string): void {
  if (definition.mutability === 'readOnly') {
    throw ScimError.mutability(`Attribute "${label}" is readOnly`)
  }
}

/**
 * RFC 7644 §3.5.2: an immutable attribute may be given a value when it has
 * none, never changed afterwards. Writing the value it already has is allowed.
 * `next === undefined` means the operation unassigns it.
 *
 * @example
 * assertMayChange(memberValueDefinition, 'u1', 'u2', 'members.value') // throws ScimError (400, mutability)
 */
export function assertMayChange(
  definition: AttributeDefinition,
  previous: unknown,
  next: unknown,
  label: string,
): void {
  if (definition.mutability !== 'immutable' || previous === undefined) return
  if (next !== undefined && isEqualValue(previous, next)) return
  throw ScimError.mutability(`Attribute "${label}" is immutable and already has a value`)
}

/**
 * RFC 7644 §3.5.2.2: an attribute that is required SHALL NOT become unassigned;
 * the error's scimType is `mutability`.
 *
 * @example
 * assertMayUnassign(userNameDefinition, 'userName') // throws ScimError (400, mutability)
 */
export function assertMayUnassign(definition: AttributeDefinition, label: string): void {
  if (definition.required) {
    throw ScimError.mutability(`Attribute "${label}" is required and cannot be removed`)
  }
}
