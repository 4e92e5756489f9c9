import type { z } from 'zod'
import { formatPath } from './scenario-load-error.js'
import { scenarioSchema, stepSchema } from './scenario-schema.js'

type Path = (string | number)[]
type ZodIssue = z.core.$ZodIssue

/** One thing wrong with a scenario: where, and what (without the location). */
export interface DescribedIssue {
  /** e.g. `['steps', 2, 'assign']`. */
  path: Path
  /** e.g. `expected a string, got 42`. */
  message: string
  /** The path's last segment is a key that is wrong itself (unknown field, stray key). */
  atKey?: boolean
}

/** Each step kind's own schema: a step is an object with exactly one key, its kind. */
const stepKinds = new Map<string, z.ZodType>(
  stepSchema.options.map((option) => [Object.keys(option.shape)[0]!, option]),
)

/**
 * Turns zod's issues for a scenario into readable ones: union failures are
 * narrowed to the branch the author meant (the step kind they wrote, the
 * type they gave), an unknown field or step kind names the nearest known
 * one. Paths are full paths in `data`, in the order zod found them.
 *
 * @example
 * const result = scenarioSchema.safeParse(data)
 * if (!result.success) describeScenarioIssues(result.error.issues, data)
 * // [{ path: ['steps', 2, 'assign'], message: 'expected a string, got 42' }]
 */
export function describeScenarioIssues(
  issues: readonly ZodIssue[],
  data: unknown,
): DescribedIssue[] {
  return issues.flatMap((issue) => {
    const path = toPath(issue.path)
    // A failed step is a union failure over every kind: judge it by the kind the author wrote.
    if (issue.code === 'invalid_union' && path.length === 2 && path[0] === 'steps') {
      return describeStep(path, valueAt(data, path).value)
    }
    return describeIssue(issue, [], scenarioSchema, data)
  })
}

/**
 * The issues as one line, for a scenario that came without a file:
 * `Invalid scenario: steps[2].assign: expected a string, got 42`.
 *
 * @example
 * formatScenarioIssues([{ path: ['name'], message: 'missing: expected a string' }])
 * // 'Invalid scenario: name: missing: expected a string'
 */
