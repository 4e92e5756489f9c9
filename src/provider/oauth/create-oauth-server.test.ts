import { expect, it } from 'vitest'
import { createOAuthServer, type OAuthServerOptions } from './create-oauth-server.js'

const VENDOR = 'https://vendor.test'
const CALLBACK = 'https://acme.okta.com/admin/app/mangoapps/oauth/callback'
const BASIC = `Basic ${btoa('scim-mock-client:scim-mock-secret')}`

function setup(options: Partial<OAuthServerOptions> = {}) {
  let now = Date.parse('2026-01-01T00:00:00Z')
  let n = 0
  const server = createOAuthServer({
    clock: () => new Date(now),
    random: () => `r${++n}`,
    ...options,
  })
  return { server, advance: (seconds: number) => (now += seconds * 1000) }
}
type Server = ReturnType<typeof setup>['server']

const authorizeRequest = (params: Record<string, string>, init?: RequestInit) =>
  new Request(`${VENDOR}/oauth/authorize?${new URLSearchParams(params)}`, init)

const consent = {
  response_type: 'code',
  client_id: 'scim-mock-client',
  redirect_uri: CALLBACK,
  state: 'okta-state-1',
}

/** The Location of a 302, as a URL. */
async function authorize(server: Server, params: Record<string, string> = consent) {
  const response = await server.handle(authorizeRequest(params))
  expect(response?.status).toBe(302)
  return new URL(response!.headers.get('Location')!)
}

function tokenRequest(
  body: Record<string, string>,
  headers: Record<string, string> = { Authorization: BASIC },
) {
  return new Request(`${VENDOR}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  })
}

async function post(
  server: Server,
  body: Record<string, string>,
  headers?: Record<string, string>,
) {
  const response = (await server.handle(tokenRequest(body, headers)))!
  return { response, status: response.status, body: await response.json() }
}

async function exchange(server: Server, params: Record<string, string> = consent) {
  const code = (await authorize(server, params)).searchParams.get('code')!
  const body = { grant_type: 'authorization_code', code, redirect_uri: params.redirect_uri! }
  return { code, ...(await post(server, body)) }
}

it('completes the code flow, expires the access token and refreshes it', async () => {
  const { server, advance } = setup({ accessTokenTtl: 60 })
  const { status, body } = await exchange(server)
  expect(status).toBe(200)
  expect(body).toEqual({
    access_token: 'r2',
    token_type: 'Bearer',
    expires_in: 60,
    refresh_token: 'r3',
  })
  expect(server.checkAccessToken(body.access_token)).toBe('valid')
  advance(60)
  expect(server.checkAccessToken(body.access_token)).toBe('expired')

  const refreshed = await post(server, { grant_type: 'refresh_token', refresh_token: 'r3' })
  expect(refreshed.status).toBe(200)
  expect(server.checkAccessToken(refreshed.body.access_token)).toBe('valid')
  const again = await post(server, { grant_type: 'refresh_token', refresh_token: 'r3' })
  expect([again.status, again.body.error]).toEqual([400, 'invalid_grant'])
  expect(server.issued).toEqual({ codes: 1, accessTokens: 2, refreshTokens: 2 })
})

it('sends no-store cache headers and echoes the scope with the tokens', async () => {
  const { server } = setup()
  const { response, body } = await exchange(server, { ...consent, scope: 'scim users' })
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  expect(response.headers.get('Pragma')).toBe('no-cache')
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  expect(body.scope).toBe('scim users')
})

it('redirects with the code and the state', async () => {
  const { server } = setup()
  const location = await authorize(server)
  expect(`${location.origin}${location.pathname}`).toBe(CALLBACK)
  expect([...location.searchParams]).toEqual([
    ['code', 'r1'],
    ['state', 'okta-state-1'],
  ])
})

it('keeps the query of the redirect_uri and encodes what it adds', async () => {
  const { server } = setup()
  const redirectUri = `${CALLBACK}?app=mango%20apps&x=1`
  const response = await server.handle(
    authorizeRequest({ ...consent, redirect_uri: redirectUri, state: 'a b&c=d' }),
  )
  expect(response?.headers.get('Location')).toBe(`${redirectUri}&code=r1&state=a+b%26c%3Dd`)
})

it('leaves state out of the redirect when the client sent none', async () => {
  const { server } = setup()
  const { state: _state, ...params } = consent
  const location = await authorize(server, params)
  expect(location.searchParams.has('state')).toBe(false)
})

it.each([
  ['an unknown client_id', { client_id: 'someone-else' }, 'invalid_client'],
  ['a missing client_id', { client_id: '' }, 'invalid_client'],
  ['a missing redirect_uri', { redirect_uri: '' }, 'invalid_request'],
  ['a relative redirect_uri', { redirect_uri: '/callback' }, 'invalid_request'],
  ['a non-http redirect_uri', { redirect_uri: 'javascript:alert(1)' }, 'invalid_request'],
  ['a redirect_uri with a fragment', { redirect_uri: `${CALLBACK}#x` }, 'invalid_request'],
])('answers 400 without redirecting for %s', async (_, override, error) => {
  const { server } = setup()
  const response = (await server.handle(authorizeRequest({ ...consent, ...override })))!
  expect(response.status).toBe(400)
  expect(response.headers.get('Location')).toBeNull()
  expect((await response.json()).error).toBe(error)
})

