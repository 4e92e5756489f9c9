import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Scenario } from '../scenario/scenario-schema.js'
import type { ScenarioResult, StepResult } from '../scenario/scenario-result.js'
import { parseRunArguments, type RunArguments } from './parse-run-arguments.js'
import { run, type RunDependencies } from './run.js'

const runnerExists = existsSync(
  join(dirname(fileURLToPath(import.meta.url)), '../scenario/run-scenario.ts'),
)

let cwd: string

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'scim-mock-run-'))
  await mkdir(join(cwd, 'scenarios'))
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

const JANE = '{ login: jane@corp.example, email: jane@example.com, firstName: Jane, lastName: Doe }'

async function scenarioFile(name: string, text: string) {
  await writeFile(join(cwd, 'scenarios', name), text)
}

const simple = (name: string, tags: string[] = []) =>
  `name: ${name}\ntags: [${tags.join(', ')}]\nokta:\n  users:\n    - ${JANE}\nsteps:\n  - assign: jane@corp.example\n  - expect: { tasks: [] }\n`

/** A runner that passes every scenario whose name has no "fail", reporting each step. */
const fakeRunner = vi.fn(
  async (
    input: Parameters<RunDependencies['runScenario']>[0],
    options: Parameters<RunDependencies['runScenario']>[1] = {},
  ): Promise<ScenarioResult> => {
    const scenario = input as Scenario
    const passed = !scenario.name.includes('fail')
    const steps: StepResult[] = scenario.steps.map((step, position) => ({
      index: position + 1,
      kind: Object.keys(step)[0]!,
      passed: passed || position === 0,
      durationMs: 1,
      requests: [],
      ...(passed || position === 0
        ? {}
        : {
            message: 'tasks: expected no open task, found 1',
            expected: { tasks: [] },
            actual: { tasks: ['Automatic provisioning failed'] },
          }),
    }))
    for (const step of steps) options.onStep?.(step, scenario)
    return {
      name: scenario.name,
      tags: scenario.tags ?? [],
      passed,
      steps,
      durationMs: 2,
      transcript: ['POST /Users → 201'],
    }
  },
)

interface Outcome {
  code: number
  stdout: string
  stderr: string
  files: Record<string, string>
}

async function runWith(
  argv: string[],
  dependencies: Partial<RunDependencies> = {},
): Promise<Outcome> {
  const outcome: Outcome = { code: -1, stdout: '', stderr: '', files: {} }
  const args = parseRunArguments(argv) as RunArguments
  outcome.code = await run(args, {
    runScenario: fakeRunner,
    cwd,
    write: (text) => (outcome.stdout += text),
    writeError: (text) => (outcome.stderr += text),
    writeFile: async (path, text) => {
      outcome.files[path] = text
    },
    ...dependencies,
  })
  return outcome
}

beforeEach(() => {
  fakeRunner.mockClear()
})

it('runs every scenario of scenarios/ by default and exits 0 when all pass', async () => {
  await scenarioFile('b.yaml', simple('Second'))
  await scenarioFile('a.yaml', simple('First'))
  const { code, stdout, stderr } = await runWith([])
  expect(code).toBe(0)
  expect(stderr).toBe('')
  expect(stdout).toBe(`First (scenarios/a.yaml)
  ✓ assign (1 ms)
  ✓ expect (1 ms)
  passed in 2 ms

Second (scenarios/b.yaml)
  ✓ assign (1 ms)
  ✓ expect (1 ms)
  passed in 2 ms

2 passed, 0 failed (4 ms)
`)
  expect(fakeRunner.mock.calls.map(([scenario]) => (scenario as Scenario).name)).toEqual([
    'First',
    'Second',
  ])
})

