import { expect, it } from 'vitest'
import type { StepResult } from '../scenario-result.js'
import {
  formatStepFailure,
  isSkipped,
  stepLabel,
  summarizeStepMessage,
} from './format-step-failure.js'

const failed = (extra: Partial<StepResult>): StepResult => ({
  index: 3,
  kind: 'expect',
  passed: false,
  durationMs: 1,
  requests: [],
  ...extra,
})

it('names steps from 1, as load errors do', () => {
  expect(stepLabel({ index: 3, kind: 'assign' })).toBe('step 3 (assign)')
})

it('diffs the request lines of an expect', () => {
  const step = failed({
    message: 'requests: line 2 differs',
    expected: { requests: ['GET /Users → 200', 'POST /Users → 201'], tasks: [] },
    actual: { requests: ['GET /Users → 200', 'POST /Users → 409'], tasks: [] },
  })
  expect(formatStepFailure(step, { location: 'x.yaml:9' })).toEqual([
    'step 3 (expect) at x.yaml:9: requests: line 2 differs',
    '',
    '  requests (- expected, + actual):',
    '      GET /Users → 200',
    '    - POST /Users → 201',
    '    + POST /Users → 409',
  ])
})

it('shows no second diff when the message has one', () => {
  const step = failed({
    message: 'requests differ:\n  - POST /Users → 201\n  + POST /Users → 409',
    expected: { requests: ['POST /Users → 201'] },
    actual: { requests: ['POST /Users → 409'] },
  })
  expect(formatStepFailure(step)).toEqual([
    'step 3 (expect):',
    '  requests differ:',
    '    - POST /Users → 201',
    '    + POST /Users → 409',
  ])
})

it('leaves checks without a readable diff to the message', () => {
  const step = failed({
    message: 'provider.users: expected 2, found 1',
    expected: { provider: { users: { count: 2 } } },
    actual: { provider: { users: { count: 1, resources: [] } } },
  })
  expect(formatStepFailure(step)).toEqual(['step 3 (expect): provider.users: expected 2, found 1'])
})

it('diffs any other step by the expected fields only', () => {
  const step = failed({
    kind: 'import',
    message: 'counters differ',
    expected: { created: 1 },
    actual: { created: 0, updated: 4 },
  })
  expect(formatStepFailure(step)).toEqual([
    'step 3 (import): counters differ',
    '',
    '  (- expected, + actual):',
    '      {',
    '    -   "created": 1',
    '    +   "created": 0',
    '      }',
  ])
})

it('lists the requests of a failed action', () => {
  const step = failed({
    kind: 'assign',
    message: 'Okta answered 500',
    requests: ['POST /Users → 500'],
  })
  expect(formatStepFailure(step)).toEqual([
    'step 3 (assign): Okta answered 500',
    '',
    '  requests:',
    '    POST /Users → 500',
  ])
})

it('tells skipped steps and summarizes messages', () => {
  expect(isSkipped(failed({ message: 'skipped', skipped: true }))).toBe(true)
  expect(isSkipped(failed({ message: 'Okta answered 500' }))).toBe(false)
  expect(summarizeStepMessage('requests differ:\n  - a')).toBe('requests differ')
  expect(summarizeStepMessage(undefined)).toBe('failed')
})
