import type { FilterExpression, PatchPath } from '../filter/filter-ast.js'
import { parseAttributePath } from '../filter/parse-attribute-path.js'
import { parsePatchPath } from '../filter/parse-patch-path.js'
import type {
  AttributeDefinition,
  ResourceSchema,
  SchemaDefinition,
} from '../schema/attribute-definition.js'
import { findAttribute, resolveAttributePath } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'

/** A whole schema extension, e.g. path "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User". */
export interface ExtensionTarget {
  kind: 'extension'
  extension: SchemaDefinition
  required: boolean
}

/** An attribute, or one sub-attribute of a single-valued complex attribute ("name.givenName"). */
export interface AttributeTarget {
  kind: 'attribute'
  /** The extension URN the attribute lives under; undefined for core attributes. */
  extension?: string
  attribute: AttributeDefinition
  subAttribute?: AttributeDefinition
  /** The attribute's canonical path for error details, e.g. "urn:...:User:manager". */
  label: string
}

/** The values of a multi-valued attribute selected by a filter: `emails[type eq "work"].value`. */
export interface ValuesTarget {
  kind: 'values'
  extension?: string
  attribute: AttributeDefinition
  filter: FilterExpression
  subAttribute?: AttributeDefinition
  label: string
  /** The path as the client wrote it, for error details. */
  text: string
}

/** Where a PATCH operation points to, in canonical schema terms. */
export type PatchTarget = ExtensionTarget | AttributeTarget | ValuesTarget

/**
 * Resolves an operation's `path` (RFC 7644 §3.5.2) against the schema,
 * ignoring case (RFC 7643 §2.1).
 *
 * @throws ScimError `invalidPath` for a malformed path or one naming no attribute.
 * @example
 * resolvePatchPath(userResourceSchema, 'Emails[type eq "work"].Value')
 * // { kind: 'values', attribute: emails, subAttribute: value, filter, label: 'emails', ... }
 */
export function resolvePatchPath(schema: ResourceSchema, text: string): PatchTarget {
  return toTarget(schema, parsePatchPath(text), text)
}

/**
 * Resolves one key of the `value` object of an `add`/`replace` without
 * `path`: a plain name ("displayName"), a dotted one ("name.givenName", sent
 * by Entra), a URN-qualified one ("urn:...:enterprise:2.0:User:department") or
 * a bare extension URN. Keys carry no value filter.
 *
 * @example
 * resolvePatchKey(userResourceSchema, 'name.givenName')
 * // { kind: 'attribute', attribute: name, subAttribute: givenName, label: 'name' }
 */
export function resolvePatchKey(schema: ResourceSchema, key: string): PatchTarget {
  return toTarget(schema, { path: parseAttributePath(key) }, key)
}

function toTarget(schema: ResourceSchema, parsed: PatchPath, text: string): PatchTarget {
  const resolved = resolveAttributePath(schema, parsed.path)
  if (!resolved) throw ScimError.invalidPath(`"${text}" names no attribute of ${schema.name}`)
  const { extension, attribute, subAttribute } = resolved

  if (!attribute) {
    const entry = schema.extensions.find(({ schema: s }) => s.id === extension)
    if (!entry || parsed.filter || parsed.subAttribute !== undefined) {
      throw ScimError.invalidPath(`"${text}" is not a valid path for ${schema.name}`)
    }
    return { kind: 'extension', extension: entry.schema, required: entry.required }
  }

  const label = extension === undefined ? attribute.name : `${extension}:${attribute.name}`
  if (!parsed.filter) {
    if (subAttribute && attribute.multiValued) {
      // RFC 7644 §3.5.2 selects values of a multi-valued attribute with a
      // filter; "emails.value" alone would silently touch every value.
      throw ScimError.invalidPath(
        `"${text}" needs a value filter to select values of "${label}", e.g. ${attribute.name}[type eq "work"].${subAttribute.name}`,
      )
    }
    return { kind: 'attribute', extension, attribute, subAttribute, label }
  }

  if (subAttribute || !attribute.multiValued || attribute.type !== 'complex') {
    throw ScimError.invalidPath(
      `"${text}" has a value filter, which needs a multi-valued complex attribute`,
    )
  }
  let filteredSub: AttributeDefinition | undefined
  if (parsed.subAttribute !== undefined) {
    filteredSub = findAttribute(attribute.subAttributes, parsed.subAttribute)
    if (!filteredSub) {
      throw ScimError.invalidPath(
        `"${text}": "${label}" has no sub-attribute "${parsed.subAttribute}"`,
      )
    }
  }
  return {
    kind: 'values',
    extension,
    attribute,
    filter: parsed.filter,
    subAttribute: filteredSub,
    label,
    text,
  }
}
