import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { createScimService } from '../provider/create-scim-service.js'
import { createRequestListener } from './create-request-listener.js'

let server: Server | undefined

afterEach(async () => {
  // A client that hung up can leave a keep-alive connection open for seconds.
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function listen(handler: (request: Request) => Promise<Response>) {
  server = createServer(createRequestListener(handler))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

it('passes method, url, headers and body through, and the response back', async () => {
  let seen: { method: string; url: string; auth: string | null; body: string } | undefined
  const origin = await listen(async (request) => {
    seen = {
      method: request.method,
      url: request.url,
      auth: request.headers.get('authorization'),
      body: await request.text(),
    }
    return new Response('{"ok":true}', {
      status: 201,
      headers: { 'Content-Type': 'application/scim+json', Location: '/x' },
    })
  })

  const response = await fetch(`${origin}/scim/v2/Users?count=1`, {
    method: 'POST',
    headers: { Authorization: 'Bearer t' },
    body: '{"userName":"é"}',
  })

  expect(seen).toEqual({
    method: 'POST',
    url: `${origin}/scim/v2/Users?count=1`,
    auth: 'Bearer t',
    body: '{"userName":"é"}',
  })
  expect(response.status).toBe(201)
  expect(response.headers.get('location')).toBe('/x')
  expect(await response.json()).toEqual({ ok: true })
})

it('serves the provider: a SCIM round trip over a real socket', async () => {
  const service = createScimService({ token: 't' })
  const origin = await listen(service.handle)
  const created = await fetch(`${origin}/scim/v2/Users`, {
    method: 'POST',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ada',
    }),
  })
  const body = await created.json()

  expect(created.status).toBe(201)
  expect(created.headers.get('location')).toBe(`${origin}/scim/v2/Users/${body.id}`)
  expect(body.meta.location).toBe(`${origin}/scim/v2/Users/${body.id}`)
  const deleted = await fetch(`${origin}/scim/v2/Users/${body.id}`, {
    method: 'DELETE',
    headers: { Authorization: 'Bearer t' },
  })
  expect(deleted.status).toBe(204)
})

it('answers a body over the limit with a SCIM 413 and keeps serving', async () => {
  const service = createScimService({ token: 't', maxPayloadSize: 1000 })
  const origin = await listen(service.handle)
  const response = await fetch(`${origin}/scim/v2/Users`, {
    method: 'POST',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({ userName: 'x'.repeat(5000) }),
  })
  expect(response.status).toBe(413)
  expect((await response.json()).status).toBe('413')
  const next = await fetch(`${origin}/scim/v2/Users`, { headers: { Authorization: 'Bearer t' } })
  expect(next.status).toBe(200)
})

it('answers a request whose body is cut off with a SCIM 400', async () => {
  const service = createScimService({ token: 't' })
  const origin = await listen(service.handle)
  const { port } = new URL(origin)
  const status = await new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/scim/v2/Users',
        headers: {
          Authorization: 'Bearer t',
          'Content-Type': 'application/scim+json',
          'Content-Length': '100',
        },
      },
      (response) => resolve(response.statusCode ?? 0),
    )
    request.on('error', reject)
    // Fewer bytes than announced, then the client gives up writing.
    request.write('{"userName":')
    setTimeout(() => request.socket?.end(), 20)
  })
  expect(status).toBe(400)
})

it('resets the connection when the handler answers with a network error', async () => {
  const origin = await listen(async () => Response.error())
  await expect(fetch(`${origin}/scim/v2/Users`)).rejects.toThrow(/fetch failed/)
})

/** A handler's view of `request.signal` when its client hangs up mid-request. */
async function signalOnHangUp(readSignalFirst: boolean) {
  let started!: () => void
  const handlerStarted = new Promise<void>((resolve) => (started = resolve))
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let outcome!: (seen: { aborted: boolean; reason: unknown }) => void
  const seen = new Promise<{ aborted: boolean; reason: unknown }>((resolve) => (outcome = resolve))
  const origin = await listen(async (request) => {
    const early = readSignalFirst ? request.signal : undefined
    started()
    if (early) await new Promise((resolve) => early.addEventListener('abort', resolve))
    else await released
    outcome({ aborted: request.signal.aborted, reason: request.signal.reason })
    return new Response(null, { status: 204 })
  })
  const client = new AbortController()
  const answer = fetch(`${origin}/slow`, { signal: client.signal }).catch((error: unknown) => error)
  await handlerStarted
  client.abort()
  await answer
  // Give the server a moment to see the connection close, then let the handler look.
  setTimeout(release, 50)
  return seen
}

it('aborts request.signal when the client hangs up', async () => {
  const seen = await signalOnHangUp(true)
  expect(seen.aborted).toBe(true)
  expect((seen.reason as Error).name).toBe('AbortError')
})

it('gives an aborted request.signal to a handler that first reads it after the hang-up', async () => {
  const seen = await signalOnHangUp(false)
  expect(seen.aborted).toBe(true)
})

it('leaves request.signal alone for a request that is answered', async () => {
  let signal: AbortSignal | undefined
  const origin = await listen(async (request) => {
    signal = request.signal
    return new Response('ok')
  })
  expect(await (await fetch(origin)).text()).toBe('ok')
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(signal).toBeInstanceOf(AbortSignal)
  expect(signal?.aborted).toBe(false)
})

it('sends a streamed body whole, with its length', async () => {
  const origin = await listen(async () => {
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of ['{"a":', '"é"', '}']) controller.enqueue(encoder.encode(part))
        controller.close()
      },
    })
    return new Response(body, { headers: { 'Content-Type': 'application/json' } })
  })
  const response = await fetch(origin)
  expect(response.headers.get('content-length')).toBe('10') // é is two bytes
  expect(await response.json()).toEqual({ a: 'é' })
})
