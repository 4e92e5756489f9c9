import { expect, it } from 'vitest'
import {
  countedRandom,
  createFaultRegistry,
  type FaultRegistry,
  seededRandom,
} from './create-fault-registry.js'
import type { FaultRequest } from './fault-spec.js'

/** Takes with an eagerly built request (the registry builds it lazily in the provider). */
const take = (registry: FaultRegistry, described: FaultRequest) =>
  registry.take(described.operation, () => described)

const request = (overrides: Partial<FaultRequest> = {}): FaultRequest => ({
  operation: 'createUser',
  method: 'POST',
  path: '/Users',
  query: {},
  body: { userName: 'jane@example.com' },
  resource: undefined,
  ...overrides,
})

/** A random source that hands out the given values in turn and counts its calls. */
function scripted(...values: number[]) {
  const source = Object.assign(
    () => {
      source.calls++
      return values.shift() ?? 0
    },
    { calls: 0 },
  )
  return source
}

it('returns no fault when none is added', () => {
  expect(take(createFaultRegistry(Math.random), request())).toBeUndefined()
})

it('returns the fault that fires, counted', () => {
  const faults = createFaultRegistry(Math.random)
  const added = faults.add({ on: 'createUser', respond: 'conflict' })

  const taken = take(faults, request())

  expect(taken).toMatchObject({ id: added.id, respond: 'conflict', matched: 1, fired: 1 })
  expect(taken?.remaining).toBe(Number.POSITIVE_INFINITY)
})

it('gives each fault its own id, also after a removal', () => {
  const faults = createFaultRegistry(Math.random)
  const first = faults.add({ on: '*', respond: 'conflict' })
  faults.remove(first.id)
  const second = faults.add({ on: '*', respond: 'conflict' })

  expect(second.id).not.toBe(first.id)
})

it('tries the faults in insertion order and fires one per request', () => {
  const faults = createFaultRegistry(Math.random)
  const first = faults.add({ on: 'createUser', respond: 'conflict', times: 1 })
  const second = faults.add({ on: '*', respond: 'serverError' })

  expect(take(faults, request())?.id).toBe(first.id)
  expect(take(faults, request())?.id).toBe(second.id)
  expect(faults.list().map(({ matched, fired }) => ({ matched, fired }))).toEqual([
    { matched: 1, fired: 1 },
    { matched: 1, fired: 1 },
  ])
})

it('counts neither requests of other operations nor requests that where rejects', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: 'createUser', respond: 'conflict', where: { userName: 'john@example.com' } })

  take(faults, request({ operation: 'listUsers' }))
  take(faults, request())

  expect(faults.list()[0]).toMatchObject({ matched: 0, fired: 0 })
})

it('stops counting a fault once times is used up', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: '*', respond: 'conflict', times: 2 })

  const fired = [1, 2, 3, 4].map(() => take(faults, request()) !== undefined)

  expect(fired).toEqual([true, true, false, false])
  expect(faults.list()[0]).toMatchObject({ matched: 2, fired: 2, remaining: 0 })
})

it('counts the requests after lets through as matched', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: '*', respond: 'conflict', after: 2 })

  const fired = [1, 2, 3].map(() => take(faults, request()) !== undefined)

  expect(fired).toEqual([false, false, true])
  expect(faults.list()[0]).toMatchObject({ matched: 3, fired: 1 })
})

it('fires when the random draw is below the probability', () => {
  const random = scripted(0.49, 0.5, 0.51)
  const faults = createFaultRegistry(random)
  faults.add({ on: '*', respond: 'conflict', probability: 0.5 })

  const fired = [1, 2, 3].map(() => take(faults, request()) !== undefined)

  expect(fired).toEqual([true, false, false])
  expect(faults.list()[0]).toMatchObject({ matched: 3, fired: 1 })
})

it('draws a random number only for a probability, after after has let requests through', () => {
  const random = scripted(0, 0, 0)
  const faults = createFaultRegistry(random)
  faults.add({ on: 'createUser', respond: 'conflict' })
  faults.add({ on: 'listUsers', respond: 'conflict', after: 1, probability: 1 })

  take(faults, request())
  take(faults, request({ operation: 'listUsers' }))
  expect(random.calls).toBe(0)
  take(faults, request({ operation: 'listUsers' }))
  expect(random.calls).toBe(1)
})

