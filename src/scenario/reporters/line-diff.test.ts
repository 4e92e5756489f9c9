import { expect, it } from 'vitest'
import { diffValues, lineDiff, trimDiff, type DiffLine } from './line-diff.js'

const show = (lines: DiffLine[]) =>
  lines.map((line) => `${{ same: ' ', removed: '-', added: '+' }[line.kind]} ${line.text}`)

it('keeps common lines and puts removed lines before the added ones', () => {
  expect(show(lineDiff(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']))).toEqual([
    '  a',
    '- b',
    '+ x',
    '  c',
    '  d',
    '+ e',
  ])
})

it('diffs empty sides', () => {
  expect(show(lineDiff([], ['a']))).toEqual(['+ a'])
  expect(show(lineDiff(['a'], []))).toEqual(['- a'])
  expect(lineDiff([], [])).toEqual([])
})

it('diffs lists of strings by item and other values as JSON with sorted keys', () => {
  expect(show(diffValues(['GET /Users → 200'], ['GET /Users → 200', 'POST /Users → 201']))).toEqual(
    ['  GET /Users → 200', '+ POST /Users → 201'],
  )
  expect(show(diffValues({ b: 1, a: 'x' }, { a: 'x', b: 2 }))).toEqual([
    '  {',
    '    "a": "x",',
    '-   "b": 1',
    '+   "b": 2',
    '  }',
  ])
  expect(show(diffValues('one\ntwo', 'one\nthree'))).toEqual(['  one', '- two', '+ three'])
  expect(show(diffValues(undefined, null))).toEqual(['- undefined', '+ null'])
})

it('keeps a few unchanged lines around changes and elides the rest', () => {
  const expected = Array.from({ length: 20 }, (_, i) => `line ${i}`)
  const actual = expected.map((line) => (line === 'line 10' ? 'line ten' : line))
  expect(show(trimDiff(lineDiff(expected, actual), 2))).toEqual([
    '  …',
    '  line 8',
    '  line 9',
    '- line 10',
    '+ line ten',
    '  line 11',
    '  line 12',
    '  …',
  ])
})

it('falls back to "all removed, all added" for huge inputs', () => {
  const big = Array.from({ length: 3000 }, (_, i) => String(i))
  const diff = lineDiff(big, [...big, 'x'])
  expect(diff.filter((line) => line.kind === 'removed')).toHaveLength(3000)
  expect(diff.filter((line) => line.kind === 'added')).toHaveLength(3001)
})
