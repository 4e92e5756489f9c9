import { test } from 'vitest'
import {
  runScenario,
  type RunScenarioOptions,
  type ScenarioResult,
} from '../scenario/run-scenario.js'
import { formatStepFailure } from '../scenario/reporters/format-step-failure.js'
import type { Scenario, ScenarioInput } from '../scenario/scenario-schema.js'

/** How `scenarioTest` registers its test: the runner's options, and a timeout. */
export interface ScenarioTestOptions extends RunScenarioOptions {
  /** The test's timeout in milliseconds (Vitest's default otherwise). */
  timeout?: number
}

/** The error a failed scenario throws: the runner's messages, and the result. */
export class ScenarioFailedError extends Error {
  readonly code = 'SCENARIO_FAILED'
  constructor(readonly result: ScenarioResult) {
    super(formatScenarioFailure(result))
    this.name = 'ScenarioFailedError'
  }
}

/**
 * Runs a scenario and throws a {@link ScenarioFailedError} with the runner's
 * messages and transcript when it fails; resolves to the result otherwise.
 *
 * @example
 * test('a conflict leaves an open task', async () => {
 *   const result = await expectScenario(defineScenario({ name: 'conflict', steps: [...] }))
 *   expect(result.steps).toHaveLength(3)
 * })
 */
export async function expectScenario(
  scenario: ScenarioInput | Scenario,
  options: RunScenarioOptions = {},
): Promise<ScenarioResult> {
  const result = await runScenario(scenario, options)
  if (!result.passed) throw new ScenarioFailedError(result)
  return result
}

/**
 * Registers one Vitest test that runs the scenario: its title is the
 * scenario's name, and a failure reports the runner's messages.
 *
 * @example
 * import { scenarioTest } from 'scim-mock/vitest'
 *
 * scenarioTest({
 *   name: 'assigning Jane creates her',
 *   okta: { users: [{ login: 'jane@corp.example', email: 'jane@corp.example', firstName: 'Jane', lastName: 'Doe' }] },
 *   steps: [{ assign: 'jane@corp.example' }, { expect: { provider: { users: { count: 1 } } } }],
 * })
 */
export function scenarioTest(
  scenario: ScenarioInput | Scenario,
  options: ScenarioTestOptions = {},
): void {
  const { timeout, ...runOptions } = options
  test(
    scenario.name,
    async () => {
      await expectScenario(scenario, runOptions)
    },
    timeout,
  )
}

/**
 * The failure message: why the scenario failed, each failed step with its
 * diff (as the CLI's reporter shows it), then the transcript.
 *
 * @example
 * formatScenarioFailure(result)
 * // Scenario "conflict" failed: 1 of 3 steps failed
 * //
 * // step 3 (expect): the requests differ
 * // ...
 */
export function formatScenarioFailure(result: ScenarioResult): string {
  const tags = result.tags.length > 0 ? ` [${result.tags.join(', ')}]` : ''
  const failed = result.steps.filter((step) => !step.passed && step.message !== 'skipped')
  const skipped = result.steps.filter((step) => !step.passed && step.message === 'skipped')
  const reason =
    result.error ??
    `${failed.length} of ${result.steps.length} step${result.steps.length === 1 ? '' : 's'} failed`
  const lines = [
    `Scenario "${result.name}"${tags}${result.file ? ` (${result.file})` : ''} failed: ${reason}`,
  ]
  for (const step of failed) lines.push('', ...formatStepFailure(step))
  if (skipped.length > 0) {
    lines.push(
      '',
      `${skipped.length} later step${skipped.length === 1 ? ' was' : 's were'} skipped`,
    )
  }
  if (result.transcript.length > 0) {
    lines.push('', 'Transcript:', ...result.transcript.map((line) => `  ${line}`))
  }
  return lines.join('\n')
}
