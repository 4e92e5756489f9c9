import { type ScimUser, URN } from 'scim-mock'
import { describe, expect, it } from 'vitest'
import {
  createGroup,
  createUser,
  expectRejected,
  filterQuery,
  type Json,
  SCIM_JSON,
  searchBody,
  send,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

const ids = (body: Json): string[] => body.Resources.map((resource: { id: string }) => resource.id)
const idsOf = (users: ReadonlyArray<{ id: string }>) => users.map((user) => user.id)
const department = (user: ScimUser) => user[URN.enterpriseUser]?.department

async function list(query: string) {
  const result = await send('GET', `/Users${query}`)
  expect(result.status).toBe(200)
  expect(result.headers.get('content-type')).toBe(SCIM_JSON)
  expect(result.body.schemas).toEqual([URN.listResponse])
  return result.body as Json
}

describe('filter', () => {
  it('matches userName with eq ignoring case', async () => {
    const user = provider.users.list()[7]!

    const body = await list(filterQuery(`userName eq "${user.userName.toUpperCase()}"`))

    expect(body.totalResults).toBe(1)
    expect(ids(body)).toEqual([user.id])
  })

  it('matches nothing, with an empty Resources, when eq finds no user', async () => {
    const body = await list(filterQuery('userName eq "nobody@example.com"'))

    expect(body).toStrictEqual({
      schemas: [URN.listResponse],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    })
  })

  // Fragments come from a seeded userName, so the table holds whatever the seed makes.
  it.each([
    ['co', (name: string) => name.slice(2, 5), (name: string, part: string) => name.includes(part)],
    [
      'sw',
      (name: string) => name.slice(0, 2),
      (name: string, part: string) => name.startsWith(part),
    ],
    [
      'ew',
      (name: string) => name.slice(name.indexOf('@') - 3),
      (name: string, part: string) => name.endsWith(part),
    ],
  ])('matches userName with %s ignoring case', async (operator, fragmentOf, matches) => {
    const users = provider.users.list()
    const fragment = fragmentOf(users[0]!.userName)

    const body = await list(filterQuery(`userName ${operator} "${fragment.toUpperCase()}"`))

    const expected = users.filter((user) => matches(user.userName.toLowerCase(), fragment))
    expect(expected.length).toBeGreaterThan(0)
    expect(ids(body)).toEqual(idsOf(expected))
  })

  it('matches present attributes with pr', async () => {
    const untitled = await createUser('untitled@example.com')

    const body = await list(filterQuery('title pr'))

    expect(body.totalResults).toBe(20)
    expect(ids(body)).not.toContain(untitled.id)
  })

  it('compares meta.created with gt and le', async () => {
    const users = provider.users.list()
    const pivot = users.map((user) => user.meta.created!).sort()[9]!

    const after = await list(filterQuery(`meta.created gt "${pivot}"`))
    const before = await list(filterQuery(`meta.created le "${pivot}"`))

    expect(ids(after)).toEqual(idsOf(users.filter((user) => user.meta.created! > pivot)))
    expect(after.totalResults).toBe(10)
    expect(before.totalResults).toBe(10)
  })

  it('combines and, or, not and parentheses', async () => {
    const users = provider.users.list()
    const [first, second] = users
    const filter = `(userName eq "${first!.userName}" or userName eq "${second!.userName}") and not (active eq false)`

    const body = await list(filterQuery(filter))

    const expected = [first!, second!].filter((user) => user.active !== false)
    expect(ids(body)).toEqual(idsOf(expected))
  })

  it('applies not to a whole expression', async () => {
    const users = provider.users.list()
    const prefix = users[0]!.userName[0]!

    const body = await list(filterQuery(`not (userName sw "${prefix}")`))

    expect(ids(body)).toEqual(idsOf(users.filter((user) => !user.userName.startsWith(prefix))))
  })

  it('matches a value path filter on emails', async () => {
    const home = await createUser('home@example.com', {
      emails: [{ value: 'home@home.example', type: 'home' }],
    })

    const body = await list(filterQuery('emails[type eq "work" and value ew "@example.com"]'))

    expect(body.totalResults).toBe(20)
    expect(ids(body)).not.toContain(home.id)
  })

  it('matches emails.value like the indexed emails eq', async () => {
    const user = provider.users.list()[4]!

    const body = await list(filterQuery(`emails.value eq "${user.emails![0]!.value}"`))

    expect(ids(body)).toEqual([user.id])
  })

  it('matches an enterprise attribute by its fully qualified name', async () => {
    const users = provider.users.list()
    const wanted = department(users[0]!)!

    const body = await list(filterQuery(`${URN.enterpriseUser}:department eq "${wanted}"`))

    expect(ids(body)).toEqual(idsOf(users.filter((user) => department(user) === wanted)))
  })

  it('matches groups by member value', async () => {
    const user = await createUser('member@example.com')
    const group = await createGroup('Filtered', { members: [{ value: user.id }] })

    const result = await send('GET', `/Groups${filterQuery(`members[value eq "${user.id}"]`)}`)

    expect(ids(result.body)).toEqual([group.id])
  })

  it('matches groups by displayName ignoring case', async () => {
    const group = provider.groups.list()[2]!

    const result = await send(
      'GET',
      `/Groups${filterQuery(`displayName eq "${group.displayName.toLowerCase()}"`)}`,
    )

    expect(ids(result.body)).toContain(group.id)
  })

  it.each([
    ['empty', '?filter='],
    ['blank', `?filter=${encodeURIComponent('   ')}`],
    ['without a value', filterQuery('userName eq')],
    ['with an unknown operator', filterQuery('userName like "a%"')],
    ['with an unclosed parenthesis', filterQuery('(userName eq "a"')],
    ['with an unclosed string', filterQuery('userName eq "a')],
    ['with a trailing and', filterQuery('userName eq "a" and')],
    ['naming an unknown attribute', filterQuery('shoeSize eq "42"')],
    ['naming an unknown sub-attribute', filterQuery('name.nickname eq "x"')],
    ['ordering a boolean', filterQuery('active gt true')],
  ])('returns 400 invalidFilter, not every user, for a filter %s', async (_name, query) => {
    const result = await expectRejected(
      provider,
      () => send('GET', `/Users${query}`),
      400,
      'invalidFilter',
    )
    expect(result.body).not.toHaveProperty('Resources')
  })
})

describe('paging', () => {
  it.each([
    ['the first page', '?startIndex=1&count=5', 0, 5, 1],
    ['the second page', '?startIndex=6&count=5', 5, 10, 6],
    ['an unaligned page', '?startIndex=3&count=4', 2, 6, 3],
    ['startIndex 0 as 1', '?startIndex=0&count=2', 0, 2, 1],
    ['a negative startIndex as 1', '?startIndex=-5&count=2', 0, 2, 1],
    ['a short last page', '?startIndex=18&count=10', 17, 20, 18],
    ['every user without count (defaultCount 100)', '', 0, 20, 1],
    ['count at maxResults', '?count=1000', 0, 20, 1],
    ['case-insensitive parameter names', '?STARTINDEX=2&Count=1', 1, 2, 2],
  ])('returns %s', async (_name, query, from, to, startIndex) => {
    const users = provider.users.list()

    const body = await list(query)

    expect(body.totalResults).toBe(20)
    expect(body.startIndex).toBe(startIndex)
    expect(body.itemsPerPage).toBe(to - from)
    expect(ids(body)).toEqual(idsOf(users.slice(from, to)))
  })

  it.each([
    ['count=0', '?count=0'],
    ['a negative count as 0', '?count=-3'],
  ])('returns totalResults only for %s', async (_name, query) => {
    const body = await list(query)

    expect(body).toStrictEqual({
      schemas: [URN.listResponse],
      totalResults: 20,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    })
  })

  it('returns an empty page with the right totalResults past the end', async () => {
    const body = await list('?startIndex=100&count=10')

    expect(body).toMatchObject({
      totalResults: 20,
      startIndex: 100,
      itemsPerPage: 0,
      Resources: [],
    })
  })

  it('pages a filtered result', async () => {
    const body = await list(`${filterQuery('title pr')}&startIndex=2&count=3`)

    expect(body.totalResults).toBe(20)
    expect(ids(body)).toEqual(idsOf(provider.users.list().slice(1, 4)))
  })

  it.each([
    ['count=abc', '?count=abc'],
    ['count=1.5', '?count=1.5'],
    ['startIndex=first', '?startIndex=first'],
    ['sortOrder=sideways', '?sortBy=userName&sortOrder=sideways'],
    ['a sortBy that names no attribute', '?sortBy=shoeSize'],
    ['a sortBy on a complex attribute', '?sortBy=name'],
  ])('returns 400 invalidValue for %s', async (_name, query) => {
    await expectRejected(provider, () => send('GET', `/Users${query}`), 400, 'invalidValue')
  })

  it('returns 400 tooMany for a count above maxResults', async () => {
    await expectRejected(provider, () => send('GET', '/Users?count=1001'), 400, 'tooMany')
  })
})

describe('sorting', () => {
  const byText =
    (read: (user: ScimUser) => string | undefined) =>
    (a: ScimUser, b: ScimUser): number => {
      const [x, y] = [read(a)!.toLowerCase(), read(b)!.toLowerCase()]
      return x < y ? -1 : x > y ? 1 : 0
    }

  it('sorts by userName ascending by default', async () => {
    const expected = provider.users.list().sort(byText((user) => user.userName))

    const body = await list('?sortBy=userName')

    expect(ids(body)).toEqual(idsOf(expected))
  })

  it('sorts by userName descending', async () => {
    const expected = provider.users
      .list()
      .sort(byText((user) => user.userName))
      .reverse()

    const body = await list('?sortBy=userName&sortOrder=descending')

    expect(ids(body)).toEqual(idsOf(expected))
  })

  it('sorts by a sub-attribute and pages after sorting', async () => {
    const expected = provider.users.list().sort(byText((user) => user.name?.familyName))

    const body = await list('?sortBy=name.familyName&startIndex=3&count=5')

    // Stable sort: ties keep creation order both here and in the provider.
    expect(ids(body)).toEqual(idsOf(expected.slice(2, 7)))
  })

  // RFC 7644 §3.4.2.3: no data for sortBy is "ordered last if ascending and first if descending".
  it('puts users without the sortBy value last when ascending', async () => {
    const untitled = await createUser('untitled@example.com')

    const body = await list('?sortBy=title')

    expect(ids(body).at(-1)).toBe(untitled.id)
  })

  it('puts users without the sortBy value first when descending', async () => {
    const untitled = await createUser('untitled@example.com')

    const body = await list('?sortBy=title&sortOrder=descending')

    expect(ids(body)[0]).toBe(untitled.id)
  })
})

describe('.search', () => {
  it('searches users with POST /Users/.search, a filter and paging', async () => {
    const users = provider.users.list()
    const prefix = users[0]!.userName.slice(0, 1)
    const expected = users.filter((user) => user.userName.startsWith(prefix))

    const result = await send('POST', '/Users/.search', {
      json: searchBody({
        filter: `userName sw "${prefix}"`,
        startIndex: 1,
        count: 1,
        attributes: ['userName'],
      }),
    })

    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe(SCIM_JSON)
    expect(result.body).toStrictEqual({
      schemas: [URN.listResponse],
      totalResults: expected.length,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [
        { schemas: expected[0]!.schemas, id: expected[0]!.id, userName: expected[0]!.userName },
      ],
    })
  })

  it('sorts and excludes attributes in a search', async () => {
    const result = await send('POST', '/Users/.search', {
      json: searchBody({
        sortBy: 'userName',
        sortOrder: 'descending',
        excludedAttributes: ['emails'],
      }),
    })

    expect(result.status).toBe(200)
    const names = result.body.Resources.map((user: ScimUser) => user.userName)
    expect(names).toEqual([...names].sort().reverse())
    expect(result.body.Resources[0]).not.toHaveProperty('emails')
  })

  it('searches groups with POST /Groups/.search', async () => {
    const group = provider.groups.list()[1]!

    const result = await send('POST', '/Groups/.search', {
      json: searchBody({ filter: `displayName eq "${group.displayName}"` }),
    })

    expect(result.status).toBe(200)
    expect(ids(result.body)).toContain(group.id)
    expect(result.body.Resources[0]).toMatchObject({ displayName: group.displayName })
  })

  it('searches every resource type with POST /.search', async () => {
    const result = await send('POST', '/.search', { json: searchBody({ count: 0 }) })

    expect(result.status).toBe(200)
    expect(result.body.totalResults).toBe(23)
  })

  it('matches users and groups alike on a common attribute in POST /.search', async () => {
    const user = await createUser('shared@example.com', { externalId: 'shared-1' })
    const group = await createGroup('Shared', { externalId: 'shared-1' })

    const result = await send('POST', '/.search', {
      json: searchBody({ filter: 'externalId eq "shared-1"' }),
    })

    expect(ids(result.body)).toEqual([user.id, group.id])
  })

  it('matches only users for a user attribute in POST /.search', async () => {
    const user = provider.users.list()[2]!

    const result = await send('POST', '/.search', {
      json: searchBody({ filter: `userName eq "${user.userName}"` }),
    })

    expect(result.status).toBe(200)
    expect(ids(result.body)).toEqual([user.id])
  })

  it.each([
    ['/Users/.search', 'invalidFilter', searchBody({ filter: 'userName eq' })],
    ['/.search', 'invalidFilter', searchBody({ filter: 'shoeSize eq "1"' })],
    ['/Users/.search', 'invalidValue', { filter: 'userName pr' }],
    ['/Groups/.search', 'invalidValue', { schemas: [URN.listResponse] }],
    ['/.search', 'invalidValue', { schemas: 'nope' }],
    ['/Users/.search', 'invalidSyntax', [searchBody()]],
    ['/Users/.search', 'tooMany', searchBody({ count: 5000 })],
    ['/Users/.search', 'invalidValue', searchBody({ count: 'many' })],
  ])('returns 400 on POST %s with %s', async (path, scimType, body) => {
    await expectRejected(provider, () => send('POST', path, { json: body }), 400, scimType)
  })

  it('returns 405 with Allow for GET /Users/.search', async () => {
    const result = await expectRejected(provider, () => send('GET', '/Users/.search'), 405)

    expect(result.headers.get('allow')).toBe('POST')
  })
})
