// Shared helpers for the benchmark workers: timing loops and statistics.
import { performance } from 'node:perf_hooks'

export const BASE_URL = 'https://bench.test/scim/v2'
export const FLOOR_URL = 'https://floor.test/scim/v2/Users'
export const TOKEN = 't'
export const AUTH = { authorization: `Bearer ${TOKEN}` }
export const SCIM_JSON = 'application/scim+json'

/** Per-op samples in µs → { n, median, p99, mean, opsPerSec }. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort()
  const n = sorted.length
  const at = (q) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]
  let sum = 0
  for (const s of sorted) sum += s
  const mean = sum / n
  return { n, median: at(0.5), p99: at(0.99), mean, opsPerSec: 1e6 / mean }
}

/** Forces full collections until the heap stops shrinking, then returns heapUsed. */
export function settledHeap() {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc')
  let last = Number.POSITIVE_INFINITY
  for (let i = 0; i < 6; i++) {
    global.gc()
    const used = process.memoryUsage().heapUsed
    if (last - used < 64 * 1024) return used
    last = used
  }
  return process.memoryUsage().heapUsed
}

/**
 * Runs several async operations interleaved, round-robin with a rotating
 * start, so that drift in machine load hits each of them alike.
 * ops: { name: (i) => Promise<void> }; prepare(name), if given, runs untimed
 * before each op. Returns { name: samples[] } in µs.
 */
export async function interleave(ops, { warmup, iterations, prepare = () => {} }) {
  const names = Object.keys(ops)
  for (let i = 0; i < warmup; i++) {
    for (const name of names) {
      prepare(name)
      await ops[name](i)
    }
  }
  const samples = Object.fromEntries(names.map((name) => [name, new Float64Array(iterations)]))
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]
      const op = ops[name]
      prepare(name)
      const t0 = performance.now()
      await op(warmup + i)
      samples[name][i] = (performance.now() - t0) * 1000
    }
  }
  return samples
}

/** `count` indexes spread evenly over [0, size), in a fixed shuffled order. */
export function spread(size, count) {
  const picks = []
  const n = Math.min(size, count)
  for (let j = 0; j < n; j++) picks.push(Math.floor(((j + 0.5) * size) / n))
  // Deterministic Fisher–Yates (xorshift32), so runs hit the same keys.
  let x = 2463534242
  for (let i = picks.length - 1; i > 0; i--) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    const j = (x >>> 0) % (i + 1)
    ;[picks[i], picks[j]] = [picks[j], picks[i]]
  }
  return picks
}

export function assert(condition, message) {
  if (!condition) throw new Error(`bench sanity check failed: ${message}`)
}
