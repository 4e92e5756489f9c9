import { HttpResponse, http } from 'msw'
import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  createGroup,
  patchBody,
  readResult,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

const { provider, server } = useScimServer()

it('lets a test override one route with server.use, and resetHandlers restores it', async () => {
  server.use(
    http.post(`${BASE_URL}/Users`, () =>
      HttpResponse.json(
        { schemas: [URN.error], status: '500', detail: 'Injected outage' },
        { status: 500 },
      ),
    ),
  )

  const failed = await send('POST', '/Users', { json: userBody('outage@example.com') })
  const listed = await send('GET', '/Users?count=1')

  expect(failed.status).toBe(500)
  expect(failed.body.detail).toBe('Injected outage')
  expect(listed.status).toBe(200)
  expect(provider.users.findByUserName('outage@example.com')).toBeUndefined()
  // The override answered; the provider saw only the GET.
  expect(provider.requests.map((entry) => entry.operation)).toEqual(['listUsers'])

  server.resetHandlers()
  const restored = await send('POST', '/Users', { json: userBody('outage@example.com') })

  expect(restored.status).toBe(201)
})

it('lets an override fall through to the provider', async () => {
  const seen: string[] = []
  server.use(
    http.all(`${BASE_URL}/*`, ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`)
    }),
  )

  const result = await send('GET', '/Users?count=1')

  expect(result.status).toBe(200)
  expect(seen).toEqual(['GET /scim/v2/Users'])
})

it('serves a relative baseUrl through handle() with the request’s origin', async () => {
  const relative = createScimProvider({ baseUrl: '/scim/v2' })
  const request = new Request('http://localhost/scim/v2/Users', {
    method: 'POST',
    headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' },
    body: JSON.stringify(userBody('relative@example.com')),
  })

  const result = await readResult(await relative.handle(request))

  expect(relative.baseUrl).toBe('/scim/v2')
  expect(result.status).toBe(201)
  expect(result.headers.get('location')).toBe(`http://localhost/scim/v2/Users/${result.body.id}`)
  expect(result.body.meta.location).toBe(result.headers.get('location'))
})

it('answers 20 parallel POSTs of one userName with one 201 and nineteen 409s', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      send('POST', '/Users', {
        json: userBody(index % 2 ? 'race@example.com' : 'RACE@example.com'),
      }),
    ),
  )

  const statuses = results.map((result) => result.status)
  expect(statuses.filter((status) => status === 201)).toHaveLength(1)
  expect(statuses.filter((status) => status === 409)).toHaveLength(19)
  expect(provider.users.find('userName eq "race@example.com"')).toHaveLength(1)
})

it('keeps every member of 20 parallel PATCHes to one group', async () => {
  const users = provider.users.list()
  const group = await createGroup('Crowded')

  const results = await Promise.all(
    users.map((user) =>
      send('PATCH', `/Groups/${group.id}`, {
        json: patchBody({ op: 'add', path: 'members', value: [{ value: user.id }] }),
      }),
    ),
  )

  expect(results.every((result) => result.status === 200)).toBe(true)
  expect(provider.groups.get(group.id)!.members).toHaveLength(users.length)
})

it('lets exactly one of parallel If-Match writes win', async () => {
  const user = provider.users.list()[0]!

  const results = await Promise.all(
    Array.from({ length: 5 }, (_, index) =>
      send('PATCH', `/Users/${user.id}`, {
        json: patchBody({ op: 'replace', path: 'title', value: `Writer ${index}` }),
        headers: { 'If-Match': user.meta.version! },
      }),
    ),
  )

  const statuses = results.map((result) => result.status).sort()
  expect(statuses).toEqual([200, 412, 412, 412, 412])
})

it('answers the bare base URL with a SCIM 404 rather than letting it through', async () => {
  const result = await send('GET', '')

  expect(result.status).toBe(404)
  expect(result.body).toMatchObject({ schemas: [URN.error], status: '404' })
})

it('matches a relative baseUrl on any origin in Node', async () => {
  const relative = createScimProvider({ baseUrl: '/tenant-a/scim/v2', token: 't' })
  server.use(...relative.handlers)

  const response = await fetch('https://anywhere.test/tenant-a/scim/v2/Users', {
    headers: { Authorization: 'Bearer t' },
  })

  expect(response.status).toBe(200)
  expect(relative.requests).toHaveLength(1)
  expect((await response.json()).totalResults).toBe(0)
})
