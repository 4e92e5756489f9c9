import {
  describeValue,
  isEqualValue,
  isJsonObject,
  normalizeValue,
} from '../resource/normalize-value.js'
import type { ScimResource } from '../resource/scim-resource.js'
import type { ResourceSchema } from '../schema/attribute-definition.js'
import { findAttribute } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'
import { mergeComplexValue, setSubAttribute } from './complex-value.js'
import { appendValues, matchesTemplate, settlePrimary } from './multi-valued.js'
import { assertMayChange, assertMayUnassign, assertNotReadOnly } from './mutability.js'
import { type PatchOp, type PatchOperation, readPatchRequest } from './patch-request.js'
import {
  type AttributeTarget,
  type ExtensionTarget,
  type PatchTarget,
  resolvePatchKey,
  resolvePatchPath,
  type ValuesTarget,
} from './patch-target.js'
import { compileValueFilter, valueFromFilter } from './value-filter.js'

/** What {@link applyPatch} returns. */
export interface PatchResult {
  /** The patched resource: a new object, never the input. */
  resource: ScimResource
  /** False when the result deep-equals the input (e.g. re-adding a member). */
  changed: boolean
}

type Json = Record<string, unknown>

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a stored resource.
 * Pure and atomic: `resource` is never mutated, and any failure throws a
 * ScimError before anything is returned, so nothing is half-applied
 * ("a patch request ... SHALL be treated as atomic").
 *
 * Attribute names are case-insensitive everywhere (RFC 7643 §2.1), values are
 * coerced like a POST body (`"False"` stores `false`), and the forms Okta and
 * Entra really send are accepted; the non-standard ones are marked NOTE below.
 *
 * @throws ScimError (400) `invalidSyntax`, `invalidValue`, `invalidPath`,
 * `noTarget` or `mutability`, as RFC 7644 §3.5.2 and §3.12 assign them.
 * @example
 * // Okta deactivates a user:
 * const { resource, changed } = applyPatch(
 *   user,
 *   {
 *     schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
 *     Operations: [{ op: 'replace', value: { active: false } }],
 *   },
 *   userResourceSchema,
 * )
 * // resource.active === false, changed === true
 */
export function applyPatch(
  resource: ScimResource,
  body: unknown,
  schema: ResourceSchema,
): PatchResult {
  const operations = readPatchRequest(body)
  // One copy per request; operations then edit it in place (RFC 7644 §3.5.2:
  // "the resulting resource becomes the target of the next operation").
  const draft = structuredClone(resource) as ScimResource
  for (const operation of operations) applyOperation(draft, operation, schema)
  syncSchemas(resource, draft, schema)
  return { resource: draft, changed: !isEqualValue(resource, draft) }
}

function applyOperation(draft: ScimResource, operation: PatchOperation, schema: ResourceSchema) {
  const { op, path, value } = operation
  if (path !== undefined) {
    const target = resolvePatchPath(schema, path)
    if (op === 'remove') {
      remove(draft, target, value)
      return
    }
    if (value === undefined) {
      throw ScimError.invalidValue(`The "${op}" of "${path}" needs a "value" (RFC 7644 §3.5.2)`)
    }
    write(draft, op, target, value)
    return
  }

  if (op === 'remove') {
    throw ScimError.noTarget('A "remove" operation needs a "path" (RFC 7644 §3.5.2.2)')
  }
  // RFC 7644 §3.5.2.1/§3.5.2.3: without a path, the value is a set of attributes.
  if (!isJsonObject(value)) {
    throw ScimError.invalidValue(
      `An "${op}" without "path" needs an object of attributes as "value", got ${describeValue(value)}`,
    )
  }
  for (const [key, raw] of Object.entries(value)) {
    // `schemas` is derived from the data (see syncSchemas); clients echo it back.
    if (key.toLowerCase() === 'schemas') continue
    const target = resolvePatchKey(schema, key)
    // Okta renames a group with { id, displayName }: readOnly input equal to the
    // stored value is ignored (RFC 7644 §3.3), a different one is still an error.
    if (
      target.kind === 'attribute' &&
      !target.subAttribute &&
      target.attribute.mutability === 'readOnly' &&
      isEqualValue(raw, containerOf(draft, target.extension)?.[target.attribute.name])
    ) {
      continue
    }
    write(draft, op, target, raw)
  }
}