it('answers 400 without redirecting for a redirect_uri that is not registered', async () => {
  const { server } = setup({ redirectUris: ['https://acme.okta.com/other'] })
  const response = (await server.handle(authorizeRequest(consent)))!
  expect([response.status, (await response.json()).error]).toEqual([400, 'invalid_request'])
})

it('accepts a registered redirect_uri', async () => {
  const { server } = setup({ redirectUris: [CALLBACK] })
  expect((await authorize(server)).searchParams.get('code')).toBe('r1')
})

it('redirects with unsupported_response_type for response_type=token', async () => {
  const { server } = setup()
  const location = await authorize(server, { ...consent, response_type: 'token' })
  expect(location.searchParams.get('error')).toBe('unsupported_response_type')
  expect(location.searchParams.get('state')).toBe('okta-state-1')
  expect(location.searchParams.has('code')).toBe(false)
})

it('redirects with invalid_request for a missing response_type or a repeated scope', async () => {
  const { server } = setup()
  const missing = await authorize(server, { ...consent, response_type: '' })
  expect(missing.searchParams.get('error')).toBe('invalid_request')
  const query = `${new URLSearchParams(consent)}&scope=a&scope=b`
  const repeated = await server.handle(new Request(`${VENDOR}/oauth/authorize?${query}`))
  expect(new URL(repeated!.headers.get('Location')!).searchParams.get('error')).toBe(
    'invalid_request',
  )
})

it('answers 405 to a POST on authorize and a GET on token', async () => {
  const { server } = setup()
  const onAuthorize = (await server.handle(authorizeRequest(consent, { method: 'POST' })))!
  expect([onAuthorize.status, onAuthorize.headers.get('Allow')]).toEqual([405, 'GET'])
  const onToken = (await server.handle(new Request(`${VENDOR}/oauth/token`)))!
  expect([onToken.status, onToken.headers.get('Allow')]).toEqual([405, 'POST'])
})

it('accepts client credentials in the body', async () => {
  const { server } = setup()
  const code = (await authorize(server)).searchParams.get('code')!
  const body = { grant_type: 'authorization_code', code, redirect_uri: CALLBACK }
  const credentials = { client_id: 'scim-mock-client', client_secret: 'scim-mock-secret' }
  expect((await post(server, { ...body, ...credentials }, {})).status).toBe(200)
})

it('decodes form-urlencoded Basic credentials', async () => {
  const { server } = setup({ clientId: 'okta client', clientSecret: 's:e/c%' })
  const code = (await authorize(server, { ...consent, client_id: 'okta client' })).searchParams
  const basic = `Basic ${btoa(`okta+client:${encodeURIComponent('s:e/c%')}`)}`
  const body = { grant_type: 'authorization_code', code: code.get('code')!, redirect_uri: CALLBACK }
  expect((await post(server, body, { Authorization: basic })).status).toBe(200)
})

