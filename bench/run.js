// `npm run bench`: runs each scenario in its own `node --expose-gc` process
// (bench/worker.js), prints a table and writes the figures into BENCHMARKS.md.
// Needs the built package: `npm run build` (the npm script does it first).
import { execFileSync, fork } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import {
  FIXED_RATE,
  LOAD,
  OPEN_LOOP,
  runServeBench,
  SERVERS as SERVERS_IN_ORDER,
} from './serve-run.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const workerPath = fileURLToPath(new URL('./worker.js', import.meta.url))
const outputPath = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url))
const NOTES_MARKER =
  '<!-- Everything below this line is kept when bench/run.js rewrites the file. -->'

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('dist/index.js is missing: run `npm run build` first (or `npm run bench`).')
  process.exit(1)
}

function runWorker(...args) {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, args, { execArgv: ['--expose-gc'], stdio: 'inherit' })
    let result
    child.on('message', (message) => (result = message))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 && result
        ? resolve(result)
        : reject(new Error(`worker ${args.join(' ')} exited with ${code}`)),
    )
  })
}

const distReady = () => existsSync(new URL('../dist/index.js', import.meta.url))
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Other people rebuild dist/ in this tree (`rm -rf dist && tsc`): wait for it, retry once. */
async function runWorkerRetrying(...args) {
  try {
    return await runWorker(...args)
  } catch (error) {
    if (distReady()) throw error
    process.stderr.write('(dist/ is being rebuilt, waiting) ')
    for (let waited = 0; !distReady() && waited < 120_000; waited += 500) await sleep(500)
    await sleep(3000) // tsc writes files one by one
    return runWorker(...args)
  }
}

const started = Date.now()
const step = async (label, ...args) => {
  const t = Date.now()
  process.stderr.write(`bench: ${label}… `)
  const result = await runWorkerRetrying(...args)
  process.stderr.write(`${((Date.now() - t) / 1000).toFixed(1)} s\n`)
  return result
}

const seed = await step('seeding 10k (cold + 5 warm, heap)', 'seed')
const lookup = await step('lookups at 1k/10k/100k and the MSW floor', 'lookup')
const { paging } = await step('paging through 10k', 'paging')
const writes = {}
for (const N of [1_000, 10_000, 100_000]) {
  writes[N] = (await step(`writes at ${N}`, 'writes', String(N))).writes
}
const http = await runServeBench()
const totalSeconds = (Date.now() - started) / 1000

// ---- formatting ----
const us = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3))
const ops = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : Math.round(v).toLocaleString('en-US'))
const k = (N) => `${N / 1000}k`
const SIZES = [1_000, 10_000, 100_000]

const rows = []
const row = (scenario, N, stats, note = '') =>
  rows.push([scenario, k(N), us(stats.median), us(stats.p99), ops(stats.opsPerSec), note])
const L = lookup.lookup
for (const N of SIZES) row('lookup `userName eq` via MSW (setupServer + fetch)', N, L[`msw@${N}`])
for (const N of SIZES) row('lookup `userName eq` via provider.handle', N, L[`handle@${N}`])
for (const N of SIZES)
  row('lookup floor: bare `Map.get`', N, L[`mapGet@${N}`], 'per get, timed in batches of 1000')
row(
  'MSW floor: constant one-user list handler',
  100_000,
  L['mswFloor@100000'],
  'same server, interleaved',
)
for (const path of ['handle', 'msw']) {
  const p = paging[path]
  row(
    `paging 10k, count=100, via ${path === 'msw' ? 'MSW' : 'provider.handle'} (per page)`,
    10_000,
    p.perPage,
    `whole pass (100 pages): ${p.passMedianMs.toFixed(0)} ms median of 8`,
  )
}
for (const [op, label] of [
  ['post', 'POST /Users'],
  ['put', 'PUT /Users/{id}'],
  ['patch', 'PATCH /Users/{id} (Okta deactivate)'],
]) {
  for (const N of SIZES) {
    row(`${label} via provider.handle`, N, writes[N][op], `${writes[N][op].n} ops, interleaved`)
  }
}

