import { URN } from 'scim-mock'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import {
  readResult,
  type ScimResult,
  type SendOptions,
  scimRequest,
  send,
  useScimServer,
} from './scim-test-server.js'

// No input ends in a 500: every answer is a success or a SCIM error, and the
// request log records no unexpected exception.

const { provider } = useScimServer()

interface NastyRequest {
  method: string
  /** Below the base URL; `{user}` and `{group}` become seeded ids. */
  path: string
  text?: string
  json?: unknown
  headers?: Record<string, string>
  /** Through provider.handle: for URLs that MSW would not route to the provider. */
  direct?: boolean
}

const deep = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth)
const user = (extra: string) =>
  `{"schemas":["${URN.user}"],"userName":"nasty@example.com",${extra}}`
const patch = (operations: string) => `{"schemas":["${URN.patchOp}"],"Operations":${operations}}`
const search = (extra: string) => `{"schemas":["${URN.searchRequest}"],${extra}}`
const filter = (expression: string) => `/Users?filter=${encodeURIComponent(expression)}`

const nasty: Array<[string, NastyRequest]> = [
  // Deeply nested JSON
  [
    'a 100k-deep object in name',
    { method: 'POST', path: '/Users', text: user(`"name":${deep(100_000, '{"a":', '}')}`) },
  ],
  [
    'a 10k-deep object in an extension',
    {
      method: 'POST',
      path: '/Users',
      text: user(`"${URN.enterpriseUser}":${deep(10_000, '{"manager":', '}')}`),
    },
  ],
  [
    'a 10k-deep path-less PATCH value',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch(`[{"op":"replace","value":${deep(10_000, '{"name":', '}', '{}')}}]`),
    },
  ],
  [
    '10k nested parentheses in a filter',
    { method: 'GET', path: filter(deep(10_000, '(', ')', 'userName pr')) },
  ],
  [
    '100k nested parentheses in a filter',
    { method: 'GET', path: filter(deep(100_000, '(', ')', 'userName pr')) },
  ],
  [
    '10k nested nots in a filter',
    { method: 'GET', path: filter(deep(10_000, 'not (', ')', 'userName pr')) },
  ],
  [
    'a 10k-term or chain in a filter',
    {
      method: 'GET',
      path: filter(Array.from({ length: 10_000 }, (_, i) => `userName eq "u${i}"`).join(' or ')),
    },
  ],
  [
    'a 10k-term and chain in a .search filter',
    {
      method: 'POST',
      path: '/Users/.search',
      json: {
        schemas: [URN.searchRequest],
        filter: Array.from({ length: 10_000 }, () => 'userName pr').join(' and '),
      },
    },
  ],
  [
    'nested value paths in a filter',
    { method: 'GET', path: filter('emails[value eq "a" and emails[type eq "b"]]') },
  ],
  [
    '10k nested brackets in a PATCH path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      json: {
        schemas: [URN.patchOp],
        Operations: [{ op: 'remove', path: `emails${deep(10_000, '[', ']', 'type eq "x"')}` }],
      },
    },
  ],
  // Prototype pollution
  [
    '__proto__ at the top of a body',
    { method: 'POST', path: '/Users', text: user('"__proto__":{"polluted":true}') },
  ],
  [
    '__proto__ inside name',
    {
      method: 'POST',
      path: '/Users',
      text: user('"name":{"__proto__":{"polluted":true,"givenName":"x"}}'),
    },
  ],
  [
    'constructor.prototype in a body',
    { method: 'POST', path: '/Users', text: user('"constructor":{"prototype":{"polluted":true}}') },
  ],
  [
    '__proto__ inside an extension',
    {
      method: 'POST',
      path: '/Users',
      text: user(`"${URN.enterpriseUser}":{"__proto__":{"polluted":true}}`),
    },
  ],
  [
    '__proto__ as a PATCH path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"add","path":"__proto__.polluted","value":true}]'),
    },
  ],
  [
    'constructor.prototype as a PATCH path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"add","path":"constructor.prototype","value":{"polluted":true}}]'),
    },
  ],
  [
    '__proto__ in a path-less PATCH value',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"add","value":{"__proto__":{"polluted":true}}}]'),
    },
  ],
  [
    '__proto__ in a PATCH operation',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"__proto__":{"op":"add"},"path":"title","value":"x"}]'),
    },
  ],
  [
    '__proto__ in a SearchRequest',
    {
      method: 'POST',
      path: '/Users/.search',
      text: search('"__proto__":{"count":"x","polluted":true}'),
    },
  ],
  [
    '__proto__ as a member value',
    {
      method: 'POST',
      path: '/Groups',
      json: { schemas: [URN.group], displayName: 'g', members: [{ value: '__proto__' }] },
    },
  ],
  [
    'a member value that is an object',
    {
      method: 'POST',
      path: '/Groups',
      json: { schemas: [URN.group], displayName: 'g', members: [{ value: { $ne: null } }] },
    },
  ],
  ['GET /__proto__', { method: 'GET', path: '/__proto__' }],
  [
    'POST /__proto__',
    {
      method: 'POST',
      path: '/__proto__',
      json: { schemas: [URN.user], userName: 'p@example.com' },
    },
  ],
  [
    'POST /constructor',
    { method: 'POST', path: '/constructor', json: { schemas: [URN.group], displayName: 'p' } },
  ],
  [
    'PUT /toString/x',
    {
      method: 'PUT',
      path: '/toString/x',
      json: { schemas: [URN.user], userName: 'p@example.com' },
    },
  ],
  ['GET /hasOwnProperty', { method: 'GET', path: '/hasOwnProperty' }],
  ['GET /__proto__/x/y', { method: 'GET', path: '/__proto__/x/y' }],
  ['GET /Users/__proto__', { method: 'GET', path: '/Users/__proto__' }],
  ['GET /Schemas/__proto__', { method: 'GET', path: '/Schemas/__proto__' }],
  ['GET /ResourceTypes/constructor', { method: 'GET', path: '/ResourceTypes/constructor' }],
  ['a filter on __proto__', { method: 'GET', path: filter('__proto__ pr') }],
  ['a filter on constructor.name', { method: 'GET', path: filter('constructor.name eq "Object"') }],
  ['sortBy __proto__', { method: 'GET', path: '/Users?sortBy=__proto__' }],
  [
    'attributes=__proto__,constructor',
    { method: 'GET', path: '/Users?attributes=__proto__,constructor' },
  ],
  // Huge and odd numbers
  ['count=1e400', { method: 'GET', path: '/Users?count=1e400' }],
  ['a 30-digit count', { method: 'GET', path: `/Users?count=${'9'.repeat(30)}` }],
  ['a 30-digit startIndex', { method: 'GET', path: `/Users?startIndex=${'9'.repeat(30)}` }],
  ['a negative 30-digit count', { method: 'GET', path: `/Users?count=-${'9'.repeat(30)}` }],
  ['startIndex=0x10', { method: 'GET', path: '/Users?startIndex=0x10' }],
  ['count=Infinity', { method: 'GET', path: '/Users?count=Infinity' }],
  ['an empty count', { method: 'GET', path: '/Users?count=&startIndex=' }],
  ['active: 1e400', { method: 'POST', path: '/Users', text: user('"active":1e400') }],
  [
    'userName as a number',
    { method: 'POST', path: '/Users', text: '{"schemas":["' + URN.user + '"],"userName":1e308}' },
  ],
  [
    'a 1e400 PATCH value',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"replace","path":"title","value":-1e400}]'),
    },
  ],
  ['a .search count of 1e400', { method: 'POST', path: '/.search', text: search('"count":1e400') }],
  [
    'a .search startIndex of 1.5',
    { method: 'POST', path: '/Users/.search', text: search('"startIndex":1.5') },
  ],
  ['a filter comparing with 1e400', { method: 'GET', path: filter('meta.created gt 1e400') }],
  [
    'a filter comparing a date with garbage',
    { method: 'GET', path: filter('meta.created gt "not a date"') },
  ],
  ['a filter comparing a string with a number', { method: 'GET', path: filter('userName gt 5') }],
  // Unicode
  [
    'an emoji userName',
    { method: 'POST', path: '/Users', json: { schemas: [URN.user], userName: '👩‍💻@例え.jp' } },
  ],
  [
    'a userName with a NUL and RTL override',
    { method: 'POST', path: '/Users', json: { schemas: [URN.user], userName: 'a\u0000b\u202Ec' } },
  ],
  [
    'a lone surrogate in JSON',
    { method: 'POST', path: '/Users', text: user('"displayName":"\\ud800"') },
  ],
  [
    'a byte-order mark before the JSON',
    { method: 'POST', path: '/Users', text: `\uFEFF${user('"title":"bom"')}` },
  ],
  [
    'invalid UTF-8 bytes in a body',
    { method: 'POST', path: '/Users', text: user('"title":"\uFFFD\uFFFE"') },
  ],
  ['an emoji filter', { method: 'GET', path: filter('userName eq "😀" or displayName co "ä"') }],
  ['an emoji id', { method: 'GET', path: '/Users/%F0%9F%98%80' }],
  [
    'a whitespace-only userName',
    { method: 'POST', path: '/Users', json: { schemas: [URN.user], userName: ' \t ' } },
  ],
  // Paths
  ['%ZZ in the path', { method: 'GET', path: '/Users/%ZZ' }],
  ['%ZZ in the endpoint', { method: 'GET', path: '/%ZZ' }],
  ['overlong UTF-8 in the path', { method: 'GET', path: '/Users/%C0%AF' }],
  ['%00 in the path', { method: 'DELETE', path: '/Users/%00' }],
  ['an encoded slash in an id', { method: 'GET', path: '/Users/a%2Fb' }],
  ['.. segments that stay below the base', { method: 'GET', path: '/Users/../Groups' }],
  ['encoded .. segments', { method: 'GET', path: '/Users/%2e%2e/Groups' }],
  ['..%2f in an id', { method: 'GET', path: '/Users/..%2f..%2fGroups' }],
  [
    '.. segments that climb above the base',
    { method: 'GET', path: '/Users/../../../etc/passwd', direct: true },
  ],
  ['a doubled slash', { method: 'GET', path: '//Users' }],
  ['a 100k-character id', { method: 'GET', path: `/Users/${'a'.repeat(100_000)}` }],
  ['a 100-segment path', { method: 'GET', path: '/Users'.repeat(100) }],
  // Queries
  ['%ZZ in the filter', { method: 'GET', path: '/Users?filter=%ZZ' }],
  ['a NUL in the filter', { method: 'GET', path: filter('userName eq "\u0000"') }],
  ['a filter on a complex attribute', { method: 'GET', path: filter('name eq "x"') }],
  [
    'a value path on a single-valued complex attribute',
    { method: 'GET', path: filter('name[givenName eq "x"]') },
  ],
  [
    'a sub-attribute after a value path in a filter',
    { method: 'GET', path: filter('emails[type eq "work"].value eq "x"') },
  ],
  ['a group attribute filter on /Users', { method: 'GET', path: filter('members[value eq "x"]') }],
  ['an empty sortBy', { method: 'GET', path: '/Users?sortBy=' }],
  [
    'sortBy on an extension URN',
    { method: 'GET', path: `/Users?sortBy=${encodeURIComponent(URN.enterpriseUser)}` },
  ],
  ['sortBy on a multi-valued attribute', { method: 'GET', path: '/Users?sortBy=emails' }],
  ['only commas in attributes', { method: 'GET', path: '/Users?attributes=,,,' }],
  ['a NUL in excludedAttributes', { method: 'GET', path: '/Users?excludedAttributes=%00' }],
  ['repeated parameters', { method: 'GET', path: '/Users?count=1&count=abc&COUNT=2' }],
  [
    'a .search filter that is a number',
    { method: 'POST', path: '/Users/.search', text: search('"filter":5') },
  ],
  [
    '.search attributes that are numbers',
    { method: 'POST', path: '/Users/.search', text: search('"attributes":[1,2]') },
  ],
  [
    'a .search sortBy that is an object',
    { method: 'POST', path: '/.search', text: search('"sortBy":{}') },
  ],
  // Bodies
  [
    'schemas with null and objects',
    { method: 'POST', path: '/Users', json: { schemas: [null, {}], userName: 'n@example.com' } },
  ],
  [
    'an empty schemas',
    { method: 'POST', path: '/Users', json: { schemas: [], userName: 'n@example.com' } },
  ],
  [
    'emails with null and empty values',
    {
      method: 'POST',
      path: '/Users',
      json: { schemas: [URN.user], userName: 'n@example.com', emails: [null, {}, { value: null }] },
    },
  ],
  [
    'members that is an object',
    {
      method: 'POST',
      path: '/Groups',
      json: { schemas: [URN.group], displayName: 'g', members: { value: 'x' } },
    },
  ],
  [
    'a readOnly id that is an object on PUT',
    {
      method: 'PUT',
      path: '/Users/{user}',
      json: { schemas: [URN.user], userName: 'n@example.com', id: { nested: 1 }, meta: 'x' },
    },
  ],
  [
    'a group PUT with members of numbers',
    {
      method: 'PUT',
      path: '/Groups/{group}',
      json: { schemas: [URN.group], displayName: 'g', members: [1, 2] },
    },
  ],
  ['Operations: [null]', { method: 'PATCH', path: '/Users/{user}', text: patch('[null]') }],
  ['an op that is null', { method: 'PATCH', path: '/Users/{user}', text: patch('[{"op":null}]') }],
  [
    'an empty PATCH path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"replace","path":"","value":"x"}]'),
    },
  ],
  [
    'a blank PATCH path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"replace","path":"  ","value":"x"}]'),
    },
  ],
  [
    'an empty value filter',
    { method: 'PATCH', path: '/Users/{user}', text: patch('[{"op":"remove","path":"emails[]"}]') },
  ],
  [
    'an extra bracket',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"remove","path":"emails[type eq \\"work\\"]]"}]'),
    },
  ],
  [
    'a bare urn: path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"replace","path":"urn:","value":"x"}]'),
    },
  ],
  [
    'an extension URN with a trailing colon',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch(`[{"op":"replace","path":"${URN.enterpriseUser}:","value":"x"}]`),
    },
  ],
  [
    'removing a whole extension',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch(`[{"op":"remove","path":"${URN.enterpriseUser}"}]`),
    },
  ],
  [
    'a string for the manager',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch(`[{"op":"replace","value":{"${URN.enterpriseUser}:manager":"bob"}}]`),
    },
  ],
  [
    'a string for a value-filtered email',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"add","path":"emails[type eq \\"work\\"]","value":"str"}]'),
    },
  ],
  [
    'a sub-sub-attribute path',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"add","path":"name.givenName.extra","value":"x"}]'),
    },
  ],
  [
    'member values that are numbers',
    {
      method: 'PATCH',
      path: '/Groups/{group}',
      text: patch('[{"op":"replace","path":"members","value":[{"value":123}]}]'),
    },
  ],
  [
    'a members filter on a user',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch('[{"op":"remove","path":"members[value eq \\"x\\"]"}]'),
    },
  ],
  [
    'a userName filter on a group',
    {
      method: 'PATCH',
      path: '/Groups/{group}',
      text: patch('[{"op":"replace","path":"userName","value":"x"}]'),
    },
  ],
  // Headers and methods
  [
    'If-Match with only commas',
    { method: 'DELETE', path: '/Users/{user}', headers: { 'If-Match': ',,,' } },
  ],
  [
    'an empty If-None-Match',
    { method: 'GET', path: '/Users/{user}', headers: { 'If-None-Match': '""' } },
  ],
  [
    'a Content-Type of semicolons',
    {
      method: 'POST',
      path: '/Users',
      json: { schemas: [URN.user], userName: 'ct@example.com' },
      headers: { 'Content-Type': ';;;' },
    },
  ],
  [
    'a non-numeric Content-Length',
    {
      method: 'POST',
      path: '/Users',
      json: { schemas: [URN.user], userName: 'cl@example.com' },
      headers: { 'Content-Length': 'abc' },
      direct: true,
    },
  ],
  ['HEAD /Users', { method: 'HEAD', path: '/Users' }],
  ['OPTIONS /Users', { method: 'OPTIONS', path: '/Users' }],
  ['PROPFIND /Users', { method: 'PROPFIND', path: '/Users' }],
  ['a lower-case method', { method: 'get', path: '/Users?count=1' }],
  ['a body on GET through handle()', { method: 'POST', path: '/Users/{user}', json: {} }],
]

