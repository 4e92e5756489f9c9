import { describeStringDifference, preview } from './describe-value.js'

/**
 * Compares a partial expectation with a value, and says every way they
 * differ (none: it matches). Objects compare recursively on the keys given;
 * an expected array matches when each of its items matches some item of the
 * actual array; strings, numbers and booleans compare exactly; `null` matches
 * null or a missing value, so YAML can say "no error".
 *
 * @example
 * findMismatches({ status: 'PROVISIONED' }, { status: 'ERROR', userId: '00u1' })
 * // ['status: expected "PROVISIONED", found "ERROR"']
 * findMismatches({ emails: [{ value: 'a@b.c' }] }, { emails: [{ value: 'a@b.c', primary: true }] }) // []
 */
export function findMismatches(expected: unknown, actual: unknown, path = ''): string[] {
  const at = path === '' ? '' : `${path}: `
  if (expected === null) {
    return actual === null || actual === undefined
      ? []
      : [`${at}expected null, found ${preview(actual)}`]
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}expected an array, found ${preview(actual)}`]
    return expected.flatMap((item, index) =>
      actual.some((candidate) => findMismatches(item, candidate).length === 0)
        ? []
        : [
            `${path === '' ? '' : path}[${index}]: no item matches ${preview(item)}, found ${preview(actual)}`,
          ],
    )
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${at}expected an object, found ${preview(actual)}`]
    }
    return Object.entries(expected).flatMap(([key, value]) =>
      findMismatches(
        value,
        (actual as Record<string, unknown>)[key],
        path === '' ? key : `${path}.${key}`,
      ),
    )
  }
  if (Object.is(expected, actual)) return []
  // Okta's messages run to 250 characters: say where they part rather than cut both short.
  if (typeof expected === 'string' && typeof actual === 'string' && actual.length > 80) {
    return [`${at}${describeStringDifference(expected, actual)}`]
  }
  return [`${at}expected ${preview(expected)}, found ${preview(actual)}`]
}

/**
 * Whether a value matches a partial expectation (see `findMismatches`).
 *
 * @example
 * matchesPartial({ outcome: { result: 'FAILURE' } }, event) // true for a failed event
 */
export function matchesPartial(expected: unknown, actual: unknown): boolean {
  return findMismatches(expected, actual).length === 0
}
