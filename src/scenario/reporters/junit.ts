import type { ScenarioResult } from '../scenario-result.js'
import {
  formatStepFailure,
  isSkipped,
  stepLabel,
  summarizeStepMessage,
} from './format-step-failure.js'
import type { Reporter, ReporterOptions } from './reporter.js'

/** The suite of results that name no file. */
const NO_FILE = 'scenarios'

/**
 * Writes JUnit XML at the end, for CI test reports (GitLab, Jenkins, GitHub
 * actions that read JUnit): one `<testsuite>` per file, one `<testcase>`
 * per scenario; a failed step is a `<failure>` (with its diff), a scenario
 * that could not run or a file that could not load is an `<error>`, and
 * the transcript goes to `<system-out>`.
 *
 * @example
 * const reporter = createJunitReporter({ write: (text) => writeFileSync('junit.xml', text) })
 */
export function createJunitReporter(options: ReporterOptions): Reporter {
  return {
    onEnd(results: readonly ScenarioResult[]): string {
      const document = junitXml(results)
      options.write(document)
      return document
    },
  }
}

/**
 * The JUnit XML document of some results.
 *
 * @example
 * junitXml(results) // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scim-mock" ...'
 */
export function junitXml(results: readonly ScenarioResult[]): string {
  const suites = new Map<string, ScenarioResult[]>()
  for (const result of results) {
    const file = result.file ?? NO_FILE
    suites.set(file, [...(suites.get(file) ?? []), result])
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'scim-mock', ...counts(results) })}>`,
  ]
  for (const [file, suite] of suites) {
    lines.push(`  <testsuite${attributes({ name: file, ...counts(suite) })}>`)
    for (const result of suite) lines.push(...testcase(result, file))
    lines.push('  </testsuite>')
  }
  lines.push('</testsuites>', '')
  return lines.join('\n')
}

function counts(results: readonly ScenarioResult[]) {
  return {
    tests: results.length,
    failures: results.filter((result) => !result.passed && result.error === undefined).length,
    errors: results.filter((result) => result.error !== undefined).length,
    skipped: 0,
    time: seconds(results.reduce((sum, result) => sum + result.durationMs, 0)),
  }
}

function testcase(result: ScenarioResult, file: string): string[] {
  const failedSteps = result.steps.filter((step) => !step.passed && !isSkipped(step))
  const details = failedSteps.flatMap((step) => [...formatStepFailure(step), ''])
  const lines = [
    `    <testcase${attributes({
      name: result.name,
      // Without the extension: CI tools read dots in a classname as packages.
      classname: file.replace(/\.[^./]*$/, ''),
      file,
      time: seconds(result.durationMs),
    })}>`,
  ]
  if (result.error !== undefined) {
    const [first = ''] = result.error.split('\n')
    const body = [result.error, '', ...details].join('\n').trimEnd()
    lines.push(`      <error${attributes({ message: first, type: 'error' })}>${text(body)}</error>`)
  } else if (!result.passed) {
    const message =
      failedSteps
        .map((step) => `${stepLabel(step)}: ${summarizeStepMessage(step.message)}`)
        .join('; ') || 'failed'
    const body = details.join('\n').trimEnd()
    lines.push(`      <failure${attributes({ message, type: 'failure' })}>${text(body)}</failure>`)
  }
  if (result.transcript.length > 0) {
    lines.push(`      <system-out>${text(result.transcript.join('\n'))}</system-out>`)
  }
  lines.push('    </testcase>')
  return lines
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${attribute(String(value))}"`)
    .join('')
}

/**
 * XML 1.0 allows neither control characters nor lone surrogates, even
 * escaped: they become U+FFFD. Terminal colour codes are dropped first.
 */
function xmlSafe(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching ESC is the point
      .replace(/\u001b\[[0-9;]*m/g, '')
      // eslint-disable-next-line no-control-regex -- the control characters XML allows
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
  )
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Line breaks and tabs are escaped too: parsers turn raw ones into spaces in attributes. */
function attribute(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}
