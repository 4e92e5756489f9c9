import {
  createScimProvider,
  type FaultOperation,
  type FaultRequest,
  type FaultSpec,
  SCIM_OPERATIONS,
  type ScimOperation,
  type ScimProvider,
  URN,
} from 'scim-mock'
import { expect, it } from 'vitest'
import {
  filterQuery,
  groupBody,
  patchBody,
  searchBody,
  send,
  storeState,
  userBody,
  useScimServer,
} from './scim-test-server.js'

// Which requests a fault hits (`on`, `where`), how often (`times`, `after`,
// `probability`), in which order, and whose it is: all through MSW and fetch.

const { provider, server } = useScimServer()

const firstUser = () => provider.users.list()[0]!
const secondUser = () => provider.users.list()[1]!
const firstGroup = () => provider.groups.list()[0]!
const lastEntry = () => provider.requests.at(-1)!
/** A status no request of these tests gets by itself. */
const FAULT_STATUS = 503
const serverError = (spec: Omit<FaultSpec, 'respond'>): FaultSpec => ({
  respond: 'serverError',
  status: FAULT_STATUS,
  ...spec,
})

const ALL_OPERATIONS = SCIM_OPERATIONS

/** A request of each operation; `{user}` and `{group}` stand for seeded ids. */
const REQUESTS: Array<[ScimOperation, string, string, unknown?]> = [
  ['listUsers', 'GET', '/Users'],
  ['listUsers', 'POST', '/Users/.search', searchBody()],
  ['getUser', 'GET', '/Users/{user}'],
  ['createUser', 'POST', '/Users', userBody('new.hire@example.com')],
  ['replaceUser', 'PUT', '/Users/{user}', userBody('replaced@example.com')],
  [
    'patchUser',
    'PATCH',
    '/Users/{user}',
    patchBody({ op: 'replace', path: 'title', value: 'CTO' }),
  ],
  ['deleteUser', 'DELETE', '/Users/{user}'],
  ['listGroups', 'GET', '/Groups'],
  ['listGroups', 'POST', '/Groups/.search', searchBody()],
  ['getGroup', 'GET', '/Groups/{group}'],
  ['createGroup', 'POST', '/Groups', groupBody('Engineering')],
  ['replaceGroup', 'PUT', '/Groups/{group}', groupBody('Renamed')],
  [
    'patchGroup',
    'PATCH',
    '/Groups/{group}',
    patchBody({ op: 'replace', path: 'displayName', value: 'Renamed' }),
  ],
  ['deleteGroup', 'DELETE', '/Groups/{group}'],
  ['search', 'POST', '/.search', searchBody()],
  ['discovery', 'GET', '/ServiceProviderConfig'],
  ['discovery', 'GET', '/ResourceTypes/User'],
  ['discovery', 'GET', `/Schemas/${URN.user}`],
  ['bulk', 'POST', '/Bulk', { schemas: [URN.bulkRequest], Operations: [] }],
  ['me', 'GET', '/Me'],
]
const requestTitle = ([operation, method, path]: (typeof REQUESTS)[number]) =>
  `${operation} (${method} ${path})`

const sendRequest = (method: string, path: string, json?: unknown) =>
  send(method, path.replace('{user}', firstUser().id).replace('{group}', firstGroup().id), {
    json,
  })

it.each(REQUESTS.map((row) => [requestTitle(row), ...row] as const))(
  'fires a fault on %s',
  async (_title, operation, method, path, json) => {
    const fault = provider.faults.add(serverError({ on: operation }))
    const before = storeState(provider)

    const result = await sendRequest(method, path, json)

    expect(result.status).toBe(FAULT_STATUS)
    expect(storeState(provider)).toStrictEqual(before)
    expect(lastEntry()).toMatchObject({ operation, fault: { id: fault.id } })
  },
)

