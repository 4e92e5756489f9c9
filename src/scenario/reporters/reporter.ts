import type { LoadedScenario } from '../load-scenario.js'
import type { ScenarioResult, StepResult } from '../scenario-result.js'

/**
 * Reports a run as it happens. The runner calls the hooks in order:
 * `onStart` once, then per scenario `onScenarioStart`, `onStep` per step and
 * `onScenario`, and `onEnd` once. A file that failed to load is reported
 * through `onScenario` only, as a failed result with its `error`. Reporters
 * write through the `write` they were created with, never to the console.
 *
 * @example
 * const reporter = createPrettyReporter({ write: (text) => process.stdout.write(text) })
 */
export interface Reporter {
  onStart?(scenarios: readonly LoadedScenario[]): void
  onScenarioStart?(scenario: LoadedScenario): void
  onStep?(step: StepResult, scenario: LoadedScenario): void
  onScenario?(result: ScenarioResult): void
  /** Writes the report's end; a document reporter (json, junit) also returns its document. */
  onEnd(results: readonly ScenarioResult[]): string | void
}

/** What every reporter is created with. */
export interface ReporterOptions {
  /** Receives the report's text as it is produced (with its own line breaks). */
  write: (text: string) => void
}
