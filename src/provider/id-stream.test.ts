import { expect, it } from 'vitest'
import { loadFaker } from '../store/generate-seed.js'
import { createIdStream } from './id-stream.js'

it('makes random UUIDs until a seed is given, and says so', () => {
  const ids = createIdStream()

  expect(ids.next()).toMatch(/^[\da-f]{8}-[\da-f]{4}-4/)
  expect(ids.snapshot()).toEqual({ type: 'random' })
})

it('keeps the caller’s generateId, also once seeded', async () => {
  let n = 0
  const ids = createIdStream(() => `id-${++n}`)
  ids.useSeed(await loadFaker(2), 1)

  expect([ids.next(), ids.next()]).toEqual(['id-1', 'id-2'])
  expect(ids.snapshot()).toEqual({ type: 'custom' })
})

it('goes on after a restore with the ids the snapshotted stream would make next', async () => {
  const original = createIdStream()
  original.useSeed(await loadFaker(43), 42)
  const made = [original.next(), original.next(), original.next()]
  const restored = createIdStream()
  restored.useSeed(await loadFaker(8), 7)

  restored.restore(original.snapshot())
  const next = restored.next()

  expect(original.snapshot()).toEqual({ type: 'seeded', seed: 42, draws: 3 })
  expect(made).not.toContain(next)
  expect(next).toBe(original.next())
  expect(restored.snapshot()).toEqual({ type: 'seeded', seed: 42, draws: 4 })
})

it('returns to its own seed on reset after a restore', async () => {
  const own = createIdStream()
  own.useSeed(await loadFaker(8), 7)
  const ids = createIdStream()
  ids.useSeed(await loadFaker(8), 7)
  ids.restore({ type: 'seeded', seed: 42, draws: 5 })

  ids.reset()

  expect(ids.next()).toBe(own.next())
  expect(ids.snapshot()).toEqual({ type: 'seeded', seed: 7, draws: 1 })
})
