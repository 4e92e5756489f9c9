import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createScimProvider, type ScimProvider, type ScimProviderOptions } from 'scim-mock'
import { afterEach, expect, it, vi } from 'vitest'
// Not a public export: the standalone server is reached through `scim-mock serve`.
import { createRequestListener } from '../../src/server/create-request-listener.js'
import { scimRequest, userBody } from './scim-test-server.js'

// No MSW here: real sockets, as `scim-mock serve` answers QA's tools.

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A provider behind createRequestListener on a free port, and its base URL. */
async function serve(
  options: ScimProviderOptions = {},
): Promise<{ provider: ScimProvider; baseUrl: string }> {
  const provider = createScimProvider({ baseUrl: '/scim/v2', ...options })
  server = createServer(createRequestListener(provider.handle))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { provider, baseUrl: `http://127.0.0.1:${port}/scim/v2` }
}

it('resets the connection of a real socket for a networkError fault', async () => {
  const { provider, baseUrl } = await serve()
  provider.faults.add({ on: 'createUser', respond: 'networkError', times: 1 })

  const failed = fetch(scimRequest('POST', '/Users', { baseUrl, json: userBody('ada') }))
  await expect(failed).rejects.toMatchObject({
    name: 'TypeError',
    cause: { code: 'ECONNRESET' },
  })
  const retried = await fetch(scimRequest('POST', '/Users', { baseUrl, json: userBody('ada') }))

  expect(retried.status).toBe(201)
  expect(provider.requests.map((entry) => [entry.status, entry.fault?.respond])).toEqual([
    [0, 'networkError'],
    [201, undefined],
  ])
})

it('stops waiting and drops a latency fault when the client hangs up', async () => {
  const signals: Array<AbortSignal | undefined> = []
  const { provider, baseUrl } = await serve({
    // Waits until the request's signal aborts, however long that takes.
    sleep: (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signals.push(signal)
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      }),
  })
  provider.faults.add({ on: 'createUser', respond: 'latency' })
  const controller = new AbortController()

  const pending = fetch(scimRequest('POST', '/Users', { baseUrl, json: userBody('ada') }), {
    signal: controller.signal,
  })
  await vi.waitFor(() => expect(signals).toHaveLength(1), { interval: 1 })
  controller.abort()

  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  await vi.waitFor(() => expect(provider.requests).toHaveLength(1), { interval: 1 })
  expect(signals[0]?.aborted).toBe(true)
  expect(provider.requests[0]).toMatchObject({ status: 0, fault: { respond: 'latency' } })
  expect(provider.users.count()).toBe(0)
})
