import { parseAttributePath } from '../filter/parse-attribute-path.js'
import type {
  AttributeDefinition,
  ResourceSchema,
  SchemaDefinition,
} from '../schema/attribute-definition.js'
import {
  coreAttributes,
  findAttribute,
  findExtension,
  type ResolvedAttributePath,
  resolveAttributePath,
} from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'
import { describeValue, isEqualValue, isJsonObject, normalizeValue } from './normalize-value.js'
import type { ScimResource } from './scim-resource.js'

/** Options of {@link normalizeResource}. */
export interface NormalizeResourceOptions {
  /** The stored resource a PUT replaces; omit it for a POST. */
  existing?: ScimResource
}

/**
 * Turns a POST or PUT body into the client data the provider stores: canonical
 * attribute names, values coerced to their schema types, extension attributes
 * under their URN, and `schemas` listing the core URN plus each extension with
 * data. It never adds `id` or `meta` (the provider does) and never mutates `input`.
 *
 * Lenient on purpose, like most providers: unknown attributes and unknown
 * extension URNs are dropped, not rejected, and readOnly attributes (`id`,
 * `meta`, `groups`) are ignored as RFC 7644 §3.3 requires.
 *
 * @throws ScimError `invalidSyntax` (not an object), `invalidValue` (bad
 * `schemas`, bad types, missing required attribute), `mutability` (a PUT that
 * changes an immutable attribute).
 * @example
 * normalizeResource(
 *   {
 *     schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
 *     UserName: 'bjensen',
 *     active: 'True',
 *     'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'R&D',
 *   },
 *   userResourceSchema,
 * )
 * // { schemas: [URN.user, URN.enterpriseUser], userName: 'bjensen', active: true,
 * //   [URN.enterpriseUser]: { department: 'R&D' } }
 */
export function normalizeResource(
  input: unknown,
  schema: ResourceSchema,
  options: NormalizeResourceOptions = {},
): ScimResource {
  if (!isJsonObject(input)) {
    throw ScimError.invalidSyntax(
      `Failed to read the ${schema.name}: the body must be a JSON object, got ${describeValue(input)}`,
    )
  }
  assertCoreSchemaListed(input, schema)

  const core: Record<string, unknown> = {}
  const extensions = new Map<string, Record<string, unknown>>()
  const containerOf = (extension: string | undefined) => {
    if (extension === undefined) return core
    let data = extensions.get(extension)
    if (!data) extensions.set(extension, (data = {}))
    return data
  }

  for (const [key, raw] of Object.entries(input)) {
    if (key.toLowerCase() === 'schemas') continue
    const extension = findExtension(schema, key)
    if (extension) {
      if (raw === null) {
        extensions.delete(extension.id) // null = unassigned (RFC 7643 §2.5)
        continue
      }
      if (!isJsonObject(raw)) {
        throw ScimError.invalidValue(
          `Extension "${extension.id}" must be an object, got ${describeValue(raw)}`,
        )
      }
      for (const [name, value] of Object.entries(raw)) {
        const attribute = findAttribute(extension.attributes, name)
        if (attribute) assign(containerOf(extension.id), { attribute }, value, extension.id)
      }
      continue
    }
    const target = locateTopLevelKey(schema, key)
    if (target?.attribute) assign(containerOf(target.extension), target, raw, target.extension)
  }

  if (options.existing) keepExistingOnPut(options.existing, schema, core, extensions)
  assertRequired(schema.core, core, '')
  for (const { schema: extension, required } of schema.extensions) {
    const data = extensions.get(extension.id)
    if (data && Object.keys(data).length > 0) assertRequired(extension, data, `${extension.id}:`)
    else if (required) throw ScimError.invalidValue(`Extension "${extension.id}" is required`)
  }

  const result: ScimResource = { schemas: [schema.core.id] }
  Object.assign(result, core)
  for (const { schema: extension } of schema.extensions) {
    const data = extensions.get(extension.id)
    if (!data || Object.keys(data).length === 0) continue
    result.schemas!.push(extension.id)
    result[extension.id] = data
  }
  return result
}

