import type { z } from 'zod'

/** What `parseSnapshot` checks and how its errors name the snapshot. */
export interface SnapshotParseOptions<T> {
  /** "the Okta org": errors read "Failed to restore <subject>: …". */
  subject: string
  /** Where a good snapshot comes from, e.g. "org.snapshot()". */
  source: string
  schema: z.ZodType<T>
  /** Checks run after the version and before the schema, e.g. the provider's profile. */
  check?: (input: Record<string, unknown>, fail: (reason: string) => never) => void
}

/**
 * Checks a version-1 snapshot from outside and returns a copy its owner can
 * keep; throws `TypeError("Failed to restore <subject>: …")` naming the first
 * problem. The Okta org's and the provider's snapshots both go through here.
 */
export function parseSnapshot<T>(input: unknown, options: SnapshotParseOptions<T>): T {
  const fail = (reason: string): never => {
    throw new TypeError(`Failed to restore ${options.subject}: ${reason}`)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(`expected a snapshot from ${options.source}, got ${describe(input)}`)
  }
  const record = input as Record<string, unknown>
  if (record.version !== 1) {
    fail(`snapshot version ${describe(record.version)} is not supported (expected 1)`)
  }
  options.check?.(record, fail)
  const parsed = options.schema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    fail(`${issue.path.length > 0 ? issue.path.join('.') : 'the snapshot'}: ${issue.message}`)
  }
  // A copy: the caller may go on changing the object it passed.
  try {
    return JSON.parse(JSON.stringify(parsed.data)) as T
  } catch (error) {
    return fail(`the snapshot is not plain JSON (${(error as Error).message})`)
  }
}

/** A value in an error message, cut short: a wrong snapshot may be large. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return 'a function'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
