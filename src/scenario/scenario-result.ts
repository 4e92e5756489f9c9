/**
 * What one step of a scenario did.
 *
 * @example
 * // { index: 2, kind: 'expect', passed: false, durationMs: 0.4, requests: [],
 * //   message: 'requests: line 2 differs\n  expected: POST /Users → 201\n  sent:     POST /Users → 409',
 * //   expected: { requests: ['…'] }, actual: { requests: ['…'] } }
 */
export interface StepResult {
  /** The step's position in `steps`, from 1. */
  index: number
  /** The step's key: `assign`, `fault`, `expect`... */
  kind: string
  passed: boolean
  durationMs: number
  /**
   * Why it failed: an action's error, every mismatch of an `expect` (one block
   * per check), or `skipped` after an earlier action failed.
   */
  message?: string
  /** Not run: an earlier action step failed (`passed` is false too). */
  skipped?: boolean
  /** `expect`: the checks as written. */
  expected?: unknown
  /** `expect`: what was found, under the same keys; an action: its return value. */
  actual?: unknown
  /** The request lines Okta sent during this step. */
  requests: string[]
}

/**
 * What running a scenario found.
 *
 * @example
 * const result = await runScenario(scenario)
 * if (!result.passed) console.log(result.error ?? result.steps.find((step) => !step.passed)?.message)
 */
export interface ScenarioResult {
  name: string
  tags: string[]
  /** Every step passed (and the scenario could run). */
  passed: boolean
  steps: StepResult[]
  durationMs: number
  /** Every request line Okta sent after the setup, in order. */
  transcript: string[]
  /** Set when the scenario could not run: invalid, or its setup failed. */
  error?: string
  /** The scenario's file, set by the loader. */
  file?: string
}