it.each([
  ['a wrong Basic secret', { Authorization: `Basic ${btoa('scim-mock-client:nope')}` }, {}],
  ['malformed Basic credentials', { Authorization: 'Basic %%%' }, {}],
  ['a Bearer header', { Authorization: 'Bearer abc' }, {}],
  ['a wrong body secret', {}, { client_id: 'scim-mock-client', client_secret: 'nope' }],
  ['no credentials', {}, {}],
])('answers 401 invalid_client with a Basic challenge for %s', async (_, headers, extra) => {
  const { server } = setup()
  const { response, status, body } = await post(
    server,
    { grant_type: 'authorization_code', code: 'r1', redirect_uri: CALLBACK, ...extra },
    headers,
  )
  expect([status, body.error]).toEqual([401, 'invalid_client'])
  expect(response.headers.get('WWW-Authenticate')).toBe('Basic realm="scim-mock"')
})

it.each([
  ['both client authentication methods', { client_secret: 'scim-mock-secret' }],
  ['a missing grant_type', { grant_type: '' }],
  ['a missing code', { code: '' }],
  ['a missing redirect_uri', { redirect_uri: '' }],
])('answers 400 invalid_request for %s', async (_, override) => {
  const { server } = setup()
  const body = { grant_type: 'authorization_code', code: 'r1', redirect_uri: CALLBACK }
  const answer = await post(server, { ...body, ...override })
  expect([answer.status, answer.body.error]).toEqual([400, 'invalid_request'])
})

