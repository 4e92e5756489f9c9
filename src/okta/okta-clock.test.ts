import { expect, it } from 'vitest'
import { createSimulatedClock, createSystemClock, simulatedTimeOf } from './okta-clock.js'

/** Lets pending macrotasks (the clock's `setTimeout(flush, 0)`) run; waits no real duration. */
const settle = async (rounds = 5) => {
  for (let round = 0; round < rounds; round++)
    await new Promise((resolve) => setTimeout(resolve, 0))
}

const START = Date.parse('2026-01-01T00:00:00.000Z')

it('starts at the given time', () => {
  expect(createSimulatedClock('2026-03-02T10:00:00.000Z').now().toISOString()).toBe(
    '2026-03-02T10:00:00.000Z',
  )
  expect(createSimulatedClock().now().getTime()).toBe(START)
})

it('sleeps instantly, moving the clock by exactly the wait', async () => {
  const clock = createSimulatedClock()

  await clock.sleep(300_000)

  expect(clock.now().getTime() - START).toBe(300_000)
})

it('fires sleeps in time order, ties in the order they were made', async () => {
  const clock = createSimulatedClock()
  const fired: string[] = []
  const track = (name: string, ms: number) =>
    clock.sleep(ms).then(() => fired.push(`${name}@${clock.now().getTime() - START}`))

  await Promise.all([
    track('late', 300),
    track('early', 100),
    track('tie-1', 200),
    track('tie-2', 200),
  ])

  expect(fired).toStrictEqual(['early@100', 'tie-1@200', 'tie-2@200', 'late@300'])
})

it('never moves time for a passive deadline alone', async () => {
  const clock = createSimulatedClock()
  let fired = false
  void clock.deadline(60_000).then(() => (fired = true))

  await settle()

  expect(fired).toBe(false)
  expect(clock.now().getTime()).toBe(START)
})

it('fires a deadline when an active sleep passes it, at the deadline’s own time', async () => {
  const clock = createSimulatedClock()
  const fired: string[] = []
  void clock.deadline(60_000).then(() => fired.push(`deadline@${clock.now().getTime() - START}`))

  await clock.sleep(61_000)
  fired.push(`sleep@${clock.now().getTime() - START}`)

  expect(fired).toStrictEqual(['deadline@60000', 'sleep@61000'])
})

it('does not fire a deadline that an earlier sleep does not reach', async () => {
  const clock = createSimulatedClock()
  let fired = false
  void clock.deadline(60_000).then(() => (fired = true))

  await clock.sleep(59_999)
  await settle()

  expect(fired).toBe(false)
  expect(clock.now().getTime() - START).toBe(59_999)
})

it('rejects an aborted sleep with the signal’s reason and forgets it', async () => {
  const clock = createSimulatedClock()
  const abort = new AbortController()
  const sleeping = clock.sleep(1_000_000, abort.signal)

  abort.abort(new Error('gave up'))

  await expect(sleeping).rejects.toThrow('gave up')
  await clock.sleep(10)
  await settle()
  // The aborted timer no longer pulls time forward.
  expect(clock.now().getTime() - START).toBe(10)
})

it('rejects at once when the signal is already aborted', async () => {
  const clock = createSimulatedClock()

  await expect(clock.sleep(10, AbortSignal.abort(new Error('late')))).rejects.toThrow('late')
  await expect(clock.deadline(10, AbortSignal.abort(new Error('late')))).rejects.toThrow('late')
  expect(clock.now().getTime()).toBe(START)
})

it('cancels an aborted deadline so a later sleep does not fire it', async () => {
  const clock = createSimulatedClock()
  const abort = new AbortController()
  let fired = false
  clock.deadline(100, abort.signal).then(
    () => (fired = true),
    () => undefined,
  )

  abort.abort()
  await clock.sleep(200)

  expect(fired).toBe(false)
})

it('advances by hand, firing the timers the jump passed, deadlines included', async () => {
  const clock = createSimulatedClock()
  const fired: string[] = []
  void clock.deadline(60_000).then(() => fired.push('deadline'))
  void clock.deadline(90_000).then(() => fired.push('too far'))

  clock.advance(61_000)
  await settle()

  expect(fired).toStrictEqual(['deadline'])
  expect(clock.now().getTime() - START).toBe(61_000)
})

it('treats a negative wait as no wait', async () => {
  const clock = createSimulatedClock()

  await clock.sleep(-5)

  expect(clock.now().getTime()).toBe(START)
})

it('keeps two clocks apart', async () => {
  const one = createSimulatedClock()
  const two = createSimulatedClock()

  await one.sleep(1_000)

  expect(two.now().getTime()).toBe(START)
})

it('runs the system clock on real time, and aborts its waits', async () => {
  const clock = createSystemClock()
  const before = Date.now()

  await clock.sleep(0)

  expect(clock.now().getTime()).toBeGreaterThanOrEqual(before)
  const abort = new AbortController()
  const waiting = clock.deadline(60_000, abort.signal)
  abort.abort(new Error('done'))
  await expect(waiting).rejects.toThrow('done')
})

it('sets a simulated clock’s time through its hidden handle, and fires the timers it passes', async () => {
  const clock = createSimulatedClock('2026-01-01T00:00:00.000Z')
  const fired: string[] = []
  void clock.deadline(60_000).then(() => fired.push(clock.now().toISOString()))

  simulatedTimeOf(clock)!.set(new Date('2026-01-01T00:05:00.000Z'))
  await settle()

  expect(simulatedTimeOf(clock)!.now().toISOString()).toBe('2026-01-01T00:05:00.000Z')
  expect(fired).toStrictEqual(['2026-01-01T00:05:00.000Z'])
  expect(Object.keys(clock)).toStrictEqual(['now', 'advance', 'sleep', 'deadline'])
})

it('has no simulated time for the system clock', () => {
  expect(simulatedTimeOf(createSystemClock())).toBeUndefined()
})
