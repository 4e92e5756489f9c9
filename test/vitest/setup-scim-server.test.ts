import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { setupScimServer } from 'scim-mock/vitest'

// The tests of this file run in order: each one checks that the one before
// it left nothing behind.

const BASE_URL = 'https://acme.test/scim/v2'
const { provider, server } = setupScimServer({ baseUrl: BASE_URL, seed: { users: 3, seed: 42 } })

const headers = { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' }

test('the provider is seeded before the first test', async () => {
  expect(provider.users.count()).toBe(3)

  const response = await fetch(`${BASE_URL}/Users?count=1`, { headers })

  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ totalResults: 3, itemsPerPage: 1 })
})

test('a test changes the store, adds a fault and overrides a handler', async () => {
  const created = await fetch(`${BASE_URL}/Users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'jane@example.com',
    }),
  })
  expect(created.status).toBe(201)
  provider.faults.add({ on: 'getUser', respond: 'serverError' })
  server.use(http.get(`${BASE_URL}/Groups`, () => HttpResponse.json({ overridden: true })))

  expect((await (await fetch(`${BASE_URL}/Groups`, { headers })).json()).overridden).toBe(true)
  expect(provider.users.count()).toBe(4)
  // The override answered /Groups: the provider saw only the POST.
  expect(provider.requests.map((request) => request.path)).toEqual(['/Users'])
})

test('the next test starts from the seeded state, without faults, log or overrides', async () => {
  expect(provider.users.count()).toBe(3)
  expect(provider.users.findByUserName('jane@example.com')).toBeUndefined()
  expect(provider.faults.list()).toEqual([])
  expect(provider.requests).toEqual([])

  const groups = await fetch(`${BASE_URL}/Groups`, { headers })
  expect(await groups.json()).toMatchObject({ schemas: expect.any(Array) })
})

test('the seed is the same after a reset', async () => {
  const ids = provider.users.list().map((user) => user.id)
  await provider.reset()
  expect(provider.users.list().map((user) => user.id)).toEqual(ids)
})

test('a request nothing answers fails (onUnhandledRequest and onUnhandledFrame: error)', async () => {
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    await expect(fetch('https://elsewhere.test/api')).rejects.toThrow()
    expect(printed.mock.calls.flat().join(' ')).toContain('https://elsewhere.test/api')
  } finally {
    printed.mockRestore()
  }
})