it('answers 400 invalid_request for a JSON body', async () => {
  const { server } = setup()
  const request = new Request(`${VENDOR}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: BASIC },
    body: JSON.stringify({ grant_type: 'authorization_code', code: 'r1' }),
  })
  const response = (await server.handle(request))!
  expect([response.status, (await response.json()).error]).toEqual([400, 'invalid_request'])
})

it('answers 400 invalid_request for a body that was already read', async () => {
  const { server } = setup()
  const request = tokenRequest({ grant_type: 'authorization_code' })
  await request.text()
  const response = (await server.handle(request))!
  expect([response.status, (await response.json()).error]).toEqual([400, 'invalid_request'])
})

it('answers 400 unsupported_grant_type for client_credentials', async () => {
  const { server } = setup()
  const answer = await post(server, { grant_type: 'client_credentials' })
  expect([answer.status, answer.body.error]).toEqual([400, 'unsupported_grant_type'])
})

it('answers 400 invalid_grant for an unknown code or refresh token', async () => {
  const { server } = setup()
  const code = await post(server, {
    grant_type: 'authorization_code',
    code: 'never-issued',
    redirect_uri: CALLBACK,
  })
  expect([code.status, code.body.error]).toEqual([400, 'invalid_grant'])
  const refresh = await post(server, { grant_type: 'refresh_token', refresh_token: 'nope' })
  expect([refresh.status, refresh.body.error]).toEqual([400, 'invalid_grant'])
})

it('answers 400 invalid_grant for a code older than 10 minutes', async () => {
  const { server, advance } = setup()
  const code = (await authorize(server)).searchParams.get('code')!
  advance(600)
  const answer = await post(server, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CALLBACK,
  })
  expect([answer.status, answer.body.error]).toEqual([400, 'invalid_grant'])
})

it('answers 400 invalid_grant when redirect_uri differs from the authorize one', async () => {
  const { server } = setup()
  const code = (await authorize(server)).searchParams.get('code')!
  const body = { grant_type: 'authorization_code', code, redirect_uri: `${CALLBACK}?x=1` }
  const answer = await post(server, body)
  expect([answer.status, answer.body.error]).toEqual([400, 'invalid_grant'])
  // The code is not spent by a failed attempt.
  expect((await post(server, { ...body, redirect_uri: CALLBACK })).status).toBe(200)
})

it('revokes the tokens of a code that is used twice', async () => {
  const { server } = setup()
  const first = await exchange(server)
  const body = { grant_type: 'authorization_code', code: first.code, redirect_uri: CALLBACK }
  const second = await post(server, body)
  expect([second.status, second.body.error]).toEqual([400, 'invalid_grant'])
  expect(server.checkAccessToken(first.body.access_token)).toBe('unknown')
  const refresh = { grant_type: 'refresh_token', refresh_token: first.body.refresh_token }
  expect((await post(server, refresh)).body.error).toBe('invalid_grant')
})

it('keeps other grants when a code is reused', async () => {
  const { server } = setup()
  const other = await exchange(server)
  const reused = await exchange(server)
  await post(server, {
    grant_type: 'authorization_code',
    code: reused.code,
    redirect_uri: CALLBACK,
  })
  expect(server.checkAccessToken(other.body.access_token)).toBe('valid')
})

it('keeps an access token valid until it expires after a refresh', async () => {
  const { server } = setup()
  const { body } = await exchange(server)
  await post(server, { grant_type: 'refresh_token', refresh_token: body.refresh_token })
  expect(server.checkAccessToken(body.access_token)).toBe('valid')
})

it('narrows the scope on refresh and refuses to widen it', async () => {
  const { server } = setup()
  const { body } = await exchange(server, { ...consent, scope: 'users groups' })
  const wider = await post(server, {
    grant_type: 'refresh_token',
    refresh_token: body.refresh_token,
    scope: 'users admin',
  })
  expect([wider.status, wider.body.error]).toEqual([400, 'invalid_scope'])
  const narrower = await post(server, {
    grant_type: 'refresh_token',
    refresh_token: body.refresh_token,
    scope: 'users',
  })
  expect(narrower.body.scope).toBe('users')
})

it('reports unknown for a token it never issued', () => {
  const { server } = setup()
  expect(server.checkAccessToken('r1')).toBe('unknown')
})

it('revokes every access and refresh token on revokeAll', async () => {
  const { server } = setup()
  const { body } = await exchange(server)
  server.revokeAll()
  expect(server.checkAccessToken(body.access_token)).toBe('unknown')
  const refresh = await post(server, {
    grant_type: 'refresh_token',
    refresh_token: body.refresh_token,
  })
  expect(refresh.body.error).toBe('invalid_grant')
  expect(server.issued).toEqual({ codes: 1, accessTokens: 1, refreshTokens: 1 })
})

it('forgets codes, tokens and counts on reset', async () => {
  const { server } = setup()
  const { body } = await exchange(server)
  const pending = (await authorize(server)).searchParams.get('code')!
  server.reset()
  expect(server.issued).toEqual({ codes: 0, accessTokens: 0, refreshTokens: 0 })
  expect(server.checkAccessToken(body.access_token)).toBe('unknown')
  const code = { grant_type: 'authorization_code', code: pending, redirect_uri: CALLBACK }
  expect((await post(server, code)).body.error).toBe('invalid_grant')
})

it('shares nothing between two servers', async () => {
  const a = setup().server
  const b = setup().server
  const { body } = await exchange(a)
  expect(b.checkAccessToken(body.access_token)).toBe('unknown')
  expect(b.issued).toEqual({ codes: 0, accessTokens: 0, refreshTokens: 0 })
})

it('answers on configured paths and returns undefined for other paths', async () => {
  const { server } = setup({ authorizePath: '/o/auth', tokenPath: '/o/token' })
  expect(await server.handle(new Request(`${VENDOR}/oauth/authorize`))).toBeUndefined()
  expect(await server.handle(new Request(`${VENDOR}/scim/v2/Users`))).toBeUndefined()
  const response = await server.handle(
    new Request(`${VENDOR}/o/auth?${new URLSearchParams(consent)}`),
  )
  expect(response?.status).toBe(302)
})

it('throws at creation for a non-positive accessTokenTtl', () => {
  expect(() => setup({ accessTokenTtl: 0 })).toThrow(/Failed to create the OAuth server/)
})

it('restores codes and tokens from a JSON snapshot, grants shared as before', async () => {
  const { server } = setup()
  const { code, body } = await exchange(server, { ...consent, scope: 'scim' })
  const pending = (await authorize(server)).searchParams.get('code')!
  const snapshot = JSON.parse(JSON.stringify(server.snapshot()))
  let n = 0
  const restored = createOAuthServer({
    clock: () => new Date('2026-01-01T00:00:00Z'),
    random: () => `s${++n}`,
  })

  restored.restore(snapshot)

  expect(restored.issued).toEqual(server.issued)
  expect(restored.checkAccessToken(body.access_token)).toBe('valid')
  const redeemed = await post(restored, {
    grant_type: 'authorization_code',
    code: pending,
    redirect_uri: CALLBACK,
  })
  expect(redeemed.status).toBe(200)
  // Reusing the first code revokes its grant's tokens, and only those.
  await post(restored, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK })
  expect(restored.checkAccessToken(body.access_token)).toBe('unknown')
  expect(restored.checkAccessToken(redeemed.body.access_token)).toBe('valid')
  expect(snapshot.grants).toEqual([{ scope: 'scim' }, {}])
})
