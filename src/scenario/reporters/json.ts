import type { ScenarioResult } from '../scenario-result.js'
import type { Reporter, ReporterOptions } from './reporter.js'

/**
 * Writes the results array as JSON at the end (nothing while running), for
 * tools: `scim-mock run --reporter json > results.json`.
 *
 * @example
 * const reporter = createJsonReporter({ write: (text) => chunks.push(text) })
 */
export function createJsonReporter(options: ReporterOptions): Reporter {
  return {
    onEnd(results: readonly ScenarioResult[]): string {
      const document = `${JSON.stringify(results, null, 2)}\n`
      options.write(document)
      return document
    },
  }
}
