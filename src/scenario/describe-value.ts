/**
 * A value as a failure message quotes it: JSON, shortened past `max`
 * characters; `undefined` is "nothing".
 *
 * @example
 * preview({ status: 'ERROR' }) // '{"status":"ERROR"}'
 * preview(undefined) // 'nothing'
 */
export function preview(value: unknown, max = 160): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Where two long texts part, with a little of what comes before: a 200-character
 * Okta message that differs in its last word is otherwise hard to read.
 *
 * @example
 * describeStringDifference('…already exists', '…already exist')
 * // 'they differ from character 15: expected "…already exists", found "…already exist"'
 */
export function describeStringDifference(expected: string, actual: string): string {
  let at = 0
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++
  const from = Math.max(0, at - 20)
  const excerpt = (text: string) => {
    const part = text.slice(from, at + 40)
    return `${from > 0 ? '…' : ''}${part}${at + 40 < text.length ? '…' : ''}`
  }
  return `they differ from character ${at + 1}: expected "${excerpt(expected)}", found "${excerpt(actual)}"`
}
