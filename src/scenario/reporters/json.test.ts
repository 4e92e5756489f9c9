import { expect, it } from 'vitest'
import type { ScenarioResult } from '../scenario-result.js'
import { createJsonReporter } from './json.js'

const results: ScenarioResult[] = [
  {
    name: 'Jane is provisioned',
    tags: ['smoke'],
    passed: false,
    steps: [
      {
        index: 1,
        kind: 'expect',
        passed: false,
        durationMs: 1.5,
        message: 'tasks differ',
        expected: { tasks: [] },
        actual: { tasks: ['Automatic provisioning failed'] },
        requests: [],
      },
    ],
    durationMs: 3,
    transcript: ['POST /Users → 409'],
    file: 'scenarios/assign.yaml',
  },
]

it('writes the results array as JSON at the end, and returns it', () => {
  const chunks: string[] = []
  const reporter = createJsonReporter({ write: (text) => chunks.push(text) })
  expect(reporter.onStep).toBeUndefined()
  const document = reporter.onEnd(results)
  expect(chunks).toEqual([document])
  expect(document).toBe(`${JSON.stringify(results, null, 2)}\n`)
  expect(JSON.parse(document as string)).toEqual(results)
})

it('writes an empty array for no results', () => {
  const chunks: string[] = []
  createJsonReporter({ write: (text) => chunks.push(text) }).onEnd([])
  expect(chunks).toEqual(['[]\n'])
})
