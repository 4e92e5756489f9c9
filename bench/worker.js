// One benchmark scenario per process (started by bench/run.js with --expose-gc).
//   node --expose-gc bench/worker.js seed        → seeding 10k: cold + warm times, heap
//   node --expose-gc bench/worker.js lookup      → heap at 1k/10k/100k, lookups, MSW floor
//   node --expose-gc bench/worker.js paging      → paging through 10k users, 100 at a time
//   node --expose-gc bench/worker.js writes <N>  → POST / PUT / PATCH at N users
// Sends its results to the parent over IPC (or prints them as JSON when run by hand).
import { performance } from 'node:perf_hooks'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { createScimProvider } from '../dist/index.js'
import {
  AUTH,
  assert,
  BASE_URL,
  FLOOR_URL,
  interleave,
  SCIM_JSON,
  settledHeap,
  spread,
  summarize,
  TOKEN,
} from './lib.js'

const MB = 1024 * 1024
const [mode, arg] = process.argv.slice(2)

const newProvider = (users) =>
  createScimProvider({ baseUrl: BASE_URL, token: TOKEN, seed: { users, seed: 1 } })

const lookupUrl = (origin, userName) =>
  `${origin}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`

function send(result) {
  if (process.send) process.send(result)
  else console.log(JSON.stringify(result, null, 2))
}

async function seedScenario() {
  const N = 10_000
  // The provider lives in a property that is cleared before each measurement. Never `await`
  // an expression whose value is a provider: V8 can keep the last awaited value alive in the
  // suspended function's registers, and the "before" heap would then include it.
  const slot = { provider: undefined }
  // Cold: the first provider of a fresh process, so it includes loading faker.
  let t0 = performance.now()
  slot.provider = newProvider(N)
  await slot.provider.ready
  const coldMs = performance.now() - t0
  const warmMs = []
  const heapMB = []
  for (let r = 0; r < 5; r++) {
    slot.provider = undefined
    const before = settledHeap()
    t0 = performance.now()
    slot.provider = newProvider(N)
    await slot.provider.ready
    warmMs.push(performance.now() - t0)
    heapMB.push((settledHeap() - before) / MB)
    assert(slot.provider.users.count() === N, 'seeded count')
  }
  warmMs.sort((a, b) => a - b)
  heapMB.sort((a, b) => a - b)
  return { coldMs, warmMs, warmMedianMs: warmMs[2], heapMB: heapMB[2] }
}

const SIZES = [1_000, 10_000, 100_000]

/**
 * All three sizes live in one process and their lookups are interleaved, so
 * that machine noise (other processes on a 2-core box) hits every size alike.
 * MSW is pointed at one size's provider at a time with resetHandlers (untimed).
 */
async function lookupScenario() {
  const result = { seedMs: {}, heapMB: {}, lookup: {} }
  // Load faker and warm the seeding code first, so each heap delta is the provider's own.
  const warm = newProvider(1)
  await warm.ready
  const providers = {}
  const targets = {}
  const floorMaps = {}
  for (const N of SIZES) {
    const before = settledHeap()
    const t0 = performance.now()
    const provider = newProvider(N)
    await provider.ready
    result.seedMs[N] = performance.now() - t0
    result.heapMB[N] = (settledHeap() - before) / MB
    const users = provider.users.list()
    assert(users.length === N, `expected ${N} users, got ${users.length}`)
    providers[N] = provider
    targets[N] = spread(N, 1024).map((i) => users[i].userName)
    floorMaps[N] = new Map(users.map((user) => [user.userName, user]))
  }

  // A constant one-user ListResponse: the same bytes the 100k provider answers.
  const sample = await providers[100_000].handle(
    new Request(lookupUrl(BASE_URL, targets[100_000][0]), { headers: AUTH }),
  )
  const constantListResponse = await sample.json()
  assert(constantListResponse.totalResults === 1, 'lookup finds exactly one user')
  // Floor handler first: a provider request pays one failed URL match, the floor none.
  const floorHandler = http.get(FLOOR_URL, () =>
    HttpResponse.json(constantListResponse, { headers: { 'content-type': SCIM_JSON } }),
  )
  const server = setupServer(floorHandler, ...providers[100_000].handlers)
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })
  let current = 100_000
  const pointMswAt = (N) => {
    if (N !== current) server.resetHandlers(floorHandler, ...providers[N].handlers)
    current = N
  }

  const check = (body, i) => {
    if (i < 16) assert(body.totalResults === 1 && body.Resources.length === 1, 'one match')
  }
  const target = (N, i) => targets[N][i % targets[N].length]
  const ops = {}
  const sizeOf = {}
  for (const N of SIZES) {
    ops[`msw@${N}`] = async (i) => {
      const response = await fetch(lookupUrl(BASE_URL, target(N, i)), { headers: AUTH })
      check(await response.json(), i)
    }
    ops[`handle@${N}`] = async (i) => {
      const response = await providers[N].handle(
        new Request(lookupUrl(BASE_URL, target(N, i)), { headers: AUTH }),
      )
      check(await response.json(), i)
    }
    sizeOf[`msw@${N}`] = N
  }
  ops['mswFloor@100000'] = async (i) => {
    const response = await fetch(lookupUrl('https://floor.test/scim/v2', target(100_000, i)), {
      headers: AUTH,
    })
    check(await response.json(), i)
  }
  sizeOf['mswFloor@100000'] = 100_000
  const samples = await interleave(ops, {
    warmup: 300,
    iterations: 2500,
    prepare: (name) => sizeOf[name] && pointMswAt(sizeOf[name]),
  })
  for (const [name, values] of Object.entries(samples)) result.lookup[name] = summarize(values)

  // The floor of the floor: the same keys in a plain Map, 1000 gets per sample.
  for (const N of SIZES) {
    const map = floorMaps[N]
    const mapSamples = new Float64Array(2500)
    let found = 0
    for (let s = -200; s < mapSamples.length; s++) {
      const t = performance.now()
      for (let j = 0; j < 1000; j++) if (map.get(target(N, s + 200 + j))) found++
      if (s >= 0) mapSamples[s] = ((performance.now() - t) * 1000) / 1000 // µs per get
    }
    assert(found > 0, 'map hits')
    result.lookup[`mapGet@${N}`] = summarize(mapSamples)
  }

  server.close()
  result.requestLogEntries = Object.fromEntries(SIZES.map((N) => [N, providers[N].requests.length]))
  return result
}

