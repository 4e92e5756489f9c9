import { setupServer } from 'msw/node'
import { createScimProvider } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled, readResult, scimRequest, send, userBody } from './scim-test-server.js'

// Two providers in one process never share state (parallel tests).

const northUrl = 'https://north.test/scim/v2'
const southUrl = 'https://south.test/scim/v2'
const north = createScimProvider({ baseUrl: northUrl, seed: { users: 3, seed: 1 } })
const south = createScimProvider({ baseUrl: southUrl, seed: { users: 3, seed: 1 } })
const server = setupServer(...north.handlers, ...south.handlers)

beforeAll(() => server.listen(failOnUnhandled))
afterEach(async () => {
  await Promise.all([north.reset(), south.reset()])
})
afterAll(() => server.close())

it('keeps users created in one provider out of another at a different base URL', async () => {
  const created = await send('POST', '/Users', {
    baseUrl: northUrl,
    json: userBody('north@example.com'),
  })

  expect(created.status).toBe(201)
  expect(north.users.count()).toBe(4)
  expect(south.users.count()).toBe(3)
  expect((await send('GET', `/Users/${created.body.id}`, { baseUrl: southUrl })).status).toBe(404)
  expect(created.body.meta.location).toBe(`${northUrl}/Users/${created.body.id}`)
})

it('keeps the request logs apart', async () => {
  await send('GET', '/Users', { baseUrl: northUrl })
  await send('GET', '/Groups', { baseUrl: southUrl })
  await send('GET', '/Users?count=1', { baseUrl: southUrl })

  expect(north.requests.map((entry) => entry.path)).toEqual(['/Users'])
  expect(south.requests.map((entry) => entry.path)).toEqual(['/Groups', '/Users'])
})

it('resets one provider without touching the other', async () => {
  await send('POST', '/Users', { baseUrl: northUrl, json: userBody('north@example.com') })
  await send('POST', '/Users', { baseUrl: southUrl, json: userBody('south@example.com') })

  await north.reset()

  expect(north.users.count()).toBe(3)
  expect(north.requests).toEqual([])
  expect(south.users.count()).toBe(4)
  expect(south.requests).toHaveLength(1)
})

it('lets the same userName exist once in each provider', async () => {
  const a = await send('POST', '/Users', { baseUrl: northUrl, json: userBody('same@example.com') })
  const b = await send('POST', '/Users', { baseUrl: southUrl, json: userBody('same@example.com') })

  expect([a.status, b.status]).toEqual([201, 201])
})

it('keeps two providers with the same base URL apart through handle()', async () => {
  const baseUrl = 'https://shared.test/scim/v2'
  const left = createScimProvider({ baseUrl })
  const right = createScimProvider({ baseUrl })

  const created = await readResult(
    await left.handle(
      scimRequest('POST', '/Users', { baseUrl, json: userBody('left@example.com') }),
    ),
  )
  const onRight = await readResult(
    await right.handle(scimRequest('GET', `/Users/${created.body.id}`, { baseUrl })),
  )
  const rightCreate = await readResult(
    await right.handle(
      scimRequest('POST', '/Users', { baseUrl, json: userBody('left@example.com') }),
    ),
  )

  expect(created.status).toBe(201)
  expect(onRight.status).toBe(404)
  expect(rightCreate.status).toBe(201)
  expect(left.requests).toHaveLength(1)
  expect(right.requests).toHaveLength(2)
  expect(rightCreate.body.meta.version).toBe(created.body.meta.version)
})

it('gives unseeded providers independent random ids', async () => {
  const baseUrl = 'https://random.test/scim/v2'
  const [a, b] = [createScimProvider({ baseUrl }), createScimProvider({ baseUrl })]

  const [x, y] = await Promise.all([
    a.users.create({ userName: 'r@example.com' }),
    b.users.create({ userName: 'r@example.com' }),
  ])

  expect(x.id).not.toBe(y.id)
})
