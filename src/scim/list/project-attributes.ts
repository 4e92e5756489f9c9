import type { AttributePath } from '../filter/filter-ast.js'
import type { ScimResource } from '../resource/scim-resource.js'
import type { AttributeDefinition, ResourceSchema } from '../schema/attribute-definition.js'
import { coreAttributes, resolveAttributePath } from '../schema/resolve-attribute-path.js'

/** The `attributes` / `excludedAttributes` of a request (RFC 7644 §3.9). */
export interface AttributeSelection {
  attributes?: readonly AttributePath[]
  excludedAttributes?: readonly AttributePath[]
}

/**
 * Shapes a resource for a response by RFC 7644 §3.9 and the `returned`
 * characteristic of RFC 7643 §7:
 * - `never` (password) is never returned;
 * - `always` (id, schemas) is always returned, whatever the selection;
 * - `request` is returned only when `attributes` names it;
 * - `default` is returned unless `attributes` is given and names neither it
 *   nor one of its sub-attributes, or `excludedAttributes` names it.
 *
 * `name.givenName` selects or excludes one sub-attribute (in every element of
 * a multi-valued attribute); a bare extension URN selects or excludes the
 * whole extension object. Names are case-insensitive. Names that match no
 * attribute of the resource type are ignored rather than rejected: RFC 7644
 * §3.9 defines no error for them. When both lists are given (§3.9 calls them
 * mutually exclusive), `attributes` wins. Keys not in the schema are treated
 * as `default`.
 *
 * Returns a new object in the resource's key order and never mutates the
 * input; values it does not narrow are shared with the input, not copied.
 *
 * @example
 * projectAttributes(user, userResourceSchema, {
 *   attributes: [parseAttributePath('name.givenName'), parseAttributePath(URN.enterpriseUser)],
 * })
 * // { schemas, id, name: { givenName: 'Barbara' }, 'urn:…:enterprise:2.0:User': { department: 'R&D' } }
 */
export function projectAttributes(
  resource: ScimResource,
  schema: ResourceSchema,
  selection: AttributeSelection,
): ScimResource {
  const compiled = compile(schema)
  const attributes = selection.attributes?.length ? selection.attributes : undefined
  const excluded = selection.excludedAttributes?.length ? selection.excludedAttributes : undefined

  if (attributes) {
    return projectObject(resource, compiled.level, toInclusion(schema, attributes), undefined)
  }
  if (excluded) {
    return projectObject(resource, compiled.level, DEFAULTS, toExclusion(schema, excluded))
  }
  // The common case, run on every response: a plain copy when the schema
  // hides nothing, else one pass that skips the hidden attributes.
  if (!compiled.hidesAny) return { ...resource }
  return projectObject(resource, compiled.level, DEFAULTS, undefined)
}

/** The attributes of one nesting level, by exact and by lower-case name. */
type Level = Map<string, Node>

interface Node {
  definition: Pick<AttributeDefinition, 'returned'>
  /** The sub-attributes (or an extension's attributes), when complex. */
  children?: Level
  /** Whether some descendant is `never` or `request`, so a whole copy would leak it. */
  hidesAny: boolean
}

interface CompiledSchema {
  level: Level
  hidesAny: boolean
}

/**
 * What `attributes` asks for at one level: the default set (`defaults`), plus
 * the `named` children, which is how `request` attributes get in.
 */
interface Inclusion {
  defaults: boolean
  named: Map<string, Inclusion>
}

/** What `excludedAttributes` removes at one level: everything, or the named children. */
type Exclusion = 'all' | Map<string, Exclusion>

const DEFAULTS: Inclusion = { defaults: true, named: new Map() }

// A cache of values derived from immutable schema objects, not shared state:
// the same schema always compiles to the same result.
const compiledSchemas = new WeakMap<ResourceSchema, CompiledSchema>()

function compile(schema: ResourceSchema): CompiledSchema {
  let compiled = compiledSchemas.get(schema)
  if (!compiled) {
    const nodes: Array<[string, Node]> = coreAttributes(schema).map((definition) => [
      definition.name,
      toNode(definition),
    ])
    for (const { schema: extension } of schema.extensions) {
      // An extension object behaves like a complex attribute named by its URN.
      const children = toLevel(extension.attributes)
      const hidesAny = [...children.values()].some(isHiding)
      const definition = { returned: 'default' } as const
      nodes.push([extension.id, { definition, children, hidesAny }])
    }
    const level = indexLevel(nodes)
    compiled = { level, hidesAny: nodes.some(([, node]) => isHiding(node)) }
    compiledSchemas.set(schema, compiled)
  }
  return compiled
}

function toNode(definition: AttributeDefinition): Node {
  if (!definition.subAttributes?.length) return { definition, hidesAny: false }
  const children = toLevel(definition.subAttributes)
  return { definition, children, hidesAny: [...children.values()].some(isHiding) }
}

