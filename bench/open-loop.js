// An open-loop, fixed-rate HTTP/1.1 load generator with microsecond latencies,
// for the loopback phase of `npm run bench` (bench/serve-run.js).
//
// autocannon's `overallRate` is not a steady rate: each connection sends its
// share of the second back to back as soon as the second starts (a closed loop
// at full speed), then idles until the next second, so 500 req/s over 10
// connections is a burst of 500 requests at concurrency 10 once a second. It
// then "corrects for coordinated omission" with an expected interval of
// ceil(1 / rate) = 1 ms, which adds synthetic samples at L-1, L-2, … 1 ms for
// every response of L ms, and it keeps whole milliseconds. Here, instead:
//
// - request i is due at start + i / rate (evenly spaced), whatever happened to
//   the ones before it (open loop: a slow response does not delay the next ones);
// - a due request goes out on an idle keep-alive connection at once, or waits
//   for the first one to free up (that wait is counted: it is the server's queue);
// - its latency runs from the moment the client had it ready to send (the timer
//   tick that found it due) to the last byte of the response, by
//   process.hrtime.bigint(), in µs. Timer lateness in this process is not
//   counted as the server's, but reported (`lagP99Us`), as is the rate achieved.
import net from 'node:net'

const CRLF2 = Buffer.from('\r\n\r\n')

/**
 * Builds the request bytes. request: { method, path, headers, body? }.
 * `host` and `content-length` are added; the connection is kept alive.
 */
export function requestBytes(host, { method, path, headers = {}, body }) {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`]
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  const payload = body === undefined ? undefined : Buffer.from(body)
  if (payload) lines.push(`content-length: ${payload.length}`)
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`)
  return payload ? Buffer.concat([head, payload]) : head
}

/**
 * Where the response that starts at 0 ends (Content-Length or chunked framing),
 * or undefined while it is incomplete.
 */
function messageEnd(head, buffered, bodyStart) {
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
  if (length) {
    const end = bodyStart + Number(length[1])
    return buffered.length >= end ? end : undefined
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    throw new Error(`open-loop: response with neither length nor chunks: ${head.split('\r\n')[0]}`)
  }
  let at = bodyStart
  for (;;) {
    const lineEnd = buffered.indexOf('\r\n', at)
    if (lineEnd < 0) return undefined
    const size = Number.parseInt(buffered.toString('latin1', at, lineEnd), 16)
    const end = lineEnd + 2 + size + 2
    if (buffered.length < end) return undefined
    if (size === 0) return end // no trailers: the last chunk is followed by CRLF
    at = end
  }
}

/** One keep-alive connection that parses responses, one at a time. */
function connect(port, host, onResponse, onError) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host, noDelay: true })
    const connection = { socket, busy: false, closed: false, pending: undefined }
    let buffered = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      const at = process.hrtime.bigint()
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk])
      const headEnd = buffered.indexOf(CRLF2)
      if (headEnd < 0) return
      const head = buffered.toString('latin1', 0, headEnd)
      let total
      try {
        total = messageEnd(head, buffered, headEnd + 4)
      } catch (error) {
        onError(error)
        socket.destroy()
        return
      }
      if (total === undefined) return
      if (buffered.length > total) {
        onError(new Error('open-loop: bytes after the response (one request at a time)'))
        socket.destroy()
        return
      }
      buffered = Buffer.alloc(0)
      const status = Number(head.slice(9, 12))
      const pending = connection.pending
      connection.pending = undefined
      connection.busy = false
      onResponse(connection, pending, status, at)
    })
    socket.once('connect', () => resolve(connection))
    socket.once('error', (error) => {
      reject(error)
      onError(error)
    })
    socket.once('close', () => {
      connection.closed = true
      if (connection.busy) onError(new Error('open-loop: connection closed mid-request'))
    })
  })
}

const percentile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]