const header = ['scenario', 'users', 'median µs', 'p99 µs', 'ops/s', 'note']
const markdownTable = (head, body) =>
  [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n')

const seedRows = [
  [
    'seed 10k, cold (first provider in a fresh process, loads faker)',
    `${seed.coldMs.toFixed(0)} ms`,
  ],
  [
    'seed 10k, warm (median of 5)',
    `${seed.warmMedianMs.toFixed(0)} ms (${seed.warmMs.map((v) => v.toFixed(0)).join(', ')})`,
  ],
  ...SIZES.map((N) => [`seed ${k(N)} (lookup process)`, `${lookup.seedMs[N].toFixed(0)} ms`]),
  ...SIZES.map((N) => [
    `provider.reset() at ${k(N)} (after the writes; ${writes[N].reset.n === 1 ? '1 run' : `median of ${writes[N].reset.n}`})`,
    `${(writes[N].reset.median / 1000).toFixed(0)} ms`,
  ]),
  ['heap per 10k users (median of 5 seeds)', `${seed.heapMB.toFixed(1)} MB`],
  ...SIZES.map((N) => [
    `heap for ${k(N)} users`,
    `${lookup.heapMB[N].toFixed(1)} MB (${((lookup.heapMB[N] / N) * 10_000).toFixed(1)} MB per 10k)`,
  ]),
]

// ---- targets ----
const ratio = (a, b) => a / b
const flatHandle = ratio(L['handle@100000'].median, L['handle@1000'].median)
const flatMsw = ratio(L['msw@100000'].median, L['msw@1000'].median)
const overFloor = ratio(L['msw@100000'].median, L['mswFloor@100000'].median)
const heapPer10k = Math.max(seed.heapMB, (lookup.heapMB[100_000] / 100_000) * 10_000)
const providerShare =
  (L['msw@100000'].median - L['mswFloor@100000'].median) / L['msw@100000'].median
const pass = (ok) => (ok ? '**PASS**' : '**FAIL**')
// Loopback HTTP: scim-mock vs the scimmy + express peer (throughput) and the bare floor (p99).
const HTTP_OPS = [
  ['get', '`GET /Users?filter=userName eq "…"`'],
  ['post', '`POST /Users`'],
]
const SERVER_LABELS = {
  'scim-mock': 'scim-mock (createScimService + node:http)',
  scimmy: 'peer: scimmy + express',
  bare: 'floor: bare node:http, fixed one-user list',
}
const vsPeer = Object.fromEntries(
  HTTP_OPS.map(([op]) => [op, http['scim-mock'][op].rps / http.scimmy[op].rps]),
)
// Latency is judged at the same offered load (FIXED_RATE), below every server's capacity, on
// the open-loop client's µs latencies (bench/open-loop.js). autocannon's fixed-rate figures
// (whole ms, bursts, a 1 ms coordinated-omission interval) are shown beside them.
const vsBare = Object.fromEntries(
  HTTP_OPS.map(([op]) => [op, http['scim-mock'][op].openLoop.p99 / http.bare[op].openLoop.p99]),
)
const vsBareP50 = Object.fromEntries(
  HTTP_OPS.map(([op]) => [op, http['scim-mock'][op].openLoop.p50 / http.bare[op].openLoop.p50]),
)
const autocannonVsBare = Object.fromEntries(
  HTTP_OPS.map(([op]) => [
    op,
    // autocannon's latencies are whole milliseconds: a bare p99 of 0 ms would divide by zero.
    http['scim-mock'][op].fixed.p99 / Math.max(1, http.bare[op].fixed.p99),
  ]),
)
const micros = (v) => Math.round(v).toLocaleString('en-US')
const gcText = ({ minor, major }) =>
  `${minor.count} minor, ${minor.totalMs.toFixed(0)} ms (max ${minor.maxMs.toFixed(1)})` +
  (major.count
    ? `; ${major.count} major, ${major.totalMs.toFixed(0)} ms (max ${major.maxMs.toFixed(1)})`
    : '')
const stallText = (s) =>
  `${s.over1ms} over 1 ms (${s.over2ms} over 2 ms, longest ${s.maxMs.toFixed(1)} ms) in ${s.seconds} s`
const httpRows = HTTP_OPS.flatMap(([op, label]) =>
  Object.entries(SERVER_LABELS).map(([kind, server]) => {
    const s = http[kind][op]
    const o = s.openLoop
    return [
      label,
      server,
      ops(s.rps),
      `${s.p50} / ${s.p99}`,
      `${s.fixed.p50} / ${s.fixed.p99}`,
      `${micros(o.p50)} / ${micros(o.p90)} / **${micros(o.p99)}** / ${micros(o.p999)}`,
      `${o.over1ms.toLocaleString('en-US')} of ${o.n.toLocaleString('en-US')} (${o.slow.duringPause} during a GC pause, ${o.slow.whileMarking} in the 300 ms before a major GC)`,
      gcText(o.gc),
      kind === 'scim-mock'
        ? `${vsPeer[op].toFixed(2)}× peer req/s; open-loop p99 ${vsBare[op].toFixed(1)}× bare (p50 ${vsBareP50[op].toFixed(1)}×)`
        : kind === 'scimmy'
          ? `${(s.rps / http.bare[op].rps).toFixed(3)}× bare req/s; open-loop p99 ${(o.p99 / http.bare[op].openLoop.p99).toFixed(1)}× bare`
          : '',
      ops(s.requests),
      String(s.failed),
    ]
  }),
)
const httpHeader = [
  'request',
  'server',
  'req/s (mean)',
  'p50 / p99 ms, full speed',
  'p50 / p99 ms, autocannon fixed rate',
  'p50 / p90 / p99 / p99.9 µs, open loop',
  'over 1 ms, open loop',
  'server GC during the open loop',
  'ratios',
  'requests (full speed)',
  'non-2xx/errors',
]
const minVsPeer = Math.min(...Object.values(vsPeer))
const maxVsBare = Math.max(...Object.values(vsBare))
const targets = [
  [
    'Lookup flat from 1k to 100k users (100k median ≤ 1.5× 1k median)',
    pass(flatHandle <= 1.5 && flatMsw <= 1.5),
    `provider.handle ${flatHandle.toFixed(2)}×, MSW ${flatMsw.toFixed(2)}×`,
    flatHandle <= 1.5
      ? `Indexed: the per-lookup cost (~${us(L['handle@1000'].median)} µs) does not grow with N; it is fixed per-request work, not a scan (Map.get itself is ${us(L['mapGet@100000'].median)} µs at 100k).`
      : 'Lookup time grows with N: something on the lookup path scans.',
  ],
  [
    'At 100k, lookup via MSW ≤ 1.5× the MSW constant-response handler',
    pass(overFloor <= 1.5),
    `${overFloor.toFixed(2)}× (${us(L['msw@100000'].median)} vs ${us(L['mswFloor@100000'].median)} µs)`,
    `MSW's own request pipeline dominates; the provider adds ~${us(L['msw@100000'].median - L['mswFloor@100000'].median)} µs (${(providerShare * 100).toFixed(0)}% of the request).`,
  ],
  [
    'Seeding 10k users < 1 s',
    pass(seed.coldMs < 1000 && seed.warmMedianMs < 1000),
    `cold ${seed.coldMs.toFixed(0)} ms, warm ${seed.warmMedianMs.toFixed(0)} ms`,
    `${(1000 / seed.coldMs).toFixed(1)}× under the limit cold (it loads faker); about half faker, half @msw/data create (bench/profile.js seed); linear (${k(100_000)}: ${(lookup.seedMs[100_000] / 1000).toFixed(1)} s). Sensitive to machine load.`,
  ],
  [
    'Heap < 50 MB per 10k users',
    pass(heapPer10k < 50),
    `${heapPer10k.toFixed(1)} MB per 10k (worst of 10k and 100k/10)`,
    `${(50 / heapPer10k).toFixed(1)}× under the limit, linear in N (${lookup.heapMB[100_000].toFixed(0)} MB at 100k); it counts the seed snapshot kept for reset() as well as the stored records and indexes, but not the request log, which grows with every request.`,
  ],
  [
    'Loopback throughput ≥ the scimmy + express peer (GET filter and POST)',
    pass(minVsPeer >= 1),
    HTTP_OPS.map(([op]) => `${op.toUpperCase()} ${vsPeer[op].toFixed(2)}×`).join(', '),
    `scim-mock answers ${HTTP_OPS.map(([op]) => ops(http['scim-mock'][op].rps)).join(' / ')} req/s against the peer's ${HTTP_OPS.map(([op]) => ops(http.scimmy[op].rps)).join(' / ')} (GET / POST), one server at a time, autocannon in the parent process on the same 2 cores.`,
  ],
  [
    `Loopback p99 latency ≤ 2× the bare node:http server, at the same load (${FIXED_RATE.get} GET/s, ${FIXED_RATE.post} POST/s)`,
    pass(maxVsBare <= 2),
    HTTP_OPS.map(
      ([op]) =>
        `${op.toUpperCase()} ${micros(http['scim-mock'][op].openLoop.p99)} vs ${micros(http.bare[op].openLoop.p99)} µs (${vsBare[op].toFixed(1)}×)`,
    ).join(', ') +
      ` (open loop); autocannon's fixed rate: ${HTTP_OPS.map(([op]) => `${op.toUpperCase()} ${http['scim-mock'][op].fixed.p99} vs ${http.bare[op].fixed.p99} ms (${autocannonVsBare[op].toFixed(1)}×)`).join(', ')}`,
    `Judged on the open-loop client (µs, evenly spaced requests, queueing counted). scim-mock's p50 is already ${HTTP_OPS.map(([op]) => `${vsBareP50[op].toFixed(1)}×`).join(' / ')} the bare server's (GET / POST: ${HTTP_OPS.map(([op]) => `${micros(http['scim-mock'][op].openLoop.p50)} vs ${micros(http.bare[op].openLoop.p50)} µs`).join(', ')}): that is its work per request, which the bare server does not do. Its requests over 1 ms (${HTTP_OPS.map(([op]) => http['scim-mock'][op].openLoop.slow.total).join(' / ')}, bare ${HTTP_OPS.map(([op]) => http.bare[op].openLoop.slow.total).join(' / ')}) are mostly its GC: ${HTTP_OPS.map(([op]) => `${http['scim-mock'][op].openLoop.slow.duringPause + http['scim-mock'][op].openLoop.slow.whileMarking}`).join(' / ')} of them were in flight during a GC pause or in the 300 ms before a major GC (GET: ${gcText(http['scim-mock'].get.openLoop.gc)}; POST: ${gcText(http['scim-mock'].post.openLoop.gc)}); the rest are the machine's stalls, which hit a process in proportion to its busy time. See the notes below the marker.`,
  ],
]

let commit = 'unknown'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root })
  if (dirty.length > 0) commit += ' (src/ has uncommitted changes)'
} catch {
  // Not a git checkout: leave the commit unknown.
}
const pkg = (name) => {
  try {
    return JSON.parse(
      readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url)),
    ).version
  } catch {
    return '?'
  }
}
const cpus = os.cpus()
const machine = [
  `- node ${process.version}, ${os.platform()} ${os.arch()}`,
  `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
  `- date: ${new Date().toISOString()}`,
  `- commit: ${commit}; msw ${pkg('msw')}, @msw/data ${pkg('@msw/data')}, autocannon ${pkg('autocannon')}, scimmy ${pkg('scimmy')}, express ${pkg('express')}`,
  `- load average at the end: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(
      ' ',
    )} (other processes share this machine; lookups are interleaved across sizes to spread the noise)`,
  `- whole run: ${totalSeconds.toFixed(0)} s`,
]

const generated = `# Benchmarks

