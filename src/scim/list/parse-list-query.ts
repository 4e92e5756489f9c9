import type { AttributePath } from '../filter/filter-ast.js'
import { parseAttributePath } from '../filter/parse-attribute-path.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'

/** The query of a list or `.search` request (RFC 7644 §3.4.2, §3.4.3), validated and clamped. */
export interface ListQuery {
  /** The raw filter text; the provider parses it (RFC 7644 §3.4.2.2). */
  filter?: string
  /** 1-based, at least 1 (RFC 7644 §3.4.2.4). */
  startIndex: number
  /** Between 0 and `maxResults` (RFC 7644 §3.4.2.4). */
  count: number
  sortBy?: AttributePath
  /** "ascending" unless the client says otherwise (RFC 7644 §3.4.2.3). */
  sortOrder: 'ascending' | 'descending'
  attributes?: AttributePath[]
  excludedAttributes?: AttributePath[]
}

export interface ListQueryOptions {
  /** The page size when the client sends no `count`. */
  defaultCount: number
  /** The largest page the provider returns, as advertised in `filter.maxResults`. */
  maxResults: number
}

const PARAMETERS = [
  'filter',
  'startIndex',
  'count',
  'sortBy',
  'sortOrder',
  'attributes',
  'excludedAttributes',
] as const
type Parameter = (typeof PARAMETERS)[number]
const CANONICAL = new Map(PARAMETERS.map((name) => [name.toLowerCase(), name]))

/**
 * Reads the list parameters of a GET query string (RFC 7644 §3.4.2) or of a
 * POST `/.search` SearchRequest body (RFC 7644 §3.4.3), and applies the
 * RFC 7644 §3.4.2.4 paging rules: `startIndex` below 1 becomes 1, a negative
 * `count` becomes 0, `count` is capped at `maxResults`. Parameter names are
 * case-insensitive. The filter is returned as text, unparsed.
 *
 * Both `attributes` and `excludedAttributes` are kept when a client sends
 * both, although RFC 7644 §3.9 calls them "mutually exclusive": it names no
 * error for it, so we are lenient and `projectAttributes` lets `attributes` win.
 *
 * @throws ScimError invalidValue (400) for a missing SearchRequest schema, a
 * non-integer `startIndex`/`count`, an unknown `sortOrder` or a malformed attribute path.
 * @example
 * parseListQuery(new URLSearchParams('filter=userName eq "bjensen"&count=500&startIndex=0'), {
 *   defaultCount: 100,
 *   maxResults: 200,
 * })
 * // { filter: 'userName eq "bjensen"', startIndex: 1, count: 200, sortOrder: 'ascending' }
 */
export function parseListQuery(
  input: URLSearchParams | Record<string, unknown>,
  options: ListQueryOptions,
): ListQuery {
  const isBody = !(input instanceof URLSearchParams)
  const raw = isBody ? readBody(input) : readQueryString(input)

  const startIndex = readInteger(raw.startIndex, 'startIndex')
  const count = readInteger(raw.count, 'count')
  const query: ListQuery = {
    startIndex: startIndex === undefined || startIndex < 1 ? 1 : startIndex,
    count: Math.min(Math.max(count ?? options.defaultCount, 0), options.maxResults),
    sortOrder: readSortOrder(raw.sortOrder),
  }

  const filter = readString(raw.filter, 'filter')
  if (filter !== undefined) query.filter = filter
  const sortBy = readString(raw.sortBy, 'sortBy')
  if (sortBy !== undefined) query.sortBy = readPath(sortBy, 'sortBy')
  const attributes = readPathList(raw.attributes, 'attributes')
  if (attributes) query.attributes = attributes
  const excludedAttributes = readPathList(raw.excludedAttributes, 'excludedAttributes')
  if (excludedAttributes) query.excludedAttributes = excludedAttributes
  return query
}

type RawQuery = Partial<Record<Parameter, unknown>>

function readQueryString(params: URLSearchParams): RawQuery {
  const raw: RawQuery = {}
  for (const [name, value] of params) {
    const parameter = CANONICAL.get(name.toLowerCase())
    // The first occurrence wins, like URLSearchParams.get.
    if (parameter && !(parameter in raw)) raw[parameter] = value
  }
  return raw
}

function readBody(body: Record<string, unknown>): RawQuery {
  const raw: RawQuery = {}
  let schemas: unknown
  // JSON attribute names are case-insensitive too (RFC 7643 §2.1).
  for (const [name, value] of Object.entries(body)) {
    const lower = name.toLowerCase()
    if (lower === 'schemas') schemas = value
    const parameter = CANONICAL.get(lower)
    // `null` is how JSON says "not given".
    if (parameter && value !== null && !(parameter in raw)) raw[parameter] = value
  }
  // RFC 7644 §3.4.3: the body is a SearchRequest message.
  const isSearchRequest =
    Array.isArray(schemas) &&
    schemas.some(
      (urn) => typeof urn === 'string' && urn.toLowerCase() === URN.searchRequest.toLowerCase(),
    )
  if (!isSearchRequest) {
    throw ScimError.invalidValue(
      `Failed to read the search request: "schemas" must contain "${URN.searchRequest}"`,
    )
  }
  return raw
}

function readInteger(value: unknown, parameter: Parameter): number | undefined {
  if (value === undefined) return undefined
  // Query strings carry text; a JSON body should carry numbers but some clients quote them.
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value)
  throw ScimError.invalidValue(
    `Failed to read "${parameter}": expected an integer, got ${JSON.stringify(value)}`,
  )
}

function readString(value: unknown, parameter: Parameter): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string') return value
  throw ScimError.invalidValue(
    `Failed to read "${parameter}": expected a string, got ${JSON.stringify(value)}`,
  )
}

function readSortOrder(value: unknown): ListQuery['sortOrder'] {
  const text = readString(value, 'sortOrder')
  // RFC 7644 §3.4.2.3: ascending is the default.
  if (text === undefined) return 'ascending'
  const lower = text.toLowerCase()
  if (lower === 'ascending' || lower === 'descending') return lower
  throw ScimError.invalidValue(
    `Failed to read "sortOrder": expected "ascending" or "descending", got ${JSON.stringify(text)}`,
  )
}

function readPath(text: string, parameter: Parameter): AttributePath {
  try {
    return parseAttributePath(text)
  } catch {
    // The path parser speaks of PATCH paths (invalidPath); here the bad value is a parameter.
    throw ScimError.invalidValue(
      `Failed to read "${parameter}": ${JSON.stringify(text)} is not a valid attribute path`,
    )
  }
}

function readPathList(value: unknown, parameter: Parameter): AttributePath[] | undefined {
  if (value === undefined) return undefined
  let names: unknown[]
  if (typeof value === 'string') {
    // RFC 7644 §3.9: comma-separated in a query string. Also accepted in a body,
    // where RFC 7644 §3.4.3 wants an array, because some clients send the string.
    if (value.trim() === '') return undefined
    names = value.split(',')
  } else if (Array.isArray(value)) {
    if (value.length === 0) return undefined
    names = value
  } else {
    throw ScimError.invalidValue(
      `Failed to read "${parameter}": expected a list of attribute names, got ${JSON.stringify(value)}`,
    )
  }
  return names.map((name) => {
    if (typeof name !== 'string') {
      throw ScimError.invalidValue(
        `Failed to read "${parameter}": expected attribute names, got ${JSON.stringify(name)}`,
      )
    }
    return readPath(name, parameter)
  })
}
