import { useState } from 'preact/hooks'
import { FAULT_RESPONSES, type FaultSpec } from '../provider/faults/fault-spec.js'
import { SCIM_OPERATIONS } from '../provider/route-request.js'
import { useConsole, useLoaded } from './console-context.js'

/** What each failure mode does, as the README says. */
const DESCRIPTIONS: Record<(typeof FAULT_RESPONSES)[number], string> = {
  conflict: '409 uniqueness: the userName or email is taken',
  licenseLimit: '403: no seats left',
  userNotFound: '404: the user does not exist',
  groupNotFound: '404: the group does not exist',
  rateLimit: '429 with Retry-After',
  serverError: '500',
  unauthorized: '401: bad token',
  forbidden: '403',
  invalidValue: '400 invalidValue',
  latency: 'answers late',
  timeout: 'never answers',
  networkError: 'drops the connection',
  malformedBody: 'an HTML or text body instead of JSON',
  emptyBody: '200 with no body',
  ignoreFilter: 'lists every resource, ignoring the filter',
  caseSensitiveUserName: 'compares userName case-sensitively',
}

interface Draft {
  respond: FaultSpec['respond']
  on: string
  times: string
  userName: string
  email: string
  status: string
  detail: string
  delay: string
}

const EMPTY: Draft = {
  respond: 'conflict',
  on: 'createUser',
  times: '',
  userName: '',
  email: '',
  status: '',
  detail: '',
  delay: '',
}

/** The failure modes switched on now, and a form to add one. */
export function FaultsPanel() {
  const { client, act, busy } = useConsole()
  const { data: faults, error } = useLoaded(() => client.faults())
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const set = (key: keyof Draft) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value })
  const disabled = busy !== undefined

  const spec = (): FaultSpec => {
    const where = {
      ...(draft.userName ? { userName: draft.userName } : {}),
      ...(draft.email ? { email: draft.email } : {}),
    }
    return {
      respond: draft.respond,
      on: draft.on as FaultSpec['on'],
      ...(draft.times ? { times: Number(draft.times) } : {}),
      ...(Object.keys(where).length > 0 ? { where } : {}),
      ...(draft.status ? { status: Number(draft.status) } : {}),
      ...(draft.detail ? { detail: draft.detail } : {}),
      ...(draft.delay ? { delay: Number(draft.delay) } : {}),
    }
  }

  return (
    <div>
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {faults && faults.length === 0 && <p>No faults: the provider answers normally.</p>}
      {faults && faults.length > 0 && (
        <ul class="fault-list">
          {faults.map((fault) => (
            <li key={fault.id} data-fault={fault.id}>
              <code>
                {fault.respond} on {[fault.on].flat().join(', ')}
                {fault.where && typeof fault.where === 'object'
                  ? ` where ${JSON.stringify(fault.where)}`
                  : ''}
                {fault.times ? ` × ${fault.times}` : ''}
              </code>{' '}
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove fault ${fault.respond} on ${[fault.on].flat().join(', ')}`}
                onClick={() =>
                  act(`Remove the ${fault.respond} fault`, () => client.removeFault(fault.id))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {faults && faults.length > 0 && (
        <button
          type="button"
          disabled={disabled}
          onClick={() => act('Remove every fault', () => client.clearFaults())}
        >
          Remove all faults
        </button>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void act(`Add a ${draft.respond} fault on ${draft.on}`, async () => {
            await client.addFault(spec())
            setDraft(EMPTY)
          })
        }}
      >
        <fieldset>
          <legend>Add a fault</legend>
          <label>
            Failure mode
            <select name="respond" value={draft.respond} onChange={set('respond')}>
              {FAULT_RESPONSES.map((respond) => (
                <option key={respond} value={respond}>
                  {respond}: {DESCRIPTIONS[respond]}
                </option>
              ))}
            </select>
          </label>
          <label>
            On operation
            <select name="on" value={draft.on} onChange={set('on')}>
              <option value="*">* (every SCIM request)</option>
              {SCIM_OPERATIONS.map((operation) => (
                <option key={operation} value={operation}>
                  {operation}
                </option>
              ))}
            </select>
          </label>
          <label>
            Times (empty: every matching request)
            <input name="times" type="number" min="1" value={draft.times} onInput={set('times')} />
          </label>
          <label>
            Only for userName
            <input name="userName" value={draft.userName} onInput={set('userName')} />
          </label>
          <label>
            Only for email
            <input name="email" value={draft.email} onInput={set('email')} />
          </label>
          <label>
            Status (empty: the mode's own)
            <input
              name="status"
              type="number"
              min="100"
              max="599"
              value={draft.status}
              onInput={set('status')}
            />
          </label>
          <label>
            Detail (empty: the mode's own)
            <input name="detail" value={draft.detail} onInput={set('detail')} />
          </label>
          {(draft.respond === 'latency' || draft.respond === 'timeout') && (
            <label>
              Delay in ms
              <input
                name="delay"
                type="number"
                min="0"
                value={draft.delay}
                onInput={set('delay')}
              />
            </label>
          )}
          <button type="submit" disabled={disabled}>
            Add fault
          </button>
        </fieldset>
      </form>
    </div>
  )
}
