import { useConsole, useLoaded } from './console-context.js'

/** The most recent requests shown; `scim-mock serve` keeps 10,000. */
const SHOWN = 200

/** The provider's request log, newest first, with request and response bodies. */
export function RequestLog() {
  const { client, act, busy } = useConsole()
  const { data, error } = useLoaded(() => client.requests(0, SHOWN))
  const entries = data ? [...data].reverse() : undefined
  return (
    <div>
      <div class="actions">
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() => act('Clear the request log', () => client.clearRequests())}
        >
          Clear log
        </button>
      </div>
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && <p>No requests yet.</p>}
      {entries && entries.length === SHOWN && <p>The {SHOWN} most recent requests:</p>}
      <ol class="request-log" reversed>
        {entries?.map((entry) => {
          const query = new URL(entry.url).search
          return (
            <li key={entry.sequence} data-request={entry.sequence}>
              <details>
                <summary>
                  <code>
                    {entry.method} {entry.path}
                    {decodeURIComponent(query)}
                  </code>{' '}
                  <span class={`badge status-${Math.floor(entry.status / 100)}xx`}>
                    {entry.status === 0 ? 'no answer' : entry.status}
                  </span>
                  {entry.fault && (
                    <span class="badge badge-fault">
                      fault: {entry.fault.name ?? entry.fault.respond}
                    </span>
                  )}
                </summary>
                <div class="exchange">
                  <h5>Request</h5>
                  <pre>{format(entry.body) ?? '(no body)'}</pre>
                  <h5>Response</h5>
                  <pre>{format(entry.response) ?? '(no body)'}</pre>
                  <small>
                    {entry.time} · {entry.operation ?? 'unrouted'}
                  </small>
                </div>
              </details>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

function format(body: unknown): string | undefined {
  if (body === undefined) return undefined
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}
