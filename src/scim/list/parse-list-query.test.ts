import { expect, it } from 'vitest'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { parseListQuery } from './parse-list-query.js'

const options = () => ({ defaultCount: 100, maxResults: 200 })
const query = (text: string) => parseListQuery(new URLSearchParams(text), options())
const search = (body: Record<string, unknown>) =>
  parseListQuery({ schemas: [URN.searchRequest], ...body }, options())

function catchError(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

it('returns the defaults for an empty query string', () => {
  expect(query('')).toEqual({ startIndex: 1, count: 100, sortOrder: 'ascending' })
})

it('reads every parameter of a query string', () => {
  const text =
    'filter=userName eq "bjensen"&startIndex=3&count=10&sortBy=name.familyName' +
    '&sortOrder=descending&attributes=userName,emails.value'

  expect(query(text)).toEqual({
    filter: 'userName eq "bjensen"',
    startIndex: 3,
    count: 10,
    sortBy: { attribute: 'name', subAttribute: 'familyName' },
    sortOrder: 'descending',
    attributes: [{ attribute: 'userName' }, { attribute: 'emails', subAttribute: 'value' }],
  })
})

it('reads parameter names case-insensitively', () => {
  expect(query('StartIndex=5&COUNT=2&SortOrder=Descending&FILTER=active eq true')).toEqual({
    filter: 'active eq true',
    startIndex: 5,
    count: 2,
    sortOrder: 'descending',
  })
})

it('does not parse the filter', () => {
  expect(query('filter=((( not a filter').filter).toBe('((( not a filter')
})

it.each([
  { text: 'startIndex=0', startIndex: 1 },
  { text: 'startIndex=-7', startIndex: 1 },
  { text: 'startIndex=1', startIndex: 1 },
  { text: 'startIndex=51', startIndex: 51 },
])('interprets $text as startIndex $startIndex', ({ text, startIndex }) => {
  expect(query(text).startIndex).toBe(startIndex)
})

it.each([
  { text: '', count: 100 },
  { text: 'count=-1', count: 0 },
  { text: 'count=0', count: 0 },
  { text: 'count=150', count: 150 },
  { text: 'count=200', count: 200 },
  { text: 'count=201', count: 200 },
])('interprets "$text" as count $count', ({ text, count }) => {
  expect(query(text).count).toBe(count)
})

it('clamps count to maxResults', () => {
  expect(query('count=100000').count).toBe(200)
})

it('clamps the default count to maxResults', () => {
  expect(parseListQuery(new URLSearchParams(), { defaultCount: 50, maxResults: 10 }).count).toBe(10)
})

it.each([
  { text: 'startIndex=abc' },
  { text: 'startIndex=1.5' },
  { text: 'startIndex=' },
  { text: 'count=abc' },
  { text: 'count=1.5' },
  { text: 'count=' },
  { text: 'count=1e3' },
])('rejects $text with a 400 invalidValue', ({ text }) => {
  const error = catchError(() => query(text))

  expect(error).toBeInstanceOf(ScimError)
  expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' })
  expect((error as ScimError).detail).toMatch(/"(startIndex|count)".*integer/)
})

it('reads sortOrder case-insensitively and defaults to ascending', () => {
  expect(query('sortBy=userName&sortOrder=DESCENDING').sortOrder).toBe('descending')
  expect(query('sortBy=userName&sortOrder=Ascending').sortOrder).toBe('ascending')
  expect(query('sortBy=userName').sortOrder).toBe('ascending')
})

it('rejects an unknown sortOrder with a 400 invalidValue', () => {
  expect(catchError(() => query('sortOrder=up'))).toMatchObject({
    status: 400,
    scimType: 'invalidValue',
    detail: expect.stringContaining('sortOrder'),
  })
})

it('parses sortBy with a schema URN prefix', () => {
  expect(query(`sortBy=${URN.enterpriseUser}:department`).sortBy).toEqual({
    uri: URN.enterpriseUser,
    attribute: 'department',
  })
})

it.each([
  { parameter: 'sortBy', text: 'sortBy=name.given.name' },
  { parameter: 'attributes', text: 'attributes=userName,1bad' },
  { parameter: 'attributes', text: 'attributes=userName,,emails' },
  { parameter: 'excludedAttributes', text: 'excludedAttributes=emails[type eq "work"]' },
])(
  'rejects an invalid path in $parameter with a 400 invalidValue naming it',
  ({ parameter, text }) => {
    const error = catchError(() => query(text))

    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' })
    expect((error as ScimError).detail).toContain(`"${parameter}"`)
  },
)

it('splits attributes and excludedAttributes on commas and trims the names', () => {
  const parsed = query('excludedAttributes=emails, name.familyName ,groups')

  expect(parsed.excludedAttributes).toEqual([
    { attribute: 'emails' },
    { attribute: 'name', subAttribute: 'familyName' },
    { attribute: 'groups' },
  ])
})

it('treats an empty attributes parameter as absent', () => {
  expect(query('attributes=&excludedAttributes=')).not.toHaveProperty('attributes')
})

it('keeps both attributes and excludedAttributes when both are given', () => {
  const parsed = query('attributes=userName&excludedAttributes=emails')

  expect(parsed.attributes).toEqual([{ attribute: 'userName' }])
  expect(parsed.excludedAttributes).toEqual([{ attribute: 'emails' }])
})

it('uses the first occurrence of a repeated parameter', () => {
  expect(query('count=5&Count=9').count).toBe(5)
})

it('ignores unknown parameters', () => {
  expect(query('foo=bar&cursor=abc')).toEqual({
    startIndex: 1,
    count: 100,
    sortOrder: 'ascending',
  })
})

it('reads a SearchRequest body', () => {
  const parsed = search({
    filter: 'displayName sw "Eng"',
    startIndex: 2,
    count: 20,
    sortBy: 'displayName',
    sortOrder: 'descending',
    excludedAttributes: ['members', `${URN.enterpriseUser}:manager.value`],
  })

  expect(parsed).toEqual({
    filter: 'displayName sw "Eng"',
    startIndex: 2,
    count: 20,
    sortBy: { attribute: 'displayName' },
    sortOrder: 'descending',
    excludedAttributes: [
      { attribute: 'members' },
      { uri: URN.enterpriseUser, attribute: 'manager', subAttribute: 'value' },
    ],
  })
})

it('applies the paging rules to a SearchRequest body', () => {
  expect(search({ startIndex: -1, count: 5000 })).toMatchObject({ startIndex: 1, count: 200 })
  expect(search({ count: -5 }).count).toBe(0)
})

it('accepts numeric strings in a SearchRequest body', () => {
  expect(search({ startIndex: '4', count: '8' })).toMatchObject({ startIndex: 4, count: 8 })
})

it('reads SearchRequest attribute names case-insensitively', () => {
  expect(search({ StartIndex: 4, ATTRIBUTES: ['userName'] })).toMatchObject({
    startIndex: 4,
    attributes: [{ attribute: 'userName' }],
  })
})

it('treats null SearchRequest members as absent', () => {
  expect(search({ filter: null, count: null, attributes: null })).toEqual({
    startIndex: 1,
    count: 100,
    sortOrder: 'ascending',
  })
})

it('accepts a comma-separated attributes string in a SearchRequest body', () => {
  expect(search({ attributes: 'userName,active' }).attributes).toEqual([
    { attribute: 'userName' },
    { attribute: 'active' },
  ])
})

it('treats an empty attributes array as absent', () => {
  expect(search({ attributes: [] })).not.toHaveProperty('attributes')
})

it.each([
  { body: { startIndex: 1.5 }, parameter: 'startIndex' },
  { body: { count: 'abc' }, parameter: 'count' },
  { body: { count: '' }, parameter: 'count' },
  { body: { count: true }, parameter: 'count' },
  { body: { filter: 42 }, parameter: 'filter' },
  { body: { sortBy: ['userName'] }, parameter: 'sortBy' },
  { body: { sortOrder: 'sideways' }, parameter: 'sortOrder' },
  { body: { attributes: { userName: true } }, parameter: 'attributes' },
  { body: { attributes: ['userName', 7] }, parameter: 'attributes' },
  { body: { excludedAttributes: ['not valid'] }, parameter: 'excludedAttributes' },
])(
  'rejects a SearchRequest with a bad $parameter with a 400 invalidValue',
  ({ body, parameter }) => {
    const error = catchError(() => search(body))

    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' })
    expect((error as ScimError).detail).toContain(`"${parameter}"`)
  },
)

it.each([
  { body: {} },
  { body: { schemas: [] } },
  { body: { schemas: URN.searchRequest } },
  { body: { schemas: [URN.listResponse] } },
])(
  'rejects a body without the SearchRequest schema ($body) with a 400 invalidValue',
  ({ body }) => {
    const error = catchError(() => parseListQuery({ ...body, count: 1 }, options()))

    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' })
    expect((error as ScimError).detail).toContain(URN.searchRequest)
  },
)

it('matches the SearchRequest schema URN case-insensitively', () => {
  const body = { schemas: [URN.searchRequest.toLowerCase()], count: 3 }

  expect(parseListQuery(body, options()).count).toBe(3)
})
