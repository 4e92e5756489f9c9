import type { ScimOperation } from '../route-request.js'
import {
  type FaultOperation,
  type FaultRequest,
  type FaultSpec,
  type FaultSpecData,
  faultSpecSchema,
} from './fault-spec.js'
import { matchesWhere } from './matches-where.js'

/** A fault in a provider, with its counters. */
export interface Fault extends Readonly<Omit<FaultSpec, 'on'>> {
  readonly id: string
  readonly on: readonly FaultOperation[]
  /** Matching requests seen so far (those let through by `after` or `probability` included). */
  readonly matched: number
  /** Times it answered. */
  readonly fired: number
  /** Times left to fire: `Infinity` without `times`. */
  readonly remaining: number
}

/**
 * The faults of one provider: `provider.faults`.
 *
 * @example
 * provider.faults.add({ on: 'createUser', respond: 'conflict', times: 1 })
 */
export interface FaultRegistry {
  /** Adds a fault; throws a TypeError naming the field when the spec is invalid. */
  add(spec: FaultSpec): Fault
  /** Removes one fault; false when no fault has this id. */
  remove(id: string): boolean
  /** Removes every fault. */
  clear(): void
  /** @internal Removes every fault and numbers the next one from 1 again, as a new provider does. */
  reset(): void
  /** The faults in the order they are tried, with their counters. */
  list(): Fault[]
  /**
   * @internal The fault that fires for this request, counted; undefined when
   * none does. `describe` builds the request only when a fault may apply.
   */
  take(operation: ScimOperation, describe: () => FaultRequest): Fault | undefined
  /**
   * @internal The faults that are pure data, with their counters, as JSON.
   * Faults with a `where` predicate are left out: a function is not data.
   */
  snapshot(): FaultRegistrySnapshot
  /** @internal Puts back a snapshot's faults and counters; trusts a checked snapshot. */
  restore(snapshot: FaultRegistrySnapshot): void
}

/** The faults of a provider as data, for `provider.snapshot()`. */
export interface FaultRegistrySnapshot {
  /** The number of the next fault's id (`fault-<nextId>`). */
  nextId: number
  /** In the order they are tried. */
  items: Array<{ id: string; spec: FaultSpecData; matched: number; fired: number }>
}

/** The registry's own members, not the internal ones: `provider.faults`. */
export type FaultControls = Omit<FaultRegistry, 'take' | 'reset' | 'snapshot' | 'restore'>

interface FaultState {
  spec: FaultSpec
  on: readonly FaultOperation[]
  id: string
  matched: number
  fired: number
}

/**
 * @param random a seeded source in [0, 1): probabilities are reproducible.
 */
export function createFaultRegistry(random: () => number): FaultRegistry {
  let faults: FaultState[] = []
  let nextId = 1

  const view = (state: FaultState): Fault => ({
    ...state.spec,
    id: state.id,
    on: state.on,
    matched: state.matched,
    fired: state.fired,
    remaining: (state.spec.times ?? Number.POSITIVE_INFINITY) - state.fired,
  })

  return {
    add(spec) {
      const parsed = faultSpecSchema.safeParse(spec)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        if (issue.code === 'unrecognized_keys') {
          const keys = issue.keys.map((key) => `"${key}"`).join(', ')
          const inside = issue.path.length > 0 ? ` in "${issue.path.join('.')}"` : ''
          const known =
            issue.path.length > 0
              ? ''
              : ` (known: ${Object.keys(faultSpecSchema.shape).join(', ')})`
          throw new TypeError(`Failed to add a fault: unknown field ${keys}${inside}${known}`)
        }
        const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the fault'
        throw new TypeError(`Failed to add a fault: ${field}: ${issue.message}`)
      }
      const on = Array.isArray(spec.on) ? [...spec.on] : [spec.on as FaultOperation]
      const state: FaultState = {
        spec: { ...spec },
        on,
        id: `fault-${nextId++}`,
        matched: 0,
        fired: 0,
      }
      faults.push(state)
      return view(state)
    },
    remove(id) {
      const before = faults.length
      faults = faults.filter((fault) => fault.id !== id)
      return faults.length < before
    },
    reset() {
      faults = []
      nextId = 1
    },
    clear() {
      faults = []
    },
    list() {
      return faults.map(view)
    },
    snapshot() {
      return {
        nextId,
        items: faults
          .filter((fault) => typeof fault.spec.where !== 'function')
          .map((fault) => ({
            id: fault.id,
            spec: structuredClone(fault.spec) as FaultSpecData,
            matched: fault.matched,
            fired: fault.fired,
          })),
      }
    },
    restore(snapshot) {
      faults = snapshot.items.map((item) => ({
        spec: structuredClone(item.spec),
        on: Array.isArray(item.spec.on) ? [...item.spec.on] : [item.spec.on as FaultOperation],
        id: item.id,
        matched: item.matched,
        fired: item.fired,
      }))
      // Never hand out an id a restored fault holds.
      const taken = snapshot.items.map((item) => Number(/^fault-(\d+)$/.exec(item.id)?.[1] ?? 0))
      nextId = Math.max(snapshot.nextId, ...taken.map((n) => n + 1))
    },
    take(operation, describe) {
      let request: FaultRequest | undefined
      for (const fault of faults) {
        const { spec } = fault
        if (spec.times !== undefined && fault.fired >= spec.times) continue
        if (!fault.on.includes('*') && !fault.on.includes(operation)) continue
        if (spec.where !== undefined && !matchesWhere(spec.where, (request ??= describe()))) {
          continue
        }
        fault.matched++
        if (spec.after !== undefined && fault.matched <= spec.after) continue
        if (spec.probability !== undefined && random() >= spec.probability) continue
        fault.fired++
        return view(fault)
      }
      return undefined
    },
  }
}

/**
 * A small seeded PRNG (mulberry32): reproducible fault probabilities without a dependency.
 *
 * @param skip draws to start after: `seededRandom(seed, n)` continues where
 *   `seededRandom(seed)` stands after n draws, without drawing them.
 */
export function seededRandom(seed: number, skip = 0): () => number {
  // Each draw adds the constant to the state, so skipping n draws adds n times it (mod 2^32).
  let state = ((seed >>> 0) + Math.imul(skip, 0x6d2b79f5)) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A {@link seededRandom} stream that counts its draws, so a snapshot can say where it stands. */
export interface CountedRandom {
  next(): number
  /** Draws since the start. */
  readonly draws: number
  /** Back to the seed's start, or to where it stood after `draws` draws. */
  restart(draws?: number): void
}

/** @example const random = countedRandom(42); random.next(); random.draws // 1 */
export function countedRandom(seed: number): CountedRandom {
  let draws = 0
  let random = seededRandom(seed)
  return {
    next() {
      draws++
      return random()
    },
    get draws() {
      return draws
    },
    restart(at = 0) {
      draws = at
      random = seededRandom(seed, at)
    },
  }
}