it.each(REQUESTS.map((row) => [requestTitle(row), ...row] as const))(
  'lets %s through a fault on every other operation',
  async (_title, operation, method, path, json) => {
    const others = ALL_OPERATIONS.filter((other) => other !== operation)
    const fault = provider.faults.add(serverError({ on: others }))

    const result = await sendRequest(method, path, json)

    expect(result.status).not.toBe(FAULT_STATUS)
    expect(lastEntry()).toMatchObject({ operation })
    expect(lastEntry()).not.toHaveProperty('fault')
    expect(provider.faults.list()[0]).toMatchObject({ id: fault.id, matched: 0, fired: 0 })
  },
)

it('fires a fault on "*" for every SCIM request, discovery included', async () => {
  const fault = provider.faults.add(serverError({ on: '*' }))

  for (const [, method, path, json] of REQUESTS) {
    expect((await sendRequest(method, path, json)).status).toBe(FAULT_STATUS)
  }

  expect(provider.faults.list()[0]).toMatchObject({
    id: fault.id,
    matched: REQUESTS.length,
    fired: REQUESTS.length,
  })
  expect(new Set(provider.requests.map((entry) => entry.operation))).toEqual(
    new Set(ALL_OPERATIONS),
  )
})

it('fires a fault on an array of operations, and on no other', async () => {
  provider.faults.add(serverError({ on: ['getUser', 'replaceUser'] }))
  const { id, userName } = firstUser()

  const read = await send('GET', `/Users/${id}`)
  const replaced = await send('PUT', `/Users/${id}`, { json: userBody(userName) })
  const patched = await send('PATCH', `/Users/${id}`, {
    json: patchBody({ op: 'replace', path: 'title', value: 'CTO' }),
  })

  expect([read.status, replaced.status, patched.status]).toEqual([FAULT_STATUS, FAULT_STATUS, 200])
})

it('reports the operations of a fault as an array', () => {
  const single = provider.faults.add(serverError({ on: 'getUser' }))
  const several = provider.faults.add(serverError({ on: ['getUser', 'listUsers'] }))

  expect(single.on).toEqual(['getUser'])
  expect(several.on).toEqual(['getUser', 'listUsers'])
})

it('lets a request without a route through: a routing error is answered as such', async () => {
  provider.faults.add(serverError({ on: '*' }))

  const unknown = await send('GET', '/NoSuchEndpoint')
  const wrongMethod = await send('DELETE', '/Users')

  expect([unknown.status, wrongMethod.status]).toEqual([404, 405])
  expect(provider.faults.list()[0]).toMatchObject({ matched: 0, fired: 0 })
})

it('lets a real 401 win over a fault, which does not count it', async () => {
  provider.faults.add(serverError({ on: '*' }))

  const result = await send('GET', '/Users', { headers: { Authorization: 'Bearer wrong' } })

  expect(result.status).toBe(401)
  expect(lastEntry()).not.toHaveProperty('fault')
  expect(provider.faults.list()[0]).toMatchObject({ matched: 0, fired: 0 })
})

// where

it('matches where.userName in a POST body, ignoring case', async () => {
  provider.faults.add(
    serverError({ on: 'createUser', where: { userName: 'Jane.Doe@Example.com' } }),
  )

  const jane = await send('POST', '/Users', { json: userBody('jane.doe@example.com') })
  const john = await send('POST', '/Users', { json: userBody('john.doe@example.com') })

  expect([jane.status, john.status]).toEqual([FAULT_STATUS, 201])
})

