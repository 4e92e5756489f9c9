// Where the time goes: CPU profiles of single sections, summarised by function and by file.
//   node --expose-gc bench/profile.js [lookup|msw|seed|put|paging|log|all]
// Not part of `npm run bench`. Uses the V8 inspector, so only the section of interest is sampled;
// pass --save to also write the raw .cpuprofile files to bench/profiles/ (open in Chrome DevTools).
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { performance } from 'node:perf_hooks'
import { setupServer } from 'msw/node'
import { createScimProvider } from '../dist/index.js'
import { generateSeed, loadFaker } from '../dist/store/generate-seed.js'
import { createScimStore } from '../dist/store/scim-store.js'
import { AUTH, BASE_URL, SCIM_JSON, settledHeap, spread } from './lib.js'

const which = process.argv[2] ?? 'all'
const save = process.argv.includes('--save')
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 50 })

async function profile(name, work) {
  await session.post('Profiler.start')
  const t0 = performance.now()
  await work()
  const ms = performance.now() - t0
  const { profile } = await session.post('Profiler.stop')
  if (save) {
    mkdirSync(new URL('./profiles/', import.meta.url), { recursive: true })
    writeFileSync(
      new URL(`./profiles/${name}.cpuprofile`, import.meta.url),
      JSON.stringify(profile),
    )
  }
  report(name, ms, profile)
}

/** Self time by function and by file, and inclusive time of our own (dist/) functions. */
function report(name, ms, profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const counts = new Map()
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1)
  const total = profile.samples.length
  const short = (url) =>
    url
      .replace(/^file:\/\/\/work\/main\//, '')
      .replace(/^node_modules\//, 'nm/')
      .replace(/^.*\/node_modules\//, 'nm/') || '(native/builtin)'
  const label = (f) => `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`
  const self = new Map()
  const files = new Map()
  const inclusive = new Map()
  for (const [id, count] of counts) {
    const frame = byId.get(id).callFrame
    self.set(label(frame), (self.get(label(frame)) ?? 0) + count)
    const file = short(frame.url)
    files.set(file, (files.get(file) ?? 0) + count)
    // Inclusive time for every distinct function on the stack.
    const seen = new Set()
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame
      if (!f.url.includes('/dist/') && !f.url.includes('@msw/data') && !f.url.includes('/msw/'))
        continue
      const key = label(f)
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + count)
    }
  }
  const pct = (c) => `${((100 * c) / total).toFixed(1).padStart(5)}%`
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log(`\n=== ${name}: ${ms.toFixed(0)} ms wall, ${total} samples ===`)
  console.log('-- self time by file')
  for (const [file, c] of top(files, 12)) console.log(`${pct(c)}  ${file}`)
  console.log('-- self time by function')
  for (const [fn, c] of top(self, 18)) console.log(`${pct(c)}  ${fn}`)
  console.log('-- inclusive time, dist/ + msw + @msw/data functions')
  for (const [fn, c] of top(inclusive, 25)) console.log(`${pct(c)}  ${fn}`)
}

const newProvider = (users) =>
  createScimProvider({ baseUrl: BASE_URL, token: 't', seed: { users, seed: 1 } })
const lookupUrl = (userName) =>
  `${BASE_URL}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`

