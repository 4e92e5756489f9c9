const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const

/**
 * A scenario duration in milliseconds: a number is milliseconds already.
 *
 * @example
 * parseDuration('90s') // 90_000
 * parseDuration(250) // 250
 */
export function parseDuration(duration: number | string): number {
  if (typeof duration === 'number') return duration
  const match = /^(\d+)(ms|s|m|h)$/.exec(duration)
  if (!match) {
    throw new TypeError(
      `Failed to parse the duration "${duration}": expected milliseconds or a number with ms, s, m or h, such as "90s"`,
    )
  }
  return Number(match[1]) * UNITS[match[2] as keyof typeof UNITS]
}