it('matches where.userName in the user a by-id request targets', async () => {
  const target = firstUser()
  provider.faults.add(
    serverError({
      on: ['getUser', 'patchUser', 'deleteUser'],
      where: { userName: target.userName.toUpperCase() },
    }),
  )

  const read = await send('GET', `/Users/${target.id}`)
  const patched = await send('PATCH', `/Users/${target.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const deleted = await send('DELETE', `/Users/${target.id}`)
  const other = await send('GET', `/Users/${secondUser().id}`)

  expect([read.status, patched.status, deleted.status, other.status]).toEqual([
    FAULT_STATUS,
    FAULT_STATUS,
    FAULT_STATUS,
    200,
  ])
  expect(provider.users.get(target.id)).toStrictEqual(target)
})

it('matches where.userName in a renamed PUT body as well as in its target', async () => {
  const target = firstUser()
  provider.faults.add(
    serverError({ on: 'replaceUser', where: { userName: 'renamed@example.com' } }),
  )

  const renamed = await send('PUT', `/Users/${target.id}`, {
    json: userBody('renamed@example.com'),
  })
  const kept = await send('PUT', `/Users/${secondUser().id}`, {
    json: userBody(secondUser().userName, { title: 'CTO' }),
  })

  expect([renamed.status, kept.status]).toEqual([FAULT_STATUS, 200])
})

it.each([
  ['userName eq "{name}"', FAULT_STATUS],
  ['USERNAME EQ "{NAME}"', FAULT_STATUS],
  ['userName eq "{name}" and active eq true', FAULT_STATUS],
  ['active eq false or userName eq "{name}"', FAULT_STATUS],
  ['not (userName eq "{name}")', 200],
  ['userName eq "someone.else@example.com"', 200],
  ['userName co "{name}"', 200],
  ['userName sw "{name}"', 200],
  ['name.familyName eq "{name}"', 200],
])('matches where.userName in the filter %s as expected', async (filter, status) => {
  const { userName } = firstUser()
  provider.faults.add(serverError({ on: 'listUsers', where: { userName } }))
  const expression = filter.replace('{name}', userName).replace('{NAME}', userName.toUpperCase())

  const result = await send('GET', `/Users${filterQuery(expression)}`)

  expect(result.status).toBe(status)
})

it('matches where.userName in the filter of a POST .search body', async () => {
  const { userName } = firstUser()
  provider.faults.add(serverError({ on: ['listUsers', 'search'], where: { userName } }))

  const users = await send('POST', '/Users/.search', {
    json: searchBody({ filter: `userName eq "${userName}"` }),
  })
  const root = await send('POST', '/.search', {
    json: searchBody({ filter: `userName eq "${userName}"` }),
  })
  const other = await send('POST', '/Users/.search', {
    json: searchBody({ filter: 'userName eq "nobody@example.com"' }),
  })

  expect([users.status, root.status, other.status]).toEqual([FAULT_STATUS, FAULT_STATUS, 200])
})

it('matches where.userName in the lookup Okta sends before a create', async () => {
  provider.faults.add(
    serverError({ on: ['listUsers', 'createUser'], where: { userName: 'isaac@example.com' } }),
  )

  // Okta's exact query: filter=userName eq "…"&startIndex=1&count=100
  const lookup = await send(
    'GET',
    `/Users?filter=${encodeURIComponent('userName eq "isaac@example.com"')}&startIndex=1&count=100`,
  )
  const create = await send('POST', '/Users', { json: userBody('Isaac@Example.com') })

  expect([lookup.status, create.status]).toEqual([FAULT_STATUS, FAULT_STATUS])
})

it('matches where.email in any emails[].value of the body', async () => {
  provider.faults.add(serverError({ on: 'createUser', where: { email: 'Jane@Work.test' } }))

  const result = await send('POST', '/Users', {
    json: userBody('jdoe', {
      emails: [
        { value: 'jane@home.test', type: 'home' },
        { value: 'jane@work.test', type: 'work' },
      ],
    }),
  })
  const other = await send('POST', '/Users', {
    json: userBody('jroe', { emails: [{ value: 'jane@home.test', type: 'home' }] }),
  })

  expect([result.status, other.status]).toEqual([FAULT_STATUS, 201])
})

it('matches where.email in the emails of the targeted user', async () => {
  const user = await provider.users.create({
    userName: 'jdoe',
    emails: [
      { value: 'jane@home.test', type: 'home' },
      { value: 'jane@work.test', type: 'work', primary: true },
    ],
  })
  provider.faults.add(serverError({ on: 'getUser', where: { email: 'jane@work.test' } }))

  const result = await send('GET', `/Users/${user.id}`)
  const other = await send('GET', `/Users/${firstUser().id}`)

  expect([result.status, other.status]).toEqual([FAULT_STATUS, 200])
})

it.each([
  ['emails eq "jane@work.test"', FAULT_STATUS],
  ['emails.value eq "JANE@work.test"', FAULT_STATUS],
  ['emails[value eq "jane@work.test"]', FAULT_STATUS],
  ['emails[type eq "work" and value eq "jane@work.test"]', FAULT_STATUS],
  ['emails[type eq "jane@work.test"]', 200],
  ['emails.value co "jane@work.test"', 200],
  ['userName eq "jane@work.test"', 200],
])('matches where.email in the filter %s as expected', async (filter, status) => {
  provider.faults.add(serverError({ on: 'listUsers', where: { email: 'jane@work.test' } }))

  const result = await send('GET', `/Users${filterQuery(filter)}`)

  expect(result.status).toBe(status)
})

it('matches where.displayName in a group body, target and filter', async () => {
  const group = firstGroup()
  provider.faults.add(
    serverError({
      on: ['createGroup', 'patchGroup', 'listGroups'],
      where: { displayName: 'Sales' },
    }),
  )
  await provider.groups.update(group.id, { displayName: 'sales' })

  const created = await send('POST', '/Groups', { json: groupBody('SALES') })
  const patched = await send('PATCH', `/Groups/${group.id}`, {
    json: patchBody({ op: 'add', path: 'members', value: [{ value: firstUser().id }] }),
  })
  const listed = await send('GET', `/Groups${filterQuery('displayName eq "Sales"')}`)
  const other = await send('POST', '/Groups', { json: groupBody('Marketing') })

  expect([created.status, patched.status, listed.status, other.status]).toEqual([
    FAULT_STATUS,
    FAULT_STATUS,
    FAULT_STATUS,
    201,
  ])
})

it('matches where.id in the target and in an id filter, with the case of the id', async () => {
  const { id } = firstUser()
  provider.faults.add(serverError({ on: ['getUser', 'listUsers'], where: { id } }))

  const read = await send('GET', `/Users/${id}`)
  const filtered = await send('GET', `/Users${filterQuery(`id eq "${id}"`)}`)
  const other = await send('GET', `/Users/${secondUser().id}`)
  const otherCase = await send('GET', `/Users${filterQuery(`id eq "${id.toUpperCase()}"`)}`)

  expect([read.status, filtered.status, other.status, otherCase.status]).toEqual([
    FAULT_STATUS,
    FAULT_STATUS,
    200,
    200,
  ])
})

it('matches where.externalId in a body, a target and a filter', async () => {
  const user = await provider.users.create({ userName: 'ext', externalId: '00u1abcd' })
  provider.faults.add(
    serverError({
      on: ['createUser', 'getUser', 'listUsers'],
      where: { externalId: '00U1ABCD' },
    }),
  )

  const created = await send('POST', '/Users', {
    json: userBody('other', { externalId: '00u1abcd' }),
  })
  const read = await send('GET', `/Users/${user.id}`)
  const listed = await send('GET', `/Users${filterQuery('externalId eq "00u1abcd"')}`)
  const other = await send('GET', `/Users${filterQuery('externalId eq "00u9zzzz"')}`)

  expect([created.status, read.status, listed.status, other.status]).toEqual([
    FAULT_STATUS,
    FAULT_STATUS,
    FAULT_STATUS,
    200,
  ])
})

it('requires every field of where to match', async () => {
  const user = await provider.users.create({ userName: 'both', externalId: 'ext-1' })
  provider.faults.add(
    serverError({ on: 'getUser', where: { userName: 'both', externalId: 'ext-2' } }),
  )

  expect((await send('GET', `/Users/${user.id}`)).status).toBe(200)
  provider.faults.clear()
  provider.faults.add(
    serverError({ on: 'getUser', where: { userName: 'both', externalId: 'ext-1' } }),
  )
  expect((await send('GET', `/Users/${user.id}`)).status).toBe(FAULT_STATUS)
})

it('calls a where predicate with operation, method, path, query, body and resource', async () => {
  const target = firstUser()
  const seen: FaultRequest[] = []
  provider.faults.add(
    serverError({
      on: 'replaceUser',
      where: (request) => {
        seen.push(request)
        return request.body !== null && (request.body as { title?: string }).title === 'Boom'
      },
    }),
  )
  const body = userBody(target.userName, { title: 'Boom' })

  const fired = await send('PUT', `/Users/${target.id}?attributes=userName`, { json: body })
  const passed = await send('PUT', `/Users/${target.id}`, {
    json: userBody(target.userName, { title: 'Fine' }),
  })

  expect([fired.status, passed.status]).toEqual([FAULT_STATUS, 200])
  expect(seen[0]).toStrictEqual({
    operation: 'replaceUser',
    method: 'PUT',
    path: `/Users/${target.id}`,
    query: { attributes: 'userName' },
    body,
    resource: expect.objectContaining({ id: target.id, userName: target.userName }),
  })
  expect(seen[1]?.resource).toMatchObject({ id: target.id })
})

it('passes an undefined resource and body to a predicate for a list', async () => {
  const seen: FaultRequest[] = []
  provider.faults.add({
    on: '*',
    respond: 'emptyBody',
    where: (request) => (seen.push(request), false),
  })

  await send('GET', '/Users?count=1')

  expect(seen).toStrictEqual([
    {
      operation: 'listUsers',
      method: 'GET',
      path: '/Users',
      query: { count: '1' },
      body: undefined,
      resource: undefined,
    },
  ])
})

it('lets non-matching requests through untouched', async () => {
  const { id } = firstUser()
  const expected = await send('GET', `/Users/${id}`)
  const fault = provider.faults.add(
    serverError({ on: 'getUser', where: { userName: 'nobody@example.com' } }),
  )

  const result = await send('GET', `/Users/${id}`)

  expect(result.status).toBe(200)
  expect(result.body).toStrictEqual(expected.body)
  expect(result.headers.get('etag')).toBe(expected.headers.get('etag'))
  expect(lastEntry()).not.toHaveProperty('fault')
  expect(provider.faults.list()).toMatchObject([{ id: fault.id, matched: 0, fired: 0 }])
})

// Counting

/** The statuses of `count` GET /Users requests to `baseUrl`. */
async function statuses(count: number, baseUrl?: string): Promise<number[]> {
  const result: number[] = []
  for (let index = 0; index < count; index++) {
    result.push((await send('GET', '/Users?count=1', { ...(baseUrl ? { baseUrl } : {}) })).status)
  }
  return result
}

it('fires on every matching request by default', async () => {
  provider.faults.add(serverError({ on: 'listUsers' }))

  expect(await statuses(3)).toEqual([FAULT_STATUS, FAULT_STATUS, FAULT_STATUS])
  expect(provider.faults.list()[0]).toMatchObject({
    matched: 3,
    fired: 3,
    remaining: Number.POSITIVE_INFINITY,
  })
})

it('fires once with times: 1', async () => {
  provider.faults.add({ on: 'createUser', respond: 'conflict', times: 1 })

  const first = await send('POST', '/Users', { json: userBody('retry@example.com') })
  const retry = await send('POST', '/Users', { json: userBody('retry@example.com') })

  expect([first.status, retry.status]).toEqual([409, 201])
  expect(provider.faults.list()[0]).toMatchObject({ matched: 1, fired: 1, remaining: 0 })
})

it('fires three times with times: 3', async () => {
  provider.faults.add(serverError({ on: 'listUsers', times: 3 }))

  expect(await statuses(5)).toEqual([FAULT_STATUS, FAULT_STATUS, FAULT_STATUS, 200, 200])
  expect(provider.faults.list()[0]).toMatchObject({ fired: 3, remaining: 0 })
})

it('fires from the third matching request on with after: 2', async () => {
  provider.faults.add(serverError({ on: 'listUsers', after: 2 }))
  await send('GET', '/Groups')

  expect(await statuses(4)).toEqual([200, 200, FAULT_STATUS, FAULT_STATUS])
  expect(provider.faults.list()[0]).toMatchObject({ matched: 4, fired: 2 })
})

it('combines after and times', async () => {
  provider.faults.add(serverError({ on: 'listUsers', after: 1, times: 2 }))

  expect(await statuses(5)).toEqual([200, FAULT_STATUS, FAULT_STATUS, 200, 200])
})

it('reports matched, fired and remaining as requests come', async () => {
  const added = provider.faults.add(serverError({ on: 'listUsers', after: 1, times: 2 }))
  const counters = () => {
    const { matched, fired, remaining } = provider.faults.list()[0]!
    return { matched, fired, remaining }
  }

  expect(added).toMatchObject({ matched: 0, fired: 0, remaining: 2 })
  await statuses(1)
  expect(counters()).toEqual({ matched: 1, fired: 0, remaining: 2 })
  await statuses(1)
  expect(counters()).toEqual({ matched: 2, fired: 1, remaining: 1 })
  await statuses(1)
  expect(counters()).toEqual({ matched: 3, fired: 2, remaining: 0 })
  await statuses(1)
  expect(counters()).toEqual({ matched: 3, fired: 2, remaining: 0 })
  // A snapshot: the fault returned by add() does not move.
  expect(added).toMatchObject({ matched: 0, fired: 0, remaining: 2 })
})

/** Fresh providers at their own base URLs, served by this file's MSW server. */
function providers(...options: Array<{ faultSeed?: number; seed?: number }>) {
  return options.map((option, index) => {
    const baseUrl = `https://flaky-${index}.test/scim/v2`
    const flaky = createScimProvider({
      baseUrl,
      ...(option.faultSeed === undefined ? {} : { faultSeed: option.faultSeed }),
      ...(option.seed === undefined ? {} : { seed: { users: 1, seed: option.seed } }),
    })
    server.use(...flaky.handlers)
    return { flaky, baseUrl }
  })
}

