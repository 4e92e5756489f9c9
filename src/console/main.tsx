import { render } from 'preact'
import { App } from './app.js'
import { createConsoleClient } from './console-client.js'
import type { ConsoleMode } from './console-context.js'
import './console.css'

/**
 * Boots the console. Served by `scim-mock serve`, the control API answers
 * and the console drives that server. Served as plain files (or with
 * `?mode=worker`), it starts the provider in this page behind MSW's service
 * worker: offline mode.
 */
async function boot() {
  const root = document.getElementById('app')!
  const client = createConsoleClient()
  const forced = new URLSearchParams(location.search).get('mode')
  let mode: ConsoleMode = 'server'
  let info = forced === 'worker' ? undefined : await client.service().catch(() => undefined)
  if (!info) {
    mode = 'worker'
    root.textContent = 'Starting the provider in this page…'
    const { startWorkerMode } = await import('./worker-mode.js')
    await startWorkerMode()
    info = await client.service()
  }
  root.textContent = ''
  document.documentElement.dataset.mode = mode
  render(<App mode={mode} client={client} info={info} />, root)
}

boot().catch((error: unknown) => {
  const root = document.getElementById('app')!
  root.innerHTML = ''
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = `The console could not start: ${error instanceof Error ? error.message : String(error)}`
  root.append(message)
})
