import type { ScenarioStep } from './scenario-schema.js'

/** A step's kind: its one key (`assign`, `fault`, `expect`...). */
export type StepKind = ScenarioStep extends infer Step
  ? Step extends unknown
    ? keyof Step & string
    : never
  : never

/** The value under a step's key, e.g. the login for `assign`. */
export type StepValue<Kind extends StepKind> = Extract<ScenarioStep, Record<Kind, unknown>>[Kind]

/**
 * The kind of a validated step.
 *
 * @example stepKind({ assign: 'jane@corp.example' }) // 'assign'
 */
export function stepKind(step: ScenarioStep): StepKind {
  return Object.keys(step)[0] as StepKind
}