async function firingSequence(
  { flaky, baseUrl }: { flaky: ScimProvider; baseUrl: string },
  probability: number,
  count = 32,
): Promise<boolean[]> {
  flaky.faults.add(serverError({ on: 'listUsers', probability }))
  return (await statuses(count, baseUrl)).map((status) => status === FAULT_STATUS)
}

it('fires the same sequence for the same faultSeed in two providers', async () => {
  const [a, b] = providers({ faultSeed: 7 }, { faultSeed: 7 })

  const first = await firingSequence(a!, 0.5)
  const second = await firingSequence(b!, 0.5)

  expect(second).toEqual(first)
  expect(first).toContain(true)
  expect(first).toContain(false)
})

it('fires a different sequence for a different faultSeed', async () => {
  const [a, b] = providers({ faultSeed: 7 }, { faultSeed: 8 })

  expect(await firingSequence(b!, 0.5)).not.toEqual(await firingSequence(a!, 0.5))
})

it('takes the faultSeed from seed.seed by default', async () => {
  const [seeded, explicit] = providers({ seed: 11 }, { faultSeed: 11 })
  await seeded!.flaky.ready

  expect(await firingSequence(seeded!, 0.5)).toEqual(await firingSequence(explicit!, 0.5))
})

it('restarts the firing sequence on reset', async () => {
  const [flaky] = providers({ faultSeed: 7 })
  const first = await firingSequence(flaky!, 0.5)

  await flaky!.flaky.reset()

  expect(await firingSequence(flaky!, 0.5)).toEqual(first)
})

