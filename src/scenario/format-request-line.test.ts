import { expect, test } from 'vitest'
import type { OktaExchange } from '../okta/okta-scim-client.js'
import { formatRequestLine } from './format-request-line.js'

const exchange = (fields: Partial<OktaExchange>): OktaExchange => ({
  method: 'GET',
  path: '/Users',
  headers: {},
  status: 200,
  reason: 'OK',
  text: '',
  responseHeaders: {},
  ...fields,
})

test.each<[string, Partial<OktaExchange>, string]>([
  [
    'decodes the query',
    { path: '/Users?filter=userName%20eq%20%22jane.doe%40example.com%22&startIndex=1&count=100' },
    'GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200',
  ],
  [
    'decodes the path',
    { method: 'DELETE', path: '/Groups/a%20b', status: 204 },
    'DELETE /Groups/a b → 204',
  ],
  [
    'keeps an encoded & inside a value readable',
    { path: '/Groups?filter=displayName%20eq%20%22R%26D%22' },
    'GET /Groups?filter=displayName eq "R&D" → 200',
  ],
  [
    'reads + in a query as a space',
    { path: '/Users?filter=userName+eq+%22a%2Bb%40x.test%22' },
    'GET /Users?filter=userName eq "a+b@x.test" → 200',
  ],
  [
    'keeps a malformed escape as sent',
    { path: '/Users?filter=%E0%A4%A' },
    'GET /Users?filter=%E0%A4%A → 200',
  ],
  [
    'says when a request timed out',
    { method: 'POST', status: 0, failure: 'timeout' },
    'POST /Users → no response (timeout)',
  ],
  [
    'says when the connection failed',
    { status: 0, failure: 'network' },
    'GET /Users → no response (network error)',
  ],
])('%s', (_, fields, line) => {
  expect(formatRequestLine(exchange(fields))).toBe(line)
})
