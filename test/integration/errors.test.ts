import { createScimProvider, URN } from 'scim-mock'
import { describe, expect, it } from 'vitest'
import {
  expectRejected,
  expectScimError,
  patchBody,
  readResult,
  SCIM_JSON,
  scimRequest,
  send,
  userBody,
  useScimServer,
} from './scim-test-server.js'

const { provider, server } = useScimServer()

// `{user}` stands for a seeded user's id.
const resolvePath = (path: string) => path.replace('{user}', provider.users.list()[0]!.id)

describe('request bodies', () => {
  it.each([
    ['POST', '/Users'],
    ['PUT', '/Users/{user}'],
    ['PATCH', '/Users/{user}'],
    ['POST', '/Groups'],
    ['POST', '/Users/.search'],
  ])('returns 400 invalidSyntax for malformed JSON on %s %s', async (method, path) => {
    await expectRejected(
      provider,
      () => send(method, resolvePath(path), { text: '{"schemas": [' }),
      400,
      'invalidSyntax',
    )
  })

  it.each([
    ['POST', '/Users'],
    ['PUT', '/Users/{user}'],
    ['PATCH', '/Users/{user}'],
  ])('returns 400 invalidSyntax for an empty body on %s %s', async (method, path) => {
    await expectRejected(
      provider,
      () => send(method, resolvePath(path), { text: '', headers: { 'Content-Type': SCIM_JSON } }),
      400,
      'invalidSyntax',
    )
  })

  it('returns 400 invalidSyntax for a whitespace-only body', async () => {
    await expectRejected(
      provider,
      () => send('POST', '/Users', { text: ' \n\t ' }),
      400,
      'invalidSyntax',
    )
  })

  it.each([
    ['an array', [userBody('array@example.com')]],
    ['a string', 'userName=array@example.com'],
    ['a number', 42],
    ['null', null],
    ['true', true],
  ])('returns 400 invalidSyntax for a JSON body that is %s', async (_name, json) => {
    await expectRejected(
      provider,
      () => send('POST', '/Users', { text: JSON.stringify(json) }),
      400,
      'invalidSyntax',
    )
  })

  it('returns 400 invalidSyntax for a PATCH body that is an array', async () => {
    await expectRejected(
      provider,
      () =>
        send('PATCH', resolvePath('/Users/{user}'), {
          json: [patchBody({ op: 'remove', path: 'title' })],
        }),
      400,
      'invalidSyntax',
    )
  })

  it.each([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ])('returns 415 for Content-Type %s, even with a valid JSON body', async (contentType) => {
    await expectRejected(
      provider,
      () =>
        send('POST', '/Users', {
          json: userBody('media@example.com'),
          headers: { 'Content-Type': contentType },
        }),
      415,
    )
  })

  it.each(['application/json', 'application/scim+json; charset=utf-8', 'Application/SCIM+JSON'])(
    'accepts Content-Type %s',
    async (contentType) => {
      const result = await send('POST', '/Users', {
        json: userBody('media@example.com'),
        headers: { 'Content-Type': contentType },
      })

      expect(result.status).toBe(201)
      expect(provider.users.findByUserName('media@example.com')).toBeDefined()
    },
  )

  it('accepts a body sent without any Content-Type', async () => {
    const request = new Request('https://acme.test/scim/v2/Users', {
      method: 'POST',
      headers: { Authorization: 'Bearer secret' },
      body: new TextEncoder().encode(JSON.stringify(userBody('untyped@example.com'))),
    })
    expect(request.headers.get('content-type')).toBeNull()

    const result = await readResult(await fetch(request))

    expect(result.status).toBe(201)
  })
})

describe('payload size', () => {
  const smallUrl = 'https://small.test/scim/v2'
  const small = createScimProvider({ baseUrl: smallUrl, maxPayloadSize: 200 })
  const sendSmall = (text: string, headers: Record<string, string> = {}) =>
    send('POST', '/Users', { baseUrl: smallUrl, text, headers })

  it('returns 413 for a body above maxPayloadSize', async () => {
    server.use(...small.handlers)
    const body = JSON.stringify(userBody('big@example.com', { title: 'x'.repeat(300) }))

    const result = await sendSmall(body)

    expectScimError(result, 413)
    expect(small.users.count()).toBe(0)
  })

  it('returns 413 when Content-Length alone announces too much', async () => {
    const body = JSON.stringify(userBody('big@example.com'))

    const result = await readResult(
      await small.handle(
        scimRequest('POST', '/Users', {
          baseUrl: smallUrl,
          text: body,
          headers: { 'Content-Length': '5000' },
        }),
      ),
    )

    expectScimError(result, 413)
    expect(small.users.count()).toBe(0)
  })

  it('counts bytes, not characters, against maxPayloadSize', async () => {
    server.use(...small.handlers)
    // 100 characters, 200 bytes in UTF-8: with the JSON around them, over the limit.
    const body = JSON.stringify(userBody('big@example.com', { title: 'é'.repeat(100) }))
    expect(body.length).toBeLessThan(200)
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(200)

    const result = await sendSmall(body)

    expectScimError(result, 413)
    expect(small.users.count()).toBe(0)
  })

  it('accepts a body at the limit', async () => {
    server.use(...small.handlers)
    const base = JSON.stringify(userBody('fits@example.com', { title: '' }))
    const body = JSON.stringify(
      userBody('fits@example.com', { title: 'x'.repeat(200 - base.length) }),
    )
    expect(body.length).toBe(200)

    const result = await sendSmall(body)

    expect(result.status).toBe(201)
  })
})

