// The loopback phase of `npm run bench` (called by bench/run.js, or `node bench/serve-run.js`):
// starts scim-mock's standalone server, a bare node:http floor and a scimmy + express peer,
// each in its own process (bench/serve.js), and drives them from this process: autocannon for
// throughput, and an open-loop fixed-rate client (bench/open-loop.js) for latency in µs.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { openLoop } from './open-loop.js'

const serverPath = fileURLToPath(new URL('./serve.js', import.meta.url))
export const SERVERS = ['scim-mock', 'scimmy', 'bare']
export const LOAD = { connections: 10, warmupSeconds: 1, seconds: 5 }

/**
 * Latency is compared at the same offered load, below every server's capacity
 * (the peer saturates near 1,400 GET/s and 900 POST/s here): at saturation a
 * server's p99 is its queue, not its work.
 */
export const FIXED_RATE = { get: 500, post: 300 }
/**
 * The open-loop latency run: `seconds` of FIXED_RATE, without a pause, right
 * after the full-speed run (10,000 GETs and 6,000 POSTs per server, so a p99 is
 * the 100th or 60th slowest). Not interleaved across servers: a server left
 * idle between rounds shrinks its young generation and runs memory-reducing
 * GCs, which is not the steady load the target describes (it made scim-mock's
 * p99 several times worse than a continuous run when tried).
 */
export const OPEN_LOOP = { seconds: 20 }
const BASE_PATH = '/scim/v2'
const HEADERS = { authorization: 'Bearer t', 'content-type': 'application/scim+json' }

function startServer(kind) {
  return new Promise((resolve, reject) => {
    const child = fork(serverPath, [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`${kind} server did not start within 60 s`))
    }, 60_000)
    child.once('message', ({ port, userName }) => {
      clearTimeout(timer)
      resolve({ child, port, userName })
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${kind} server exited with ${code} before listening`))
    })
  })
}

/** The server's GC pauses since the last `gc:start`. */
function gcReport(child) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (!message?.gc) return
      child.off('message', onMessage)
      resolve(message.gc)
    }
    child.on('message', onMessage)
    child.send('gc:report')
  })
}

const run = (options) =>
  new Promise((resolve, reject) =>
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
  )

/**
 * A 1 s warm-up (discarded), the measured run at full speed (throughput), then
 * the open-loop run (latency at a fixed rate, in µs; `openLoop` from
 * bench/open-loop.js) with the server's GC pauses during it, then autocannon at
 * a fixed `overallRate` (kept for comparison with earlier runs; see
 * bench/open-loop.js for why its latencies are not the ones judged).
 */
async function load({ child, port }, scenario, label, rate) {
  const base = {
    url: `http://127.0.0.1:${port}`,
    connections: LOAD.connections,
    requests: scenario.autocannon,
  }
  await run({ ...base, duration: LOAD.warmupSeconds })
  const r = await run({ ...base, duration: LOAD.seconds })
  child.send('gc:start')
  const open = await openLoop({
    port,
    rate,
    seconds: OPEN_LOOP.seconds,
    connections: LOAD.connections,
    next: scenario.next,
  })
  const { pauses, ...gc } = await gcReport(child)
  const fixed = await run({ ...base, duration: LOAD.seconds, overallRate: rate })
  const failed =
    r.non2xx + r.errors + r.timeouts + fixed.non2xx + fixed.errors + fixed.timeouts + open.non2xx
  if (failed > 0)
    process.stderr.write(
      `\n  ${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; open loop ${open.non2xx} non-2xx `,
    )
  return {
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    fixed: { rate, p50: fixed.latency.p50, p99: fixed.latency.p99 },
    openLoop: { ...summarize(open), gc, slow: slowVersusGc(open, pauses) },
    failed,
  }
}

/**
 * The machine's own noise: a busy loop (nothing else of ours running) counts
 * the gaps in which it did not run, as a server in the middle of a request
 * would not. Returns { seconds, over1ms, over2ms, maxMs, lostMs }.
 */
export function measureStalls(seconds) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9))
  let last = process.hrtime.bigint()
  const stalls = { seconds, over1ms: 0, over2ms: 0, maxMs: 0, lostMs: 0 }
  for (;;) {
    const now = process.hrtime.bigint()
    const gapMs = Number(now - last) / 1e6
    last = now
    if (gapMs > 1) {
      stalls.over1ms += 1
      stalls.lostMs += gapMs
    }
    if (gapMs > 2) stalls.over2ms += 1
    if (gapMs > stalls.maxMs) stalls.maxMs = gapMs
    if (now > end) return stalls
  }
}