export function formatScenarioIssues(issues: readonly DescribedIssue[]): string {
  const lines = issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`,
  )
  return `Invalid scenario: ${[...new Set(lines)].join('; ')}`
}

/**
 * The step kind of a step as written: its one key, when that is a known kind.
 *
 * @example
 * knownStepKind({ assign: 42 }) // 'assign'
 */
export function knownStepKind(step: unknown): string | undefined {
  const keys = isPlainObject(step) ? Object.keys(step) : []
  return keys.length === 1 && stepKinds.has(keys[0]!) ? keys[0] : undefined
}

function describeStep(path: Path, step: unknown): DescribedIssue[] {
  if (!isPlainObject(step)) {
    return [
      {
        path,
        message: `expected a step: an object with one key, its kind (e.g. "assign: jane@example.com"), got ${describeValue(step)}`,
      },
    ]
  }
  const keys = Object.keys(step)
  if (keys.length === 0) {
    return [{ path, message: 'empty step: give it one key, its kind (e.g. "assign")' }]
  }
  if (keys.length > 1) {
    const known = keys.filter((key) => stepKinds.has(key))
    const stray = keys.find((key) => !stepKinds.has(key)) ?? keys[1]!
    const hint =
      known.length === 1 ? ` (is "${stray}" meant to be indented under "${known[0]}"?)` : ''
    return [
      {
        path: [...path, stray],
        atKey: true,
        message: `a step has exactly one key, its kind; got ${keys.map((key) => `"${key}"`).join(', ')}${hint}`,
      },
    ]
  }
  const kind = keys[0]!
  const schema = stepKinds.get(kind)
  if (schema === undefined) {
    return [
      {
        path: [...path, kind],
        atKey: true,
        message: `unknown step kind "${kind}"${suggest(kind, [...stepKinds.keys()])}`,
      },
    ]
  }
  const result = schema.safeParse(step)
  if (result.success) return [] // cannot happen: the union rejected it
  return result.error.issues.flatMap((issue) => describeIssue(issue, path, schema, step))
}

/**
 * `base` is where `schema` and `data` sit in the scenario; the issue's path
 * is relative to them.
 */
function describeIssue(
  issue: ZodIssue,
  base: Path,
  schema: z.ZodType,
  data: unknown,
): DescribedIssue[] {
  const relative = toPath(issue.path)
  const path = [...base, ...relative]
  const { value, present } = valueAt(data, relative)
  switch (issue.code) {
    case 'invalid_union':
      return describeUnion(issue.message, issue.errors, base, relative, schema, data)
    case 'unrecognized_keys': {
      const known = knownKeys(schema, relative).filter((key) => !issue.keys.includes(key))
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown field "${key}"${suggest(key, known)}`,
      }))
    }
    case 'invalid_type':
      return [
        {
          path,
          message: present
            ? `expected ${typeName(issue.expected)}, got ${describeValue(value)}`
            : `missing required field (expected ${typeName(issue.expected)})`,
        },
      ]
    case 'invalid_value': {
      const expected = issue.values.map((v) => JSON.stringify(v))
      const list = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`
      return [{ path, message: `expected ${list}, got ${describeValue(value)}` }]
    }
    case 'too_small':
      return [{ path, message: describeBound(issue.origin, Number(issue.minimum), 'small') }]
    case 'too_big':
      return [{ path, message: describeBound(issue.origin, Number(issue.maximum), 'big') }]
    case 'invalid_format': {
      // zod's own messages start with "Invalid"; a schema's custom message is kept.
      const expected = issue.message.startsWith('Invalid')
        ? `expected a string matching ${issue.pattern ?? issue.format}`
        : issue.message
      return [{ path, message: `${expected}, got ${describeValue(value)}` }]
    }
    default:
      return [{ path, message: issue.message }]
  }
}

/**
 * Picks the union branch the author meant: one whose type fits the value
 * (no type mismatch at the union itself), then the one with the fewest
 * problems at its top. When no branch fits, says what types would.
 */
function describeUnion(
  message: string,
  branches: readonly (readonly ZodIssue[])[],
  base: Path,
  relative: Path,
  schema: z.ZodType,
  data: unknown,
): DescribedIssue[] {
  const path = [...base, ...relative]
  // A union with its own message (durations) says best what it wants.
  if (message !== 'Invalid input') {
    const { value, present } = valueAt(data, relative)
    return [
      {
        path,
        message: present
          ? `${message}, got ${describeValue(value)}`
          : `missing required field (${message})`,
      },
    ]
  }
  const atTop = (issue: ZodIssue) => issue.path.length === 0
  const mismatch = (issue: ZodIssue) =>
    atTop(issue) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  const fitting = branches.filter((branch) => !branch.some(mismatch))
  if (fitting.length === 0) {
    const expected = [
      ...new Set(
        branches.flatMap((branch) =>
          branch
            .filter(mismatch)
            .map((issue) =>
              issue.code === 'invalid_type'
                ? typeName(issue.expected)
                : issue.code === 'invalid_value'
                  ? issue.values.map((v) => JSON.stringify(v)).join(' or ')
                  : '',
            ),
        ),
      ),
    ]
    const { value, present } = valueAt(data, relative)
    return [
      {
        path,
        message: present
          ? `expected ${expected.join(' or ')}, got ${describeValue(value)}`
          : `missing required field (expected ${expected.join(' or ')})`,
      },
    ]
  }
  const score = (branch: readonly ZodIssue[]) => branch.filter(atTop).length * 1000 + branch.length
  const best = fitting.reduce((a, b) => (score(b) < score(a) ? b : a))
  // zod lists the branches in the order of the union's options.
  const union = schemasAt(schema, relative, false).find(
    (candidate) => definition(candidate).options?.length === branches.length,
  )
  const branchSchema = definition(union ?? schema).options?.[branches.indexOf(best)] ?? schema
  const value = valueAt(data, relative).value
  return best.flatMap((issue) => describeIssue(issue, path, branchSchema, value))
}

function describeBound(origin: string, bound: number, side: 'small' | 'big'): string {
  if (origin === 'string' && side === 'small' && bound === 1) return 'must not be empty'
  if (origin === 'string')
    return `must have ${side === 'small' ? 'at least' : 'at most'} ${bound} characters`
  if (origin === 'array' || origin === 'set') {
    return `needs ${side === 'small' ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`
  }
  return `must be ${side === 'small' ? 'at least' : 'at most'} ${bound}`
}

// --- Values ---------------------------------------------------------------

function valueAt(data: unknown, path: Path): { value: unknown; present: boolean } {
  let value = data
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      return { value: undefined, present: false }
    }
    value = (value as Record<string | number, unknown>)[segment]
  }
  return { value, present: true }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)
  }
  return String(value)
}

function typeName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer'
    case 'boolean':
      return 'true or false'
    case 'object':
    case 'record':
      return 'an object'
    case 'array':
      return 'a list'
    default:
      return `a ${expected}`
  }
}

/** ` (did you mean "assign"?)` for a close known name, else nothing. */
function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  const close = best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3))
  return close ? ` (did you mean "${best}"?)` : ''
}

/** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1)
      }
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))
}

// --- Schemas (for key suggestions) ----------------------------------------

/** zod 4's definition, as far as walking a schema needs it. */
interface WalkableDef {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  valueType?: z.ZodType
  in?: z.ZodType
}

function definition(schema: z.ZodType): WalkableDef {
  return schema._zod.def as unknown as WalkableDef
}

/** The schema without optional/default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (;;) {
    const def = definition(current)
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined)
    if (next === undefined) return current
    current = next
  }
}

function unionOptions(schema: z.ZodType): z.ZodType[] {
  const inner = unwrap(schema)
  const def = definition(inner)
  return def.type === 'union' ? (def.options ?? []).flatMap(unionOptions) : [inner]
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = definition(unwrap(schema))
  return def.type === 'object' ? def.shape : undefined
}

/**
 * The schemas a path can lead to (several through unions), unwrapped; with
 * `spread`, unions at the end are replaced by their options.
 */
function schemasAt(schema: z.ZodType, path: Path, spread = true): z.ZodType[] {
  let current = [unwrap(schema)]
  for (const segment of path) {
    current = current.flatMap(unionOptions).flatMap((option) => {
      const def = definition(option)
      const child =
        def.type === 'object'
          ? def.shape?.[String(segment)]
          : def.type === 'array'
            ? def.element
            : def.type === 'record'
              ? def.valueType
              : undefined
      return child ? [unwrap(child)] : []
    })
  }
  return spread ? current.flatMap(unionOptions) : current
}

function knownKeys(schema: z.ZodType, path: Path): string[] {
  return [
    ...new Set(schemasAt(schema, path).flatMap((option) => Object.keys(objectShape(option) ?? {}))),
  ]
}