it('fires about as often as its probability', async () => {
  const [flaky] = providers({ faultSeed: 3 })

  const fired = (await firingSequence(flaky!, 0.25, 200)).filter(Boolean).length

  expect(fired).toBeGreaterThan(25)
  expect(fired).toBeLessThan(75)
})

it.each([
  [0, false],
  [1, true],
])('fires with probability %s: %s every time', async (probability, fires) => {
  const [flaky] = providers({ faultSeed: 5 })

  const sequence = await firingSequence(flaky!, probability, 20)

  expect(sequence).toEqual(Array.from({ length: 20 }, () => fires))
  expect(flaky!.flaky.faults.list()[0]).toMatchObject({ matched: 20, fired: fires ? 20 : 0 })
})

// Order, and the registry's verbs

it('fires only the first matching fault, in insertion order', async () => {
  const first = provider.faults.add({ on: 'createUser', respond: 'conflict' })
  const second = provider.faults.add({ on: '*', respond: 'serverError' })

  const result = await send('POST', '/Users', { json: userBody('new.hire@example.com') })

  expect(result.status).toBe(409)
  expect(lastEntry().fault).toStrictEqual({ id: first.id, respond: 'conflict' })
  expect(provider.faults.list()).toMatchObject([
    { id: first.id, matched: 1, fired: 1 },
    { id: second.id, matched: 0, fired: 0 },
  ])
})

