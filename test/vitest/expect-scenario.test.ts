import { describe, expect, test } from 'vitest'
import { defineScenario } from 'scim-mock/scenario'
import {
  expectScenario,
  formatScenarioFailure,
  ScenarioFailedError,
  scenarioTest,
} from 'scim-mock/vitest'

const jane = {
  login: 'jane@corp.example',
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
}

const provisioned = defineScenario({
  name: 'assigning Jane creates her',
  tags: ['provisioning'],
  okta: { users: [jane] },
  steps: [
    { assign: 'jane@corp.example' },
    {
      expect: {
        tasks: [],
        requests: [
          'GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200',
          'POST /Users → 201',
        ],
        provider: { users: { count: 1, contains: [{ userName: 'jane@corp.example' }] } },
      },
    },
  ],
})

const expectsNoConflict = defineScenario({
  name: 'a conflict is not what we expected',
  tags: ['provisioning', 'faults'],
  okta: { users: [jane] },
  steps: [
    { fault: { on: 'createUser', respond: 'conflict', detail: 'User already exists' } },
    { assign: 'jane@corp.example' },
    { expect: { requests: { subsequence: ['POST /Users → 201'] }, tasks: [] } },
  ],
})

// Registers a test named after the scenario; it passes.
scenarioTest(provisioned)

describe('expectScenario', () => {
  test('resolves to the result of a passing scenario', async () => {
    const result = await expectScenario(provisioned)

    expect(result).toMatchObject({ name: 'assigning Jane creates her', passed: true })
    expect(result.transcript).toEqual([
      'GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200',
      'POST /Users → 201',
    ])
  })

  test("fails a failing scenario with the runner's messages and the transcript", async () => {
    const error = await expectScenario(expectsNoConflict).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )

    expect(error).toBeInstanceOf(ScenarioFailedError)
    const failed = error as ScenarioFailedError
    expect(failed.code).toBe('SCENARIO_FAILED')
    expect(failed.result.passed).toBe(false)
    expect(failed.message).toMatch(
      /^Scenario "a conflict is not what we expected" \[provisioning, faults\] failed: 1 of 3 steps failed\n/,
    )
    expect(failed.message).toContain('step 3 (expect)')
    expect(failed.message).toContain('POST /Users → 409')
    expect(failed.message).toContain('Errors reported by remote server: User already exists')
    expect(failed.message).toMatch(
      /\nTranscript:\n {2}GET \/Users\?filter=.*\n {2}POST \/Users → 409$/,
    )
  })

  test('fails an invalid scenario with what is wrong in it', async () => {
    const invalid = { name: 'no steps', steps: [] }

    await expect(expectScenario(invalid)).rejects.toThrow(/^Scenario "no steps" failed: .*steps/s)
  })
})

test('formatScenarioFailure says how many later steps were skipped', () => {
  const message = formatScenarioFailure({
    name: 'stops early',
    tags: [],
    passed: false,
    durationMs: 1,
    transcript: [],
    steps: [
      { index: 0, kind: 'assign', passed: false, durationMs: 1, message: 'boom', requests: [] },
      { index: 1, kind: 'expect', passed: false, durationMs: 0, message: 'skipped', requests: [] },
    ],
  })

  expect(message).toMatch(
    /^Scenario "stops early" failed: 1 of 2 steps failed\n\nstep \d \(assign\): boom\n\n1 later step was skipped$/,
  )
})
