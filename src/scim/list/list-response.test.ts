import { expect, it } from 'vitest'
import { URN } from '../schema/urns.js'
import { createListResponse, paginate } from './list-response.js'

it('wraps a page in a ListResponse with itemsPerPage set to the page length', () => {
  const resources = [{ id: '1' }, { id: '2' }]

  expect(createListResponse({ resources, totalResults: 12, startIndex: 3 })).toEqual({
    schemas: [URN.listResponse],
    totalResults: 12,
    startIndex: 3,
    itemsPerPage: 2,
    Resources: resources,
  })
})

it('keeps the Resources key as an empty array when there are no results', () => {
  const response = createListResponse({ resources: [], totalResults: 0, startIndex: 1 })

  expect(response).toHaveProperty('Resources', [])
  expect(response.itemsPerPage).toBe(0)
})

it('reports totalResults independently of the page size', () => {
  const response = createListResponse({ resources: [], totalResults: 7, startIndex: 8 })

  expect(response).toMatchObject({ totalResults: 7, startIndex: 8, itemsPerPage: 0 })
})

it.each([
  { startIndex: 1, count: 2, expected: ['a', 'b'] },
  { startIndex: 2, count: 2, expected: ['b', 'c'] },
  { startIndex: 4, count: 10, expected: ['d'] },
  { startIndex: 5, count: 10, expected: [] },
  { startIndex: 1, count: 0, expected: [] },
  { startIndex: 0, count: 1, expected: ['a'] },
  { startIndex: -3, count: 1, expected: ['a'] },
  { startIndex: 1, count: -1, expected: [] },
])(
  'paginates to $expected for startIndex $startIndex and count $count',
  ({ startIndex, count, expected }) => {
    expect(paginate(['a', 'b', 'c', 'd'], startIndex, count)).toEqual(expected)
  },
)

it('paginates into a new array without touching the input', () => {
  const items = Object.freeze(['a', 'b'])

  const page = paginate(items, 1, 2)

  expect(page).toEqual(['a', 'b'])
  expect(page).not.toBe(items)
})
