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
  status: number
  /** The JSON body of the response, or undefined. */
  response: unknown
  responseHeaders: Record<string, string>
  /** The operation the request was routed to, e.g. "createUser", or undefined for an unknown endpoint. */
  operation: string | undefined
  /** An unexpected exception that turned into a 500. */
  error?: string
}

/** The requests of one provider, in arrival order. */
export interface RequestLog {
  readonly entries: readonly RecordedRequest[]
  /** Adds an entry; `response` is parsed from `responseJson` when first read. */
  record(
    entry: Omit<RecordedRequest, 'sequence' | 'response'>,
    responseJson: string | undefined,
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
    record(entry, responseJson) {
      const recorded = { sequence: ++sequence, ...entry } as RecordedRequest
      let response: unknown
      let parsed = responseJson === undefined
      Object.defineProperty(recorded, 'response', {
        enumerable: true,
        get() {
          if (!parsed) {
            response = JSON.parse(responseJson as string)
            parsed = true
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
