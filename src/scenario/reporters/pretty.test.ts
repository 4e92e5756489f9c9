import { expect, it } from 'vitest'
import type { LoadedScenario } from '../load-scenario.js'
import type { ScenarioResult, StepResult } from '../scenario-result.js'
import { createPrettyReporter, formatDuration } from './pretty.js'

const loaded = (file: string, name: string, stepLines: number[]): LoadedScenario => ({
  file,
  scenario: { name, steps: [] },
  stepLines,
})

const step = (index: number, kind: string, extra: Partial<StepResult> = {}): StepResult => ({
  index,
  kind,
  passed: true,
  durationMs: 2,
  requests: [],
  ...extra,
})

const passing = loaded('scenarios/assign.yaml', 'Jane is provisioned', [7, 8])
const failing = loaded('scenarios/push.yaml', 'Jane is pushed', [6, 7, 12, 13])

const passingSteps = [
  step(1, 'assign', { durationMs: 12.4 }),
  step(2, 'expect', { durationMs: 0.6 }),
]
const failingSteps = [
  step(1, 'assign'),
  step(2, 'expect', {
    passed: false,
    message: 'tasks: expected no open task, found 1:\n    1. "Automatic provisioning failed"',
    expected: { tasks: [], result: { status: 'PROVISIONED', id: 'x' } },
    actual: {
      tasks: ['Automatic provisioning failed'],
      result: { status: 'ERROR', id: 'x', extra: 'not compared' },
    },
  }),
  step(3, 'unassign', {
    passed: false,
    message: 'Failed to find Okta user "nobody"',
    requests: ['GET /Users/1 → 404'],
  }),
  step(4, 'assign', { passed: false, skipped: true, durationMs: 0, message: 'skipped' }),
]

const results: ScenarioResult[] = [
  {
    name: 'scenarios/broken.yaml',
    tags: [],
    passed: false,
    steps: [],
    durationMs: 0,
    transcript: [],
    error: 'scenarios/broken.yaml:3:5: step 1: unknown step kind "asign" (did you mean "assign"?)',
    file: 'scenarios/broken.yaml',
  },
  {
    name: 'Jane is provisioned',
    tags: ['smoke'],
    passed: true,
    steps: passingSteps,
    durationMs: 15,
    transcript: ['POST /Users → 201'],
    file: 'scenarios/assign.yaml',
  },
  {
    name: 'Jane is pushed',
    tags: [],
    passed: false,
    steps: failingSteps,
    durationMs: 1230,
    transcript: [],
    file: 'scenarios/push.yaml',
  },
]

function report(color = false): string {
  let output = ''
  const reporter = createPrettyReporter({ write: (text) => (output += text), color })
  reporter.onStart?.([passing, failing])
  reporter.onScenario?.(results[0]!)
  reporter.onScenarioStart?.(passing)
  for (const s of passingSteps) reporter.onStep?.(s, passing)
  reporter.onScenario?.(results[1]!)
  reporter.onScenarioStart?.(failing)
  for (const s of failingSteps) reporter.onStep?.(s, failing)
  reporter.onScenario?.(results[2]!)
  reporter.onEnd(results)
  return output
}

it('shows progress per step, every failure with a diff, and a summary', () => {
  expect(report()).toBe(`scenarios/broken.yaml
  ✗ scenarios/broken.yaml:3:5: step 1: unknown step kind "asign" (did you mean "assign"?)

Jane is provisioned (scenarios/assign.yaml)
  ✓ assign (12 ms)
  ✓ expect (1 ms)
  passed in 15 ms

Jane is pushed (scenarios/push.yaml)
  ✓ assign (2 ms)
  ✗ expect (2 ms): tasks: expected no open task, found 1
  ✗ unassign (2 ms): Failed to find Okta user "nobody"
  - assign skipped
  failed in 1.2 s

Failures:

1) scenarios/broken.yaml
   scenarios/broken.yaml:3:5: step 1: unknown step kind "asign" (did you mean "assign"?)

2) Jane is pushed (scenarios/push.yaml)
   step 2 (expect) at scenarios/push.yaml:7:
     tasks: expected no open task, found 1:
         1. "Automatic provisioning failed"

     tasks (- expected, + actual):
       + Automatic provisioning failed

     result (- expected, + actual):
         {
           "id": "x",
       -   "status": "PROVISIONED"
       +   "status": "ERROR"
         }

   step 3 (unassign) at scenarios/push.yaml:12: Failed to find Okta user "nobody"

     requests:
       GET /Users/1 → 404

   1 later step skipped

1 passed, 2 failed (1.2 s)
`)
})

it('prints a header for steps of a scenario it was not told about', () => {
  let output = ''
  const reporter = createPrettyReporter({ write: (text) => (output += text) })
  reporter.onStep?.(passingSteps[0]!, passing)
  reporter.onScenario?.(results[1]!)
  reporter.onEnd([results[1]!])
  expect(output).toBe(`Jane is provisioned (scenarios/assign.yaml)
  ✓ assign (12 ms)
  passed in 15 ms

1 passed, 0 failed (15 ms)
`)
})

it('uses ANSI colours only when asked', () => {
  expect(report()).not.toContain('\u001b[')
  const coloured = report(true)
  expect(coloured).toContain('\u001b[32m✓\u001b[39m assign')
  expect(coloured).toContain('\u001b[31m✗\u001b[39m expect')
  expect(coloured).toContain('\u001b[31m-   "status": "PROVISIONED"\u001b[39m')
})

it('formats durations', () => {
  expect(formatDuration(0.4)).toBe('0 ms')
  expect(formatDuration(999.4)).toBe('999 ms')
  expect(formatDuration(999.6)).toBe('1.0 s')
  expect(formatDuration(61_000)).toBe('61.0 s')
})
