import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type LoadedScenario, parseScenarioText } from './parse-scenario-text.js'
import { ScenarioLoadError } from './scenario-load-error.js'

export { parseScenarioText }
export type { LoadedScenario }

/**
 * Reads and validates one scenario file (YAML, or JSON, which is YAML).
 * Throws a `ScenarioLoadError` naming the file, line, column, step and field
 * of every problem.
 *
 * @example
 * const { scenario, stepLines } = await loadScenarioFile('scenarios/assign.yaml')
 */
export async function loadScenarioFile(
  file: string,
  options: { cwd?: string } = {},
): Promise<LoadedScenario> {
  let text: string
  try {
    text = await readFile(resolve(options.cwd ?? process.cwd(), file), 'utf8')
  } catch (error) {
    const reason = describeReadError(error as NodeJS.ErrnoException)
    throw new ScenarioLoadError(
      'UNREADABLE_FILE',
      file,
      [{ file, path: [], message: `cannot read the file: ${reason}` }],
      { cause: error },
    )
  }
  return parseScenarioText(text, file)
}

function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'it is a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return error.message
  }
}