it('moves on to the next fault once the first is used up', async () => {
  provider.faults.add({ on: 'createUser', respond: 'rateLimit', times: 2 })
  provider.faults.add({ on: 'createUser', respond: 'serverError', times: 1 })

  const results: number[] = []
  for (let attempt = 0; attempt < 4; attempt++) {
    results.push((await send('POST', '/Users', { json: userBody('retry@example.com') })).status)
  }

  expect(results).toEqual([429, 429, 500, 201])
})

it('leaves a request that a fault lets through to the next fault', async () => {
  const waiting = provider.faults.add({ on: 'listUsers', respond: 'rateLimit', after: 1 })
  const next = provider.faults.add(serverError({ on: 'listUsers', times: 1 }))

  expect(await statuses(3)).toEqual([FAULT_STATUS, 429, 429])
  expect(provider.faults.list()).toMatchObject([
    { id: waiting.id, matched: 3, fired: 2 },
    { id: next.id, matched: 1, fired: 1 },
  ])
})

it('lists the faults in order with their specs, ids and counters', () => {
  const predicate = () => true
  provider.faults.add({ on: 'createUser', respond: 'conflict', name: 'first', times: 1 })
  provider.faults.add({ on: ['getUser'], respond: 'userNotFound', where: predicate })

  const [first, second] = provider.faults.list()

  expect(first).toStrictEqual({
    id: expect.stringMatching(/\S/),
    on: ['createUser'],
    respond: 'conflict',
    name: 'first',
    times: 1,
    matched: 0,
    fired: 0,
    remaining: 1,
  })
  expect(second).toMatchObject({ on: ['getUser'], respond: 'userNotFound', where: predicate })
  expect(first!.id).not.toBe(second!.id)
})

