import { describe, expect, it } from 'vitest'
import type { ScimResource } from '../resource/scim-resource.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { compileFilter } from './compile-filter.js'
import type { FilterExpression } from './filter-ast.js'
import { parseFilter } from './parse-filter.js'

const ENTERPRISE = URN.enterpriseUser
const meta = (created: string, lastModified: string) => ({
  resourceType: 'User',
  created,
  lastModified,
  location: `https://example.com/v2/Users/${created}`,
})

// Sparse on purpose: 2 and 4 lack `name`, 3 and 4 lack emails, 4 lacks meta.
const users: ScimResource[] = [
  {
    schemas: [URN.user, ENTERPRISE],
    id: '1',
    externalId: 'okta-00u1',
    userName: 'Alice@Example.com',
    name: { givenName: 'Alice', familyName: "O'Malley" },
    displayName: "Alice O'Malley",
    title: 'Engineer',
    userType: 'Employee',
    active: true,
    emails: [
      { value: 'alice@example.com', type: 'work', primary: true },
      { value: 'a@home.net', type: 'home' },
    ],
    [ENTERPRISE]: { employeeNumber: '123', department: 'R&D', manager: { value: '2' } },
    meta: meta('2024-01-10T09:00:00Z', '2024-06-01T12:00:00.500Z'),
  },
  {
    schemas: [URN.user],
    id: '2',
    externalId: 'OKTA-00U2',
    userName: 'bob@example.com',
    title: '',
    userType: 'Intern',
    active: false,
    emails: [{ value: 'Bob@Example.COM', type: 'work' }],
    ims: [{ value: 'bob@foo.com', type: 'xmpp' }],
    meta: meta('2024-03-01T00:00:00Z', '2024-07-01T00:00:00Z'),
  },
  {
    schemas: [URN.user],
    id: '3',
    userName: 'carol',
    name: { familyName: 'Jones', givenName: null },
    displayName: 'Carol "CJ" Jones',
    active: true,
    emails: [],
    meta: meta('2025-01-01T00:00:00+02:00', '2025-01-01T00:00:00+02:00'),
  },
  { schemas: [URN.user], id: '4', userName: 'dave', name: {}, emails: [{ type: 'work' }] },
]

const matching = (filter: string, resources = users, schema = userResourceSchema) =>
  resources.filter(compileFilter(parseFilter(filter), schema)).map((user) => user.id)

function compileError(filter: string): ScimError {
  try {
    compileFilter(parseFilter(filter), userResourceSchema)
  } catch (error) {
    if (error instanceof ScimError) return error
    throw error
  }
  throw new Error(`compiled: ${filter}`)
}