/** Paging in a process of its own: no 100k heap around to slow the collector down. */
async function pagingScenario() {
  const provider = newProvider(10_000)
  await provider.ready
  const server = setupServer(...provider.handlers)
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })
  const result = await paging(provider, 10_000)
  server.close()
  return { paging: result }
}

async function writesScenario(N) {
  const provider = newProvider(N)
  await provider.ready
  return { N, writes: await writes(provider, N, provider.users.list()) }
}

/** GET /Users?startIndex=…&count=100 until every user was seen: passes through both paths. */
async function paging(provider, N) {
  const pass = async (get) => {
    let seen = 0
    for (let start = 1; ; start += 100) {
      const body = await get(`${BASE_URL}/Users?startIndex=${start}&count=100`)
      seen += body.Resources.length
      if (start + 100 > body.totalResults) break
    }
    assert(seen === N, `paging saw ${seen} of ${N}`)
  }
  const viaMsw = async (url) => (await fetch(url, { headers: AUTH })).json()
  const viaHandle = async (url) =>
    (await provider.handle(new Request(url, { headers: AUTH }))).json()
  const pageSamples = { msw: [], handle: [] }
  const timed = (get, into) => async (url) => {
    const t = performance.now()
    const body = await get(url)
    into.push((performance.now() - t) * 1000)
    return body
  }
  await pass(viaMsw)
  await pass(viaHandle)
  const passMs = { msw: [], handle: [] }
  for (let r = 0; r < 8; r++) {
    const order = r % 2 ? ['handle', 'msw'] : ['msw', 'handle']
    for (const name of order) {
      const get = name === 'msw' ? viaMsw : viaHandle
      const t = performance.now()
      await pass(timed(get, pageSamples[name]))
      passMs[name].push(performance.now() - t)
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return Object.fromEntries(
    ['msw', 'handle'].map((name) => [
      name,
      { passMedianMs: median(passMs[name]), perPage: summarize(pageSamples[name]) },
    ]),
  )
}

/**
 * POST, PUT and PATCH (Okta deactivate) through provider.handle, interleaved
 * so that noise and the growing heap hit all three alike. Every op writes:
 * a new userName, a distinct PUT target, a distinct still-active PATCH target.
 */
async function writes(provider, N, users) {
  const warmup = 20
  const iterations = N >= 100_000 ? 120 : N >= 10_000 ? 300 : 400
  const request = (method, path, body) =>
    provider.handle(
      new Request(`${BASE_URL}${path}`, {
        method,
        headers: { ...AUTH, 'content-type': SCIM_JSON },
        body: JSON.stringify(body),
      }),
    )
  // Disjoint targets, spread over the whole collection (update cost grows with position).
  const active = users.filter((user) => user.active)
  const picks = spread(active.length, 2 * (warmup + iterations)).map((i) => active[i])
  const putTargets = picks.filter((_, i) => i % 2 === 0)
  const patchTargets = picks.filter((_, i) => i % 2 === 1)
  assert(patchTargets.length >= warmup + iterations, 'enough active users')

  const samples = await interleave(
    {
      post: async (i) => {
        const userName = `bench.user.${i}@example.com`
        const response = await request('POST', '/Users', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName,
          name: { givenName: 'Bench', familyName: `User${i}` },
          emails: [{ value: userName, type: 'work', primary: true }],
          active: true,
        })
        assert(response.status === 201, `POST → ${response.status}`)
        await response.text()
      },
      put: async (i) => {
        const { meta: _meta, ...user } = putTargets[i]
        const response = await request('PUT', `/Users/${user.id}`, { ...user, title: `T${i}` })
        assert(response.status === 200, `PUT → ${response.status}`)
        await response.text()
      },
      patch: async (i) => {
        const user = patchTargets[i]
        const response = await request('PATCH', `/Users/${user.id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', value: { active: false } }],
        })
        assert(response.status === 200, `PATCH → ${response.status}`)
        const body = await response.json()
        assert(body.active === false, 'deactivated')
      },
    },
    { warmup, iterations },
  )
  const out = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]))

  // reset(): back to the seeded state (what a test's beforeEach pays).
  const resets = []
  for (let r = 0; r < (N >= 100_000 ? 1 : 3); r++) {
    const t = performance.now()
    await provider.reset()
    resets.push((performance.now() - t) * 1000)
  }
  assert(provider.users.count() === N, 'reset restores the seed')
  out.reset = summarize(resets)
  return out
}

try {
  if (mode === 'seed') send({ mode, ...(await seedScenario()) })
  else if (mode === 'lookup') send({ mode, ...(await lookupScenario()) })
  else if (mode === 'paging') send({ mode, ...(await pagingScenario()) })
  else if (mode === 'writes') send({ mode, ...(await writesScenario(Number(arg))) })
  else throw new Error('usage: worker.js seed | lookup | paging | writes <N>')
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
