import { readdirSync, readFileSync } from 'node:fs'
import { setupServer } from 'msw/node'
import { createScimProvider } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createOktaOrg } from '../../src/okta/create-okta-org.js'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { type FlowContext, flows } from './transcript-flows.js'

/**
 * Okta's request transcripts as data (okta-behavior.md §1): each fixture in
 * transcripts/ names a flow and a mode and lists the requests Okta sends, in
 * order, with path and query as sent, headers and body. `{{name}}` stands for
 * a value the flow learned (a SCIM id); `{{password}}` for the random
 * placeholder Okta sends on create.
 */
interface TranscriptFixture {
  name: string
  flow: string
  mode: 'aiw' | 'oin'
  /** Where the reference says so, e.g. "okta-behavior.md §1.2". */
  source: string
  requests: Array<{
    method: string
    path: string
    headers?: Record<string, string>
    body?: unknown
  }>
}

const BASE_URL = 'https://transcripts.test/scim/v2'
const directory = new URL('./transcripts/', import.meta.url)
const fixtures: TranscriptFixture[] = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, directory), 'utf8')))

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/**
 * The headers every request carries, in the order of Okta's documented
 * examples (okta-behavior.md §1.0); a fixture lists only what differs.
 */
function commonHeaders(withBody: boolean): Record<string, string> {
  return {
    Accept: 'application/scim+json',
    'Accept-Charset': 'utf-8',
    ...(withBody ? { 'Content-Type': 'application/scim+json; charset=utf-8' } : {}),
    'User-Agent': 'Okta SCIM Client 1.0.0',
    Authorization: 'Bearer secret',
    'Accept-Encoding': 'gzip,deflate',
  }
}

function substitute(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? `{{${name}}}`)
  if (Array.isArray(value)) return value.map((item) => substitute(item, vars))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, vars)]),
    )
  }
  return value
}

it('has a flow for every fixture', () => {
  for (const fixture of fixtures) expect(Object.keys(flows)).toContain(fixture.flow)
})

it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
  '%s',
  async (_name, fixture) => {
    const provider = createScimProvider({ baseUrl: BASE_URL, seed: { users: 0, seed: 7 } })
    server.use(...provider.handlers)
    const org = createOktaOrg({ seed: 7 })
    const app = org.apps.create({
      label: 'Transcripts',
      mode: fixture.mode,
      baseUrl: BASE_URL,
      auth: { type: 'bearer', token: 'secret' },
    })
    const context: FlowContext = { provider, org, app, vars: {} }
    await flows[fixture.flow]!(context)

    const sent = org.requests().map((request) => {
      const body =
        request.body && typeof request.body === 'object' && 'password' in request.body
          ? {
              ...request.body,
              password: /^[A-Za-z0-9]{8}$/.test(
                String((request.body as { password: unknown }).password),
              )
                ? '{{password}}'
                : (request.body as { password: unknown }).password,
            }
          : request.body
      return {
        method: request.method,
        path: request.path,
        headers: request.headers,
        ...(body === undefined ? {} : { body }),
      }
    })
    const expected = fixture.requests.map((request) => {
      const headers = commonHeaders(request.body !== undefined)
      return substitute(
        {
          method: request.method,
          path: request.path,
          headers: { ...headers, ...request.headers },
          ...(request.body === undefined ? {} : { body: request.body }),
        },
        context.vars,
      )
    })
    // Key order matters for bodies: Okta's documented examples fix it.
    expect(JSON.stringify(sent, null, 2)).toBe(
      JSON.stringify(
        expected.map((request) => ({ ...(request as object) })),
        null,
        2,
      ),
    )
  },
)