describe('compileFilter', () => {
  // libraries.md §5.1: the cases other npm libraries got wrong.
  it.each([
    ['userName eq "alice@example.com"', ['1']],
    ['UserName EQ "bob@example.com"', ['2']],
    ['emails[type eq "work" and value co "@example.com"]', ['1', '2']],
    ['emails.value eq "a@home.net"', ['1']],
    ['emails.type eq "work"', ['1', '2', '4']],
    ['emails[type eq "work" and value eq "a@home.net"]', []],
    ['emails[not (type eq "work")]', ['1']],
    [`name.familyName eq "O'Malley"`, ['1']],
    ['displayName eq "Carol \\"CJ\\" Jones"', ['3']],
    ['title pr', ['1']],
    ['not (active eq false)', ['1', '3', '4']],
    ['userName eq "carol" or userName eq "dave" and active eq true', ['3']],
    ['(userName eq "carol" or userName eq "dave") and active pr', ['3']],
    ['meta.lastModified ge "2024-06-01T12:00:00Z"', ['1', '2', '3']],
    ['meta.created lt "2024-12-31T23:30:00Z"', ['1', '2', '3']],
    [`${URN.user}:userName eq "carol"`, ['3']],
    [`${ENTERPRISE}:employeeNumber eq "123"`, ['1']],
    [`${ENTERPRISE}:manager.value eq "2"`, ['1']],
  ])('matches the libraries.md case %s', (filter, ids) => {
    expect(matching(filter)).toEqual(ids)
  })

  // RFC 7644 §3.4.2.2 examples.
  it.each([
    ['userName eq "bjensen"', []],
    [`name.familyName co "O'Malley"`, ['1']],
    ['userName sw "A"', ['1']],
    [`${URN.user}:userName sw "B"`, ['2']],
    ['meta.lastModified gt "2024-06-01T12:00:00Z"', ['1', '2', '3']],
    ['meta.lastModified lt "2024-07-01T00:00:00Z"', ['1']],
    ['meta.lastModified le "2024-07-01T00:00:00Z"', ['1', '2']],
    ['title pr and userType eq "Employee"', ['1']],
    ['title pr or userType eq "Intern"', ['1', '2']],
    [`schemas eq "${ENTERPRISE}"`, ['1']],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      ['1'],
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      ['3', '4'],
    ],
    ['userType eq "Employee" and (emails.type eq "work")', ['1']],
    ['userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', ['1']],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      ['1', '2'],
    ],
  ])('matches the RFC 7644 example %s', (filter, ids) => {
    expect(matching(filter)).toEqual(ids)
  })

  it.each([
    ['id eq "1"', ['1']],
    ['externalId eq "okta-00u2"', []],
    ['externalId eq "OKTA-00U2"', ['2']],
    ['meta.resourceType eq "User"', ['1', '2', '3']],
    ['meta.location ew "2024-01-10T09:00:00Z"', ['1']],
    ['emails co "EXAMPLE.com"', ['1', '2']],
    ['emails.value ew ".COM"', ['1', '2']],
    ['userName gt "b"', ['2', '3', '4']],
    ['userName le "bob@example.com"', ['1', '2']],
    ['userName ne "carol"', ['1', '2', '4']],
    ['title ne "Engineer"', ['2', '3', '4']],
    ['title eq null', ['2', '3', '4']],
    ['title ne null', ['1']],
    ['name pr', ['1', '3']],
    ['name.givenName pr', ['1']],
    ['emails pr', ['1', '2', '4']],
    ['emails.value pr', ['1', '2']],
    [`${ENTERPRISE} pr`, ['1']],
    [`${ENTERPRISE}:manager pr`, ['1']],
    ['active eq "True"', ['1', '3']],
    ['active ne true', ['2', '4']],
    ['emails[type ne "work"]', ['1']],
    ['emails[value pr]', ['1', '2']],
    ['emails[Primary eq true]', ['1']],
    ['EMAILS[TYPE eq "home"]', ['1']],
    ['meta.created eq "2024-12-31T22:00:00Z"', ['3']],
    ['meta.created ge "2024-12-31T22:00:00"', ['3']],
  ])('matches %s', (filter, ids) => {
    expect(matching(filter)).toEqual(ids)
  })

  it('matches conditions on the same element only', () => {
    expect(matching('emails[type eq "home" and value co "example"]')).toEqual([])
    expect(matching('emails.type eq "home" and emails.value co "example"')).toEqual(['1'])
  })

  it('matches group members by value', () => {
    const groups: ScimResource[] = [
      { id: 'g1', displayName: 'Admins', members: [{ value: 'u1' }, { value: 'u2' }] },
      { id: 'g2', displayName: 'admins' },
    ]
    expect(matching('members[value eq "u2"]', groups, groupResourceSchema)).toEqual(['g1'])
    expect(matching('members.value eq "U2"', groups, groupResourceSchema)).toEqual([])
    expect(matching('displayName eq "ADMINS"', groups, groupResourceSchema)).toEqual(['g1', 'g2'])
  })

  it('does not throw on values of the wrong type', () => {
    const odd = [
      { id: 'x', userName: 5, name: 'flat', emails: 'a@b.c', meta: [] },
    ] as unknown as ScimResource[]
    for (const filter of [
      'userName eq "5"',
      'name.givenName pr',
      'emails.value co "a"',
      'meta.created gt "2024-01-01T00:00:00Z"',
    ]) {
      expect(matching(filter, odd)).toEqual([])
    }
  })

  it.each([
    ['foo eq "x"', 'unknown attribute "foo"'],
    ['name.foo eq "x"', 'unknown attribute "name.foo"'],
    ['emails[foo eq "x"]', 'unknown attribute "emails.foo"'],
    ['urn:example:Other:foo eq "x"', 'unknown attribute'],
    ['name eq "x"', 'complex'],
    [`${ENTERPRISE}:manager eq "2"`, 'complex'],
    ['addresses eq "x"', 'complex'],
    ['userName[value eq "x"]', 'complex attribute'],
    [`${ENTERPRISE} eq "x"`, 'whole extension'],
    ['active gt true', '"gt" is not supported'],
    ['active co "t"', '"co" is not supported'],
    ['x509Certificates.value gt "x"', '"gt" is not supported'],
    ['active eq 5', 'boolean'],
    ['active eq "yes"', 'boolean'],
    ['userName gt true', 'string'],
    ['userName eq 5', 'string'],
    ['meta.created gt "yesterday"', 'not a valid dateTime'],
    ['meta.created gt 5', 'not a valid dateTime'],
    ['meta.created co "2024"', '"co" is not supported'],
    ['userName gt null', 'null'],
  ])('rejects %s with invalidFilter', (filter, detail) => {
    const error = compileError(filter)
    expect(error.status).toBe(400)
    expect(error.scimType).toBe('invalidFilter')
    expect(error.detail).toContain(detail)
  })

  it('rejects an unknown operator in a hand-built tree', () => {
    const filter = {
      type: 'comparison',
      path: { attribute: 'userName' },
      operator: 'constructor',
      value: 'x',
    } as unknown as FilterExpression
    expect(() => compileFilter(filter, userResourceSchema)).toThrow(ScimError)
  })

  it('resolves paths once, not per resource', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(i),
      userName: `user${i}@Example.com`,
      emails: [{ value: `user${i}@example.com`, type: 'work' }],
    }))
    const matches = compileFilter(
      parseFilter('userName eq "USER99999@example.com" or emails[type eq "home"]'),
      userResourceSchema,
    )
    const started = performance.now()
    expect(many.filter(matches)).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(500)
  })
})
