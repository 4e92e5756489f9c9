// The loopback phase of `npm run bench` (called by bench/run.js, or `node bench/serve-run.js`):
// starts scim-mock's standalone server, a bare node:http floor and a scimmy + express peer,
// each in its own process (bench/serve.js), and drives each with autocannon from this process.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const serverPath = fileURLToPath(new URL('./serve.js', import.meta.url))
export const SERVERS = ['scim-mock', 'scimmy', 'bare']
export const LOAD = { connections: 10, warmupSeconds: 1, seconds: 5 }

/**
 * Latency is compared at the same offered load, below every server's capacity
 * (the peer saturates near 1,400 GET/s and 900 POST/s here): at saturation a
 * server's p99 is its queue, not its work.
 */
export const FIXED_RATE = { get: 500, post: 300 }
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

const run = (options) =>
  new Promise((resolve, reject) =>
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
  )

/**
 * A 1 s warm-up (discarded), the measured run at full speed (throughput), then
 * a run at a fixed rate (latency at equal load).
 */
async function load(port, requests, label, rate) {
  const base = { url: `http://127.0.0.1:${port}`, connections: LOAD.connections, requests }
  await run({ ...base, duration: LOAD.warmupSeconds })
  const r = await run({ ...base, duration: LOAD.seconds })
  const fixed = await run({ ...base, duration: LOAD.seconds, overallRate: rate })
  const failed = r.non2xx + r.errors + r.timeouts + fixed.non2xx + fixed.errors + fixed.timeouts
  if (failed > 0)
    process.stderr.write(
      `\n  ${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts `,
    )
  return {
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    fixed: { rate, p50: fixed.latency.p50, p99: fixed.latency.p99 },
    failed,
  }
}

const scenarios = {
  get: (userName) => [
    {
      method: 'GET',
      path: `${BASE_PATH}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
      headers: HEADERS,
    },
  ],
  post: (_userName, kind) => {
    let n = 0
    return [
      {
        method: 'POST',
        path: `${BASE_PATH}/Users`,
        headers: HEADERS,
        // A new userName per request, so every POST creates a user.
        setupRequest: (request) => {
          n += 1
          const userName = `bench.${kind}.${n}@example.com`
          return {
            ...request,
            body: JSON.stringify({
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
              userName,
              name: { givenName: 'Bench', familyName: `User ${n}` },
              emails: [{ value: userName, type: 'work', primary: true }],
              active: true,
            }),
          }
        },
      },
    ]
  },
}

/**
 * Returns { [server]: { get: stats, post: stats } } with req/s mean and latency
 * percentiles in ms. Servers run one at a time; each is killed before the next starts.
 */
export async function runServeBench(log = (line) => process.stderr.write(line)) {
  const results = {}
  for (const kind of SERVERS) {
    const t = Date.now()
    log(`bench: loopback ${kind} (${LOAD.connections} connections, GET then POST)… `)
    const { child, port, userName } = await startServer(kind)
    try {
      results[kind] = {}
      for (const [name, requests] of Object.entries(scenarios)) {
        results[kind][name] = await load(
          port,
          requests(userName, kind),
          `${kind} ${name}`,
          FIXED_RATE[name],
        )
      }
    } finally {
      child.kill()
    }
    log(`${((Date.now() - t) / 1000).toFixed(1)} s\n`)
  }
  return results
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runServeBench(), null, 2))
}