describe('routing', () => {
  it.each([
    '/Widgets',
    '/Users/some-id/extra',
    '/Groups/a/b/c',
    '/ServiceProviderConfig/extra',
    '/Bulk/1',
    '/__proto__',
    '/constructor',
    '/toString/x',
  ])('returns 404 for the unknown endpoint %s', async (path) => {
    await expectRejected(provider, () => send('GET', path), 404)
  })

  it.each(['/__proto__', '/constructor'])('returns 404 for POST %s', async (path) => {
    await expectRejected(
      provider,
      () => send('POST', path, { json: userBody('proto@example.com') }),
      404,
    )
  })

  it.each([
    ['%ZZ', '/Users/%ZZ'],
    ['overlong UTF-8', '/Users/%C0%AF'],
  ])('returns 404 for malformed percent-encoding (%s) in the path', async (_name, path) => {
    await expectRejected(provider, () => send('GET', path), 404)
  })

  // The MSW handler covers the paths below the base URL, not the base URL itself.
  it('returns 404 for the base URL itself through handle()', async () => {
    const result = await readResult(await provider.handle(scimRequest('GET', '')))

    expectScimError(result, 404)
  })

  it('returns 404 for the base URL with a trailing slash', async () => {
    await expectRejected(provider, () => send('GET', '/'), 404)
  })

  it('returns 404 for a path outside the base URL through handle()', async () => {
    const result = await readResult(
      await provider.handle(new Request('https://acme.test/other/Users')),
    )

    expectScimError(result, 404)
  })

  it('returns 404 for a path that only starts like the base URL', async () => {
    const result = await readResult(
      await provider.handle(
        new Request('https://acme.test/scim/v2Users', {
          headers: { Authorization: 'Bearer secret' },
        }),
      ),
    )

    expectScimError(result, 404)
  })

  it.each([
    ['PUT', '/Users', 'GET, POST'],
    ['DELETE', '/Users', 'GET, POST'],
    ['PATCH', '/Groups', 'GET, POST'],
    ['POST', '/Users/{user}', 'GET, PUT, PATCH, DELETE'],
    ['DELETE', '/ServiceProviderConfig', 'GET'],
    ['POST', '/Schemas', 'GET'],
    ['PUT', '/ResourceTypes/User', 'GET'],
    ['GET', '/Bulk', 'POST'],
    ['GET', '/.search', 'POST'],
    ['DELETE', '/Groups/.search', 'POST'],
  ])('returns 405 with Allow for %s %s', async (method, path, allow) => {
    const target = resolvePath(path)
    const json = ['POST', 'PUT', 'PATCH'].includes(method) ? userBody('x@example.com') : undefined

    const result = await expectRejected(provider, () => send(method, target, { json }), 405)

    expect(result.headers.get('allow')).toBe(allow)
  })

  it('matches resource endpoint names ignoring case', async () => {
    const user = provider.users.list()[0]!

    const result = await send('GET', `/users/${user.id}`)

    expect(result.status).toBe(200)
    expect(result.body.id).toBe(user.id)
  })
})

describe('resource validation', () => {
  it.each([
    ['no schemas', { userName: 'schemaless@example.com' }],
    ['schemas that is not an array', { schemas: URN.user, userName: 'schemaless@example.com' }],
    ['the Group schema only', { schemas: [URN.group], userName: 'schemaless@example.com' }],
    ['only the enterprise schema', { schemas: [URN.enterpriseUser], userName: 'x@example.com' }],
  ])('returns 400 invalidValue for a user with %s', async (_name, json) => {
    await expectRejected(provider, () => send('POST', '/Users', { json }), 400, 'invalidValue')
  })

  it.each([
    ['an empty userName', { userName: '' }],
    ['active "maybe"', { active: 'maybe' }],
    ['active 1', { active: 1 }],
    ['emails that is not an array', { emails: 'mail@example.com' }],
    ['emails with a number element', { emails: [42] }],
    [
      'two primary emails',
      {
        emails: [
          { value: 'a@x.test', primary: true },
          { value: 'b@x.test', primary: true },
        ],
      },
    ],
    ['a name that is a string', { name: 'Jane Doe' }],
    ['a displayName that is an object', { displayName: { first: 'Jane' } }],
    ['an enterprise extension that is a string', { [URN.enterpriseUser]: 'R&D' }],
  ])('returns 400 invalidValue for a POST with %s', async (_name, attributes) => {
    const json = { schemas: [URN.user], userName: 'typed@example.com', ...attributes }

    await expectRejected(provider, () => send('POST', '/Users', { json }), 400, 'invalidValue')
  })

  it('returns 400 invalidValue for a POST without userName', async () => {
    await expectRejected(
      provider,
      () => send('POST', '/Users', { json: { schemas: [URN.user], displayName: 'Nameless' } }),
      400,
      'invalidValue',
    )
  })

  it('returns 400 invalidValue for a PUT with a wrong type, leaving the user as it was', async () => {
    const user = provider.users.list()[0]!

    await expectRejected(
      provider,
      () =>
        send('PUT', `/Users/${user.id}`, { json: userBody(user.userName, { active: 'maybe' }) }),
      400,
      'invalidValue',
    )
  })

  it('returns 400 invalidValue for a group without displayName', async () => {
    await expectRejected(
      provider,
      () => send('POST', '/Groups', { json: { schemas: [URN.group] } }),
      400,
      'invalidValue',
    )
  })

  it('ignores unknown attributes, as lenient providers do', async () => {
    const result = await send('POST', '/Users', {
      json: userBody('lenient@example.com', { shoeSize: 42 }),
    })

    expect(result.status).toBe(201)
    expect(result.body).not.toHaveProperty('shoeSize')
  })

  it('coerces the strings Entra sends for booleans', async () => {
    const result = await send('POST', '/Users', {
      json: userBody('entra@example.com', { active: 'True' }),
    })

    expect(result.status).toBe(201)
    expect(result.body.active).toBe(true)
  })
})
