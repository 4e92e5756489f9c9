/** One line of a diff: in both, only expected (`removed`), or only actual (`added`). */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** Above this many cells the LCS table is too big: the diff becomes "all removed, all added". */
const MAX_TABLE_CELLS = 4_000_000

/**
 * A line diff (longest common subsequence) from `expected` to `actual`;
 * removed lines come before the added lines that replace them.
 *
 * @example
 * lineDiff(['GET /Users → 200', 'POST /Users → 201'], ['GET /Users → 200', 'POST /Users → 409'])
 * // [{ kind: 'same', text: 'GET /Users → 200' }, { kind: 'removed', text: 'POST /Users → 201' }, { kind: 'added', text: 'POST /Users → 409' }]
 */
export function lineDiff(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const n = expected.length
  const m = actual.length
  if (n * m > MAX_TABLE_CELLS) {
    return [
      ...expected.map((text) => ({ kind: 'removed' as const, text })),
      ...actual.map((text) => ({ kind: 'added' as const, text })),
    ]
  }
  // common[i][j]: the LCS length of expected[i..] and actual[j..].
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i]![j] =
        expected[i] === actual[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!)
    }
  }
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      lines.push({ kind: 'same', text: expected[i]! })
      i++
      j++
    } else if (j >= m || (i < n && common[i + 1]![j]! >= common[i]![j + 1]!)) {
      lines.push({ kind: 'removed', text: expected[i]! })
      i++
    } else {
      lines.push({ kind: 'added', text: actual[j]! })
      j++
    }
  }
  return lines
}

/**
 * The diff of two values as their readers know them: lists of strings
 * (request lines, task messages) line by line, strings by their lines,
 * anything else as JSON with sorted keys (so key order is no difference).
 *
 * @example
 * diffValues({ status: 'PROVISIONED' }, { status: 'ERROR' })
 */
export function diffValues(expected: unknown, actual: unknown): DiffLine[] {
  return lineDiff(toLines(expected), toLines(actual))
}

function toLines(value: unknown): string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  if (typeof value === 'string') return value.split('\n')
  if (value === undefined) return ['undefined']
  return (JSON.stringify(sortKeys(value), null, 2) ?? String(value)).split('\n')
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  )
}

/**
 * Keeps `context` unchanged lines around each change and replaces longer
 * unchanged runs by one `…` line (`kind: 'same'`).
 *
 * @example
 * trimDiff(diffValues(expected, actual), 3)
 */
export function trimDiff(lines: readonly DiffLine[], context: number): DiffLine[] {
  const near = lines.map(() => false)
  lines.forEach((line, index) => {
    if (line.kind === 'same') return
    for (
      let k = Math.max(0, index - context);
      k <= Math.min(lines.length - 1, index + context);
      k++
    ) {
      near[k] = true
    }
  })
  const trimmed: DiffLine[] = []
  lines.forEach((line, index) => {
    if (near[index]) trimmed.push(line)
    else if (index === 0 || near[index - 1]) trimmed.push({ kind: 'same', text: '…' })
  })
  return trimmed
}