/**
 * Sends `rate` requests per second for `seconds`, evenly spaced, over
 * `connections` keep-alive connections. next(i) returns request i
 * ({ method, path, headers, body? }). Returns latencies in µs:
 * { n, rate, p50, p90, p99, p999, max, mean, lagP99Us, non2xx, samples, readyAt }.
 */
export async function openLoop({
  port,
  host = '127.0.0.1',
  rate,
  seconds,
  connections = 10,
  next,
}) {
  let finish
  let fail
  const finished = new Promise((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  const total = Math.round(rate * seconds)
  const latencies = new Float64Array(total)
  const lags = new Float64Array(total)
  const readyAt = new Float64Array(total) // ms since `start`
  const queue = [] // due but not yet sent: { i, ready }
  let done = 0
  let non2xx = 0

  const send = (connection, item) => {
    connection.busy = true
    connection.pending = item
    connection.socket.write(item.bytes)
  }
  const onResponse = (connection, item, status, at) => {
    latencies[item.i] = Number(at - item.ready) / 1000
    readyAt[item.i] = Number(item.ready - start) / 1e6
    if (status < 200 || status > 299) non2xx += 1
    done += 1
    if (done === total) finish()
    const waiting = queue.shift()
    if (waiting) send(connection, waiting)
  }
  const pool = await Promise.all(
    Array.from({ length: connections }, () => connect(port, host, onResponse, fail)),
  )
  const hostHeader = `${host}:${port}`
  // Build every request up front, so the loop below only writes bytes.
  const bytes = Array.from({ length: total }, (_, i) => requestBytes(hostHeader, next(i)))

  // Idle connections take turns, as in a client's pool, so none sits idle long
  // enough for the server's keep-alive timeout to close it.
  let cursor = 0
  const idleConnection = () => {
    for (let k = 0; k < pool.length; k++) {
      const connection = pool[(cursor + k) % pool.length]
      if (connection.busy || connection.closed) continue
      cursor = (cursor + k + 1) % pool.length
      return connection
    }
    if (pool.every((connection) => connection.closed)) {
      fail(new Error('open-loop: the server closed every connection'))
    }
    return undefined
  }

  const intervalNs = 1e9 / rate
  const startedAt = performance.timeOrigin + performance.now()
  const start = process.hrtime.bigint()
  let issued = 0
  let timer
  const tick = () => {
    const now = process.hrtime.bigint()
    const elapsed = Number(now - start)
    while (issued < total && issued * intervalNs <= elapsed) {
      const item = { i: issued, ready: now, bytes: bytes[issued] }
      lags[issued] = (elapsed - issued * intervalNs) / 1000
      issued += 1
      const idle = idleConnection()
      if (idle) send(idle, item)
      else queue.push(item)
    }
    if (issued < total) {
      const wait = (issued * intervalNs - Number(process.hrtime.bigint() - start)) / 1e6
      timer = setTimeout(tick, Math.max(0, Math.floor(wait)))
    }
  }
  const deadline = setTimeout(
    () => {
      fail(new Error(`open-loop: ${total - done} responses missing ${seconds + 30} s in`))
    },
    (seconds + 30) * 1000,
  )
  tick()
  try {
    await finished
  } finally {
    clearTimeout(deadline)
    clearTimeout(timer)
    for (const { socket } of pool) socket.destroy()
  }
  const elapsedS = Number(process.hrtime.bigint() - start) / 1e9

  const sorted = Float64Array.from(latencies).sort()
  const sortedLags = Float64Array.from(lags).sort()
  let sum = 0
  for (const v of sorted) sum += v
  return {
    n: total,
    rate: total / elapsedS,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[sorted.length - 1],
    mean: sum / total,
    lagP99Us: percentile(sortedLags, 0.99),
    non2xx,
    samples: latencies,
    // When each request was ready to go, in ms since the epoch (to line up with
    // the server's performance entries: performance.timeOrigin + startTime).
    readyAt: readyAt.map((ms) => startedAt + ms),
  }
}
