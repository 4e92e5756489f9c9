import { compareAttributeValues } from '../filter/compare-values.js'
import type { AttributePath } from '../filter/filter-ast.js'
import { formatAttributePath } from '../filter/stringify-filter.js'
import type { ScimResource } from '../resource/scim-resource.js'
import type { AttributeDefinition, ResourceSchema } from '../schema/attribute-definition.js'
import { resolveAttributePath } from '../schema/resolve-attribute-path.js'
import { ScimError } from '../scim-error.js'

/**
 * Sorts resources by one attribute (RFC 7644 §3.4.2.3) into a new array:
 * strings by caseExact, numbers, dateTimes as instants, booleans. A
 * multi-valued attribute sorts by its primary value, else its first.
 * Resources without a value come last in ascending order and first in
 * descending order, as the RFC says. The sort is stable.
 *
 * @throws ScimError invalidValue (400) when `sortBy` names no attribute of the
 * resource type, a whole extension, or a complex attribute without a
 * sub-attribute. The RFC names no error for these; invalidValue is the
 * closest RFC 7644 §3.12 type for a bad query parameter.
 * @example
 * sortResources(users, parseAttributePath('name.familyName'), 'descending', userResourceSchema)
 */
export function sortResources(
  resources: readonly ScimResource[],
  sortBy: AttributePath,
  sortOrder: 'ascending' | 'descending',
  schema: ResourceSchema,
): ScimResource[] {
  const resolved = resolveAttributePath(schema, sortBy)
  const { attribute, subAttribute, extension } = resolved ?? {}
  if (!attribute) {
    throw ScimError.invalidValue(
      `Failed to sort: "sortBy" ${formatPath(sortBy)} names no attribute of ${schema.name}`,
    )
  }
  if (attribute.type === 'complex' && !subAttribute) {
    // RFC 7644 §3.4.2.3: "the attribute name must be a path to a sub-attribute".
    throw ScimError.invalidValue(
      `Failed to sort: "sortBy" ${formatPath(sortBy)} is complex; name a sub-attribute such as "${attribute.name}.${attribute.subAttributes?.[0]?.name ?? 'value'}"`,
    )
  }
  const definition = subAttribute ?? attribute
  // Compare pre-normalised keys: lower-casing and date parsing happen once per
  // resource instead of twice per comparison, which matters at 100k resources.
  const keyDefinition: AttributeDefinition = { ...definition, caseExact: true }

  const present: Array<{ key: unknown; resource: ScimResource }> = []
  const missing: ScimResource[] = []
  for (const resource of resources) {
    const container = extension === undefined ? resource : resource[extension]
    const value = readSortValue(container, attribute, subAttribute)
    if (value === undefined || value === null) missing.push(resource)
    else present.push({ key: toKey(value, definition), resource })
  }

  const direction = sortOrder === 'descending' ? -1 : 1
  // Array.prototype.sort is stable (ES2019), so equal keys keep their order.
  present.sort((x, y) => direction * compareAttributeValues(x.key, y.key, keyDefinition))
  const sorted = present.map((entry) => entry.resource)
  // RFC 7644 §3.4.2.3: no data sorts "last if ascending and first if descending".
  return direction === 1 ? sorted.concat(missing) : missing.concat(sorted)
}

function readSortValue(
  container: unknown,
  attribute: AttributeDefinition,
  subAttribute: AttributeDefinition | undefined,
): unknown {
  if (!isObject(container)) return undefined
  let value = container[attribute.name]
  if (attribute.multiValued && Array.isArray(value)) {
    // RFC 7644 §3.4.2.3: "the value of the primary attribute, if any, or else
    // the first value in the list". A primary element without the
    // sub-attribute counts as no data rather than falling back to another one.
    value = value.find((element) => isObject(element) && element.primary === true) ?? value[0]
  }
  if (subAttribute) return isObject(value) ? value[subAttribute.name] : undefined
  return value
}

function toKey(value: unknown, definition: AttributeDefinition): unknown {
  if (typeof value !== 'string') return value
  if (definition.type === 'dateTime') {
    const instant = Date.parse(value)
    if (!Number.isNaN(instant)) return instant
  }
  return definition.caseExact ? value : value.toLowerCase()
}

function formatPath(path: AttributePath): string {
  return JSON.stringify(formatAttributePath(path))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
