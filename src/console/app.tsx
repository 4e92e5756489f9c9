import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { ConsoleClient, ServiceInfo } from './console-client.js'
import {
  ConsoleContext,
  type ConsoleMode,
  type ConsoleState,
  messageOf,
} from './console-context.js'
import { FaultsPanel } from './faults-panel.js'
import { OktaAppPanel } from './okta-app-panel.js'
import { OktaGroups } from './okta-groups.js'
import { type OktaSession, openOktaSession } from './okta-session.js'
import { OktaSystemLog, OktaTasks } from './okta-tasks.js'
import { OktaUsers } from './okta-users.js'
import { ProfilePanel } from './profile-panel.js'
import { ProviderGroups, ProviderUsers } from './provider-resources.js'
import { RequestLog } from './request-log.js'
import { ScenariosPanel } from './scenarios-panel.js'
import { Tabs } from './tabs.js'

/** How often the console looks for requests it did not send (curl, the app under test). */
const POLL_MS = 1500

export function App(props: { mode: ConsoleMode; client: ConsoleClient; info: ServiceInfo }) {
  const { mode, client } = props
  const [info, setInfo] = useState(props.info)
  const [okta, setOkta] = useState<OktaSession>(() => openOktaSession(props.info))
  const [version, setVersion] = useState(0)
  const [busy, setBusy] = useState<string | undefined>()
  const [status, setStatus] = useState<{ text: string; failed: boolean } | undefined>()
  const lastSequence = useRef(0)
  const oktaRef = useRef(okta)
  oktaRef.current = okta
  const busyRef = useRef(false)

  const act = useCallback(async (label: string, work: () => Promise<unknown> | unknown) => {
    if (busyRef.current) return false
    busyRef.current = true
    setBusy(label)
    setStatus({ text: `${label}…`, failed: false })
    let ok = true
    try {
      const tasksBefore = oktaRef.current.org.tasks.list().length
      const result = (await work()) as { ok?: boolean; message?: string } | undefined
      // A failed Okta action leaves a task, or resolves to { ok: false, message }:
      // announce Okta's message.
      const failure =
        oktaRef.current.org.tasks.list().slice(tasksBefore).at(-1)?.message ??
        (result?.ok === false ? result.message : undefined)
      setStatus(
        failure !== undefined
          ? { text: `${label}: ${failure}`, failed: true }
          : { text: `${label}: done`, failed: false },
      )
    } catch (error) {
      ok = false
      setStatus({ text: `${label}: failed: ${messageOf(error)}`, failed: true })
    } finally {
      oktaRef.current.save()
      busyRef.current = false
      setBusy(undefined)
      setVersion((value) => value + 1)
    }
    return ok
  }, [])

  // New requests from anyone (curl, a backend under test) refresh the panels.
  useEffect(() => {
    const timer = setInterval(() => {
      if (busyRef.current || document.hidden) return
      client.requests(lastSequence.current, 1).then(
        (entries) => {
          const last = entries.at(-1)
          if (!last) return
          lastSequence.current = last.sequence
          setVersion((value) => value + 1)
        },
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [client])

  const state: ConsoleState = {
    mode,
    client,
    info,
    okta,
    version,
    busy,
    act,
    replaceOkta: setOkta,
    async reloadInfo() {
      const next = await client.service()
      setInfo(next)
      return next
    },
  }
  const openTasks = okta.org.tasks.open().length
  const baseUrl = new URL(info.baseUrl, location.origin).href

  return (
    <ConsoleContext.Provider value={state}>
      <header class="top">
        <h1>scim-mock console</h1>
        <p class="mode">
          {mode === 'server' ? (
            <>
              Provider: <code>scim-mock serve</code> at <code>{baseUrl}</code>
            </>
          ) : (
            <>
              Offline: the provider runs in this page (MSW service worker) at <code>{baseUrl}</code>
              ; its state is kept across reloads
            </>
          )}
          {info.authentication.type === 'bearer' && (
            <>
              {' '}
              · token <code>{info.authentication.tokens[0]}</code>
            </>
          )}
        </p>
        <div class="actions">
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() =>
              act('Reset the provider and the Okta org', async () => {
                await client.reset()
                setOkta(okta.reset())
              })
            }
          >
            Reset everything
          </button>
        </div>
      </header>
      <div
        role="status"
        aria-live="polite"
        class={`status ${status?.failed ? 'status-failed' : ''}`}
      >
        {status?.text}
      </div>
      <main class="columns">
        <section aria-labelledby="okta-heading" class="column">
          <h2 id="okta-heading">Okta · {okta.app.label}</h2>
          <Tabs
            label="Okta"
            idPrefix="okta"
            tabs={[
              { id: 'people', label: 'People', render: () => <OktaUsers /> },
              { id: 'groups', label: 'Groups', render: () => <OktaGroups /> },
              { id: 'app', label: 'App settings', render: () => <OktaAppPanel /> },
              {
                id: 'tasks',
                label: openTasks > 0 ? `Tasks (${openTasks})` : 'Tasks',
                render: () => <OktaTasks />,
              },
              { id: 'log', label: 'System Log', render: () => <OktaSystemLog /> },
            ]}
          />
        </section>
        <section aria-labelledby="provider-heading" class="column">
          <h2 id="provider-heading">Provider · {info.profile.name}</h2>
          <Tabs
            label="Provider"
            idPrefix="provider"
            tabs={[
              { id: 'users', label: 'Users', render: () => <ProviderUsers /> },
              { id: 'groups', label: 'Groups', render: () => <ProviderGroups /> },
              { id: 'requests', label: 'Requests', render: () => <RequestLog /> },
              { id: 'faults', label: 'Faults', render: () => <FaultsPanel /> },
              { id: 'profile', label: 'Profile', render: () => <ProfilePanel /> },
              { id: 'scenarios', label: 'Scenarios', render: () => <ScenariosPanel /> },
            ]}
          />
        </section>
      </main>
    </ConsoleContext.Provider>
  )
}
