// Writing and running scenarios
export { defineScenario } from './define-scenario.js'
export { runScenario } from './run-scenario.js'
export type { RunScenarioOptions } from './run-scenario.js'
export type { ScenarioResult, StepResult } from './scenario-result.js'
export { formatRequestLine } from './format-request-line.js'

// The format
export {
  scenarioSchema,
  stepSchema,
  expectationSchema,
  scenarioJsonSchema,
} from './scenario-schema.js'
export type {
  Scenario,
  ScenarioInput,
  ScenarioStep,
  ScenarioExpectation,
} from './scenario-schema.js'

// Files
export { loadScenarioFile, parseScenarioText } from './load-scenario.js'
export type { LoadedScenario } from './load-scenario.js'
export { findScenarioFiles } from './find-scenario-files.js'
export { ScenarioLoadError, formatScenarioIssue } from './scenario-load-error.js'
export type { ScenarioLoadErrorCode, ScenarioIssue } from './scenario-load-error.js'

// Reporters
export { createPrettyReporter } from './reporters/pretty.js'
export { createJsonReporter } from './reporters/json.js'
export { createJunitReporter } from './reporters/junit.js'
export type { Reporter } from './reporters/reporter.js'
