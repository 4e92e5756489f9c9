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
      let response: unknown = sent && 'text' in sent ? sent.text : undefined
      let pending = sent && 'json' in sent ? sent.json : undefined
      Object.defineProperty(recorded, 'response', {
        enumerable: true,
        get() {
          if (pending !== undefined) {
            response = JSON.parse(pending)
            pending = undefined
          }
          return response
        },
      })
      entries.push(recorded)
      if (entries.length > limit) entries.splice(0, entries.length - limit)
      return recorded
    },
    clear() {
      entries.length = 0
      sequence = 0
    },
  }
}
