import { setupServer } from 'msw/node'
import { createScimProvider, type ScimProvider, type ScimProviderOptions, URN } from 'scim-mock'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'

// Shared set-up of the integration tests: one MSW server per file, a seeded
// provider reset before every test, and a fetch helper that parses the body.

export const BASE_URL = 'https://acme.test/scim/v2'
export const TOKEN = 'secret'
export const SEED = { users: 20, groups: 3, seed: 42 }
export const SCIM_JSON = 'application/scim+json'

/**
 * Fail on requests no handler answers, in both msw majors: msw 3 renamed the
 * option to `onUnhandledFrame` and silently ignores the old name. A variable,
 * so msw 2's types accept the extra key.
 */
export const failOnUnhandled = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const

/** A parsed response body: `any`, because tests check it with expect(), not with types. */
export type Json = any

export interface ScimResult {
  status: number
  headers: Headers
  /** The parsed JSON body; undefined when the response has none. */
  body: Json
}

export interface SendOptions {
  /** A JSON value to send as `application/scim+json`. */
  json?: unknown
  /** Raw body text, sent as is (with `json`'s content type unless `headers` says otherwise). */
  text?: string
  /** Extra headers; `Authorization: null` drops the default token. */
  headers?: Record<string, string | null>
  /** Where to send it; defaults to {@link BASE_URL}. */
  baseUrl?: string
}

/** Builds the Request the helpers send, so tests can also pass it to `provider.handle`. */
export function scimRequest(method: string, path: string, options: SendOptions = {}): Request {
  const headers = new Headers({ Authorization: `Bearer ${TOKEN}` })
  const body =
    options.text ?? (options.json === undefined ? undefined : JSON.stringify(options.json))
  if (body !== undefined) headers.set('Content-Type', SCIM_JSON)
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
  return new Request(`${options.baseUrl ?? BASE_URL}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  })
}

/** Reads a Response into status, headers and parsed body. */
export async function readResult(response: Response): Promise<ScimResult> {
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  }
}

/** Sends one SCIM request through `fetch`, i.e. through MSW. */
export async function send(
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<ScimResult> {
  return readResult(await fetch(scimRequest(method, path, options)))
}

/** A response whose body is kept as text: for bodies that are not JSON, or none. */
export interface RawResult {
  status: number
  headers: Headers
  text: string
}

/** Sends one request through `fetch` and reads the body as text, without parsing it. */
export async function sendRaw(
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<RawResult> {
  const response = await fetch(scimRequest(method, path, options))
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/**
 * One seeded provider per test file, behind one MSW server. `reset()` runs
 * before every test, so each test starts from the seeded state with an empty
 * log; handlers a test adds with `server.use` are removed after it.
 */
export function useScimServer(options: ScimProviderOptions = {}): {
  provider: ScimProvider
  server: ReturnType<typeof setupServer>
} {
  const provider = createScimProvider({ baseUrl: BASE_URL, token: TOKEN, seed: SEED, ...options })
  const server = setupServer(...provider.handlers)
  beforeAll(() => server.listen(failOnUnhandled))
  beforeEach(() => provider.reset())
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return { provider, server }
}

/** Everything a client can observe in the store, versions included. */
export function storeState(provider: ScimProvider) {
  return { users: provider.users.list(), groups: provider.groups.list() }
}

/**
 * Asserts a SCIM error response (RFC 7644 §3.12): the status, the `scimType`
 * when one applies (and none otherwise), the Error schema, `status` as a
 * string, a non-empty `detail` and the SCIM media type.
 */
export function expectScimError(result: ScimResult, status: number, scimType?: string): void {
  expect({ status: result.status, body: result.body }).toStrictEqual({
    status,
    body: {
      schemas: [URN.error],
      status: String(status),
      ...(scimType !== undefined ? { scimType } : {}),
      detail: expect.stringMatching(/\S/),
    },
  })
  expect(result.headers.get('content-type')).toBe(SCIM_JSON)
}

/** Sends a request that must fail, and asserts the error and an unchanged store. */
export async function expectRejected(
  provider: ScimProvider,
  request: () => Promise<ScimResult>,
  status: number,
  scimType?: string,
): Promise<ScimResult> {
  const before = storeState(provider)
  const result = await request()
  expectScimError(result, status, scimType)
  expect(storeState(provider)).toStrictEqual(before)
  return result
}

/** A minimal valid User body. */
export function userBody(userName: string, attributes: Record<string, unknown> = {}) {
  return { schemas: [URN.user], userName, ...attributes }
}

/** A minimal valid Group body. */
export function groupBody(displayName: string, attributes: Record<string, unknown> = {}) {
  return { schemas: [URN.group], displayName, ...attributes }
}

/** A PatchOp body. */
export function patchBody(...operations: Array<Record<string, unknown>>) {
  return { schemas: [URN.patchOp], Operations: operations }
}

/** A SearchRequest body. */
export function searchBody(parameters: Record<string, unknown> = {}) {
  return { schemas: [URN.searchRequest], ...parameters }
}

/** Creates a user over HTTP and returns the response body. */
export async function createUser(userName: string, attributes: Record<string, unknown> = {}) {
  const result = await send('POST', '/Users', { json: userBody(userName, attributes) })
  expect(result.status).toBe(201)
  return result.body as Json
}

/** Creates a group over HTTP and returns the response body. */
export async function createGroup(displayName: string, attributes: Record<string, unknown> = {}) {
  const result = await send('POST', '/Groups', { json: groupBody(displayName, attributes) })
  expect(result.status).toBe(201)
  return result.body as Json
}

/** `?filter=` with the expression encoded. */
export function filterQuery(filter: string, extra = ''): string {
  return `?filter=${encodeURIComponent(filter)}${extra}`
}

/**
 * One MSW server for a file whose tests each start their own provider (a
 * profile, other options): `start()` creates one behind it with the file's
 * defaults, `at()` sends to the file's base URL.
 */
export function useProviderServer(defaults: ScimProviderOptions, baseUrl: string) {
  const server = setupServer()
  beforeAll(() => server.listen(failOnUnhandled))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  const start = (options: ScimProviderOptions = {}) => {
    const provider = createScimProvider({ ...defaults, ...options })
    server.use(...provider.handlers)
    return provider
  }
  const at = (method: string, path: string, options: SendOptions = {}) =>
    send(method, path, { baseUrl, ...options })
  return { server, start, at }
}
