import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { describeScenarioIssues, knownStepKind, type DescribedIssue } from './scenario-issues.js'
import { ScenarioLoadError, type ScenarioIssue } from './scenario-load-error.js'
import { scenarioSchema, type Scenario } from './scenario-schema.js'

/** A validated scenario and where it came from. */
export interface LoadedScenario {
  /** The file as the user named it (relative to the working folder from `findScenarioFiles`). */
  file: string
  scenario: Scenario
  /** The 1-based line of each step in the file, by step index (to point at a failed step). */
  stepLines: number[]
}

/**
 * Validates a scenario's YAML text; `file` names it in errors.
 *
 * @example
 * const { scenario } = parseScenarioText('name: Assign\nsteps:\n  - assign: jane@example.com\n', 'inline.yaml')
 */
export function parseScenarioText(text: string, file: string): LoadedScenario {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  if (document.errors.length > 0) {
    throw new ScenarioLoadError(
      'INVALID_YAML',
      file,
      document.errors.map((error) => ({
        file,
        ...position(error.pos[0]),
        path: [],
        message:
          error.code === 'MULTIPLE_DOCS'
            ? 'one scenario per file: this file has several YAML documents (---)'
            : lowerFirst(error.message),
      })),
    )
  }
  let data: unknown
  try {
    data = document.toJS()
  } catch (error) {
    // Alias bombs: yaml refuses documents that expand too much.
    throw new ScenarioLoadError(
      'INVALID_YAML',
      file,
      [{ file, path: [], message: lowerFirst((error as Error).message) }],
      { cause: error },
    )
  }
  if (data === null || data === undefined) {
    throw new ScenarioLoadError('INVALID_SCENARIO', file, [
      { file, path: [], message: 'the file is empty: a scenario needs at least name and steps' },
    ])
  }
  const result = scenarioSchema.safeParse(data)
  if (!result.success) {
    throw new ScenarioLoadError(
      'INVALID_SCENARIO',
      file,
      locateIssues(describeScenarioIssues(result.error.issues, data), {
        file,
        data,
        document,
        lineCounter,
      }),
    )
  }
  const steps = isMap(document.contents) ? document.contents.get('steps', true) : undefined
  const stepLines = isSeq(steps)
    ? steps.items.map((item) => {
        const offset = rangeStart(item)
        return offset === undefined ? 0 : lineCounter.linePos(offset).line
      })
    : []
  return { file, scenario: result.data, stepLines }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

interface Source {
  file: string
  data: unknown
  document: Document
  lineCounter: LineCounter
}

/** Adds the file, line, column, step number and kind; sorts by position. */
function locateIssues(issues: readonly DescribedIssue[], source: Source): ScenarioIssue[] {
  const seen = new Set<string>()
  return issues
    .map((issue): ScenarioIssue => {
      const { path } = issue
      const step = path[0] === 'steps' && typeof path[1] === 'number' ? path[1] + 1 : undefined
      const stepValue = step === undefined ? undefined : valueAt(source.data, path.slice(0, 2))
      const kind = knownStepKind(stepValue)
      const offset = offsetOf(source.document, path, issue.atKey === true)
      const position = offset === undefined ? undefined : source.lineCounter.linePos(offset)
      return {
        file: source.file,
        ...(position ? { line: position.line, column: position.col } : {}),
        ...(step === undefined ? {} : { step }),
        ...(kind === undefined ? {} : { kind }),
        path,
        message: issue.message,
      }
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .filter((issue) => {
      const key = `${issue.line}:${issue.column}:${issue.path.join('.')}:${issue.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/**
 * The offset of the node at `path`, or of the deepest node on the way when
 * the path leads to a missing field. An empty value (`assign:` and nothing)
 * points at its key.
 */
function offsetOf(
  document: Document,
  path: readonly (string | number)[],
  atKey: boolean,
): number | undefined {
  let node: unknown = document.contents
  let offset = rangeStart(node)
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document)
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      )
      if (pair === undefined) break
      const keyOffset = rangeStart(pair.key)
      const last = index === path.length - 1
      const empty = isScalar(pair.value) && pair.value.value === null && pair.value.source === ''
      if ((last && atKey) || pair.value === null || empty) return keyOffset ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment]
      if (node === undefined) break
    } else {
      break
    }
    offset = rangeStart(node) ?? offset
  }
  return offset
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined
  const range = (node as { range?: readonly number[] | null }).range
  return range?.[0]
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[segment]
  }
  return value
}
