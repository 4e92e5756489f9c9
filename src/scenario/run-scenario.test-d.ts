import { expectTypeOf, test } from 'vitest'
import type { OktaExchange } from '../okta/okta-scim-client.js'
import type { ScimService } from '../provider/create-scim-service.js'
import { defineScenario } from './define-scenario.js'
import { formatRequestLine } from './format-request-line.js'
import { type RunScenarioOptions, runScenario } from './run-scenario.js'
import type { ScenarioResult, StepResult } from './scenario-result.js'
import type { Scenario, ScenarioInput } from './scenario-schema.js'

test('the runner API other packages build on', () => {
  expectTypeOf(runScenario).parameters.toEqualTypeOf<
    [scenario: ScenarioInput | Scenario, options?: RunScenarioOptions]
  >()
  expectTypeOf(runScenario).returns.toEqualTypeOf<Promise<ScenarioResult>>()
  expectTypeOf<RunScenarioOptions>().toEqualTypeOf<{
    target?: { baseUrl: string; token: string }
    onStep?: (step: StepResult, scenario: Scenario) => void
    provider?: ScimService
  }>()
  expectTypeOf(defineScenario).toEqualTypeOf<(scenario: ScenarioInput) => ScenarioInput>()
  expectTypeOf(formatRequestLine).toEqualTypeOf<(exchange: OktaExchange) => string>()
  expectTypeOf<StepResult>().toEqualTypeOf<{
    index: number
    kind: string
    passed: boolean
    skipped?: boolean
    durationMs: number
    message?: string
    expected?: unknown
    actual?: unknown
    requests: string[]
  }>()
  expectTypeOf<ScenarioResult>().toEqualTypeOf<{
    name: string
    tags: string[]
    passed: boolean
    steps: StepResult[]
    durationMs: number
    transcript: string[]
    error?: string
    file?: string
  }>()
})

test('defineScenario types the steps', () => {
  // @ts-expect-error: assign takes a login, not a number
  defineScenario({ name: 'x', steps: [{ assign: 42 }] })
  // @ts-expect-error: no such step kind
  defineScenario({ name: 'x', steps: [{ asign: 'jane@corp.example' }] })
})
