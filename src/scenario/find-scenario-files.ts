import { readdir, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ScenarioLoadError, type ScenarioIssue } from './scenario-load-error.js'

const SCENARIO_FILE = /\.ya?ml$/i
const GLOB_CHARACTERS = /[*?{]/

/**
 * The scenario files that files, folders and globs name, sorted and without
 * duplicates, as paths relative to `cwd` (with `/`). A file is taken as
 * named; a folder gives every `*.yaml` and `*.yml` inside, recursively; a
 * glob (`*`, `?`, `{a,b}` within a name, `**` for any depth of folders)
 * gives the `*.yaml` and `*.yml` files it matches. Folders and names starting
 * with `.` and `node_modules` folders are skipped unless named. Throws a
 * `ScenarioLoadError` (`NO_MATCHING_FILES`) listing every pattern that
 * matches nothing: a typo must not run fewer scenarios silently.
 *
 * @example
 * await findScenarioFiles(['scenarios/', 'extra/**\/*.yaml'], process.cwd())
 * // ['extra/okta/push.yaml', 'scenarios/assign.yaml', 'scenarios/groups/push.yaml']
 */
export async function findScenarioFiles(
  patterns: readonly string[],
  cwd: string = process.cwd(),
): Promise<string[]> {
  const found = new Set<string>()
  const unmatched: ScenarioIssue[] = []
  for (const pattern of patterns) {
    const { files, problem } = await expand(pattern, cwd)
    if (problem !== undefined) unmatched.push({ file: pattern, path: [], message: problem })
    for (const file of files) found.add(display(file, cwd))
  }
  if (unmatched.length > 0) {
    throw new ScenarioLoadError('NO_MATCHING_FILES', unmatched[0]!.file, unmatched)
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

async function expand(
  pattern: string,
  cwd: string,
): Promise<{ files: string[]; problem?: string }> {
  if (GLOB_CHARACTERS.test(pattern)) {
    const files = await glob(pattern, cwd)
    return files.length > 0 ? { files } : { files, problem: 'matches no *.yaml or *.yml file' }
  }
  const path = resolve(cwd, pattern)
  const stats = await stat(path).catch(() => undefined)
  if (stats === undefined) return { files: [], problem: 'no such file or folder' }
  if (!stats.isDirectory()) return { files: [path] }
  const files = await walkFolder(path)
  return files.length > 0 ? { files } : { files, problem: 'no *.yaml or *.yml file in this folder' }
}

async function walkFolder(folder: string): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (skipped(entry.name)) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walkFolder(path)))
    else if (SCENARIO_FILE.test(entry.name) && (await isFile(path))) files.push(path)
  }
  return files
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  const segments = pattern.split('/').filter((segment, index) => segment !== '' || index === 0)
  // The literal folders before the first wildcard are where the walk starts.
  const firstWild = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment))
  const prefix = segments.slice(0, firstWild).join('/')
  const start = resolve(cwd, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.')
  const files = new Set<string>()
  await matchFrom(start, segments.slice(firstWild), files)
  return [...files]
}

async function matchFrom(folder: string, segments: readonly string[], files: Set<string>) {
  const [segment, ...rest] = segments
  if (segment === undefined) return
  if (segment === '**') {
    // Zero folders, or one more and still `**`.
    await matchFrom(folder, rest, files)
    for (const entry of await entries(folder)) {
      if (entry.isDirectory() && !skipped(entry.name)) {
        await matchFrom(join(folder, entry.name), segments, files)
      }
    }
    return
  }
  const matcher = segmentPattern(segment)
  for (const entry of await entries(folder)) {
    if (!matcher.test(entry.name)) continue
    if (skipped(entry.name) && !(segment.startsWith('.') || segment === entry.name)) continue
    const path = join(folder, entry.name)
    if (rest.length === 0) {
      if (SCENARIO_FILE.test(entry.name) && (await isFile(path))) files.add(path)
    } else if (entry.isDirectory() || (entry.isSymbolicLink() && !(await isFile(path)))) {
      await matchFrom(path, rest, files)
    }
  }
}

async function entries(folder: string) {
  return readdir(folder, { withFileTypes: true }).catch(() => [])
}

/** One path segment of a glob as a regular expression: `*`, `?` and `{a,b}`. */
function segmentPattern(segment: string): RegExp {
  let source = ''
  let inBraces = false
  for (const character of segment) {
    if (character === '*') source += '[^/]*'
    else if (character === '?') source += '[^/]'
    else if (character === '{' && !inBraces) [source, inBraces] = [`${source}(?:`, true]
    else if (character === '}' && inBraces) [source, inBraces] = [`${source})`, false]
    else if (character === ',' && inBraces) source += '|'
    else source += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}${inBraces ? ')' : ''}$`)
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false
}

/** Relative to `cwd` with `/`, or absolute when outside it. */
function display(path: string, cwd: string): string {
  const relativePath = relative(cwd, path)
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) return path
  return relativePath.split(sep).join('/')
}
