import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createScimProvider } from '../../src/index.js'

const provider = createScimProvider({
  baseUrl: 'https://acme.test/scim/v2',
  token: 'secret',
  seed: { users: 50, groups: 5, seed: 42 },
})
const server = setupServer(...provider.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
const auth = { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' }

it('smoke', async () => {
  let r = await fetch('https://acme.test/scim/v2/Users?startIndex=1&count=2', { headers: auth })
  console.log(r.status, r.headers.get('content-type'), JSON.stringify(await r.json()).slice(0, 600))
  r = await fetch('https://acme.test/scim/v2/Users', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'Jane@Example.com',
      name: { givenName: 'Jane' },
      emails: [{ value: 'jane@example.com', primary: true }],
      password: 'x',
    }),
  })
  const created = await r.json()
  console.log(r.status, r.headers.get('location'), r.headers.get('etag'), created)
  r = await fetch(
    `https://acme.test/scim/v2/Users?filter=${encodeURIComponent('userName eq "jane@example.com"')}`,
    { headers: auth },
  )
  console.log(r.status, (await r.json()).totalResults)
  r = await fetch('https://acme.test/scim/v2/Users', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'jane@example.com',
    }),
  })
  console.log(r.status, await r.json())
  r = await fetch(`https://acme.test/scim/v2/Users/${created.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }),
  })
  console.log(r.status, await r.json())
  const g = provider.groups.list()[0]!
  r = await fetch(`https://acme.test/scim/v2/Groups/${g.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: created.id, display: 'x' }] }],
    }),
  })
  console.log(r.status, JSON.stringify(await r.json()).slice(0, 300))
  r = await fetch(`https://acme.test/scim/v2/Users/${created.id}`, { headers: auth })
  console.log(r.status, JSON.stringify((await r.json()).groups))
  r = await fetch(`https://acme.test/scim/v2/Users?filter=bad`, { headers: auth })
  console.log(r.status, await r.json())
  r = await fetch(`https://acme.test/scim/v2/ServiceProviderConfig`, { headers: auth })
  console.log(r.status, JSON.stringify(await r.json()).slice(0, 200))
  console.log(provider.requests.length, provider.requests[1])
  expect(provider.users.count()).toBe(51)
  await provider.reset()
  expect(provider.users.count()).toBe(50)
})
