import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/** Anything that answers a Fetch API request, such as `provider.handle`. */
export type FetchHandler = (request: Request) => Promise<Response>

export interface RequestListenerOptions {
  /** Called once per answered request, e.g. to print a log line. */
  onResponse?: (request: Request, response: Response, durationMs: number) => void
}

/**
 * Adapts a Fetch API handler to `node:http`, so the one protocol
 * implementation also serves real sockets (curl, Postman, a backend under
 * test). No Express and no `@mswjs/http-middleware` (it breaks with msw 3).
 *
 * @example
 * createServer(createRequestListener(provider.handle)).listen(4000)
 */
export function createRequestListener(handler: FetchHandler, options: RequestListenerOptions = {}) {
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const started = performance.now()
    const request = toRequest(incoming)
    // A client that hangs up aborts `request.signal`, as a fetch signal does under
    // MSW: latency and timeout faults stop waiting instead of holding a timer.
    outgoing.once('close', () => {
      if (!outgoing.writableFinished) request.hangUp()
    })
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      // provider.handle never rejects; another handler might.
      response = new Response(String(error), { status: 500 })
    }
    options.onResponse?.(request, response, performance.now() - started)
    // A network error (the networkError and timeout failure modes): no HTTP
    // answer at all, the connection is reset, as a crashed server's would be.
    if (response.type === 'error') {
      incoming.socket.resetAndDestroy()
      return
    }
    outgoing.statusCode = response.status
    for (const [name, value] of response.headers) outgoing.appendHeader(name, value)
    if (response.body === null) {
      outgoing.end()
      return
    }
    outgoing.end(await readBody(response.body))
  }
}

/**
 * The whole body, read off its stream: the same bytes as `response.arrayBuffer()`,
 * with a quarter less time and garbage (no undici body-mixin machinery).
 */
async function readBody(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  const [only] = chunks
  return chunks.length === 1 && only
    ? Buffer.from(only.buffer, only.byteOffset, only.byteLength)
    : Buffer.concat(chunks, size)
}

/**
 * A Request whose `signal` aborts when the client hangs up. The signal is not
 * handed to undici (`new Request(url, { signal })`): undici follows it through a
 * WeakRef and a FinalizationRegistry entry per request, which V8's scavenger
 * treats as strong, so each request's controllers and listener outlived the
 * young generation (about 1 KB promoted per request: longer scavenges, a cause
 * of the loopback p99 in BENCHMARKS.md). The controller is made when a handler
 * first reads `signal`, which most requests never do. Clones (`request.clone()`,
 * `new Request(request)`) do not follow it.
 */
class IncomingRequest extends Request {
  #controller: AbortController | undefined
  #hungUp = false

  override get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController()
      if (this.#hungUp) this.#controller.abort()
    }
    return this.#controller.signal
  }

  /** The client went away before the response was sent. */
  hangUp(): void {
    this.#hungUp = true
    this.#controller?.abort()
  }
}

function toRequest(incoming: IncomingMessage): IncomingRequest {
  const host = incoming.headers.host ?? 'localhost'
  const url = new URL(incoming.url ?? '/', `http://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new IncomingRequest(url, {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' }
      : {}),
  } as RequestInit)
}
