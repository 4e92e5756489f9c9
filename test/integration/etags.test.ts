import { expect, it } from 'vitest'
import {
  createUser,
  expectRejected,
  groupBody,
  patchBody,
  type SendOptions,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

// RFC 7644 §3.14: versions are weak ETags, sent in ETag and meta.version.

const { provider } = useScimServer()

const writes: Array<[string, (id: string) => [string, SendOptions]]> = [
  ['PUT', () => ['PUT', { json: userBody('versioned@example.com', { title: 'Put' }) }]],
  [
    'PATCH',
    () => ['PATCH', { json: patchBody({ op: 'replace', path: 'title', value: 'Patched' }) }],
  ],
  ['DELETE', () => ['DELETE', {}]],
]

const withHeader = (options: SendOptions, name: string, value: string): SendOptions => ({
  ...options,
  headers: { ...options.headers, [name]: value },
})

it('sends an ETag equal to meta.version on POST, GET, PUT and PATCH', async () => {
  const created = await send('POST', '/Users', { json: userBody('versioned@example.com') })
  const id = created.body.id
  const read = await send('GET', `/Users/${id}`)
  const replaced = await send('PUT', `/Users/${id}`, { json: userBody('versioned@example.com') })
  const patched = await send('PATCH', `/Users/${id}`, {
    json: patchBody({ op: 'replace', path: 'title', value: 'x' }),
  })

  for (const result of [created, read, replaced, patched]) {
    expect(result.headers.get('etag')).toMatch(/^W\/".+"$/)
    expect(result.headers.get('etag')).toBe(result.body.meta.version)
  }
  expect(read.body.meta.version).toBe(created.body.meta.version)
  const versions = new Set([created, replaced, patched].map((result) => result.body.meta.version))
  expect(versions.size).toBe(3)
})

it('sends an ETag on groups too', async () => {
  const created = await send('POST', '/Groups', { json: groupBody('Versioned') })

  expect(created.headers.get('etag')).toBe(created.body.meta.version)
})

it.each([
  ['the current version', (version: string) => version],
  ['the version without W/', (version: string) => version.replace(/^W\//, '')],
  ['a list holding the current version', (version: string) => `W/"0", ${version}`],
  ['*', () => '*'],
])('returns 304 without a body for If-None-Match with %s', async (_name, header) => {
  const user = provider.users.list()[0]!

  const result = await send('GET', `/Users/${user.id}`, {
    headers: { 'If-None-Match': header(user.meta.version!) },
  })

  expect(result.status).toBe(304)
  expect(result.body).toBeUndefined()
  expect(result.headers.get('etag')).toBe(user.meta.version)
})

it('returns 200 for If-None-Match with a stale version', async () => {
  const user = await createUser('versioned@example.com')
  await send('PATCH', `/Users/${user.id}`, {
    json: patchBody({ op: 'replace', path: 'title', value: 'Changed' }),
  })

  const result = await send('GET', `/Users/${user.id}`, {
    headers: { 'If-None-Match': user.meta.version },
  })

  expect(result.status).toBe(200)
  expect(result.body.title).toBe('Changed')
})

it.each(writes)(
  'returns 412 for %s with a stale If-Match and changes nothing',
  async (_m, make) => {
    const user = await createUser('versioned@example.com')
    await send('PATCH', `/Users/${user.id}`, {
      json: patchBody({ op: 'replace', path: 'title', value: 'Moved on' }),
    })
    const [method, options] = make(user.id)

    await expectRejected(
      provider,
      () => send(method, `/Users/${user.id}`, withHeader(options, 'If-Match', user.meta.version)),
      412,
    )
  },
)

it.each(writes)('accepts %s with the current version in If-Match', async (method, make) => {
  const user = await createUser('versioned@example.com')
  const [, options] = make(user.id)

  const result = await send(
    method,
    `/Users/${user.id}`,
    withHeader(options, 'If-Match', user.meta.version),
  )

  expect(result.status).toBe(method === 'DELETE' ? 204 : 200)
})

it.each(writes)('accepts %s with If-Match: *', async (method, make) => {
  const user = await createUser('versioned@example.com')
  const [, options] = make(user.id)

  const result = await send(method, `/Users/${user.id}`, withHeader(options, 'If-Match', '*'))

  expect(result.status).toBe(method === 'DELETE' ? 204 : 200)
})

it('accepts an If-Match list that holds the current version', async () => {
  const user = await createUser('versioned@example.com')

  const result = await send('PATCH', `/Users/${user.id}`, {
    json: patchBody({ op: 'replace', path: 'title', value: 'Listed' }),
    headers: { 'If-Match': `W/"stale", ${user.meta.version}` },
  })

  expect(result.status).toBe(200)
})

it('returns 404, not 412, for If-Match on an unknown user', async () => {
  await expectRejected(
    provider,
    () => send('DELETE', '/Users/no-such-user', { headers: { 'If-Match': 'W/"1"' } }),
    404,
  )
})

it('changes a group’s version when a member is added', async () => {
  const group = provider.groups.list()[0]!
  const user = await createUser('joiner@example.com')

  const patched = await send('PATCH', `/Groups/${group.id}`, {
    json: patchBody({ op: 'add', path: 'members', value: [{ value: user.id }] }),
    headers: { 'If-Match': group.meta.version! },
  })

  expect(patched.status).toBe(200)
  await expectRejected(
    provider,
    () =>
      send('PUT', `/Groups/${group.id}`, {
        json: groupBody('Stale write'),
        headers: { 'If-Match': group.meta.version! },
      }),
    412,
  )
})
