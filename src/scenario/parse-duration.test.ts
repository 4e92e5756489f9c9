import { expect, test } from 'vitest'
import { parseDuration } from './parse-duration.js'

test.each<[number | string, number]>([
  [250, 250],
  ['500ms', 500],
  ['90s', 90_000],
  ['5m', 300_000],
  ['2h', 7_200_000],
  ['0s', 0],
])('reads %s as %i ms', (duration, ms) => {
  expect(parseDuration(duration)).toBe(ms)
})

test('rejects a duration it cannot read', () => {
  expect(() => parseDuration('5 min')).toThrow(
    'Failed to parse the duration "5 min": expected milliseconds or a number with ms, s, m or h, such as "90s"',
  )
})
