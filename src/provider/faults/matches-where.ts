import { parseFilter } from '../../scim/filter/parse-filter.js'
import type { FilterExpression } from '../../scim/filter/filter-ast.js'
import type { FaultRequest, FaultWhere } from './fault-spec.js'

type Field = keyof FaultWhere

/**
 * Whether a request concerns the resource a fault is limited to. A request
 * names resource fields in three places: the body it sends (POST, PUT), the
 * resource its URL targets (GET, PUT, PATCH, DELETE by id), and the equality
 * comparisons of its filter (`userName eq "jane@example.com"`, as Okta's
 * lookup sends). Every field given must be named in one of them.
 */
export function matchesWhere(
  where: FaultWhere | ((request: FaultRequest) => boolean),
  request: FaultRequest,
): boolean {
  if (typeof where === 'function') return where(request)
  const named = namedValues(request)
  return (Object.entries(where) as Array<[Field, string | undefined]>).every(
    ([field, expected]) => {
      if (expected === undefined) return true
      const values = named[field]
      return field === 'id'
        ? values.has(expected)
        : [...values].some((value) => value.toLowerCase() === expected.toLowerCase())
    },
  )
}

function namedValues(request: FaultRequest): Record<Field, Set<string>> {
  const named: Record<Field, Set<string>> = {
    id: new Set(),
    userName: new Set(),
    email: new Set(),
    displayName: new Set(),
    externalId: new Set(),
  }
  for (const source of [request.body, request.resource]) {
    if (typeof source !== 'object' || source === null) continue
    const resource = source as Record<string, unknown>
    for (const field of ['id', 'userName', 'displayName', 'externalId'] as const) {
      if (typeof resource[field] === 'string') named[field].add(resource[field])
    }
    if (Array.isArray(resource.emails)) {
      for (const email of resource.emails) {
        const value = (email as { value?: unknown } | null)?.value
        if (typeof value === 'string') named.email.add(value)
      }
    }
  }
  const filter = request.query.filter ?? searchFilter(request.body)
  if (filter !== undefined) {
    try {
      collectEqualities(parseFilter(filter), named, undefined)
    } catch {
      // An invalid filter names nothing; the request will be answered 400 anyway.
    }
  }
  return named
}

function searchFilter(body: unknown): string | undefined {
  const filter = (body as { filter?: unknown } | null)?.filter
  return typeof filter === 'string' ? filter : undefined
}

function collectEqualities(
  filter: FilterExpression,
  named: Record<Field, Set<string>>,
  parent: string | undefined,
): void {
  switch (filter.type) {
    case 'and':
    case 'or':
      collectEqualities(filter.left, named, parent)
      collectEqualities(filter.right, named, parent)
      return
    case 'valuePath':
      collectEqualities(filter.filter, named, filter.path.attribute.toLowerCase())
      return
    case 'comparison': {
      if (filter.operator !== 'eq' || typeof filter.value !== 'string') return
      const path = [parent, filter.path.attribute, filter.path.subAttribute]
        .filter((part) => part !== undefined)
        .join('.')
        .toLowerCase()
      const field = FILTER_FIELDS.get(path)
      if (field) named[field].add(filter.value)
      return
    }
    default:
      return
  }
}

// A Map: a filter on `constructor` must not find Object.prototype's.
const FILTER_FIELDS = new Map<string, Field>([
  ['id', 'id'],
  ['username', 'userName'],
  ['displayname', 'displayName'],
  ['externalid', 'externalId'],
  ['emails', 'email'],
  ['emails.value', 'email'],
])
