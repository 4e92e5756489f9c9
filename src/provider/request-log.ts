/** One request the provider answered, as the request log keeps it. */
export interface RecordedRequest {
  /** Position in the log, from 1. */
  sequence: number
  /** When the request arrived, from the provider's clock. */
  time: string
  method: string
  url: string
  /** The path below the base URL, e.g. "/Users/2819c223", without the query string. */
  path: string
  /** The decoded query parameters. */
  query: Record<string, string>
  /** Request headers, lower-cased names. */
  headers: Record<string, string>
  /** The parsed JSON body, the raw text when it was not JSON, or undefined. */
  body: unknown
  /** The response status; 0 when no HTTP answer was given (networkError, timeout). */
  status: number
  /** The JSON body of the response, its text when it was not JSON, or undefined. */
  response: unknown
  responseHeaders: Record<string, string>
  /** The operation the request was routed to, e.g. "createUser", or undefined for an unknown endpoint. */
  operation: string | undefined
  /** The injected fault that answered, so a test can tell it from a real error. */
  fault?: { id: string; respond: string; name?: string }
  /** An unexpected exception that turned into a 500. */
  error?: string
}

/** The requests of one provider, in arrival order. */
export interface RequestLog {
  readonly entries: readonly RecordedRequest[]
  /** Adds an entry; a JSON `response` is parsed when first read. */
  record(
    entry: Omit<RecordedRequest, 'sequence' | 'response'>,
    response: { json: string } | { text: string } | undefined,
  ): RecordedRequest
  clear(): void
  /** The entries and the last sequence number handed out, as JSON. */
  snapshot(): RequestLogSnapshot
  /** Puts back a snapshot's entries (the newest, over the limit); numbering goes on after it. */
  restore(snapshot: RequestLogSnapshot): void
}

/** A request log as data, for `provider.snapshot()`. */
export interface RequestLogSnapshot {
  /** The last sequence number handed out: the next entry gets one more. */
  sequence: number
  entries: RecordedRequest[]
}

/** Where an entry keeps its response until `response` is first read. */
const SENT = Symbol('sent')
interface SentResponse {
  value: unknown
  /** The JSON text, until it is parsed into `value`. */
  json: string | undefined
}

/**
 * Every entry's `response` getter, one function for all: a closure per entry
 * gave each entry its own hidden class (a V8 map and descriptor array in old
 * space), ~0.8 KB more per entry and more full GCs under load (BENCHMARKS.md).
 */
function readResponse(this: { [SENT]: SentResponse }): unknown {
  const sent = this[SENT]
  if (sent.json !== undefined) {
    sent.value = JSON.parse(sent.json)
    sent.json = undefined
  }
  return sent.value
}

/**
 * @param limit the most entries kept; older ones are dropped first (a
 *   long-running server should not grow without bound). Sequences go on.
 * @example const log = createRequestLog(1000)
 */
export function createRequestLog(limit = Number.POSITIVE_INFINITY): RequestLog {
  const entries: RecordedRequest[] = []
  let sequence = 0
  return {
    entries,
    record(entry, sent) {
      const recorded = { sequence: ++sequence, ...entry } as RecordedRequest
      const kept: SentResponse = {
        value: sent && 'text' in sent ? sent.text : undefined,
        json: sent && 'json' in sent ? sent.json : undefined,
      }
      Object.defineProperty(recorded, SENT, { value: kept })
      Object.defineProperty(recorded, 'response', { enumerable: true, get: readResponse })
      entries.push(recorded)
      if (entries.length > limit) entries.splice(0, entries.length - limit)
      return recorded
    },
    clear() {
      entries.length = 0
      sequence = 0
    },
    snapshot() {
      // JSON reads the lazy `response` of each entry.
      return JSON.parse(JSON.stringify({ sequence, entries })) as RequestLogSnapshot
    },
    restore(snapshot) {
      const kept = snapshot.entries.slice(Math.max(0, snapshot.entries.length - limit))
      // JSON drops the keys an entry holds as undefined; every entry has them again.
      entries.splice(
        0,
        entries.length,
        ...kept.map((entry) => {
          const copy = structuredClone(entry)
          return { ...copy, body: copy.body, operation: copy.operation, response: copy.response }
        }),
      )
      sequence = snapshot.sequence
    },
  }
}