/**
 * The requests over 1 ms, set against the server's GC: how many were in flight
 * (±0.5 ms, the two processes' clocks) during a GC pause, and how many others in
 * the 300 ms before a major GC's final pause, while V8 marks incrementally on
 * the main thread (steps it does not report as pauses) and concurrently on the
 * other core.
 */
function slowVersusGc(open, pauses) {
  const slow = { total: 0, duringPause: 0, whileMarking: 0 }
  for (let i = 0; i < open.n; i++) {
    if (open.samples[i] <= 1000) continue
    slow.total += 1
    const from = open.readyAt[i]
    const to = from + open.samples[i] / 1000
    if (pauses.some(([, at, ms]) => at < to + 0.5 && at + ms > from - 0.5)) slow.duringPause += 1
    else if (pauses.some(([kind, at, ms]) => kind === 'major' && at + ms > from && at < to + 300))
      slow.whileMarking += 1
  }
  return slow
}

/** An open-loop run's latencies in µs, without the per-request arrays. */
function summarize(r) {
  const { samples, readyAt: _readyAt, ...stats } = r
  return { ...stats, over1ms: samples.filter((us) => us > 1000).length }
}

const scenarios = {
  get: (userName) => {
    const path = `${BASE_PATH}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`
    const request = { method: 'GET', path, headers: HEADERS }
    return { autocannon: [request], next: () => request }
  },
  post: (_userName, kind) => {
    // A new userName per request, so every POST creates a user.
    const body = (n) => {
      const userName = `bench.${kind}.${n}@example.com`
      return JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName,
        name: { givenName: 'Bench', familyName: `User ${n}` },
        emails: [{ value: userName, type: 'work', primary: true }],
        active: true,
      })
    }
    let n = 0
    const request = { method: 'POST', path: `${BASE_PATH}/Users`, headers: HEADERS }
    const setupRequest = (r) => {
      n += 1
      return { ...r, body: body(n) }
    }
    return {
      autocannon: [{ ...request, setupRequest }],
      next: () => {
        n += 1
        return { ...request, body: body(n) }
      },
    }
  },
}

/**
 * Returns { [server]: { get: stats, post: stats, stalls } }: req/s and
 * autocannon's latencies in ms, `openLoop` latencies in µs with the server's GC
 * pauses during them, and the machine's stalls (measureStalls, 3 s just
 * before the server starts). Servers run one at a
 * time, GET then POST; each is killed before the next starts.
 */
export async function runServeBench(log = (line) => process.stderr.write(line)) {
  const results = {}
  for (const kind of SERVERS) {
    const t = Date.now()
    log(`bench: loopback ${kind} (${LOAD.connections} connections, GET then POST)… `)
    const stalls = measureStalls(3)
    const server = await startServer(kind)
    try {
      results[kind] = { stalls }
      for (const [name, scenario] of Object.entries(scenarios)) {
        results[kind][name] = await load(
          server,
          scenario(server.userName, kind),
          `${kind} ${name}`,
          FIXED_RATE[name],
        )
      }
    } finally {
      server.child.kill()
    }
    log(`${((Date.now() - t) / 1000).toFixed(1)} s\n`)
  }
  return results
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runServeBench(), null, 2))
}
