import { createScimProvider } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectRejected,
  readResult,
  scimRequest,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

it.each([
  ['no Authorization header', null],
  ['an empty Authorization header', ''],
  ['the Basic scheme', `Basic ${btoa('user:secret')}`],
  ['a scheme without token', 'Bearer'],
  ['a token without scheme', 'secret'],
  ['a wrong token', 'Bearer wrong'],
  ['a token of another case', 'Bearer SECRET'],
  ['a token with a suffix', 'Bearer secret2'],
])('returns 401 with WWW-Authenticate for %s', async (_name, authorization) => {
  const result = await expectRejected(
    provider,
    () => send('GET', '/Users', { headers: { Authorization: authorization } }),
    401,
  )

  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"/)
})

it('returns 401 before looking at the body or the route', async () => {
  await expectRejected(
    provider,
    () =>
      send('POST', '/Users', {
        json: userBody('intruder@example.com'),
        headers: { Authorization: 'Bearer wrong' },
      }),
    401,
  )
  await expectRejected(
    provider,
    () => send('GET', '/NoSuchEndpoint', { headers: { Authorization: null } }),
    401,
  )
})

it.each([
  ['the Bearer scheme', 'Bearer secret'],
  ['a lower-case scheme', 'bearer secret'],
  ['extra spaces', '  Bearer   secret  '],
])('accepts %s', async (_name, authorization) => {
  const result = await send('GET', '/Users?count=1', { headers: { Authorization: authorization } })

  expect(result.status).toBe(200)
})

it('accepts each of several tokens and refuses others', async () => {
  const baseUrl = 'https://tokens.test/scim/v2'
  const multi = createScimProvider({ baseUrl, token: ['a', 'b'] })
  const statusFor = async (token: string) =>
    (
      await multi.handle(
        scimRequest('GET', '/Users', { baseUrl, headers: { Authorization: `Bearer ${token}` } }),
      )
    ).status

  expect(await statusFor('a')).toBe(200)
  expect(await statusFor('b')).toBe(200)
  expect(await statusFor('secret')).toBe(401)
  expect(await statusFor('a,b')).toBe(401)
})

it('accepts the default token "secret" when none is configured', async () => {
  const baseUrl = 'https://default.test/scim/v2'
  const defaults = createScimProvider({ baseUrl })

  const response = await defaults.handle(scimRequest('GET', '/Users', { baseUrl }))

  expect(response.status).toBe(200)
})

it('accepts every request with auth: false', async () => {
  const baseUrl = 'https://open.test/scim/v2'
  const open = createScimProvider({ baseUrl, auth: false })

  const anonymous = await readResult(
    await open.handle(
      scimRequest('POST', '/Users', {
        baseUrl,
        json: userBody('anon@example.com'),
        headers: { Authorization: null },
      }),
    ),
  )
  const garbage = await open.handle(
    scimRequest('GET', '/Users', { baseUrl, headers: { Authorization: 'Basic Zm9vOmJhcg==' } }),
  )

  expect(anonymous.status).toBe(201)
  expect(garbage.status).toBe(200)
  expect(open.users.count()).toBe(1)
})

it('records refused requests in the log', async () => {
  await send('GET', '/Users', { headers: { Authorization: null } })

  expect(provider.requests).toEqual([
    expect.objectContaining({ method: 'GET', path: '/Users', status: 401 }),
  ])
})