if (which === 'seed' || which === 'all') {
  // Split seeding into its two halves: faker generation and loading the store.
  await await newProvider(10).ready // load faker once
  const timings = { generate: [], restore: [] }
  for (let r = 0; r < 3; r++) {
    const faker = await loadFaker(1)
    let t = performance.now()
    const snapshot = generateSeed(faker, { users: 10_000, seed: 1 })
    timings.generate.push(performance.now() - t)
    const store = createScimStore({})
    t = performance.now()
    await store.restore(snapshot)
    timings.restore.push(performance.now() - t)
  }
  console.log(
    'seed 10k split (ms):',
    JSON.stringify(timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
  )
  await profile('seed-10k', async () => {
    const provider = newProvider(10_000)
    await provider.ready
  })
}

if (['lookup', 'msw', 'put', 'all'].includes(which)) {
  const N = 100_000
  const provider = newProvider(N)
  await provider.ready
  const users = provider.users.list()
  const targets = spread(N, 1024).map((i) => users[i].userName)
  const lookup = async (i) =>
    (await provider.handle(new Request(lookupUrl(targets[i % 1024]), { headers: AUTH }))).json()
  if (which === 'lookup' || which === 'all') {
    for (let i = 0; i < 1000; i++) await lookup(i)
    await profile('lookup-handle-100k', async () => {
      for (let i = 0; i < 10_000; i++) await lookup(i)
    })
  }
  if (which === 'msw' || which === 'all') {
    const server = setupServer(...provider.handlers)
    server.listen({ onUnhandledRequest: 'error' })
    const viaMsw = async (i) =>
      (await fetch(lookupUrl(targets[i % 1024]), { headers: AUTH })).json()
    for (let i = 0; i < 1000; i++) await viaMsw(i)
    await profile('lookup-msw-100k', async () => {
      for (let i = 0; i < 5000; i++) await viaMsw(i)
    })
    server.close()
  }
  if (which === 'put' || which === 'all') {
    const putTargets = spread(N, 100).map((i) => users[i])
    await profile('put-100k', async () => {
      for (let i = 0; i < 100; i++) {
        const { meta: _meta, ...user } = putTargets[i]
        const response = await provider.handle(
          new Request(`${BASE_URL}/Users/${user.id}`, {
            method: 'PUT',
            headers: { ...AUTH, 'content-type': SCIM_JSON },
            body: JSON.stringify({ ...user, title: `T${i}` }),
          }),
        )
        await response.text()
      }
    })
  }
}

if (which === 'paging' || which === 'all') {
  const provider = newProvider(10_000)
  await provider.ready
  const pass = async () => {
    for (let start = 1; start <= 10_000; start += 100) {
      const url = `${BASE_URL}/Users?startIndex=${start}&count=100`
      await (await provider.handle(new Request(url, { headers: AUTH }))).json()
    }
  }
  await pass()
  await profile('paging-handle-10k', async () => {
    for (let r = 0; r < 5; r++) await pass()
  })
}

if (which === 'log' || which === 'all') {
  // What the request log keeps alive, and what copying a response body costs.
  const provider = newProvider(10_000)
  await provider.ready
  const users = provider.users.list()
  const get = async (url) => (await provider.handle(new Request(url, { headers: AUTH }))).json()
  const lookup = (i) => get(lookupUrl(users[(i * 5) % 10_000].userName))
  const perOp = (f, n) => {
    for (let i = 0; i < 200; i++) f()
    const t = performance.now()
    for (let i = 0; i < n; i++) f()
    return `${(((performance.now() - t) * 1000) / n).toFixed(1)} µs`
  }
  const one = await lookup(1)
  const page = await get(`${BASE_URL}/Users?startIndex=1&count=100`)
  console.log('\n=== request log ===')
  console.log(
    '1-user list body: structuredClone',
    perOp(() => structuredClone(one), 5000),
  )
  console.log(
    '1-user list body: JSON.stringify ',
    perOp(() => JSON.stringify(one), 5000),
  )
  console.log(
    '100-user page:    structuredClone',
    perOp(() => structuredClone(page), 300),
  )
  console.log(
    '100-user page:    JSON.stringify ',
    perOp(() => JSON.stringify(page), 300),
  )
  for (let i = 0; i < 2000; i++) await lookup(i)
  let before = settledHeap()
  for (let i = 0; i < 4000; i++) await lookup(i)
  console.log(
    `heap kept per logged lookup: ${((settledHeap() - before) / 4000 / 1024).toFixed(2)} KB`,
  )
  before = settledHeap()
  for (let start = 1; start <= 10_000; start += 100) {
    await get(`${BASE_URL}/Users?startIndex=${start}&count=100`)
  }
  const pass = (settledHeap() - before) / 2 ** 20
  console.log(`heap kept per paging pass over 10k users: ${pass.toFixed(1)} MB`)
  console.log(`log entries: ${provider.requests.length}`)
}
