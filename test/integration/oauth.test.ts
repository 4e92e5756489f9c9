import { createScimProvider, type ScimProvider } from 'scim-mock'
import { beforeEach, expect, it } from 'vitest'
import { BASE_URL, expectScimError, send, useScimServer } from './scim-test-server.js'

// SCIM behind the provider's own OAuth 2 authorization server, through MSW:
// the authorization code flow as Okta's "Authenticate with …" button runs it.

const START = Date.parse('2026-03-01T09:00:00.000Z')
let now = START
const clock = () => new Date(now)
const advance = (seconds: number) => {
  now += seconds * 1000
}

// `token: undefined`: no static token unless given, as a user of `oauth` would configure it.
const { provider, server } = useScimServer({ oauth: true, token: undefined, clock })

beforeEach(() => {
  now = START
})

const REDIRECT_URI = 'https://acme.okta.com/admin/app/cpc/scim/oauth/callback'
const basic = (id: string, secret: string) => `Basic ${btoa(`${id}:${secret}`)}`

/** GET the authorize endpoint without following the redirect: the code is in Location. */
async function authorize(target: ScimProvider = provider, state = 'okta-state-1') {
  const url = new URL(target.oauth!.authorizeUrl)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: target.oauth!.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'scim',
    state,
  }).toString()
  const response = await fetch(url, { redirect: 'manual' })
  const location = new URL(response.headers.get('location') ?? 'about:blank')
  return { response, location, code: location.searchParams.get('code') ?? undefined }
}

/** POST the token endpoint with a form body and the client's Basic credentials. */
async function token(form: Record<string, string>, target: ScimProvider = provider) {
  const response = await fetch(target.oauth!.tokenUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: basic(target.oauth!.clientId, target.oauth!.clientSecret),
    },
    body: new URLSearchParams(form),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

/** The whole flow: authorize, then exchange the code for tokens. */
async function signIn(target: ScimProvider = provider) {
  const { code } = await authorize(target)
  const { body } = await token(
    { grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT_URI },
    target,
  )
  return body as { access_token: string; refresh_token: string; expires_in: number }
}

const listUsers = (accessToken: string, baseUrl = BASE_URL) =>
  send('GET', '/Users?count=1', { baseUrl, headers: { Authorization: `Bearer ${accessToken}` } })

it('runs the authorization code flow and serves SCIM with the access token', async () => {
  const { response, location, code } = await authorize()

  expect(response.status).toBe(302)
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
  expect(location.searchParams.get('state')).toBe('okta-state-1')
  expect(code).toMatch(/^[0-9a-f]{32}$/)

  const tokens = await token({
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: REDIRECT_URI,
  })

  expect(tokens.status).toBe(200)
  expect(tokens.headers.get('cache-control')).toBe('no-store')
  expect(tokens.body).toStrictEqual({
    access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
    token_type: 'Bearer',
    expires_in: 3600,
    refresh_token: expect.stringMatching(/^[0-9a-f]{32}$/),
    scope: 'scim',
  })

  const users = await listUsers(tokens.body.access_token)

  expect(users.status).toBe(200)
  expect(users.body.totalResults).toBe(20)
  expect(provider.oauth!.issued).toEqual({ codes: 1, accessTokens: 1, refreshTokens: 1 })
})

it('refuses SCIM requests without a token, with a refresh token or with a code', async () => {
  const { code } = await authorize()
  const tokens = await token({
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: REDIRECT_URI,
  })

  expectScimError(await send('GET', '/Users', { headers: { Authorization: null } }), 401)
  expectScimError(await listUsers(tokens.body.refresh_token), 401)
  expectScimError(await listUsers(code!), 401)
})

it('refuses the static token "secret" when oauth is on and no token is given', async () => {
  const result = await listUsers('secret')

  expectScimError(result, 401)
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /)
})

it('accepts a static token given explicitly, besides the access tokens', async () => {
  const baseUrl = 'https://static.test/scim/v2'
  const both = createScimProvider({ baseUrl, oauth: true, token: 'secret' })
  server.use(...both.handlers)
  const { access_token } = await signIn(both)

  expect((await listUsers('secret', baseUrl)).status).toBe(200)
  expect((await listUsers(access_token, baseUrl)).status).toBe(200)
})

it('answers 401 with WWW-Authenticate and a detail saying so once the access token expired', async () => {
  const { access_token } = await signIn()

  advance(3599)
  expect((await listUsers(access_token)).status).toBe(200)
  advance(1)
  const expired = await listUsers(access_token)

  expectScimError(expired, 401)
  expect(expired.body.detail).toMatch(/expired/)
  expect(expired.headers.get('www-authenticate')).toBe(
    'Bearer realm="scim-mock", error="invalid_token"',
  )
})

it('follows accessTokenTtl', async () => {
  const baseUrl = 'https://short.test/scim/v2'
  const short = createScimProvider({ baseUrl, oauth: { accessTokenTtl: 60 }, clock })
  server.use(...short.handlers)
  const { access_token, expires_in } = await signIn(short)

  advance(60)

  expect(expires_in).toBe(60)
  expect((await listUsers(access_token, baseUrl)).status).toBe(401)
})

