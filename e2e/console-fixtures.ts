import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'

const bin = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))

/** A `scim-mock` command running on a free port, as a user starts it. */
export interface RunningCommand {
  /** The console's URL, e.g. http://127.0.0.1:41234/ */
  url: string
  origin: string
}

/**
 * Starts the built CLI (`npm run build` comes first in `npm test`) with
 * `--port 0` and reads the console's URL from what it prints.
 */
async function start(args: string[]): Promise<{ command: RunningCommand; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, ...args, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const found = /console\s+(http:\/\/\S+\/)/.exec(output)
      if (found) {
        child.stdout!.off('data', onData)
        resolve(found[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) =>
      reject(new Error(`scim-mock ${args[0]} exited ${code}: ${output}`)),
    )
  })
  return { command: { url, origin: new URL(url).origin }, child }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/**
 * `scimServe`: one `scim-mock serve` per worker, put back to the seeded
 * generic profile before each test. `scimConsole`: one `scim-mock console`
 * per worker (offline mode: no SCIM API on the port).
 */
export const test = base.extend<
  { consoleServer: RunningCommand },
  { scimServe: RunningCommand; scimConsole: RunningCommand }
>({
  scimServe: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const { command, child } = await start(['serve', '--quiet'])
      await use(command)
      await stop(child)
    },
    { scope: 'worker' },
  ],
  scimConsole: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const { command, child } = await start(['console'])
      await use(command)
      await stop(child)
    },
    { scope: 'worker' },
  ],
  consoleServer: async ({ scimServe, request }, use) => {
    // A fresh generic provider (a switch re-seeds), whatever the last test did.
    const switched = await request.put(`${scimServe.origin}/__scim-mock/profile`, {
      data: { name: 'generic' },
    })
    expect(switched.ok()).toBe(true)
    await use(scimServe)
  },
})

export { expect }

/** Opens a tab of the Okta or the provider column. */
export async function openTab(page: Page, column: 'Okta' | 'Provider', tab: string | RegExp) {
  await page.getByRole('tablist', { name: column }).getByRole('tab', { name: tab }).click()
}

/** Adds a fault from the Faults tab, as a QA engineer does. */
export async function addFault(page: Page, fault: { respond: string; on: string; times?: number }) {
  await openTab(page, 'Provider', 'Faults')
  await page.getByLabel('Failure mode').selectOption(fault.respond)
  await page.getByLabel('On operation').selectOption(fault.on)
  if (fault.times) await page.getByLabel(/^Times/).fill(String(fault.times))
  await page.getByRole('button', { name: 'Add fault' }).click()
  await expect(page.getByRole('status')).toContainText(': done')
}