// KNOWN BUG in src/scim (not ours to fix): describeValue() in
// Deeply nested values: error details once JSON.stringify()d the whole
// offending value, which overflowed the stack and answered 500.
const deeplyNested: Array<[string, NastyRequest]> = [
  ['a 100k-deep array body', { method: 'POST', path: '/Users', text: deep(100_000, '[', ']') }],
  [
    'a 10k-deep array in emails',
    { method: 'POST', path: '/Users', text: user(`"emails":${deep(10_000, '[', ']')}`) },
  ],
  [
    'a 10k-deep PATCH value',
    {
      method: 'PATCH',
      path: '/Users/{user}',
      text: patch(`[{"op":"add","path":"emails","value":${deep(10_000, '[', ']')}}]`),
    },
  ],
]

const seeded = () => ({ user: provider.users.list()[0]!.id, group: provider.groups.list()[0]!.id })

async function sendNasty(request: NastyRequest): Promise<ScimResult> {
  const ids = seeded()
  const path = request.path.replace('{user}', ids.user).replace('{group}', ids.group)
  const options: SendOptions = {
    ...(request.text !== undefined ? { text: request.text } : {}),
    ...(request.json !== undefined ? { json: request.json } : {}),
    ...(request.headers ? { headers: request.headers } : {}),
  }
  if (request.direct)
    return readResult(await provider.handle(scimRequest(request.method, path, options)))
  return send(request.method, path, options)
}

afterEach(() => {
  vi.restoreAllMocks()
})
afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted')
})

async function expectNo500(request: NastyRequest): Promise<void> {
  const result = await sendNasty(request)

  expect(result.status).not.toBe(500)
  expect(result.status).toBeLessThan(600)
  if (result.status >= 400 && request.method !== 'HEAD') {
    expect(result.headers.get('content-type')).toBe('application/scim+json')
    expect(result.body).toMatchObject({
      schemas: [URN.error],
      status: String(result.status),
      detail: expect.stringMatching(/\S/),
    })
  }
  for (const entry of provider.requests) expect(entry).not.toHaveProperty('error')
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

it.each(nasty)('answers %s without a 500', async (_name, request) => {
  await expectNo500(request)
})

it.each(deeplyNested)('answers %s without a 500', async (_name, request) => {
  await expectNo500(request)
})