function assertCoreSchemaListed(input: Record<string, unknown>, schema: ResourceSchema): void {
  const key = Object.keys(input).find((name) => name.toLowerCase() === 'schemas')
  const schemas = key === undefined ? undefined : input[key]
  const core = schema.core.id.toLowerCase()
  const listed =
    Array.isArray(schemas) &&
    schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === core)
  // RFC 7643 §3: "schemas" is REQUIRED and names the resource's core schema.
  if (!listed) throw ScimError.invalidValue(`schemas must include ${schema.core.id}`)
}

/**
 * A plain top-level key names a core or common attribute. A key starting with
 * "urn:" is a fully qualified attribute (RFC 7644 §3.10), e.g.
 * "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department".
 */
function locateTopLevelKey(schema: ResourceSchema, key: string): ResolvedAttributePath | undefined {
  if (!/^urn:/i.test(key)) {
    const attribute = findAttribute(coreAttributes(schema), key)
    return attribute ? { attribute } : undefined
  }
  try {
    return resolveAttributePath(schema, parseAttributePath(key))
  } catch {
    return undefined // a malformed qualified key is an unknown attribute: dropped
  }
}

/** Writes one normalised attribute (or sub-attribute) into its container. */
function assign(
  container: Record<string, unknown>,
  target: ResolvedAttributePath,
  raw: unknown,
  extension: string | undefined,
): void {
  const attribute = target.attribute!
  // readOnly input SHALL be ignored (RFC 7644 §3.3); `schemas` is rebuilt below.
  if (attribute.mutability === 'readOnly' || attribute.name === 'schemas') return
  const label = extension === undefined ? attribute.name : `${extension}:${attribute.name}`
  const sub = target.subAttribute
  if (!sub) {
    setOrDelete(container, attribute.name, normalizeValue(attribute, raw, label))
    return
  }
  // "urn:...:User:manager.value": one sub-attribute of a single-valued complex attribute.
  if (attribute.multiValued || sub.mutability === 'readOnly') return
  const current = container[attribute.name]
  const parent = isJsonObject(current) ? current : {}
  setOrDelete(parent, sub.name, normalizeValue(sub, raw, `${label}.${sub.name}`))
  setOrDelete(container, attribute.name, Object.keys(parent).length > 0 ? parent : undefined)
}

function setOrDelete(container: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) delete container[name]
  else container[name] = value
}

/**
 * RFC 7644 §3.5.1: on PUT an immutable attribute that already has a value
 * MUST keep it, and writeOnly values (password) cannot be read back by the
 * client, so omitting them keeps the stored value rather than clearing it.
 */
function keepExistingOnPut(
  existing: ScimResource,
  schema: ResourceSchema,
  core: Record<string, unknown>,
  extensions: Map<string, Record<string, unknown>>,
): void {
  keepExisting(schema.core.attributes, existing, core, '')
  for (const { schema: extension } of schema.extensions) {
    const stored = existing[extension.id]
    if (!isJsonObject(stored)) continue
    let data = extensions.get(extension.id)
    if (!data) extensions.set(extension.id, (data = {}))
    keepExisting(extension.attributes, stored, data, `${extension.id}:`)
  }
}

function keepExisting(
  attributes: readonly AttributeDefinition[],
  stored: Record<string, unknown>,
  next: Record<string, unknown>,
  pathPrefix: string,
): void {
  for (const attribute of attributes) {
    const previous = stored[attribute.name]
    if (previous === undefined || previous === null) continue
    const incoming = next[attribute.name]
    if (attribute.mutability === 'writeOnly' && incoming === undefined) {
      next[attribute.name] = structuredClone(previous)
    }
    if (attribute.mutability !== 'immutable' || attribute.multiValued) continue
    if (incoming === undefined) next[attribute.name] = structuredClone(previous)
    else if (!isEqualValue(incoming, previous)) {
      throw ScimError.mutability(
        `Attribute "${pathPrefix}${attribute.name}" is immutable and already has a value`,
      )
    }
  }
}

function assertRequired(
  definition: SchemaDefinition,
  data: Record<string, unknown>,
  pathPrefix: string,
): void {
  for (const attribute of definition.attributes) {
    if (!attribute.required) continue
    const value = data[attribute.name]
    if (value === undefined || value === '') {
      throw ScimError.invalidValue(`Attribute "${pathPrefix}${attribute.name}" is required`)
    }
  }
}