Generated by \`npm run bench\` (bench/run.js); do not edit above the marker line.

## Machine

${machine.join('\n')}

## Method

Providers are \`createScimProvider({ baseUrl: 'https://bench.test/scim/v2', token: 't', seed: { users: N, seed: 1 } })\`.
Lookups are \`GET /Users?filter=userName%20eq%20%22…%22\` on 1024 existing users spread over the whole range,
each response body read with \`.json()\`; 300 warm-up rounds, then 2500 per row, all seven lookup rows
interleaved round-robin in one process (MSW is pointed at the size under test with \`server.resetHandlers\`,
untimed). The MSW floor handler is registered first in the same server, so a provider request also pays one
failed URL match. Paging runs in its own process with one 10k provider: one warm-up pass per path, then 8
passes alternating MSW and provider.handle. Writes run one size per process after seeding, POST/PUT/PATCH
interleaved, each op on a distinct user spread over the collection (PATCH only on active users, so each one
writes). ops/s = 1 / mean.
Heap is \`heapUsed\` after forced GCs, before and after seeding (faker already loaded).

## Results

${markdownTable(header, rows)}

${markdownTable(['seeding and memory', 'value'], seedRows)}

Request-log entries kept at the end of the lookup process: ${SIZES.map((N) => `${k(N)}: ${lookup.requestLogEntries[N]}`).join(', ')}.

## Loopback HTTP

Each server runs alone in its own process (bench/serve.js) on 127.0.0.1, one after the other, seeded with
the same 10k users (\`seed: { users: 10000, seed: 1 }\`), and is driven from the bench process with ${LOAD.connections}
keep-alive connections: first the lookup of one existing userName (URL-encoded filter), then POSTs with a
new userName each. scim-mock is \`createScimService\` (\`requestLogLimit: 1000\`) behind \`createRequestListener\`,
as \`scim-mock serve\` runs it (which keeps 10,000 log entries). The peer is scimmy ${pkg('scimmy')} + express ${pkg('express')}:
\`SCIMMY.Resources.User\` \`read()\`/\`write()\` over an in-memory array with Maps by id and userName (uniqueness,
and a \`userName eq\` fast path before scimmy's \`Filter.match\`). The floor answers a constant one-user
ListResponse (201 and one user for POST) after reading the body. For each kind of request, in this order:

- **Throughput** (autocannon ${pkg('autocannon')}): ${LOAD.warmupSeconds} s of warm-up (discarded), then ${LOAD.seconds} s at full speed; its
  latencies there are a queue at saturation, in whole ms.
- **Open loop** (bench/open-loop.js; the latencies judged), straight after: ${FIXED_RATE.get} GET/s or ${FIXED_RATE.post} POST/s for
  ${OPEN_LOOP.seconds} s (${(FIXED_RATE.get * OPEN_LOOP.seconds).toLocaleString('en-US')} GETs, ${(FIXED_RATE.post * OPEN_LOOP.seconds).toLocaleString('en-US')} POSTs), evenly spaced and sent whether or not earlier answers came
  back, each on an idle connection (they take turns) or queued for the first one free; latency from
  the moment the request was due (the client's timer tick) to the last byte of the answer, by
  \`process.hrtime\`, in µs. The server's GC pauses during the run come from a \`PerformanceObserver\` in its
  process (minor = scavenges; major = mark-compact and incremental-marking events).
- **autocannon at a fixed rate** (\`overallRate\`, same rates, ${LOAD.seconds} s), kept for comparison with earlier runs, not
  judged: autocannon sends each connection's share of a second back to back as soon as the second starts
  (a burst of ${FIXED_RATE.get} requests at concurrency ${LOAD.connections}, then idle), records whole ms, and "corrects for coordinated
  omission" with an expected interval of ceil(1 / rate) = 1 ms, adding samples at L−1, L−2, … 1 ms for
  every response of L ms.

The machine's own stalls, from a busy loop in the bench process for 3 s before each server starts (the
gaps in which it did not run; a server is exposed to them while it is busy, so a request that takes 3×
longer is hit ~3× as often): ${SERVERS_IN_ORDER.map((kind) => `before ${kind}, ${stallText(http[kind].stalls)}`).join('; ')}.

${markdownTable(httpHeader, httpRows)}

## Targets

${markdownTable(['target', 'result', 'measured', 'interpretation'], targets)}
`

const previous = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : ''
const notesAt = previous.indexOf(NOTES_MARKER)
const notes = notesAt === -1 ? `${NOTES_MARKER}\n` : previous.slice(notesAt)
writeFileSync(outputPath, `${generated}\n${notes}`)

console.log(markdownTable(header, rows))
console.log()
console.log(markdownTable(['seeding and memory', 'value'], seedRows))
console.log()
console.log(markdownTable(httpHeader, httpRows))
console.log()
for (const [target, result, measured] of targets) console.log(`${result} ${target}: ${measured}`)
console.log(`\nwrote ${outputPath} (${totalSeconds.toFixed(0)} s)`)
