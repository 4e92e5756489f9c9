import { setupServer } from 'msw/node'
import { createScimProvider, type ProfileName, profiles } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled, send, TOKEN } from '../scim-test-server.js'

// Every registered profile, through MSW: a new profile is covered by being registered.

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

it.each(Object.keys(profiles) as ProfileName[])(
  'creates a working %s provider that answers GET /Users at its base path',
  async (name) => {
    // The token is explicit: an OAuth profile (mangoapps) accepts no static one otherwise.
    const provider = createScimProvider({ profile: name, token: TOKEN })
    server.use(...provider.handlers)

    const result = await send('GET', '/Users', {
      baseUrl: `https://vendor.test${provider.baseUrl}`,
    })

    expect(provider.profile.name).toBe(name)
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ totalResults: 0, Resources: [] })
  },
)