function toLevel(definitions: readonly AttributeDefinition[]): Level {
  return indexLevel(definitions.map((definition) => [definition.name, toNode(definition)]))
}

function indexLevel(nodes: Array<[string, Node]>): Level {
  const level: Level = new Map()
  for (const [name, node] of nodes) {
    level.set(name, node)
    level.set(name.toLowerCase(), node)
  }
  return level
}

function isHiding(node: Node): boolean {
  const { returned } = node.definition
  return returned === 'never' || returned === 'request' || node.hidesAny
}

function lookup(level: Level, key: string): Node | undefined {
  // Stored resources use canonical names, so the exact lookup almost always hits.
  return level.get(key) ?? level.get(key.toLowerCase())
}

/** Resolves paths to lower-case canonical names: [extension?, attribute?, subAttribute?]. */
function resolveChains(schema: ResourceSchema, paths: readonly AttributePath[]): string[][] {
  const chains: string[][] = []
  for (const path of paths) {
    const resolved = resolveAttributePath(schema, path)
    if (!resolved) continue
    const names = [resolved.extension, resolved.attribute?.name, resolved.subAttribute?.name]
    chains.push(names.filter((name) => name !== undefined).map((name) => name.toLowerCase()))
  }
  return chains
}

function toInclusion(schema: ResourceSchema, paths: readonly AttributePath[]): Inclusion {
  const root: Inclusion = { defaults: false, named: new Map() }
  for (const chain of resolveChains(schema, paths)) {
    let inclusion = root
    for (const name of chain) {
      let next = inclusion.named.get(name)
      if (!next) inclusion.named.set(name, (next = { defaults: false, named: new Map() }))
      inclusion = next
    }
    // Naming an attribute asks for its default set; naming a sub-attribute too
    // only adds to it, so "name,name.givenName" returns all of name.
    inclusion.defaults = true
  }
  return root
}

function toExclusion(schema: ResourceSchema, paths: readonly AttributePath[]): Exclusion {
  const root = new Map<string, Exclusion>()
  for (const chain of resolveChains(schema, paths)) {
    let exclusion: Exclusion = root
    for (const [index, name] of chain.entries()) {
      if (exclusion === 'all') break
      const existing: Exclusion | undefined = exclusion.get(name)
      if (existing === 'all') break
      const next: Exclusion = index === chain.length - 1 ? 'all' : (existing ?? new Map())
      exclusion.set(name, next)
      exclusion = next
    }
  }
  return root
}

/** Projects one object level by `returned` (RFC 7643 §7) and the selection. */
function projectObject(
  source: Record<string, unknown>,
  level: Level,
  include: Inclusion,
  exclude: Exclusion | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue
    const value = source[key]
    const node = lookup(level, key)
    if (!node) {
      // Unknown to the schema: part of the default set, never named by a selection.
      if (include.defaults) result[key] = value
      continue
    }
    const { returned } = node.definition
    if (returned === 'never') continue

    const requested = include.named.size > 0 ? include.named.get(key.toLowerCase()) : undefined
    let childInclude: Inclusion
    let childExclude: Exclusion | undefined
    if (returned === 'always') {
      // RFC 7644 §3.9: excludedAttributes "SHALL have no effect" on it, and
      // attributes can only add request sub-attributes to it.
      childInclude = requested ? { defaults: true, named: requested.named } : DEFAULTS
    } else if (requested) {
      childInclude = requested
    } else if (include.defaults && returned === 'default') {
      if (exclude !== undefined) {
        childExclude = exclude === 'all' ? 'all' : exclude.get(key.toLowerCase())
        if (childExclude === 'all') continue
      }
      childInclude = DEFAULTS
    } else {
      continue
    }

    const projected = projectValue(value, node, childInclude, childExclude)
    if (projected !== undefined) result[key] = projected
  }
  return result
}

/** Narrows a value when needed; returns undefined when nothing of it is left. */
function projectValue(
  value: unknown,
  node: Node,
  include: Inclusion,
  exclude: Exclusion | undefined,
): unknown {
  const { children } = node
  const whole = include.defaults && include.named.size === 0 && !exclude && !node.hidesAny
  if (!children || whole) return value
  if (Array.isArray(value)) {
    const elements: unknown[] = []
    for (const element of value) {
      const projected = isObject(element)
        ? projectObject(element, children, include, exclude)
        : element
      if (!isObject(projected) || Object.keys(projected).length > 0) elements.push(projected)
    }
    return elements.length > 0 || value.length === 0 ? elements : undefined
  }
  if (!isObject(value)) return value
  const projected = projectObject(value, children, include, exclude)
  return Object.keys(projected).length > 0 || Object.keys(value).length === 0
    ? projected
    : undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