// ---------------------------------------------------------------- add, replace

function write(draft: ScimResource, op: PatchOp, target: PatchTarget, raw: unknown): void {
  switch (target.kind) {
    case 'extension':
      writeExtension(draft, op, target, raw)
      break
    case 'values':
      writeValues(draft, op, target, raw)
      break
    case 'attribute':
      writeAttribute(draft, op, target, raw)
  }
}

/** Path "urn:...:enterprise:2.0:User" with an object of that extension's attributes. */
function writeExtension(draft: ScimResource, op: PatchOp, target: ExtensionTarget, raw: unknown) {
  const { extension } = target
  if (raw === null) {
    removeExtension(draft, target)
    return
  }
  if (!isJsonObject(raw)) {
    throw ScimError.invalidValue(
      `"${extension.id}" needs an object of its attributes, got ${describeValue(raw)}`,
    )
  }
  for (const [key, value] of Object.entries(raw)) {
    const attribute = findAttribute(extension.attributes, key)
    if (!attribute) throw ScimError.invalidPath(`"${key}" is not an attribute of ${extension.id}`)
    const label = `${extension.id}:${attribute.name}`
    writeAttribute(
      draft,
      op,
      { kind: 'attribute', extension: extension.id, attribute, label },
      value,
    )
  }
}

function writeAttribute(draft: ScimResource, op: PatchOp, target: AttributeTarget, raw: unknown) {
  const { attribute, subAttribute, extension, label } = target
  assertNotReadOnly(attribute, label)
  if (isSchemas(target)) return

  if (subAttribute) {
    // "name.givenName", "urn:...:User:manager.value": one sub-attribute of a
    // single-valued complex attribute; the others stay (RFC 7644 §3.5.2.3).
    assertNotReadOnly(subAttribute, `${label}.${subAttribute.name}`)
    const current = containerOf(draft, extension)?.[attribute.name]
    const next: Json = isJsonObject(current) ? { ...current } : {}
    setSubAttribute(next, subAttribute, raw, label)
    setOrUnassign(draft, target, Object.keys(next).length > 0 ? next : undefined)
    return
  }

  const current = containerOf(draft, extension)?.[attribute.name]
  if (attribute.multiValued) {
    // NOTE: not standard SCIM. A single value for a multi-valued attribute is
    // taken as a one-element array; some clients send `"value": {"value": "id"}`.
    const next = normalizeValue(attribute, Array.isArray(raw) ? raw : [raw], label) as
      unknown[] | undefined
    const values = Array.isArray(current) ? current : []
    if (op === 'replace') {
      // §3.5.2.3: "the attribute and all values are replaced".
      if (attribute.mutability === 'immutable' && values.length > 0) {
        assertMayChange(attribute, values, next, label)
      }
      setOrUnassign(draft, target, next)
      return
    }
    // §3.5.2.1: "a new value is added", unless it is already there.
    if (!next) return
    const { values: merged, appended } = appendValues(attribute, values, next)
    settlePrimary(merged, appended, label)
    setOrUnassign(draft, target, merged)
    return
  }

  if (attribute.type === 'complex') {
    // §3.5.2.1/§3.5.2.3: for a complex attribute, both add and replace merge
    // the given sub-attributes; the ones not given are left unchanged.
    if (raw === null) {
      setOrUnassign(draft, target, undefined)
      return
    }
    const next: Json = isJsonObject(current) ? { ...current } : {}
    mergeComplexValue(next, attribute, raw, label)
    setOrUnassign(draft, target, Object.keys(next).length > 0 ? next : undefined)
    return
  }

  const next = normalizeValue(attribute, raw, label)
  if (attribute.required && next === '') {
    throw ScimError.invalidValue(`Attribute "${label}" is required`)
  }
  assertMayChange(attribute, current, next, label)
  setOrUnassign(draft, target, next)
}