it('exits 1 with a diff when a scenario fails', async () => {
  await scenarioFile('a.yaml', simple('Jane should fail'))
  const { code, stdout } = await runWith(['scenarios/a.yaml'])
  expect(code).toBe(1)
  expect(stdout).toContain('  ✗ expect (1 ms): tasks: expected no open task, found 1')
  expect(stdout).toContain(`Failures:

1) Jane should fail (scenarios/a.yaml)
   step 2 (expect) at scenarios/a.yaml:8: tasks: expected no open task, found 1

     tasks (- expected, + actual):
       + Automatic provisioning failed

0 passed, 1 failed (2 ms)
`)
})

it('reports an invalid file, runs the others and exits 1', async () => {
  await scenarioFile('a.yaml', simple('First'))
  await scenarioFile('broken.yaml', 'name: Broken\nsteps:\n  - assign: 42\n')
  const { code, stdout } = await runWith(['--reporter', 'json'])
  expect(code).toBe(1)
  const results = JSON.parse(stdout) as ScenarioResult[]
  expect(results.map((result) => [result.file, result.passed, result.error])).toEqual([
    ['scenarios/a.yaml', true, undefined],
    [
      'scenarios/broken.yaml',
      false,
      'scenarios/broken.yaml:3:13: step 1 (assign): expected a string, got 42',
    ],
  ])
  expect(fakeRunner).toHaveBeenCalledTimes(1)
})

it('runs only the scenarios having any of the tags, and invalid files still count', async () => {
  await scenarioFile('a.yaml', simple('Smoke', ['smoke']))
  await scenarioFile('b.yaml', simple('Okta', ['okta']))
  await scenarioFile('c.yaml', simple('Slow', ['slow']))
  const ran = async (argv: string[]) => {
    fakeRunner.mockClear()
    const { code } = await runWith(argv)
    return [code, fakeRunner.mock.calls.map(([scenario]) => (scenario as Scenario).name)]
  }
  expect(await ran(['--tag', 'smoke'])).toEqual([0, ['Smoke']])
  expect(await ran(['--tag', 'smoke', '--tag', 'okta'])).toEqual([0, ['Smoke', 'Okta']])
  await scenarioFile('d.yaml', 'name: [broken\n')
  expect(await ran(['--tag', 'slow'])).toEqual([1, ['Slow']])
})

it('exits 1 when no scenario has the tags', async () => {
  await scenarioFile('a.yaml', simple('Smoke', ['smoke']))
  const { code, stdout, stderr } = await runWith(['--tag', 'nightly', '--tag', 'slow'])
  expect(code).toBe(1)
  expect(stdout).toBe('')
  expect(stderr).toBe('scim-mock run: no scenario in 1 file has the tag "nightly" or "slow"\n')
})

it('exits 2 when a pattern matches nothing, before running anything', async () => {
  await scenarioFile('a.yaml', simple('First'))
  const { code, stdout, stderr } = await runWith(['scenarios/', 'missing/', 'x/**/*.yaml'])
  expect(code).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toBe(
    'scim-mock run: missing/: no such file or folder\nx/**/*.yaml: matches no *.yaml or *.yml file\n',
  )
  expect(fakeRunner).not.toHaveBeenCalled()
})

it('passes the target to the runner', async () => {
  await scenarioFile('a.yaml', simple('First'))
  await runWith(['--target', 'http://localhost:4000/scim/v2', '--token', 'secret'])
  expect(fakeRunner.mock.calls[0]![1]).toMatchObject({
    target: { baseUrl: 'http://localhost:4000/scim/v2', token: 'secret' },
  })
  fakeRunner.mockClear()
  await runWith([])
  expect(fakeRunner.mock.calls[0]![1]).not.toHaveProperty('target')
})

it('writes junit to stdout, alone', async () => {
  await scenarioFile('a.yaml', simple('First'))
  const { code, stdout } = await runWith(['--reporter', 'junit'])
  expect(code).toBe(0)
  expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /)
  expect(stdout).toContain('<testsuite name="scenarios/a.yaml" tests="1"')
})

