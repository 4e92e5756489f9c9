import { readFileSync } from 'node:fs'
import { parseScenarioText, runScenario } from 'scim-mock/scenario'
import { expect, it } from 'vitest'

// The README shows how to write a scenario: that example must keep passing.
it('runs the scenario example of the README', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(yaml, 'README.md has a ```yaml example').toBeDefined()

  const { scenario } = parseScenarioText(yaml!, 'README.md')
  const result = await runScenario(scenario)

  expect(
    result.passed,
    result.steps
      .filter((step) => !step.passed)
      .map((step) => `step ${step.index} (${step.kind}): ${step.message}`)
      .join('\n'),
  ).toBe(true)
})
