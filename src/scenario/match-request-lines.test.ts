import { expect, test } from 'vitest'
import { compareRequestLines, requestLineMatches } from './match-request-lines.js'

const sent = [
  'GET /Users?filter=userName eq "a@b.c" → 200',
  'POST /Users → 409',
  'POST /Users → 201',
]

test.each<[string, string, boolean]>([
  ['POST /Users → 409', 'POST /Users → 409', true],
  ['POST /Users → 409', 'POST /Users', true],
  ['POST /Users → 409', 'POST /Users -> 409', true],
  ['POST /Users → 409', '  POST /Users →  409 ', true],
  ['POST /Users → 409', 'POST /Users → 201', false],
  ['POST /Users → 409', 'PUT /Users', false],
  ['POST /Users/1 → 409', 'POST /Users', false],
  ['POST /Users → no response (timeout)', 'POST /Users → no response (timeout)', true],
])('%s matches %s: %s', (actual, expected, matches) => {
  expect(requestLineMatches(actual, expected)).toBe(matches)
})

test('matches an exact sequence', () => {
  expect(
    compareRequestLines(
      sent,
      ['GET /Users?filter=userName eq "a@b.c"', 'POST /Users → 409', 'POST /Users'],
      'exact',
    ),
  ).toBeUndefined()
})

test('shows an exact sequence that differs as a diff', () => {
  expect(
    compareRequestLines(
      sent,
      ['GET /Users?filter=userName eq "a@b.c" → 200', 'POST /Users → 201', 'DELETE /Users/1'],
      'exact',
    ),
  ).toBe(
    [
      'the requests differ (- expected, + sent):',
      '    GET /Users?filter=userName eq "a@b.c" → 200',
      '  + POST /Users → 409',
      '    POST /Users → 201',
      '  - DELETE /Users/1',
    ].join('\n'),
  )
})

test('says when nothing was sent', () => {
  expect(compareRequestLines([], [], 'exact')).toBeUndefined()
  expect(compareRequestLines(sent, [], 'exact')).toContain('  + POST /Users → 201')
  expect(compareRequestLines([], ['POST /Users'], 'subsequence')).toBe(
    'no request matches subsequence[0] "POST /Users"\n  sent:\n    (none)',
  )
})

test('matches an ordered subsequence, and not one out of order', () => {
  expect(
    compareRequestLines(sent, ['POST /Users → 409', 'POST /Users → 201'], 'subsequence'),
  ).toBeUndefined()
  expect(compareRequestLines(sent, ['POST /Users → 201', 'POST /Users → 409'], 'subsequence')).toBe(
    [
      'no request matches subsequence[1] "POST /Users → 409" after the lines matched before it',
      '  sent:',
      '    1. GET /Users?filter=userName eq "a@b.c" → 200',
      '    2. POST /Users → 409',
      '    3. POST /Users → 201',
    ].join('\n'),
  )
})
