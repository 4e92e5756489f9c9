import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectScimError,
  groupBody,
  patchBody,
  TOKEN,
  userBody,
  useProviderServer,
} from '../scim-test-server.js'

// MangoApps (shared/seeds/003_5afdaa794af059d1.txt), through MSW.

const BASE_URL = 'https://acme.mangoapps.test/scim/v2'
const REDIRECT_URI = 'https://acme.okta.test/admin/app/mangoapps/oauth/callback'

// The mangoapps provider is given the static token explicitly: with OAuth on it accepts none by default.
const { server, start, at } = useProviderServer(
  { baseUrl: BASE_URL, profile: 'mangoapps', token: TOKEN },
  BASE_URL,
)

const withDepartment = (userName: string, department: string | undefined) =>
  userBody(userName, {
    schemas: [URN.user, URN.enterpriseUser],
    [URN.enterpriseUser]: department === undefined ? {} : { department },
  })

async function createUser(userName: string, department?: string) {
  const result = await at('POST', '/Users', { json: withDepartment(userName, department) })
  expect(result.status).toBe(201)
  return result.body
}

const groupNames = (user: { groups?: Array<{ display: string }> }) =>
  (user.groups ?? []).map((group) => group.display)

it('connects with the OAuth 2 authorization code grant', async () => {
  const provider = createScimProvider({ baseUrl: BASE_URL, profile: 'mangoapps' })
  server.use(...provider.handlers)
  const authorizeUrl = new URL(provider.oauth!.authorizeUrl)
  authorizeUrl.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.oauth!.clientId,
    redirect_uri: REDIRECT_URI,
    state: 'okta',
  }).toString()

  const staticToken = await at('GET', '/Users')
  const authorized = await fetch(authorizeUrl, { redirect: 'manual' })
  const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!
  const token = await fetch(provider.oauth!.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: provider.oauth!.clientId,
      client_secret: provider.oauth!.clientSecret,
    }),
  })
  const { access_token: accessToken } = await token.json()
  const users = await at('GET', '/Users', { headers: { Authorization: `Bearer ${accessToken}` } })

  expect(provider.baseUrl).toBe(BASE_URL)
  expectScimError(staticToken, 401)
  expect(authorized.status).toBe(302)
  expect(token.status).toBe(200)
  expect(users.status).toBe(200)
})

it('serves the seed path /scim/v2 by default', async () => {
  const provider = createScimProvider({ profile: 'mangoapps', token: TOKEN })
  server.use(...provider.handlers)

  const result = await at('GET', '/Users')

  expect(provider.baseUrl).toBe('/scim/v2')
  expect(result.status).toBe(200)
})

it('lets the caller turn OAuth off', async () => {
  const provider = start({ oauth: false, token: undefined })

  const result = await at('GET', '/Users')

  expect(provider.oauth).toBeUndefined()
  expect(result.status).toBe(200)
})

it('creates the department group with the new user as member', async () => {
  const provider = start()

  const ann = await createUser('ann@acme.test', 'Engineering')

  const [group] = provider.groups.findByDisplayName('Engineering')
  expect(group?.members?.map((member) => member.value)).toEqual([ann.id])
  expect(groupNames(ann)).toEqual(['Engineering'])
})

it('adds the user to an existing department group, ignoring case', async () => {
  const provider = start()
  const bob = await createUser('bob@acme.test')
  const existing = await at('POST', '/Groups', {
    json: groupBody('engineering', { members: [{ value: bob.id }] }),
  })

  const ann = await createUser('ann@acme.test', 'Engineering')

  expect(provider.groups.count()).toBe(1)
  expect(provider.groups.get(existing.body.id)?.members?.map((m) => m.value)).toEqual([
    bob.id,
    ann.id,
  ])
  expect(groupNames(ann)).toEqual(['engineering'])
})

it('keeps the old department group when the department changes by PUT', async () => {
  start()
  const ann = await createUser('ann@acme.test', 'Engineering')

  const moved = await at('PUT', `/Users/${ann.id}`, {
    json: withDepartment('ann@acme.test', 'Sales'),
  })

  expect(moved.status).toBe(200)
  expect(groupNames(moved.body).sort()).toEqual(['Engineering', 'Sales'])
})

it('adds the department group when the department changes by PATCH', async () => {
  start()
  const ann = await createUser('ann@acme.test')

  const patched = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: `${URN.enterpriseUser}:department`, value: 'Support' }),
  })

  expect(groupNames(ann)).toEqual([])
  expect(groupNames(patched.body)).toEqual(['Support'])
})

it('writes no group when the department is unchanged or removed', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test', 'Engineering')
  const [before] = provider.groups.list()

  await at('PUT', `/Users/${ann.id}`, {
    json: userBody('ann@acme.test', {
      schemas: [URN.user, URN.enterpriseUser],
      displayName: 'Ann',
      [URN.enterpriseUser]: { department: 'Engineering' },
    }),
  })
  const removed = await at('PUT', `/Users/${ann.id}`, { json: userBody('ann@acme.test') })

  expect(provider.groups.list()).toStrictEqual([before])
  expect(groupNames(removed.body)).toEqual(['Engineering'])
})

it('rejoins a department group the user was removed from when it changes back', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test', 'Engineering')
  await at('PUT', `/Users/${ann.id}`, { json: withDepartment('ann@acme.test', 'Sales') })
  const [engineering] = provider.groups.findByDisplayName('Engineering')
  await at('PATCH', `/Groups/${engineering!.id}`, {
    json: patchBody({ op: 'remove', path: `members[value eq "${ann.id}"]` }),
  })

  const back = await at('PUT', `/Users/${ann.id}`, {
    json: withDepartment('ann@acme.test', 'Engineering'),
  })

  expect(groupNames(back.body).sort()).toEqual(['Engineering', 'Sales'])
})

it('deactivates and reactivates a user', async () => {
  start()
  const ann = await createUser('ann@acme.test', 'Engineering')

  const deactivated = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const reactivated = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: true }),
  })

  expect(deactivated.body.active).toBe(false)
  expect(reactivated.body.active).toBe(true)
  expect(groupNames(reactivated.body)).toEqual(['Engineering'])
})

it('removes department groups with the rest of the store on reset', async () => {
  const provider = start()
  await createUser('ann@acme.test', 'Engineering')

  await provider.reset()

  expect(provider.groups.count()).toBe(0)
  expect(provider.users.count()).toBe(0)
})
