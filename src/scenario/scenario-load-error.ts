/** Why a scenario file could not be loaded. */
export type ScenarioLoadErrorCode =
  /** The file could not be read (missing, a folder, no permission). */
  | 'UNREADABLE_FILE'
  /** The file is not valid YAML. */
  | 'INVALID_YAML'
  /** The YAML is fine but is not a valid scenario. */
  | 'INVALID_SCENARIO'
  /** A file, folder or glob given to `findScenarioFiles` matches no file. */
  | 'NO_MATCHING_FILES'

/** One problem in a scenario file, located as precisely as the YAML allows. */
export interface ScenarioIssue {
  /** The file (or pattern) as the user named it. */
  file: string
  /** 1-based line and column in the file, when known. */
  line?: number
  column?: number
  /** The 1-based step number, for problems inside `steps`. */
  step?: number
  /** The step's kind (`assign`, `expect`...), when the step has one. */
  kind?: string
  /** Where in the scenario, e.g. `['steps', 2, 'assign']`. */
  path: (string | number)[]
  /** What is wrong, without the location, e.g. `expected a string, got 42`. */
  message: string
}

/**
 * A scenario file that cannot be used. Its message lists every issue as
 * `file:line:column: where: what`, one a line, the way compilers do, so
 * terminals and editors link to the spot.
 *
 * @example
 * try {
 *   await loadScenarioFile('scenarios/assign.yaml')
 * } catch (error) {
 *   if (error instanceof ScenarioLoadError) console.error(error.message)
 *   // scenarios/assign.yaml:14:13: step 3 (assign): expected a string, got 42
 * }
 */
export class ScenarioLoadError extends Error {
  override readonly name = 'ScenarioLoadError'

  constructor(
    readonly code: ScenarioLoadErrorCode,
    /** The file as the user named it (for `NO_MATCHING_FILES`, the pattern). */
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
    options?: { cause?: unknown },
  ) {
    super(issues.map(formatScenarioIssue).join('\n'), options)
  }
}

/**
 * One issue as a line: `file:line:column: step 3 (assign), field: message`.
 *
 * @example
 * formatScenarioIssue({ file: 'x.yaml', line: 4, column: 13, step: 3, kind: 'assign', path: ['steps', 2, 'assign'], message: 'expected a string, got 42' })
 * // 'x.yaml:4:13: step 3 (assign): expected a string, got 42'
 */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  const location = [issue.file, issue.line, issue.column].filter((part) => part !== undefined)
  const where = describeWhere(issue)
  return `${location.join(':')}: ${where ? `${where}: ` : ''}${issue.message}`
}

function describeWhere(issue: ScenarioIssue): string {
  if (issue.step === undefined) return formatPath(issue.path)
  const step =
    issue.kind === undefined ? `step ${issue.step}` : `step ${issue.step} (${issue.kind})`
  // The path inside the step: its one key alone is the kind (or what the message names).
  const inside = issue.path.slice(2)
  if (inside.length <= 1) return step
  return `${step}, ${formatPath(inside)}`
}

/**
 * A field path as written in JavaScript: `okta.users[1].email`.
 *
 * @example
 * formatPath(['okta', 'users', 1, 'email']) // 'okta.users[1].email'
 */
export function formatPath(path: readonly (string | number)[]): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`
    else text += `[${JSON.stringify(segment)}]`
  }
  return text
}
