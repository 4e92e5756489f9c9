import type { FilterExpression } from '../scim/filter/filter-ast.js'
import type { ResourceSchema } from '../scim/schema/attribute-definition.js'
import { resolveAttributePath } from '../scim/schema/resolve-attribute-path.js'
import type { ResourceCollection } from './resource-collection.js'
import type { StoredResource } from './stored-resource.js'

/**
 * Finds the records a filter can match through the collection's indexes,
 * or returns undefined when it needs a full scan. The result is a superset:
 * the caller still applies the compiled filter to every candidate.
 *
 * Indexed: `eq` on an indexed attribute (`userName eq "…"`, `emails.value eq
 * "…"`, `emails[value eq "…"]`), `and` (the narrower indexed side), and `or`
 * (both sides indexed). Index names are canonical paths: "userName", "emails.value".
 */
export function planQuery(
  filter: FilterExpression,
  collection: ResourceCollection,
  schema: ResourceSchema,
  indexedPaths: ReadonlySet<string>,
): StoredResource[] | undefined {
  const candidates = candidateIds(filter, schema, indexedPaths, collection, undefined)
  if (!candidates) return undefined
  const records: StoredResource[] = []
  for (const id of candidates) {
    const record = collection.get(id)
    if (record) records.push(record)
  }
  return records
}

function candidateIds(
  filter: FilterExpression,
  schema: ResourceSchema,
  indexedPaths: ReadonlySet<string>,
  collection: ResourceCollection,
  parent: string | undefined,
): Set<string> | undefined {
  switch (filter.type) {
    case 'comparison': {
      if (filter.operator !== 'eq' || typeof filter.value !== 'string') return undefined
      const path = canonicalPath(filter.path, schema, parent)
      if (path === undefined) return undefined
      if (path === 'id') {
        return collection.get(filter.value) ? new Set([filter.value]) : new Set()
      }
      if (!indexedPaths.has(path)) return undefined
      return new Set(collection.lookup(path, filter.value).map((record) => record.id))
    }
    case 'valuePath': {
      if (parent !== undefined) return undefined
      const resolved = resolveAttributePath(schema, filter.path)
      if (!resolved?.attribute || resolved.extension) return undefined
      return candidateIds(filter.filter, schema, indexedPaths, collection, resolved.attribute.name)
    }
    case 'and': {
      const left = candidateIds(filter.left, schema, indexedPaths, collection, parent)
      const right = candidateIds(filter.right, schema, indexedPaths, collection, parent)
      if (!left) return right
      if (!right) return left
      return left.size <= right.size ? left : right
    }
    case 'or': {
      const left = candidateIds(filter.left, schema, indexedPaths, collection, parent)
      if (!left) return undefined
      const right = candidateIds(filter.right, schema, indexedPaths, collection, parent)
      if (!right) return undefined
      return new Set([...left, ...right])
    }
    default:
      return undefined
  }
}

function canonicalPath(
  path: { uri?: string; attribute: string; subAttribute?: string },
  schema: ResourceSchema,
  parent: string | undefined,
): string | undefined {
  if (parent !== undefined) {
    // Inside `emails[...]` the paths name sub-attributes of the parent.
    if (path.uri !== undefined || path.subAttribute !== undefined) return undefined
    const resolved = resolveAttributePath(schema, {
      attribute: parent,
      subAttribute: path.attribute,
    })
    return resolved?.subAttribute ? `${parent}.${resolved.subAttribute.name}` : undefined
  }
  const resolved = resolveAttributePath(schema, path)
  if (!resolved?.attribute || resolved.extension) return undefined
  if (resolved.subAttribute) return `${resolved.attribute.name}.${resolved.subAttribute.name}`
  // `emails eq "x"` compares the `value` sub-attribute (RFC 7644 §3.4.2.2).
  if (resolved.attribute.multiValued && resolved.attribute.type === 'complex') {
    return `${resolved.attribute.name}.value`
  }
  return resolved.attribute.name
}