/** `emails[type eq "work"]`, `emails[type eq "work"].value`, `members[value eq "u1"]`. */
function writeValues(draft: ScimResource, op: PatchOp, target: ValuesTarget, raw: unknown) {
  const { attribute, subAttribute, extension, label, text } = target
  assertNotReadOnly(attribute, label)
  if (subAttribute) assertNotReadOnly(subAttribute, `${label}.${subAttribute.name}`)

  const current = containerOf(draft, extension)?.[attribute.name]
  const values: unknown[] = Array.isArray(current) ? [...current] : []
  const matches = select(values, target)
  const update = (value: Json) => {
    if (subAttribute) setSubAttribute(value, subAttribute, raw, label)
    else mergeComplexValue(value, attribute, raw, label)
  }

  if (matches.length === 0) {
    // §3.5.2.3: a replace whose filter matches nothing fails with noTarget.
    if (op === 'replace') throw ScimError.noTarget(`No value of "${label}" matches "${text}"`)
    // NOTE: not standard SCIM, see valueFromFilter: Entra's "add" to
    // `emails[type eq "work"].value` creates the work email.
    const created = valueFromFilter(attribute, target.filter)
    if (!created) throw ScimError.noTarget(`No value of "${label}" matches "${text}"`)
    update(created)
    values.push(created)
    matches.push(created)
  } else {
    for (const value of matches) update(value)
  }
  settlePrimary(values, matches, label)
  // A value whose last sub-attribute was set to null is gone (RFC 7643 §2.5).
  const kept = values.filter((value) => !isJsonObject(value) || Object.keys(value).length > 0)
  setOrUnassign(draft, target, kept.length > 0 ? kept : undefined)
}

// ---------------------------------------------------------------------- remove

function remove(draft: ScimResource, target: PatchTarget, value: unknown): void {
  switch (target.kind) {
    case 'extension':
      removeExtension(draft, target)
      break
    case 'values':
      removeValues(draft, target)
      break
    case 'attribute':
      removeAttribute(draft, target, value)
  }
}

function removeAttribute(draft: ScimResource, target: AttributeTarget, value: unknown): void {
  const { attribute, subAttribute, extension, label } = target
  assertNotReadOnly(attribute, label)
  if (isSchemas(target)) return
  const current = containerOf(draft, extension)?.[attribute.name]

  if (subAttribute) {
    assertNotReadOnly(subAttribute, `${label}.${subAttribute.name}`)
    if (!isJsonObject(current)) return
    const next = { ...current }
    setSubAttribute(next, subAttribute, null, label)
    setOrUnassign(draft, target, Object.keys(next).length > 0 ? next : undefined)
    return
  }

  if (attribute.multiValued && value !== undefined && value !== null) {
    // NOTE: not standard SCIM. RFC 7644 §3.5.2.2 gives "remove" no value, but
    // Entra ID (and others) remove members with
    // { "op": "Remove", "path": "members", "value": [{ "value": "id" }] }
    // instead of a filter. We remove just the values matching those given; a
    // value list that matches nothing (or is empty) removes nothing.
    const list = Array.isArray(value) ? value : [value]
    const given = (normalizeValue(attribute, list, label) as unknown[] | undefined) ?? []
    const values = Array.isArray(current) ? current : []
    const kept = values.filter((item) => !given.some((template) => matchesTemplate(item, template)))
    setOrUnassign(draft, target, kept.length > 0 ? kept : undefined)
    return
  }

  // §3.5.2.2: the attribute and all its values are removed.
  setOrUnassign(draft, target, undefined)
}

