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
    // A client that hangs up aborts the request, as a fetch signal does under MSW:
    // latency and timeout faults stop waiting instead of holding a timer.
    const hangUp = new AbortController()
    outgoing.once('close', () => {
      if (!outgoing.writableFinished) hangUp.abort()
    })
    const request = toRequest(incoming)
    // The hang-up signal is the request's own `signal`, not one undici follows:
    // `new Request(url, { signal })` registers a WeakRef and a FinalizationRegistry
    // entry per request, which V8's scavenger treats as strong, so every request's
    // AbortController, listener and signal outlived the young generation and was
    // promoted (~1.1 KB per request, a third of what a GET promoted with no request
    // log); longer scavenges were the loopback p99 (BENCHMARKS.md). Clones of the
    // request do not follow this signal.
    Object.defineProperty(request, 'signal', { value: hangUp.signal })
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
    outgoing.end(Buffer.from(await response.arrayBuffer()))
  }
}

function toRequest(incoming: IncomingMessage): Request {
  const host = incoming.headers.host ?? 'localhost'
  const url = new URL(incoming.url ?? '/', `http://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' }
      : {}),
  } as RequestInit)
}
