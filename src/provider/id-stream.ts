import type { Faker } from '@faker-js/faker'
import { seededUuid } from '../store/generate-seed.js'

/**
 * Where a provider's id stream stands, for `provider.snapshot()`: a seeded
 * stream by its seed and the ids drawn, so a restored provider goes on with
 * the very ids the snapshotted one would have made next.
 */
export type IdStreamSnapshot =
  | { type: 'seeded'; seed: number; draws: number }
  /** `crypto.randomUUID()`: nothing to carry, a new id never repeats an old one. */
  | { type: 'random' }
  /** The caller's `generateId`: its position is the caller's to keep. */
  | { type: 'custom' }

/** The ids of created resources: random, the caller's, or a seeded faker stream. */
export interface IdStream {
  next(): string
  /** Switches to the seeded stream (faker seeded with `seed + 1`) once faker is loaded. */
  useSeed(faker: Faker, seed: number): void
  snapshot(): IdStreamSnapshot
  /**
   * A seeded stream replays the snapshot's draws (from the snapshot's seed),
   * so no new id repeats one made before it. Random and custom streams go on
   * as they are: the store skips an id that a resource holds anyway.
   */
  restore(snapshot: IdStreamSnapshot): void
  /** Back to the start of the provider's own stream. */
  reset(): void
}

/** @example const ids = createIdStream(); ids.next() // a random UUID */
export function createIdStream(generateId?: () => string): IdStream {
  let seeded: { faker: Faker; ownSeed: number; seed: number; draws: number } | undefined

  const restart = (seed: number, draws: number) => {
    if (!seeded) return
    seeded.faker.seed(seed + 1)
    for (let i = 0; i < draws; i++) seededUuid(seeded.faker)
    Object.assign(seeded, { seed, draws })
  }

  return {
    next() {
      if (generateId) return generateId()
      if (!seeded) return crypto.randomUUID()
      seeded.draws++
      return seededUuid(seeded.faker)
    },
    useSeed(faker, seed) {
      if (generateId) return
      seeded = { faker, ownSeed: seed, seed, draws: 0 }
    },
    snapshot() {
      if (generateId) return { type: 'custom' }
      return seeded
        ? { type: 'seeded', seed: seeded.seed, draws: seeded.draws }
        : { type: 'random' }
    },
    restore(snapshot) {
      if (snapshot.type === 'seeded') restart(snapshot.seed, snapshot.draws)
    },
    reset() {
      if (seeded) restart(seeded.ownSeed, 0)
    },
  }
}
