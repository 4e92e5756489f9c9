/**
 * Request lines compared the way scenarios write them: `METHOD /path?query → status`.
 * An expected line without `→ status` matches any status; `->` may stand for `→`.
 */

const ARROW = /\s+(?:→|->)\s+/

/**
 * Whether a transcript line matches an expected line.
 *
 * @example
 * requestLineMatches('POST /Users → 409', 'POST /Users') // true
 * requestLineMatches('POST /Users → 409', 'POST /Users -> 201') // false
 */
export function requestLineMatches(actual: string, expected: string): boolean {
  const want = split(expected)
  const got = split(actual)
  return (
    got.request === want.request && (want.outcome === undefined || got.outcome === want.outcome)
  )
}

/**
 * Compares the lines sent with the expected ones, exactly or as an ordered
 * subsequence; undefined when they match, else a readable explanation.
 *
 * @example
 * compareRequestLines(['GET /Users → 200', 'POST /Users → 409'], ['GET /Users', 'POST /Users → 201'], 'exact')
 * // 'the requests differ (- expected, + sent):\n    GET /Users\n  - POST /Users → 201\n  + POST /Users → 409'
 */
export function compareRequestLines(
  actual: readonly string[],
  expected: readonly string[],
  mode: 'exact' | 'subsequence',
): string | undefined {
  if (mode === 'subsequence') {
    let from = 0
    for (const [index, line] of expected.entries()) {
      const found = actual.findIndex((sent, at) => at >= from && requestLineMatches(sent, line))
      if (found === -1) {
        const after = index === 0 ? '' : ' after the lines matched before it'
        return `no request matches subsequence[${index}] "${line}"${after}\n  sent:\n${numbered(actual)}`
      }
      from = found + 1
    }
    return undefined
  }
  if (
    actual.length === expected.length &&
    actual.every((line, index) => requestLineMatches(line, expected[index]!))
  ) {
    return undefined
  }
  return `the requests differ (- expected, + sent):\n${diff(actual, expected).join('\n')}`
}

/** A line diff on the longest common subsequence: what matched, what was expected, what was sent. */
function diff(actual: readonly string[], expected: readonly string[]): string[] {
  const rows = expected.length
  const columns = actual.length
  // lengths[i][j]: the longest common subsequence of expected[i..] and actual[j..].
  const lengths = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i]![j] = requestLineMatches(actual[j]!, expected[i]!)
        ? lengths[i + 1]![j + 1]! + 1
        : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const lines: string[] = []
  let i = 0
  let j = 0
  while (i < rows || j < columns) {
    if (i < rows && j < columns && requestLineMatches(actual[j]!, expected[i]!)) {
      lines.push(`    ${actual[j]}`)
      i++
      j++
    } else if (i < rows && (j >= columns || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      lines.push(`  - ${expected[i]}`)
      i++
    } else {
      lines.push(`  + ${actual[j]}`)
      j++
    }
  }
  if (lines.length === 0) lines.push('    (no requests)')
  return lines
}

function numbered(lines: readonly string[]): string {
  if (lines.length === 0) return '    (none)'
  return lines.map((line, index) => `    ${index + 1}. ${line}`).join('\n')
}

function split(line: string): { request: string; outcome?: string } {
  const trimmed = line.trim()
  const match = [...trimmed.matchAll(new RegExp(ARROW, 'g'))].at(-1)
  if (!match || match.index === undefined) return { request: trimmed }
  return {
    request: trimmed.slice(0, match.index),
    outcome: trimmed.slice(match.index + match[0].length),
  }
}
