import { setupWorker } from 'msw/browser'
import mswPackage from 'msw/package.json' with { type: 'json' }
import { createScimProvider, URN } from 'scim-mock'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { commands } from 'vitest/browser'

// A front-end developer working offline: the provider answers the page's own
// relative fetches through MSW's service worker, in a real Chromium page.
// vitest.config.ts writes public/mockServiceWorker.js with `msw init` and
// serves that folder at the root, so the worker's scope covers the test page.

const provider = createScimProvider({
  baseUrl: '/scim/v2',
  token: 'secret',
  seed: { users: 10, groups: 2, seed: 7 },
})
const worker = setupWorker(...provider.handlers)

beforeAll(async () => {
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  })
})

afterAll(async () => {
  await worker.stop()
})

const headers = { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' }

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`/scim/v2${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { response, body: await response.json() }
}

it('serves the worker script that `msw init` wrote for the installed msw', async () => {
  const served = await (await fetch('/mockServiceWorker.js')).text()
  expect(served).toBe(await commands.readFile('test/browser/public/mockServiceWorker.js'))
  expect(served).toContain(`const PACKAGE_VERSION = '${mswPackage.version}'`)
  expect(navigator.serviceWorker.controller?.scriptURL).toBe(
    `${location.origin}/mockServiceWorker.js`,
  )
})

it('answers list, create, patch, get and conflict requests through the service worker', async () => {
  await provider.reset()
  const seeded = provider.users.list()[0]!

  const list = await send(
    'GET',
    `/Users?filter=${encodeURIComponent(`userName eq "${seeded.userName}"`)}`,
  )
  expect(list.response.status).toBe(200)
  expect(list.response.headers.get('content-type')).toContain('application/scim+json')
  expect(list.body.totalResults).toBe(1)
  expect(list.body.Resources[0].id).toBe(seeded.id)

  const created = await send('POST', '/Users', {
    schemas: [URN.user],
    userName: 'ada@example.com',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    active: true,
  })
  expect(created.response.status).toBe(201)
  const id: string = created.body.id
  // A relative base URL is resolved against the page, as the browser sent it.
  expect(created.response.headers.get('location')).toBe(`${location.origin}/scim/v2/Users/${id}`)

  const patched = await send('PATCH', `/Users/${id}`, {
    schemas: [URN.patchOp],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  })
  expect(patched.response.status).toBe(200)
  expect(patched.body.active).toBe(false)

  const fetched = await send('GET', `/Users/${id}`)
  expect(fetched.response.status).toBe(200)
  expect(fetched.body).toMatchObject({ id, userName: 'ada@example.com', active: false })
  expect(provider.users.get(id)?.active).toBe(false)

  const duplicate = await send('POST', '/Users', {
    schemas: [URN.user],
    userName: 'ADA@example.com',
  })
  expect(duplicate.response.status).toBe(409)
  expect(duplicate.body).toMatchObject({
    schemas: [URN.error],
    status: '409',
    scimType: 'uniqueness',
  })

  expect(
    provider.requests.map(({ method, path, status, operation }) => ({
      method,
      path,
      status,
      operation,
    })),
  ).toEqual([
    { method: 'GET', path: '/Users', status: 200, operation: 'listUsers' },
    { method: 'POST', path: '/Users', status: 201, operation: 'createUser' },
    { method: 'PATCH', path: `/Users/${id}`, status: 200, operation: 'patchUser' },
    { method: 'GET', path: `/Users/${id}`, status: 200, operation: 'getUser' },
    { method: 'POST', path: '/Users', status: 409, operation: 'createUser' },
  ])
  expect(provider.requests[0]!.query).toEqual({ filter: `userName eq "${seeded.userName}"` })
  expect(provider.requests[1]!.body).toMatchObject({ userName: 'ada@example.com' })
})

it('lets requests outside the base URL through to the dev server', async () => {
  const before = provider.requests.length
  const response = await fetch('/scim/v1/Users', { headers })
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type') ?? '').not.toContain('application/scim+json')
  expect(provider.requests).toHaveLength(before)
})
