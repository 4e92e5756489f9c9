import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  BASE_URL,
  createUser,
  type Json,
  patchBody,
  scimRequest,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

it('records every request in arrival order with a sequence from 1', async () => {
  const user = provider.users.list()[0]!
  await send('GET', '/Users?count=1')
  await send('GET', `/Users/${user.id}`)
  await send('DELETE', `/Users/${user.id}`)
  await send('GET', '/ServiceProviderConfig')

  expect(
    provider.requests.map(({ sequence, method, path, status, operation }) => ({
      sequence,
      method,
      path,
      status,
      operation,
    })),
  ).toEqual([
    { sequence: 1, method: 'GET', path: '/Users', status: 200, operation: 'listUsers' },
    { sequence: 2, method: 'GET', path: `/Users/${user.id}`, status: 200, operation: 'getUser' },
    {
      sequence: 3,
      method: 'DELETE',
      path: `/Users/${user.id}`,
      status: 204,
      operation: 'deleteUser',
    },
    {
      sequence: 4,
      method: 'GET',
      path: '/ServiceProviderConfig',
      status: 200,
      operation: 'discovery',
    },
  ])
})

it('records the method, url, path, query, headers, body, status, response and operation', async () => {
  const created = await send('POST', '/Users?attributes=userName', {
    json: userBody('logged@example.com', { password: 'pw' }),
    headers: { 'X-Request-Id': 'abc-123' },
  })

  expect(provider.requests).toHaveLength(1)
  expect(provider.requests[0]).toStrictEqual({
    sequence: 1,
    time: expect.any(String),
    method: 'POST',
    url: `${BASE_URL}/Users?attributes=userName`,
    path: '/Users',
    query: { attributes: 'userName' },
    // msw 3 also passes on the transport's headers (host, user-agent, ...).
    headers: expect.objectContaining({
      authorization: 'Bearer secret',
      'content-type': 'application/scim+json',
      'x-request-id': 'abc-123',
    }),
    body: userBody('logged@example.com', { password: 'pw' }),
    status: 201,
    response: created.body,
    responseHeaders: {
      ETag: created.headers.get('etag'),
      Location: created.headers.get('location'),
    },
    operation: 'createUser',
  })
})

it('records decoded query parameters', async () => {
  await send('GET', `/Users?filter=${encodeURIComponent('userName eq "a b"')}&count=5`)

  expect(provider.requests[0]!.query).toEqual({ filter: 'userName eq "a b"', count: '5' })
})

it('records a refused request with its 401 error', async () => {
  await send('POST', '/Users', {
    json: userBody('intruder@example.com'),
    headers: { Authorization: 'Bearer wrong' },
  })

  expect(provider.requests[0]).toMatchObject({
    method: 'POST',
    path: '/Users',
    body: userBody('intruder@example.com'),
    status: 401,
    operation: 'createUser',
    response: { schemas: [URN.error], status: '401', detail: expect.any(String) },
    responseHeaders: { 'WWW-Authenticate': expect.stringMatching(/^Bearer /) },
  })
  expect(provider.requests[0]).not.toHaveProperty('error')
})

it('records the raw text of a body that is not JSON', async () => {
  await send('POST', '/Users', { text: '{"userName": oops' })

  expect(provider.requests[0]).toMatchObject({
    body: '{"userName": oops',
    status: 400,
    response: { scimType: 'invalidSyntax' },
    operation: 'createUser',
  })
})

it('records no body for GET and DELETE, and no response for 204 and 304', async () => {
  const user = provider.users.list()[0]!
  await send('GET', `/Users/${user.id}`, { headers: { 'If-None-Match': user.meta.version! } })
  await send('DELETE', `/Users/${user.id}`)

  for (const entry of provider.requests) {
    expect(entry.body).toBeUndefined()
    expect(entry.response).toBeUndefined()
  }
  expect(provider.requests.map((entry) => entry.status)).toEqual([304, 204])
})

it('records unknown endpoints without an operation', async () => {
  await send('GET', '/Widgets')

  expect(provider.requests[0]).toMatchObject({
    path: '/Widgets',
    status: 404,
    operation: undefined,
  })
})

it('records the time from the provider’s clock', async () => {
  const baseUrl = 'https://clock.test/scim/v2'
  const clocked = createScimProvider({
    baseUrl,
    clock: () => new Date('2030-05-06T07:08:09.000Z'),
  })

  await clocked.handle(scimRequest('POST', '/Users', { baseUrl, json: userBody('t@example.com') }))

  expect(clocked.requests[0]!.time).toBe('2030-05-06T07:08:09.000Z')
  expect(clocked.users.list()[0]!.meta.created).toBe('2030-05-06T07:08:09.000Z')
})

it('keeps the log apart from the store: editing a logged response changes no resource', async () => {
  const user = await createUser('isolated@example.com', {
    name: { givenName: 'Iso' },
    emails: [{ value: 'iso@example.com' }],
  })
  const before = provider.users.get(user.id)
  const logged = provider.requests[0]!.response as Json

  logged.name.givenName = 'Tampered'
  logged.emails.push({ value: 'tampered@example.com' })

  expect(provider.users.get(user.id)).toStrictEqual(before)
  await provider.reset()
  expect(provider.users.get(user.id)).toBeUndefined()
})

it('keeps the log apart from the store: editing a logged GET response changes no resource', async () => {
  const seeded = provider.users.list()[0]!
  await send('GET', `/Users/${seeded.id}`)

  const logged = provider.requests[0]!.response as Json
  logged.name.givenName = 'Tampered'
  logged.emails[0].value = 'tampered@example.com'

  expect(provider.users.get(seeded.id)).toStrictEqual(seeded)
  expect(provider.users.find(`emails.value eq "${seeded.emails![0]!.value}"`)).toHaveLength(1)
})

it('keeps the log apart from the store: editing a logged request body changes no resource', async () => {
  const user = await createUser('isolated@example.com', { name: { givenName: 'Iso' } })
  await send('PATCH', `/Users/${user.id}`, {
    json: patchBody({ op: 'replace', value: { name: { familyName: 'Lated' } } }),
  })
  const before = provider.users.get(user.id)

  for (const entry of provider.requests) {
    const body = entry.body as Json
    if (body.name) body.name.givenName = 'Tampered'
    if (body.Operations) body.Operations[0].value.name.familyName = 'Tampered'
  }

  expect(provider.users.get(user.id)).toStrictEqual(before)
})

it('empties the log on reset', async () => {
  await send('GET', '/Users?count=1')
  expect(provider.requests).toHaveLength(1)

  await provider.reset()
  await send('GET', '/Users?count=1')

  expect(provider.requests).toHaveLength(1)
  expect(provider.requests[0]!.sequence).toBe(1)
})
