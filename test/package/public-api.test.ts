import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { setupServer } from 'msw/node'
import * as scimMock from 'scim-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The built package as a user gets it: `scim-mock` is not aliased in this
// project, so it resolves through package.json `exports` to dist/ (a package
// may import itself by its own name). Run `npm run build` first.

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))

it('resolves scim-mock and scim-mock/scim to dist/', async () => {
  const require = createRequire(import.meta.url)
  expect(require.resolve('scim-mock')).toBe(`${dist}index.js`)
  expect(require.resolve('scim-mock/scim')).toBe(`${dist}scim/index.js`)
  // The very module this file imported, not a second copy from src/.
  const built = await import(pathToFileURL(`${dist}index.js`).href)
  expect(scimMock.ScimError).toBe(built.ScimError)
})

it('exports the public names', () => {
  expect(scimMock.createScimProvider).toBeTypeOf('function')
  expect(scimMock.createScimService).toBeTypeOf('function')
  expect(scimMock.createScimHandlers).toBeTypeOf('function')
  expect(scimMock.isScimError).toBeTypeOf('function')
  expect(scimMock.ScimError).toBeTypeOf('function')
  expect(new scimMock.ScimError(409, 'taken', 'uniqueness')).toBeInstanceOf(Error)
  expect(scimMock.URN.user).toBe('urn:ietf:params:scim:schemas:core:2.0:User')
})

it('exports the protocol core from scim-mock/scim', async () => {
  const scim = await import('scim-mock/scim')
  expect(scim.parseFilter).toBeTypeOf('function')
  expect(scim.applyPatch).toBeTypeOf('function')
  expect(scim.parseFilter('userName eq "ada"')).toMatchObject({
    type: 'comparison',
    operator: 'eq',
    value: 'ada',
  })
  expect(scim.ScimError).toBe(scimMock.ScimError)
})

describe('a round trip through setupServer', () => {
  const provider = scimMock.createScimProvider({
    baseUrl: 'https://acme.test/scim/v2',
    token: 'secret',
    seed: { users: 3, groups: 1, seed: 1 },
  })
  const server = setupServer(...provider.handlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('creates a user and finds it by filter', async () => {
    const headers = { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' }
    const created = await fetch('https://acme.test/scim/v2/Users', {
      method: 'POST',
      headers,
      body: JSON.stringify({ schemas: [scimMock.URN.user], userName: 'ada@example.com' }),
    })
    expect(created.status).toBe(201)
    const { id } = await created.json()

    const filter = encodeURIComponent('userName eq "ADA@example.com"')
    const list = await fetch(`https://acme.test/scim/v2/Users?filter=${filter}`, { headers })
    expect(list.status).toBe(200)
    expect(await list.json()).toMatchObject({ totalResults: 1, Resources: [{ id }] })
    expect(provider.users.count()).toBe(4)
    expect(provider.requests.map((request) => request.status)).toEqual([201, 200])
  })
})

it('exports the Okta simulator from scim-mock/okta', async () => {
  const okta = await import('scim-mock/okta')

  expect(typeof okta.createOktaOrg).toBe('function')
  expect(typeof okta.createSimulatedClock).toBe('function')
  const org = okta.createOktaOrg()
  expect(
    org.users.create({ login: 'a@b.c', email: 'a@b.c', firstName: 'A', lastName: 'B' }).id,
  ).toMatch(/^00u[0-9A-Za-z]{17}$/)
})

it('exports the scenario runner, the Vitest helpers and the Playwright fixtures', async () => {
  const scenario = await import('scim-mock/scenario')
  const vitest = await import('scim-mock/vitest')
  const playwright = await import('scim-mock/playwright')

  expect(typeof scenario.runScenario).toBe('function')
  expect(typeof scenario.defineScenario).toBe('function')
  expect(typeof scenario.scenarioJsonSchema).toBe('function')
  expect(typeof vitest.setupScimServer).toBe('function')
  expect(typeof vitest.scimMatchers).toBe('object')
  expect(typeof playwright.createScimFixtures).toBe('function')
  const result = await scenario.runScenario({
    name: 'built package',
    okta: { users: [{ login: 'a@b.c', email: 'a@b.c', firstName: 'A', lastName: 'B' }] },
    steps: [{ assign: 'a@b.c' }, { expect: { tasks: [], provider: { users: { count: 1 } } } }],
  })
  expect(result.passed).toBe(true)
})
