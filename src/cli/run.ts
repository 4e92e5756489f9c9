import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { findScenarioFiles } from '../scenario/find-scenario-files.js'
import { loadScenarioFile, type LoadedScenario } from '../scenario/load-scenario.js'
import { createJsonReporter } from '../scenario/reporters/json.js'
import { createJunitReporter } from '../scenario/reporters/junit.js'
import { createPrettyReporter } from '../scenario/reporters/pretty.js'
import type { Reporter } from '../scenario/reporters/reporter.js'
import type { runScenario } from '../scenario/run-scenario.js'
import type { ScenarioResult, StepResult } from '../scenario/scenario-result.js'
import { ScenarioLoadError } from '../scenario/scenario-load-error.js'
import type { RunArguments } from './parse-run-arguments.js'

/** What `run` needs from the outside world (tests pass fakes). */
export interface RunDependencies {
  /** Runs one scenario: the real runner, or a fake in tests. */
  runScenario: typeof runScenario
  /** Standard output: the report. */
  write: (text: string) => void
  /** Standard error: problems that keep the run from starting. */
  writeError: (text: string) => void
  /** The folder patterns, `--output` and the displayed file names are relative to. */
  cwd: string
  /** ANSI colours in the pretty output. */
  color?: boolean
  /** Writes the `--output` file (default: node:fs, creating its folder). */
  writeFile?: (path: string, text: string) => Promise<void>
}

/**
 * `scim-mock run`: finds and loads the scenario files, runs the valid ones
 * one after the other (a `--target` server is shared state), reports as it
 * goes and resolves to the exit code: 0 all passed, 1 a scenario failed or a
 * file is invalid (the other files still run), 2 a pattern matches nothing.
 *
 * @example
 * const code = await run(parseRunArguments(['scenarios/']), {
 *   runScenario, cwd: process.cwd(), write: (t) => process.stdout.write(t), writeError: (t) => process.stderr.write(t),
 * })
 */
export async function run(args: RunArguments, dependencies: RunDependencies): Promise<number> {
  const { cwd } = dependencies
  let files: string[]
  try {
    files = await findScenarioFiles(args.patterns, cwd)
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error
    dependencies.writeError(`scim-mock run: ${error.message}\n`)
    return 2
  }

  // Loading is quick and lets the reporter know every scenario before the first runs.
  const loads = await Promise.all(
    files.map((file) =>
      loadScenarioFile(file, { cwd }).then(
        (loaded) => ({ file, loaded }),
        (error: unknown) => ({
          file,
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    ),
  )
  // An invalid file's tags are unknown: it is always reported, never silently left out.
  const selected = loads.filter(
    (load) =>
      !('loaded' in load) ||
      args.tags.length === 0 ||
      (load.loaded.scenario.tags ?? []).some((tag) => args.tags.includes(tag)),
  )
  if (selected.length === 0) {
    const tags = args.tags.map((tag) => `"${tag}"`).join(' or ')
    dependencies.writeError(
      `scim-mock run: no scenario in ${files.length} file${files.length === 1 ? '' : 's'} has the tag ${tags}\n`,
    )
    return 1
  }

  let document = ''
  const reporter = createReporter(args, dependencies, (text) => (document += text))
  const toRun = selected.flatMap((load) => ('loaded' in load ? [load.loaded] : []))
  reporter.onStart?.(toRun)

  const results = new Map<string, ScenarioResult>()
  // An invalid file is reported at once, as a failed result, and the others still run.
  for (const load of selected) {
    if ('loaded' in load) continue
    const result = invalidFileResult(load.file, load.error)
    results.set(load.file, result)
    reporter.onScenario?.(result)
  }
  for (const loaded of toRun) {
    reporter.onScenarioStart?.(loaded)
    const result = await runOne(loaded, args, dependencies, reporter)
    results.set(loaded.file, result)
    reporter.onScenario?.(result)
  }
  const ordered = selected.map((load) => results.get(load.file)!)
  reporter.onEnd(ordered)

  if (args.output !== undefined) {
    const path = resolve(cwd, args.output)
    try {
      await (dependencies.writeFile ?? writeReport)(path, document)
    } catch (error) {
      dependencies.writeError(
        `scim-mock run: cannot write ${args.output}: ${(error as Error).message}\n`,
      )
      return 1
    }
  }
  return ordered.every((result) => result.passed) ? 0 : 1
}

async function runOne(
  loaded: LoadedScenario,
  args: RunArguments,
  dependencies: RunDependencies,
  reporter: Reporter,
): Promise<ScenarioResult> {
  const steps: StepResult[] = []
  const started = performance.now()
  try {
    const result = await dependencies.runScenario(loaded.scenario, {
      ...(args.target === undefined ? {} : { target: args.target }),
      onStep: (step) => {
        steps.push(step)
        reporter.onStep?.(step, loaded)
      },
    })
    return { ...result, file: loaded.file }
  } catch (error) {
    // The runner reports failures as results; a throw is a bug or a broken target.
    return {
      name: loaded.scenario.name,
      tags: loaded.scenario.tags ?? [],
      passed: false,
      steps,
      durationMs: performance.now() - started,
      transcript: [],
      error: `Failed to run the scenario: ${error instanceof Error ? error.message : String(error)}`,
      file: loaded.file,
    }
  }
}

/** A file that did not load, as a failed result: every reporter shows it, CI counts it. */
function invalidFileResult(file: string, error: string): ScenarioResult {
  return {
    name: file,
    tags: [],
    passed: false,
    steps: [],
    durationMs: 0,
    transcript: [],
    error,
    file,
  }
}

/**
 * The reporter for the arguments: pretty on stdout; json or junit on stdout,
 * or into the `--output` document with pretty progress on stdout.
 */
function createReporter(
  args: RunArguments,
  dependencies: RunDependencies,
  writeDocument: (text: string) => void,
): Reporter {
  const pretty = () =>
    createPrettyReporter({ write: dependencies.write, color: dependencies.color ?? false })
  if (args.reporter === 'pretty') return pretty()
  const write = args.output === undefined ? dependencies.write : writeDocument
  const document =
    args.reporter === 'json' ? createJsonReporter({ write }) : createJunitReporter({ write })
  return args.output === undefined ? document : combineReporters([pretty(), document])
}

function combineReporters(reporters: readonly Reporter[]): Reporter {
  return {
    onStart: (scenarios) => reporters.forEach((reporter) => reporter.onStart?.(scenarios)),
    onScenarioStart: (scenario) =>
      reporters.forEach((reporter) => reporter.onScenarioStart?.(scenario)),
    onStep: (step, scenario) => reporters.forEach((reporter) => reporter.onStep?.(step, scenario)),
    onScenario: (result) => reporters.forEach((reporter) => reporter.onScenario?.(result)),
    onEnd: (results) => {
      reporters.forEach((reporter) => reporter.onEnd(results))
    },
  }
}

/** `--output reports/junit.xml` works in a fresh CI checkout. */
async function writeReport(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text, 'utf8')
}
