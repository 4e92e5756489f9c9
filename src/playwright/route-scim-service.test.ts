import type { BrowserContext, Request as PlaywrightRequest, Route } from '@playwright/test'
import { expect, test } from 'vitest'
import { createScimService } from '../provider/create-scim-service.js'
import { routeScimService } from './route-scim-service.js'

// The bridge without a browser: a fake context hands the handler fake
// routes, so the branches Chromium does not reach (it answers CORS
// preflights of routed requests itself) are covered too.

type Handler = (route: Route, request: PlaywrightRequest) => Promise<void>

function fakeContext() {
  const routes: Array<{ matcher: (url: URL) => boolean; handler: Handler }> = []
  const context = {
    async route(matcher: (url: URL) => boolean, handler: Handler) {
      routes.push({ matcher, handler })
    },
    async unroute(matcher: unknown, handler: unknown) {
      const at = routes.findIndex((route) => route.matcher === matcher && route.handler === handler)
      if (at !== -1) routes.splice(at, 1)
    },
  }
  return { context: context as unknown as BrowserContext, routes }
}

interface Answer {
  fulfilled?: { status?: number; headers?: Record<string, string>; body?: string | Buffer }
  aborted?: string
}

async function send(
  handler: Handler,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  const answer: Answer = {}
  const route = {
    async fulfill(options: Answer['fulfilled']) {
      answer.fulfilled = options
    },
    async abort(code: string) {
      answer.aborted = code
    },
  } as unknown as Route
  const request = {
    method: () => method,
    url: () => url,
    allHeaders: async () => headers,
    postDataBuffer: () => (body === undefined ? null : Buffer.from(body)),
  } as unknown as PlaywrightRequest
  await handler(route, request)
  return answer
}

const BASE_URL = 'https://scim.playwright.test/scim/v2'

test('routes the base URL, the control API and OAuth on its origin, and nothing else', async () => {
  const provider = createScimService({ baseUrl: BASE_URL, controlApi: true, oauth: true })
  const { context } = fakeContext()

  const route = await routeScimService(context, provider)

  expect(route.matches(`${BASE_URL}/Users?count=1`)).toBe(true)
  expect(route.matches('https://SCIM.playwright.test/SCIM/v2')).toBe(true)
  expect(route.matches('https://scim.playwright.test/__scim-mock/faults')).toBe(true)
  expect(route.matches('https://scim.playwright.test/oauth/token')).toBe(true)
  expect(route.matches('https://scim.playwright.test/scim/v2x/Users')).toBe(false)
  expect(route.matches('https://scim.playwright.test/app')).toBe(false)
  expect(route.matches('https://other.test/scim/v2/Users')).toBe(false)
})

test('a path baseUrl routes that path on any http(s) origin', async () => {
  const provider = createScimService({ baseUrl: '/scim/v2' })
  const { context } = fakeContext()

  const route = await routeScimService(context, provider)

  expect(route.matches('https://app.test/scim/v2/Users')).toBe(true)
  expect(route.matches('http://localhost:3000/scim/v2')).toBe(true)
  expect(route.matches('https://app.test/api/Users')).toBe(false)
  expect(route.matches('data:text/plain,/scim/v2')).toBe(false)
})

test('answers a CORS preflight with what the page asked for', async () => {
  const { context, routes } = fakeContext()
  await routeScimService(context, createScimService({ baseUrl: BASE_URL }))

  const answer = await send(routes[0]!.handler, 'OPTIONS', `${BASE_URL}/Users`, {
    origin: 'https://app.test',
    'access-control-request-method': 'PATCH',
    'access-control-request-headers': 'authorization, content-type',
  })

  expect(answer.fulfilled).toEqual({
    status: 204,
    headers: {
      'access-control-allow-origin': 'https://app.test',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    },
  })
})

test('answers from the provider with CORS headers that expose its own', async () => {
  const provider = createScimService({ baseUrl: BASE_URL })
  const { context, routes } = fakeContext()
  await routeScimService(context, provider)

  const answer = await send(
    routes[0]!.handler,
    'POST',
    `${BASE_URL}/Users`,
    {
      authorization: 'Bearer secret',
      'content-type': 'application/scim+json',
      'content-length': '9',
    },
    JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'jane@example.com',
    }),
  )

  expect(answer.fulfilled?.status).toBe(201)
  expect(answer.fulfilled?.headers).toMatchObject({
    'access-control-allow-origin': '*',
    'content-type': 'application/scim+json',
    location: expect.stringMatching(/^https:\/\/scim\.playwright\.test\/scim\/v2\/Users\//),
  })
  expect(answer.fulfilled?.headers?.['access-control-expose-headers']).toMatch(
    /\betag\b.*\blocation\b/,
  )
  expect(JSON.parse(String(answer.fulfilled?.body))).toMatchObject({ userName: 'jane@example.com' })
  expect(provider.users.findByUserName('jane@example.com')).toBeDefined()
})

test('without cors, neither preflights nor headers are added', async () => {
  const provider = createScimService({ baseUrl: BASE_URL, auth: false })
  const { context, routes } = fakeContext()
  await routeScimService(context, provider, { cors: false })

  const answer = await send(routes[0]!.handler, 'GET', `${BASE_URL}/Users`, {
    origin: 'https://app.test',
  })

  expect(answer.fulfilled?.status).toBe(200)
  expect(
    Object.keys(answer.fulfilled?.headers ?? {}).some((name) => name.startsWith('access-control')),
  ).toBe(false)
})

test('a networkError fault resets the connection', async () => {
  const provider = createScimService({ baseUrl: BASE_URL })
  provider.faults.add({ on: 'listUsers', respond: 'networkError' })
  const { context, routes } = fakeContext()
  await routeScimService(context, provider)

  const answer = await send(routes[0]!.handler, 'GET', `${BASE_URL}/Users`, {
    authorization: 'Bearer secret',
  })

  expect(answer).toEqual({ aborted: 'connectionreset' })
})

test('unroute removes the route and drops a request waiting on a fault', async () => {
  const provider = createScimService({ baseUrl: BASE_URL })
  provider.faults.add({ on: 'listUsers', respond: 'timeout', delay: 60_000 })
  const { context, routes } = fakeContext()
  const route = await routeScimService(context, provider)
  const { handler } = routes[0]!

  const pending = send(handler, 'GET', `${BASE_URL}/Users`, { authorization: 'Bearer secret' })
  await new Promise((resolve) => setTimeout(resolve, 10))
  await route.unroute()

  await expect(pending).resolves.toEqual({ aborted: 'connectionreset' })
  expect(routes).toEqual([])
})
