import type { StepResult } from '../scenario-result.js'
import { createPaint, type Paint } from './ansi.js'
import { diffValues, lineDiff, trimDiff, type DiffLine } from './line-diff.js'

/** Unchanged lines kept around each change of a diff. */
const DIFF_CONTEXT = 3

/** `expect` checks whose expected and actual values are lists of lines. */
const LINE_CHECKS = new Set(['requests', 'tasks'])
/** `expect` checks whose expected value is a partial object of the actual one. */
const PARTIAL_CHECKS = new Set(['result', 'appUser'])

/**
 * `step 3 (expect)`, as load errors name steps (`StepResult.index` counts from 1).
 *
 * @example
 * stepLabel({ index: 3, kind: 'expect' }) // 'step 3 (expect)'
 */
export function stepLabel(step: Pick<StepResult, 'index' | 'kind'>): string {
  return `step ${step.index} (${step.kind})`
}

/**
 * Whether the runner skipped the step because an earlier action failed: not
 * a failure of its own.
 *
 * @example
 * isSkipped({ passed: false, skipped: true, ... }) // true
 */
export function isSkipped(step: Pick<StepResult, 'skipped'>): boolean {
  return step.skipped === true
}

/**
 * A failed step as lines for people: what failed and where, the runner's
 * message, then (unless the message shows a diff already) a diff of
 * expected and actual for each check that has a readable one (request
 * lines, tasks, partial objects); without them, the requests the step sent.
 *
 * @example
 * formatStepFailure(step, { location: 'scenarios/assign.yaml:9' }).join('\n')
 * // step 3 (expect) at scenarios/assign.yaml:9:
 * //   requests: line 2 differs
 * //     expected: POST /Users → 201
 * //     sent:     POST /Users → 409
 * //
 * //   requests (- expected, + actual):
 * //       GET /Users?filter=userName eq "jane@example.com"&startIndex=1&count=100 → 200
 * //     - POST /Users → 201
 * //     + POST /Users → 409
 */
export function formatStepFailure(
  step: StepResult,
  options: { location?: string; paint?: Paint } = {},
): string[] {
  const paint = options.paint ?? createPaint(false)
  const at = options.location === undefined ? '' : ` at ${options.location}`
  // The runner's own diff lines get the diff colours too.
  const message = (step.message ?? 'failed')
    .split('\n')
    .map((line) =>
      /^\s*- /.test(line) ? paint.red(line) : /^\s*\+ /.test(line) ? paint.green(line) : line,
    )
  const lines =
    message.length === 1
      ? [`${stepLabel(step)}${at}: ${message[0]}`]
      : [`${stepLabel(step)}${at}:`, ...message.map((line) => `  ${line}`)]

  // The runner's own messages may diff already (request lines): never show two.
  const diffs = hasDiff(step.message) ? [] : readableDiffs(step)
  for (const { label, diff } of diffs) {
    lines.push(
      '',
      `  ${label ? `${label} ` : ''}(${paint.red('- expected')}, ${paint.green('+ actual')}):`,
    )
    for (const line of trimDiff(diff, DIFF_CONTEXT)) {
      if (line.kind === 'removed') lines.push(`    ${paint.red(`- ${line.text}`)}`)
      else if (line.kind === 'added') lines.push(`    ${paint.green(`+ ${line.text}`)}`)
      else lines.push(`      ${paint.dim(line.text)}`)
    }
  }
  if (diffs.length === 0 && step.requests.length > 0) {
    lines.push('', '  requests:', ...step.requests.map((request) => `    ${request}`))
  }
  return lines
}

function hasDiff(message: string | undefined): boolean {
  return message !== undefined && /^\s*- .*\n\s*\+ /m.test(message)
}

/**
 * The first line of a step's message, for one-line summaries (progress, JUnit
 * `message`), without the colon that introduces the lines after it.
 *
 * @example
 * summarizeStepMessage('requests: the requests differ:\n  - POST /Users → 201') // 'requests: the requests differ'
 */
export function summarizeStepMessage(message: string | undefined): string {
  return (message ?? 'failed').split('\n')[0]!.replace(/:\s*$/, '')
}

function readableDiffs(step: StepResult): { label?: string; diff: DiffLine[] }[] {
  const { expected, actual } = step
  if (expected === undefined || actual === undefined) return []
  const changed = (diff: DiffLine[]) => diff.some((line) => line.kind !== 'same')
  if (step.kind === 'expect' && isPlainObject(expected) && isPlainObject(actual)) {
    return Object.keys(expected).flatMap((key) => {
      const want = expected[key]
      const got = actual[key]
      let diff: DiffLine[] | undefined
      if (LINE_CHECKS.has(key) && Array.isArray(want) && Array.isArray(got)) {
        diff = lineDiff(want.map(String), got.map(String))
      } else if (PARTIAL_CHECKS.has(key) && got !== undefined) {
        diff = diffValues(want, project(got, want))
      }
      // Other checks (provider, systemLog, a single task) say it best in the message.
      return diff !== undefined && changed(diff) ? [{ label: key, diff }] : []
    })
  }
  const diff = diffValues(expected, project(actual, expected))
  return changed(diff) ? [{ diff }] : []
}

/** The actual value cut to the expected one's keys: partial matches compare only those. */
function project(actual: unknown, expected: unknown): unknown {
  if (!isPlainObject(actual) || !isPlainObject(expected)) return actual
  return Object.fromEntries(
    Object.keys(expected)
      .filter((key) => Object.hasOwn(actual, key))
      .map((key) => [key, project(actual[key], expected[key])]),
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