function removeValues(draft: ScimResource, target: ValuesTarget): void {
  const { attribute, subAttribute, extension, label } = target
  assertNotReadOnly(attribute, label)
  if (subAttribute) assertNotReadOnly(subAttribute, `${label}.${subAttribute.name}`)
  const current = containerOf(draft, extension)?.[attribute.name]
  if (!Array.isArray(current)) return
  const matches = new Set<unknown>(select(current, target))
  // §3.5.2.2: nothing matched is not an error; Okta removes members that may
  // already be gone.
  if (matches.size === 0) return

  let kept: unknown[]
  if (subAttribute) {
    for (const value of matches) setSubAttribute(value as Json, subAttribute, null, label)
    kept = current.filter((value) => !isJsonObject(value) || Object.keys(value).length > 0)
  } else {
    kept = current.filter((value) => !matches.has(value))
  }
  // "If no other values remain ... the attribute SHALL be considered unassigned."
  setOrUnassign(draft, target, kept.length > 0 ? kept : undefined)
}

function removeExtension(draft: ScimResource, target: ExtensionTarget): void {
  const { extension } = target
  if (draft[extension.id] === undefined) return
  if (target.required) {
    throw ScimError.mutability(`Extension "${extension.id}" is required and cannot be removed`)
  }
  for (const attribute of extension.attributes) {
    const value = (draft[extension.id] as Json)[attribute.name]
    if (value === undefined) continue
    const label = `${extension.id}:${attribute.name}`
    assertNotReadOnly(attribute, label)
    assertMayUnassign(attribute, label)
    assertMayChange(attribute, value, undefined, label)
  }
  delete draft[extension.id]
}

// --------------------------------------------------------------------- helpers

/** The object an attribute lives in: the resource, or its extension's object. */
function containerOf(draft: ScimResource, extension: string | undefined): Json | undefined {
  if (extension === undefined) return draft
  const data = draft[extension]
  return isJsonObject(data) ? data : undefined
}

/**
 * Stores a normalised value, or unassigns the attribute for `undefined`
 * (RFC 7643 §2.5: null and an empty array mean unassigned).
 */
function setOrUnassign(
  draft: ScimResource,
  target: AttributeTarget | ValuesTarget,
  next: unknown,
): void {
  const { attribute, extension, label } = target
  if (next === undefined) {
    const container = containerOf(draft, extension)
    if (container?.[attribute.name] === undefined) return
    assertMayUnassign(attribute, label)
    assertMayChange(attribute, container[attribute.name], undefined, label)
    delete container[attribute.name]
    return
  }
  let container = containerOf(draft, extension)
  if (!container) {
    container = {}
    draft[extension!] = container
  }
  container[attribute.name] = next
}

/** The values selected by a value filter, as references into `values`. */
function select(values: readonly unknown[], target: ValuesTarget): Json[] {
  const test = compileValueFilter(target.attribute, target.filter)
  return values.filter((value): value is Json => isJsonObject(value) && test(value))
}

function isSchemas(target: AttributeTarget): boolean {
  // RFC 7644 §3.5.2 lets clients change `schemas`; we derive it from the data
  // instead (syncSchemas), so writes to it are ignored.
  return target.extension === undefined && target.attribute.name === 'schemas'
}

/**
 * RFC 7644 §3.5.2: adding "urn:...:enterprise:2.0:User:employeeNumber"
 * "automatically adds" the extension URN to `schemas`. Symmetrically, an
 * extension whose last attribute this request removed loses its object and
 * its URN. Other entries of `schemas` are left as they were.
 */
function syncSchemas(original: ScimResource, draft: ScimResource, schema: ResourceSchema): void {
  const listed = (urn: string) =>
    Array.isArray(draft.schemas) && draft.schemas.some((s) => s.toLowerCase() === urn.toLowerCase())
  for (const { schema: extension } of schema.extensions) {
    const urn = extension.id
    const data = draft[urn]
    if (isJsonObject(data) && Object.keys(data).length === 0) delete draft[urn]
    if (draft[urn] !== undefined && !listed(urn)) {
      draft.schemas = [...(draft.schemas ?? [schema.core.id]), urn]
    } else if (draft[urn] === undefined && original[urn] !== undefined && listed(urn)) {
      draft.schemas = draft.schemas!.filter((s) => s.toLowerCase() !== urn.toLowerCase())
    }
  }
}
