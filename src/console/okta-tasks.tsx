import { useConsole } from './console-context.js'

/** Dashboard > Tasks: Okta's exact messages, with Retry and Mark complete. */
export function OktaTasks() {
  const { okta, act, busy, version } = useConsole()
  void version
  const tasks = okta.org.tasks.list().reverse()
  if (tasks.length === 0) return <p>No tasks: nothing has failed.</p>
  return (
    <table>
      <caption class="visually-hidden">Okta provisioning tasks, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-task={task.id}>
            <td>
              <p class="task-message">{task.message}</p>
              <small>
                {task.kind} · {task.appLabel} · {new Date(task.created).toLocaleString()}
                {task.rateLimited ? ' · rate limited' : ''}
              </small>
            </td>
            <td>
              <span class={`badge badge-${task.status.toLowerCase()}`}>{task.status}</span>
            </td>
            <td class="actions">
              {task.status === 'OPEN' && task.retryable && (
                <button
                  type="button"
                  disabled={busy !== undefined}
                  aria-label={`Retry ${task.id}`}
                  onClick={() => act(`Retry ${task.id}`, () => okta.org.tasks.retry(task.id))}
                >
                  Retry
                </button>
              )}
              {task.status === 'OPEN' && (
                <button
                  type="button"
                  disabled={busy !== undefined}
                  aria-label={`Mark ${task.id} complete`}
                  onClick={() =>
                    act(`Mark ${task.id} complete`, () => okta.org.tasks.complete(task.id))
                  }
                >
                  Mark complete
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Reports > System Log, newest first. */
export function OktaSystemLog() {
  const { okta, version } = useConsole()
  void version
  const events = okta.org.systemLog().reverse()
  if (events.length === 0) return <p>No events yet.</p>
  return (
    <table>
      <caption class="visually-hidden">Okta System Log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, position) => (
          <tr key={position}>
            <td>
              <small>{new Date(event.published).toLocaleTimeString()}</small>
            </td>
            <td>
              {event.displayMessage}
              <br />
              <small>
                <code>{event.eventType}</code> ·{' '}
                {event.target.map((target) => target.displayName).join(', ')}
              </small>
            </td>
            <td>
              <span class={`badge badge-${event.outcome.result.toLowerCase()}`}>
                {event.outcome.result}
              </span>
              {event.outcome.reason && <p class="error-text">{event.outcome.reason}</p>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
