import type { LoadedScenario } from '../load-scenario.js'
import { createPaint } from './ansi.js'
import { formatStepFailure, isSkipped, summarizeStepMessage } from './format-step-failure.js'
import type { Reporter, ReporterOptions } from './reporter.js'

/** Options of the terminal reporter. */
export interface PrettyReporterOptions extends ReporterOptions {
  /** ANSI colours (default false: the CLI turns them on for a terminal without NO_COLOR). */
  color?: boolean
}

/**
 * The terminal reporter: a line per step as it runs (`✓`/`✗`, kind,
 * duration), then every failure with a diff of expected and actual, then
 * `N passed, N failed`.
 *
 * @example
 * const reporter = createPrettyReporter({ write: (text) => process.stdout.write(text), color: true })
 * // Assign a user (scenarios/assign.yaml)
 * //   ✓ assign (12 ms)
 * //   ✗ expect (3 ms): the requests differ
 * //   failed in 15 ms
 */
export function createPrettyReporter(options: PrettyReporterOptions): Reporter {
  const paint = createPaint(options.color ?? false)
  const line = (text = '') => options.write(`${text}\n`)
  /** Loaded scenarios by file, to point failures at their step's line. */
  const loaded = new Map<string, LoadedScenario>()
  /** The scenario whose header is on screen. */
  let current: { name: string; file?: string } | undefined

  const header = (name: string, file: string | undefined) => {
    current = { name, ...(file === undefined ? {} : { file }) }
    const where = file === undefined || file === name ? '' : ` ${paint.dim(`(${file})`)}`
    line(`${paint.bold(name)}${where}`)
  }
  const isCurrent = (name: string, file: string | undefined) =>
    current !== undefined && current.name === name && current.file === file

  return {
    onStart(scenarios) {
      for (const scenario of scenarios) loaded.set(scenario.file, scenario)
    },
    onScenarioStart(scenario) {
      loaded.set(scenario.file, scenario)
      header(scenario.scenario.name, scenario.file)
    },
    onStep(step, scenario) {
      if (!isCurrent(scenario.scenario.name, scenario.file)) {
        header(scenario.scenario.name, scenario.file)
      }
      if (isSkipped(step)) {
        line(paint.dim(`  - ${step.kind} skipped`))
        return
      }
      const mark = step.passed ? paint.green('✓') : paint.red('✗')
      // The first line only: the whole message comes with the failures at the end.
      const message = step.passed ? '' : `: ${summarizeStepMessage(step.message)}`
      line(`  ${mark} ${step.kind} ${paint.dim(`(${formatDuration(step.durationMs)})`)}${message}`)
    },
    onScenario(result) {
      if (!isCurrent(result.name, result.file)) header(result.name, result.file)
      if (result.error !== undefined) {
        const [first, ...rest] = result.error.split('\n')
        line(`  ${paint.red('✗')} ${first}`)
        for (const text of rest) line(`    ${text}`)
      } else {
        const verdict = result.passed ? paint.green('passed') : paint.red('failed')
        line(`  ${verdict} in ${formatDuration(result.durationMs)}`)
      }
      current = undefined
      line()
    },
    onEnd(results) {
      const failed = results.filter((result) => !result.passed)
      if (failed.length > 0) {
        line(paint.bold(paint.red('Failures:')))
        failed.forEach((result, index) => {
          line()
          const where =
            result.file === undefined || result.file === result.name ? '' : ` (${result.file})`
          line(`${index + 1}) ${paint.bold(result.name)}${where}`)
          const stepLines =
            result.file === undefined ? undefined : loaded.get(result.file)?.stepLines
          const body = [
            ...(result.error === undefined ? [] : result.error.split('\n')),
            ...result.steps
              .filter((step) => !step.passed && !isSkipped(step))
              .flatMap((step, index) => {
                const lineNumber = stepLines?.[step.index - 1]
                const location =
                  result.file === undefined
                    ? undefined
                    : lineNumber
                      ? `${result.file}:${lineNumber}`
                      : result.file
                return [
                  ...(index > 0 ? [''] : []),
                  ...formatStepFailure(step, {
                    paint,
                    ...(location === undefined ? {} : { location }),
                  }),
                ]
              }),
          ]
          const skipped = result.steps.filter(isSkipped).length
          if (skipped > 0) {
            body.push('', `${skipped} later step${skipped === 1 ? '' : 's'} skipped`)
          }
          for (const text of body) line(text === '' ? '' : `   ${text}`)
        })
        line()
      }
      const total = results.reduce((sum, result) => sum + result.durationMs, 0)
      const passed = results.length - failed.length
      const counts = [
        passed > 0 ? paint.green(`${passed} passed`) : `${passed} passed`,
        failed.length > 0 ? paint.red(`${failed.length} failed`) : `${failed.length} failed`,
      ]
      line(`${counts.join(', ')} ${paint.dim(`(${formatDuration(total)})`)}`)
    },
  }
}

/**
 * `12 ms` below a second, `1.2 s` from there.
 *
 * @example
 * formatDuration(1234) // '1.2 s'
 */
export function formatDuration(ms: number): string {
  return Math.round(ms) < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