it('issues a new access token for a refresh token, and rotates the refresh token', async () => {
  const first = await signIn()
  advance(3600)
  expect((await listUsers(first.access_token)).status).toBe(401)

  const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
  const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })

  expect(refreshed.status).toBe(200)
  expect(refreshed.body.access_token).not.toBe(first.access_token)
  expect(refreshed.body.refresh_token).not.toBe(first.refresh_token)
  expect((await listUsers(refreshed.body.access_token)).status).toBe(200)
  expect(reused.status).toBe(400)
  expect(reused.body.error).toBe('invalid_grant')
})

it('refuses every token after provider.oauth.revokeAll()', async () => {
  const { access_token, refresh_token } = await signIn()
  expect((await listUsers(access_token)).status).toBe(200)

  provider.oauth!.revokeAll()

  const result = await listUsers(access_token)
  expectScimError(result, 401)
  expect(result.body.detail).not.toMatch(/has expired/)
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token })
  expect(refreshed.body.error).toBe('invalid_grant')
})

it('describes the authorization server in provider.oauth and provider.paths', () => {
  expect(provider.oauth).toMatchObject({
    authorizeUrl: 'https://acme.test/oauth/authorize',
    tokenUrl: 'https://acme.test/oauth/token',
    clientId: 'scim-mock-client',
    clientSecret: 'scim-mock-secret',
    issued: { codes: 0, accessTokens: 0, refreshTokens: 0 },
  })
  expect(provider.paths).toEqual([
    BASE_URL,
    'https://acme.test/oauth/authorize',
    'https://acme.test/oauth/token',
  ])
})

it('serves the configured client and paths', async () => {
  const baseUrl = 'https://mango.test/api/scim/v2'
  const custom = createScimProvider({
    baseUrl,
    oauth: {
      clientId: 'okta',
      clientSecret: 's3cr3t',
      authorizePath: '/api/oauth2/auth',
      tokenPath: '/api/oauth2/token',
    },
  })
  server.use(...custom.handlers)

  const { access_token } = await signIn(custom)

  expect(custom.oauth).toMatchObject({
    authorizeUrl: 'https://mango.test/api/oauth2/auth',
    tokenUrl: 'https://mango.test/api/oauth2/token',
    clientId: 'okta',
    clientSecret: 's3cr3t',
  })
  expect((await listUsers(access_token, baseUrl)).status).toBe(200)
})

it('has no provider.oauth and no OAuth paths when oauth is off', () => {
  const plain = createScimProvider({ baseUrl: 'https://plain.test/scim/v2' })

  expect(plain.oauth).toBeUndefined()
  expect(plain.paths).toEqual(['https://plain.test/scim/v2'])
})

it('forgets codes and tokens on reset()', async () => {
  const { code } = await authorize()
  const { access_token, refresh_token } = await signIn()

  await provider.reset()

  expect(provider.oauth!.issued).toEqual({ codes: 0, accessTokens: 0, refreshTokens: 0 })
  expectScimError(await listUsers(access_token), 401)
  const redeemed = await token({
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: REDIRECT_URI,
  })
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token })
  expect([redeemed.body.error, refreshed.body.error]).toEqual(['invalid_grant', 'invalid_grant'])
})

it('issues the same codes and tokens for the same seed', async () => {
  const [a, b, c] = ['a', 'b', 'c'].map((name, index) => {
    const target = createScimProvider({
      baseUrl: `https://${name}.test/scim/v2`,
      oauth: true,
      seed: { seed: index === 2 ? 8 : 7 },
    })
    server.use(...target.handlers)
    return target
  })

  const [codeA, codeB, codeC] = [
    (await authorize(a)).code,
    (await authorize(b)).code,
    (await authorize(c)).code,
  ]
  const [tokensA, tokensB] = [await signIn(a), await signIn(b)]

  expect(codeB).toBe(codeA)
  expect(codeC).not.toBe(codeA)
  expect(tokensB).toEqual(tokensA)
})

it('issues the same codes and tokens after reset() as a new provider does', async () => {
  const first = await signIn()

  await provider.reset()

  expect(await signIn()).toEqual(first)
})

it('keeps the tokens of one provider away from another', async () => {
  const baseUrl = 'https://other.test/scim/v2'
  const other = createScimProvider({ baseUrl, oauth: true })
  server.use(...other.handlers)
  const { access_token } = await signIn()

  expect((await listUsers(access_token)).status).toBe(200)
  expect((await listUsers(access_token, baseUrl)).status).toBe(401)
})

it('applies faults to SCIM requests with a valid access token', async () => {
  const { access_token } = await signIn()
  provider.faults.add({ on: 'listUsers', respond: 'unauthorized', times: 1 })

  const faulted = await listUsers(access_token)
  const next = await listUsers(access_token)

  expect([faulted.status, next.status]).toEqual([401, 200])
  expect(provider.requests[0]?.fault).toMatchObject({ respond: 'unauthorized' })
})
