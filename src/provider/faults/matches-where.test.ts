import { expect, it } from 'vitest'
import type { ScimResource } from '../../scim/resource/scim-resource.js'
import type { FaultRequest, FaultWhere } from './fault-spec.js'
import { matchesWhere } from './matches-where.js'

const JANE_ID = '2819c223-7f76-453a-919d-413861904646'
const jane = {
  id: JANE_ID,
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: 'jane@example.com',
  externalId: '00u1abcd',
  emails: [
    { value: 'jane@home.test', type: 'home' },
    { value: 'jane@work.test', type: 'work' },
  ],
} as unknown as ScimResource

const request = (overrides: Partial<FaultRequest> = {}): FaultRequest => ({
  operation: 'listUsers',
  method: 'GET',
  path: '/Users',
  query: {},
  body: undefined,
  resource: undefined,
  ...overrides,
})
const withFilter = (filter: string) => request({ query: { filter } })

it.each<[string, FaultWhere, FaultRequest, boolean]>([
  ['userName in the body', { userName: 'JANE@example.com' }, request({ body: jane }), true],
  ['userName in the resource', { userName: 'jane@example.com' }, request({ resource: jane }), true],
  ['another userName', { userName: 'john@example.com' }, request({ body: jane }), false],
  ['email, the second one', { email: 'Jane@Work.test' }, request({ resource: jane }), true],
  ['an email nobody has', { email: 'jane@example.com' }, request({ resource: jane }), false],
  ['externalId, ignoring case', { externalId: '00U1ABCD' }, request({ body: jane }), true],
  ['id', { id: JANE_ID }, request({ resource: jane }), true],
  ['id in another case', { id: JANE_ID.toUpperCase() }, request({ resource: jane }), false],
  ['displayName', { displayName: 'sales' }, request({ body: { displayName: 'Sales' } }), true],
  [
    'every field',
    { userName: 'jane@example.com', externalId: '00u1abcd' },
    request({ resource: jane }),
    true,
  ],
  [
    'every field, one wrong',
    { userName: 'jane@example.com', externalId: 'x' },
    request({ resource: jane }),
    false,
  ],
  [
    'fields from body and resource together',
    { userName: 'new@example.com', id: JANE_ID },
    request({ body: { userName: 'new@example.com' }, resource: jane }),
    true,
  ],
  ['an empty where', {}, request(), true],
  ['a field left undefined', { userName: undefined }, request(), true],
  ['nothing named', { userName: 'jane@example.com' }, request(), false],
  [
    'a text body',
    { userName: 'jane@example.com' },
    request({ body: 'userName=jane@example.com' }),
    false,
  ],
  [
    'emails that are not objects',
    { email: 'x@y.test' },
    request({ body: { emails: [null, 'x@y.test', { value: 3 }] } }),
    false,
  ],
])('matches %s: %s', (_title, where, faultRequest, expected) => {
  expect(matchesWhere(where, faultRequest)).toBe(expected)
})

it.each<[string, FaultWhere, boolean]>([
  ['userName eq "Jane@Example.com"', { userName: 'jane@example.com' }, true],
  ['userName eq "jane@example.com" and active eq true', { userName: 'jane@example.com' }, true],
  ['(title pr) or userName eq "jane@example.com"', { userName: 'jane@example.com' }, true],
  ['not (userName eq "jane@example.com")', { userName: 'jane@example.com' }, false],
  ['userName ne "jane@example.com"', { userName: 'jane@example.com' }, false],
  ['userName co "jane"', { userName: 'jane' }, false],
  ['emails eq "jane@work.test"', { email: 'jane@work.test' }, true],
  ['emails.value eq "jane@work.test"', { email: 'jane@work.test' }, true],
  ['emails[type eq "work" and value eq "jane@work.test"]', { email: 'jane@work.test' }, true],
  ['emails[type eq "jane@work.test"]', { email: 'jane@work.test' }, false],
  ['externalId eq "00u1abcd"', { externalId: '00u1abcd' }, true],
  ['displayName eq "Sales"', { displayName: 'sales' }, true],
  ['id eq "abc"', { id: 'abc' }, true],
  [
    'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "jane@example.com"',
    { userName: 'jane@example.com' },
    true,
  ],
  ['constructor eq "x"', { userName: 'x' }, false],
  ['active eq true', { userName: 'true' }, false],
  ['userName eq', { userName: 'jane@example.com' }, false],
])('reads the equalities of the filter %s', (filter, where, expected) => {
  expect(matchesWhere(where, withFilter(filter))).toBe(expected)
})

it('reads the filter of a search body', () => {
  const search = request({
    method: 'POST',
    path: '/.search',
    operation: 'search',
    body: { filter: 'userName eq "jane@example.com"' },
  })

  expect(matchesWhere({ userName: 'jane@example.com' }, search)).toBe(true)
})

it('calls a predicate with the request and returns its answer', () => {
  const seen: FaultRequest[] = []
  const faultRequest = request({ resource: jane })

  const answer = matchesWhere(
    (received) => (seen.push(received), received.resource === jane),
    faultRequest,
  )

  expect(answer).toBe(true)
  expect(seen).toEqual([faultRequest])
})