it('removes one fault by id, and reports an unknown id', async () => {
  const removed = provider.faults.add({ on: 'listUsers', respond: 'rateLimit' })
  const kept = provider.faults.add({ on: 'getUser', respond: 'userNotFound' })

  expect(provider.faults.remove(removed.id)).toBe(true)
  expect(provider.faults.remove(removed.id)).toBe(false)
  expect(provider.faults.remove('fault-none')).toBe(false)

  expect(provider.faults.list().map((fault) => fault.id)).toEqual([kept.id])
  expect((await send('GET', '/Users?count=1')).status).toBe(200)
  expect((await send('GET', `/Users/${firstUser().id}`)).status).toBe(404)
})

it('clears every fault', async () => {
  provider.faults.add({ on: 'listUsers', respond: 'rateLimit' })
  provider.faults.add({ on: '*', respond: 'serverError' })

  provider.faults.clear()

  expect(provider.faults.list()).toEqual([])
  expect((await send('GET', '/Users?count=1')).status).toBe(200)
})

it('clears the faults on reset()', async () => {
  provider.faults.add({ on: '*', respond: 'serverError' })

  await provider.reset()

  expect(provider.faults.list()).toEqual([])
  expect((await send('GET', '/Users?count=1')).status).toBe(200)
})

it('keeps the faults of one provider away from another', async () => {
  const [other] = providers({})
  const fault = provider.faults.add({ on: '*', respond: 'serverError' })

  const result = await send('GET', '/Users', { baseUrl: other!.baseUrl })

  expect(result.status).toBe(200)
  expect(other!.flaky.faults.list()).toEqual([])
  expect(other!.flaky.requests[0]).not.toHaveProperty('fault')
  expect(provider.faults.list()).toMatchObject([{ id: fault.id, matched: 0 }])
  other!.flaky.faults.add({ on: '*', respond: 'rateLimit' })
  expect((await send('GET', '/Users')).status).toBe(500)
})

// Bad specs

const RESPONSES =
  'conflict, licenseLimit, userNotFound, groupNotFound, rateLimit, serverError, unauthorized, forbidden, invalidValue, latency, timeout, networkError, malformedBody, emptyBody, ignoreFilter, caseSensitiveUserName'

