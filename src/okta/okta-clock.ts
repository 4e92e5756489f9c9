/**
 * The time the Okta simulator lives in. Okta waits minutes between 429
 * retries and gives a request 60 s: a simulated clock makes those waits
 * instant while keeping their order and their arithmetic.
 */
export interface OktaClock {
  now(): Date
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /**
   * A deadline: like `sleep`, but in simulated time it never moves the clock
   * itself. It fires only when something else that waits (a 429 back-off, a
   * provider's timeout fault sharing the clock) moves time past it, so real
   * work in flight is never cut short by simulated time.
   */
  deadline(ms: number, signal?: AbortSignal): Promise<void>
}

/** Real time: for a simulator driving a real server. */
export function createSystemClock(): OktaClock {
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const timer = setTimeout(resolve, ms)
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer)
          reject(signal.reason)
        },
        { once: true },
      )
    })
  return { now: () => new Date(), sleep, deadline: sleep }
}

/**
 * A simulated clock's hidden handle on its time, for `org.snapshot()` and
 * `org.restore()`. A symbol, so it stays out of the clock's public shape.
 */
const SIMULATED_TIME = Symbol('scim-mock.okta.simulatedTime')

/** Reads and sets a simulated clock's time. */
export interface SimulatedTime {
  now(): Date
  /** Jumps to `time`, forward or back; timers then due fire in order, as after `advance()`. */
  set(time: Date): void
}

/**
 * The time of a clock made by `createSimulatedClock`, or undefined for any
 * other clock (the system clock's time is the world's, not the org's).
 *
 * @example
 * simulatedTimeOf(org.clock)?.set(new Date('2026-02-01T00:00:00Z'))
 */
export function simulatedTimeOf(clock: OktaClock): SimulatedTime | undefined {
  return (clock as { [SIMULATED_TIME]?: SimulatedTime })[SIMULATED_TIME]
}

interface Timer {
  due: number
  order: number
  /** Passive timers (deadlines) fire when time passes them, but never move it. */
  passive: boolean
  resolve(): void
}

/**
 * Simulated time that advances by itself: whenever nothing else is running
 * (one macrotask later), it jumps to the earliest pending timer and fires it.
 * Ten 429 retries that would take hours take milliseconds, in the same order.
 *
 * Share it with the provider (`sleep: clock.sleep`) so a timeout fault and
 * Okta's 60 s request timeout race in the same time line.
 *
 * @example
 * const clock = createSimulatedClock('2026-01-01T00:00:00Z')
 * await clock.sleep(300_000) // instant; clock.now() is 5 minutes later
 */
export function createSimulatedClock(
  start: Date | string = '2026-01-01T00:00:00.000Z',
): OktaClock & {
  /**
   * Moves time forward by hand (e.g. to let an OAuth token expire); the
   * timers it passes, deadlines included, then fire in order.
   */
  advance(ms: number): void
} {
  let now = new Date(start).getTime()
  let order = 0
  let scheduled = false
  const timers: Timer[] = []

  // Due: a timer whose time has come, e.g. after `advance()`; it fires even
  // if passive, since the time it waits for has passed.
  const due = (timer: Timer) => timer.due <= now
  const flush = () => {
    scheduled = false
    timers.sort((a, b) => a.due - b.due || a.order - b.order)
    const next = timers[0]
    if (!next || (!due(next) && !timers.some((timer) => !timer.passive))) return
    timers.shift()
    now = Math.max(now, next.due)
    next.resolve()
    schedule()
  }
  const schedule = () => {
    if (scheduled || !timers.some((timer) => !timer.passive || due(timer))) return
    scheduled = true
    // A real macrotask: in-process work (MSW, the provider) settles first.
    setTimeout(flush, 0)
  }
  const wait = (ms: number, passive: boolean, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      // A negative or NaN wait is no wait: it must not break the timers' order.
      const timer: Timer = {
        due: now + (ms > 0 ? ms : 0),
        order: order++,
        passive,
        resolve: () => resolve(),
      }
      timers.push(timer)
      signal?.addEventListener(
        'abort',
        () => {
          const index = timers.indexOf(timer)
          if (index !== -1) timers.splice(index, 1)
          reject(signal.reason)
        },
        { once: true },
      )
      schedule()
    })

  const clock: OktaClock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance(ms) {
      now += ms
      // Timers the jump passed fire, in order: a request in flight over a
      // jump of more than 60 s times out, as it would have in real time.
      schedule()
    },
    sleep: (ms, signal) => wait(ms, false, signal),
    deadline: (ms, signal) => wait(ms, true, signal),
  }
  const time: SimulatedTime = {
    now: clock.now,
    set(to) {
      now = to.getTime()
      schedule()
    },
  }
  // Not enumerable: spreading or logging the clock shows its public shape only.
  Object.defineProperty(clock, SIMULATED_TIME, { value: time })
  return clock
}