it('never fires with probability 0 and always with 1', () => {
  const faults = createFaultRegistry(seededRandom(1))
  faults.add({ on: 'createUser', respond: 'conflict', probability: 0 })
  faults.add({ on: 'listUsers', respond: 'conflict', probability: 1 })

  const never = Array.from({ length: 50 }, () => take(faults, request()))
  const always = Array.from({ length: 50 }, () => take(faults, request({ operation: 'listUsers' })))

  expect(never.every((fault) => fault === undefined)).toBe(true)
  expect(always.every((fault) => fault !== undefined)).toBe(true)
})

it('lists snapshots that do not change as requests come', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: '*', respond: 'conflict' })
  const before = faults.list()

  take(faults, request())

  expect(before[0]).toMatchObject({ matched: 0, fired: 0 })
  expect(faults.list()[0]).toMatchObject({ matched: 1, fired: 1 })
})

it('removes by id and clears', () => {
  const faults = createFaultRegistry(Math.random)
  const first = faults.add({ on: '*', respond: 'conflict' })
  faults.add({ on: '*', respond: 'serverError' })

  expect(faults.remove(first.id)).toBe(true)
  expect(faults.remove(first.id)).toBe(false)
  expect(faults.list().map((fault) => fault.respond)).toEqual(['serverError'])
  faults.clear()
  expect(faults.list()).toEqual([])
  expect(take(faults, request())).toBeUndefined()
})

it('throws a TypeError naming the field, and adds nothing', () => {
  const faults = createFaultRegistry(Math.random)

  expect(() => faults.add({ on: '*', respond: 'conflict', probability: 1.5 })).toThrow(
    new TypeError('Failed to add a fault: "probability": Too big: expected number to be <=1'),
  )
  expect(faults.list()).toEqual([])
})

it('makes the same numbers in [0, 1) for the same seed and others for another', () => {
  const draw = (seed: number) => Array.from({ length: 100 }, seededRandom(seed))

  expect(draw(42)).toEqual(draw(42))
  expect(draw(43)).not.toEqual(draw(42))
  expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true)
  expect(new Set(draw(42)).size).toBe(100)
})

it('describes the request only when a fault may apply to its operation', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: 'createUser', respond: 'conflict', where: { userName: 'ada' } })
  let described = 0
  const describe = () => {
    described++
    return request({ operation: 'createUser', body: { userName: 'ada' } })
  }

  expect(faults.take('listUsers', describe)).toBeUndefined()
  expect(described).toBe(0)
  expect(faults.take('createUser', describe)).toBeDefined()
  expect(described).toBe(1)
})

it('snapshots the faults that are data with their counters, and restores them', () => {
  const faults = createFaultRegistry(Math.random)
  faults.add({ on: 'createUser', respond: 'conflict', times: 2 })
  faults.add({ on: '*', respond: 'serverError', where: () => false })
  take(faults, request())

  const restored = createFaultRegistry(Math.random)
  restored.restore(JSON.parse(JSON.stringify(faults.snapshot())))

  expect(faults.snapshot().nextId).toBe(3)
  expect(restored.list()).toStrictEqual([faults.list()[0]])
  expect(take(restored, request())).toMatchObject({ id: 'fault-1', fired: 2, remaining: 0 })
  expect(take(restored, request())).toBeUndefined()
  expect(restored.add({ on: '*', respond: 'conflict' }).id).toBe('fault-3')
})

it('numbers new faults after every restored one, whatever nextId says', () => {
  const faults = createFaultRegistry(Math.random)
  faults.restore({
    nextId: 1,
    items: [{ id: 'fault-7', spec: { on: '*', respond: 'conflict' }, matched: 0, fired: 0 }],
  })

  expect(faults.add({ on: '*', respond: 'conflict' }).id).toBe('fault-8')
})

it('skips draws without drawing them: seededRandom(seed, n) goes on after n draws', () => {
  const random = seededRandom(9)
  for (let i = 0; i < 1000; i++) random()

  const skipped = seededRandom(9, 1000)

  expect(Array.from({ length: 5 }, skipped)).toEqual(Array.from({ length: 5 }, random))
})

it('counts the draws of a countedRandom, and restarts where it stood', () => {
  const random = countedRandom(3)
  const first = [random.next(), random.next(), random.next()]

  random.restart(1)

  expect(random.draws).toBe(1)
  expect(random.next()).toBe(first[1])
  expect(random.draws).toBe(2)
})
