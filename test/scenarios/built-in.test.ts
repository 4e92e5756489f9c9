import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadScenarioFile, runScenario, type ScenarioResult } from 'scim-mock/scenario'

// The built-in scenarios (scenarios/*.yaml): every behaviour the seeds
// (shared/seeds) document and every Okta flow (shared/okta-behavior.md), run
// against the in-process provider and Okta simulator.

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url))
const files = readdirSync(SCENARIOS)
  .filter((file) => file.endsWith('.yaml'))
  .sort()

/** The stories the issue lists, each with its file. */
const REQUIRED = [
  'magicpod-email-conflict',
  'magicpod-group-push-rejected',
  'secoda-invited-users',
  'secoda-user-not-found',
  'condeco-duplicate-username',
  'mangoapps-department-groups',
  'oktopost-username-must-equal-email',
  'oktopost-license-limit',
  'oktopost-dropped-attributes',
  'okta-lifecycle-aiw',
  'okta-lifecycle-oin',
  'group-push-aiw',
  'group-push-oin',
  'import-paging',
  'rate-limit-retries',
  'failed-deprovisioning-task',
]

const load = (file: string) => loadScenarioFile(join(SCENARIOS, file))

/** The failed steps, one block each: what a reader needs to fix the scenario. */
function failures(result: ScenarioResult): string {
  if (result.error) return result.error
  return result.steps
    .filter((step) => !step.passed && step.message !== 'skipped')
    .map((step) => `step ${step.index} (${step.kind}): ${step.message ?? 'failed'}`)
    .join('\n\n')
}

describe.each(files)('scenarios/%s', (file) => {
  it('passes', async () => {
    const { scenario } = await load(file)

    const result = await runScenario(scenario)

    expect(result.passed, `${result.name}\n\n${failures(result)}`).toBe(true)
  })
})

it('has a file for every story of the issue', () => {
  const names = files.map((file) => basename(file, '.yaml'))

  expect(REQUIRED.filter((name) => !names.includes(name))).toStrictEqual([])
})

it('gives every scenario a description, tags and the editor schema line', async () => {
  const incomplete: string[] = []
  for (const file of files) {
    const { scenario } = await load(file)
    if (!scenario.description?.trim()) incomplete.push(`${file}: no description`)
    if (!scenario.tags?.length) incomplete.push(`${file}: no tags`)
  }
  const { readFile } = await import('node:fs/promises')
  for (const file of files) {
    const text = await readFile(join(SCENARIOS, file), 'utf8')
    if (!text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')) {
      incomplete.push(`${file}: does not start with the yaml-language-server schema line`)
    }
  }

  expect(incomplete).toStrictEqual([])
})

it('names each file in kebab case, prefixed by its area', () => {
  const misnamed = files.filter((file) => !/^[a-z0-9]+(-[a-z0-9]+)+\.yaml$/.test(file))

  expect(misnamed).toStrictEqual([])
})
