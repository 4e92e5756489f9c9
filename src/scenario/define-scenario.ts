import type { ScenarioInput } from './scenario-schema.js'

/**
 * Describes a scenario in TypeScript, typed like the YAML files. It does not
 * validate: `runScenario` does, and reports the field path of a mistake.
 *
 * @example
 * export const conflict = defineScenario({
 *   name: 'MagicPod rejects a user whose email already exists',
 *   provider: { profile: 'magicpod', users: [{ userName: 'jdoe', emails: [{ value: 'jane.doe@example.com' }] }] },
 *   okta: { users: [{ login: 'jane@corp.example', email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' }] },
 *   steps: [{ assign: 'jane@corp.example' }, { expect: { requests: { subsequence: ['POST /Users → 409'] } } }],
 * })
 */
export function defineScenario(scenario: ScenarioInput): ScenarioInput {
  return scenario
}