it.each<[string, unknown, string]>([
  [
    'an unknown respond',
    { on: 'createUser', respond: 'explode' },
    `Failed to add a fault: "respond": expected one of ${RESPONSES}`,
  ],
  ['a missing respond', { on: 'createUser' }, 'Failed to add a fault: "respond": expected one of'],
  [
    'an unknown operation',
    { on: 'createUsers', respond: 'conflict' },
    'Failed to add a fault: "on": expected an operation or an array of them: listUsers, getUser',
  ],
  [
    'an unknown operation in an array',
    { on: ['createUser', 'POST /Users'], respond: 'conflict' },
    'Failed to add a fault: "on": expected an operation',
  ],
  ['an empty array of operations', { on: [], respond: 'conflict' }, 'Failed to add a fault: "on"'],
  ['a missing on', { respond: 'conflict' }, 'Failed to add a fault: "on"'],
  ['times: 0', { on: '*', respond: 'conflict', times: 0 }, 'Failed to add a fault: "times"'],
  ['a fractional times', { on: '*', respond: 'conflict', times: 1.5 }, '"times"'],
  ['a negative after', { on: '*', respond: 'conflict', after: -1 }, '"after"'],
  ['a probability above 1', { on: '*', respond: 'conflict', probability: 2 }, '"probability"'],
  ['a status below 100', { on: '*', respond: 'serverError', status: 99 }, '"status"'],
  ['a status above 599', { on: '*', respond: 'serverError', status: 600 }, '"status"'],
  ['an unknown scimType', { on: '*', respond: 'conflict', scimType: 'nope' }, '"scimType"'],
  ['a negative retryAfter', { on: '*', respond: 'rateLimit', retryAfter: -1 }, '"retryAfter"'],
  ['a boolean retryAfter', { on: '*', respond: 'rateLimit', retryAfter: true }, '"retryAfter"'],
  ['a negative delay', { on: '*', respond: 'latency', delay: -5 }, '"delay"'],
  ['an unknown format', { on: '*', respond: 'malformedBody', format: 'xml' }, '"format"'],
  ['a numeric body', { on: '*', respond: 'malformedBody', body: 502 }, '"body"'],
  ['a numeric name', { on: '*', respond: 'conflict', name: 3 }, '"name"'],
  [
    'an empty where field',
    { on: '*', respond: 'conflict', where: { userName: '' } },
    '"where.userName"',
  ],
  [
    'an unknown where field',
    { on: '*', respond: 'conflict', where: { nickName: 'x' } },
    'unknown field "nickName" in "where"',
  ],
  ['a string where', { on: '*', respond: 'conflict', where: 'userName' }, '"where"'],
  [
    'an unknown field',
    { on: '*', respond: 'conflict', retries: 3 },
    'unknown field "retries" (known: on, respond',
  ],
  ['null', null, 'Failed to add a fault: the fault'],
  ['an array', [{ on: '*', respond: 'conflict' }], 'Failed to add a fault: the fault'],
])('throws a TypeError naming the field for %s', (_title, spec, message) => {
  expect(() => provider.faults.add(spec as FaultSpec)).toThrow(TypeError)
  expect(() => provider.faults.add(spec as FaultSpec)).toThrow(message)
  expect(provider.faults.list()).toEqual([])
})

it('accepts every operation name and "*" in on', () => {
  for (const operation of [...ALL_OPERATIONS, '*'] satisfies FaultOperation[]) {
    provider.faults.add({ on: operation, respond: 'conflict' })
  }

  expect(provider.faults.list()).toHaveLength(ALL_OPERATIONS.length + 1)
})

it('keeps a fault as added when the caller changes the spec object afterwards', async () => {
  const spec: FaultSpec = { on: ['listUsers'], respond: 'serverError' }
  provider.faults.add(spec)

  ;(spec.on as ScimOperation[]).push('getUser')
  spec.respond = 'conflict'

  expect(provider.faults.list()[0]).toMatchObject({ on: ['listUsers'], respond: 'serverError' })
  expect((await send('GET', `/Users/${firstUser().id}`)).status).toBe(200)
})