it('writes the --output file and shows progress on stdout', async () => {
  await scenarioFile('a.yaml', simple('First'))
  const { code, stdout, files } = await runWith([
    '--reporter',
    'junit',
    '--output',
    'out/junit.xml',
  ])
  expect(code).toBe(0)
  expect(stdout).toContain('  ✓ assign (1 ms)')
  expect(stdout).toContain('1 passed, 0 failed')
  expect(Object.keys(files)).toEqual([join(cwd, 'out/junit.xml')])
  expect(files[join(cwd, 'out/junit.xml')]).toContain('<testcase name="First"')
})

it('writes the --output file with node:fs by default, folders included, and exits 1 when it cannot', async () => {
  await scenarioFile('a.yaml', simple('First'))
  const written = await runWith(['--reporter', 'json', '--output', 'reports/results.json'], {
    writeFile: undefined,
  })
  expect(written.code).toBe(0)
  expect(JSON.parse(await readFile(join(cwd, 'reports/results.json'), 'utf8'))).toHaveLength(1)
  // A file where the folder should be.
  const failed = await runWith(
    ['scenarios', '--reporter', 'json', '--output', 'scenarios/a.yaml/r.json'],
    {
      writeFile: undefined,
    },
  )
  expect(failed.code).toBe(1)
  expect(failed.stderr).toMatch(/^scim-mock run: cannot write scenarios\/a\.yaml\/r\.json: /)
})

it('turns a runner that throws into a failed result and goes on', async () => {
  await scenarioFile('a.yaml', simple('First'))
  await scenarioFile('b.yaml', simple('Second'))
  const runScenario = vi.fn<RunDependencies['runScenario']>(async (input, options) => {
    const scenario = input as Scenario
    if (scenario.name === 'First') {
      options?.onStep?.(
        { index: 1, kind: 'assign', passed: true, durationMs: 1, requests: [] },
        scenario,
      )
      throw new Error('connect ECONNREFUSED 127.0.0.1:4000')
    }
    return fakeRunner(input, options)
  })
  const { code, stdout } = await runWith(['--reporter', 'json'], { runScenario })
  expect(code).toBe(1)
  const [first, second] = JSON.parse(stdout) as ScenarioResult[]
  expect(first).toMatchObject({
    name: 'First',
    passed: false,
    error: 'Failed to run the scenario: connect ECONNREFUSED 127.0.0.1:4000',
    steps: [{ index: 1, kind: 'assign', passed: true }],
    file: 'scenarios/a.yaml',
  })
  expect(second).toMatchObject({ name: 'Second', passed: true })
})

it.skipIf(!runnerExists)('runs real scenarios with the real runner', async () => {
  const { runScenario } = await import('../scenario/run-scenario.js')
  await scenarioFile('pass.yaml', simple('Jane is provisioned'))
  await scenarioFile(
    'fail.yaml',
    `name: Jane is refused
okta:
  users:
    - ${JANE}
steps:
  - assign: jane@corp.example
  - expect:
      requests:
        - GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200
        - POST /Users → 409
`,
  )
  const pretty = await runWith([], { runScenario })
  expect(pretty.code).toBe(1)
  expect(pretty.stdout).toContain('Jane is provisioned (scenarios/pass.yaml)\n  ✓ assign (')
  expect(pretty.stdout).toContain('step 2 (expect) at scenarios/fail.yaml:7')
  expect(pretty.stdout).toMatch(/- POST \/Users → 409\n.*\+ POST \/Users → 201/)
  expect(pretty.stdout).toContain('1 passed, 1 failed')

  const json = await runWith(['scenarios/pass.yaml', '--reporter', 'json'], { runScenario })
  expect(json.code).toBe(0)
  const [result] = JSON.parse(json.stdout) as ScenarioResult[]
  expect(result).toMatchObject({
    name: 'Jane is provisioned',
    passed: true,
    file: 'scenarios/pass.yaml',
    transcript: [
      'GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200',
      'POST /Users → 201',
    ],
  })
})
