import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectRejected,
  expectScimError,
  patchBody,
  scimRequest,
  userBody,
  useProviderServer,
} from '../scim-test-server.js'

// Oktopost (shared/seeds/004_1585cc20748c91bf.txt), through MSW.

const BASE_URL = 'https://board.oktopost.test/scim/v2'
const EMAIL_TAKEN = 'A user with the same email address already exists'
const LICENSE_LIMIT = 'Your account reached its license limit'

const { server, start, at } = useProviderServer(
  { baseUrl: BASE_URL, profile: 'oktopost' },
  BASE_URL,
)

/** A user as Okta sends it with "Email" as the application username format. */
const member = (email: string, attributes: Record<string, unknown> = {}) =>
  userBody(email, {
    name: { givenName: 'Ann', familyName: 'Lee' },
    emails: [{ value: email, type: 'work', primary: true }],
    ...attributes,
  })

async function createUser(email: string, attributes: Record<string, unknown> = {}) {
  const result = await at('POST', '/Users', { json: member(email, attributes) })
  expect(result.status).toBe(201)
  return result.body
}

it('serves the seed path /scim/v2 by default', async () => {
  const provider = createScimProvider({ profile: 'oktopost' })
  server.use(...provider.handlers)

  const result = await at('GET', '/Users')

  expect(provider.baseUrl).toBe('/scim/v2')
  expect(result.status).toBe(200)
})

it('keeps only userName, given and family name, the work primary email and active', async () => {
  const provider = start()

  const result = await at('POST', '/Users', {
    json: userBody('ann@acme.test', {
      schemas: [URN.user, URN.enterpriseUser],
      externalId: 'okta-1',
      displayName: 'Ann Lee',
      title: 'Marketer',
      name: { givenName: 'Ann', familyName: 'Lee', middleName: 'M', formatted: 'Ann M Lee' },
      emails: [
        { value: 'ann@home.test', type: 'home' },
        { value: 'ann@acme.test', type: 'work', primary: true, display: 'Ann' },
      ],
      phoneNumbers: [{ value: '+1 555 0100', type: 'work' }],
      active: true,
      [URN.enterpriseUser]: { department: 'Marketing' },
    }),
  })

  expect(result.status).toBe(201)
  expect(result.body).toStrictEqual({
    schemas: [URN.user],
    id: expect.any(String),
    userName: 'ann@acme.test',
    name: { givenName: 'Ann', familyName: 'Lee' },
    emails: [{ value: 'ann@acme.test', type: 'work', primary: true }],
    active: true,
    meta: expect.objectContaining({ resourceType: 'User' }),
  })
  expect(provider.users.get(result.body.id)).toStrictEqual(result.body)
})

it.each([
  [
    'the work primary one',
    [
      { value: 'a@x.test', type: 'work' },
      { value: 'b@x.test', type: 'work', primary: true },
    ],
    'b@x.test',
  ],
  [
    'the primary one without a work primary',
    [
      { value: 'a@x.test', type: 'work' },
      { value: 'b@x.test', type: 'home', primary: true },
    ],
    'b@x.test',
  ],
  ['the first one without a primary', [{ value: 'a@x.test' }, { value: 'b@x.test' }], 'a@x.test'],
])('keeps %s as the work primary email', async (_, emails, kept) => {
  start()

  const result = await at('POST', '/Users', { json: userBody(kept, { emails }) })

  expect(result.status).toBe(201)
  expect(result.body.emails).toEqual([{ value: kept, type: 'work', primary: true }])
})

it('accepts a userName equal to the email but for case', async () => {
  start()

  const result = await at('POST', '/Users', {
    json: userBody('Ann@Acme.test', { emails: [{ value: 'ann@acme.test' }] }),
  })

  expect(result.status).toBe(201)
})

it('returns 400 when the userName differs from the email', async () => {
  const provider = start()

  const result = await expectRejected(
    provider,
    () =>
      at('POST', '/Users', {
        json: userBody('ann', {
          emails: [{ value: 'ann@acme.test', type: 'work', primary: true }],
        }),
      }),
    400,
    'invalidValue',
  )

  expect(result.body.detail).toBe(
    'userName must be identical to the email address: userName "ann" differs from the email "ann@acme.test"',
  )
})

it('returns 400 when there is no email', async () => {
  const provider = start()

  const result = await expectRejected(
    provider,
    () => at('POST', '/Users', { json: userBody('ann@acme.test') }),
    400,
    'invalidValue',
  )

  expect(result.body.detail).toBe(
    'userName must be identical to the email address: the user "ann@acme.test" has no email',
  )
})

it('returns 400 when an update changes the userName alone', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')

  const result = await expectRejected(
    provider,
    () =>
      at('PATCH', `/Users/${ann.id}`, {
        json: patchBody({ op: 'replace', path: 'userName', value: 'ann.lee@acme.test' }),
      }),
    400,
    'invalidValue',
  )

  expect(result.body.detail).toBe(
    'userName must be identical to the email address: userName "ann.lee@acme.test" differs from the email "ann@acme.test"',
  )
})

it('updates the userName and email together', async () => {
  start()
  const ann = await createUser('ann@acme.test')

  const result = await at('PUT', `/Users/${ann.id}`, { json: member('ann.lee@acme.test') })

  expect(result.status).toBe(200)
  expect(result.body).toMatchObject({
    userName: 'ann.lee@acme.test',
    emails: [{ value: 'ann.lee@acme.test', type: 'work', primary: true }],
  })
})

it('returns 409 in Oktopost words when the email is taken', async () => {
  const provider = start()
  await createUser('ann@acme.test')

  const result = await expectRejected(
    provider,
    () => at('POST', '/Users', { json: member('ANN@acme.test') }),
    409,
    'uniqueness',
  )

  expect(result.body.detail).toBe(EMAIL_TAKEN)
})

it('deactivates and reactivates a user', async () => {
  start()
  const ann = await createUser('ann@acme.test')

  const deactivated = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const reactivated = await at('PUT', `/Users/${ann.id}`, {
    json: member('ann@acme.test', { active: true }),
  })

  expect(deactivated.body.active).toBe(false)
  expect(reactivated.body.active).toBe(true)
})

it('has 25 seats by default', async () => {
  const provider = start()
  for (let n = 0; n < 25; n++) await provider.users.create(member(`user${n}@acme.test`))

  const result = await at('POST', '/Users', { json: member('ann@acme.test') })

  expectScimError(result, 403)
  expect(result.body.detail).toBe(LICENSE_LIMIT)
})

it('returns 403 when the seats the caller gives are taken, until one is freed', async () => {
  const provider = start({ licenses: 2 })
  const ann = await createUser('ann@acme.test')
  await createUser('bob@acme.test')

  const full = await expectRejected(
    provider,
    () => at('POST', '/Users', { json: member('cid@acme.test') }),
    403,
  )
  await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const freed = await at('POST', '/Users', { json: member('cid@acme.test') })
  const reactivated = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: true }),
  })

  expect(full.body.detail).toBe(LICENSE_LIMIT)
  expect(freed.status).toBe(201)
  expectScimError(reactivated, 403)
  expect(reactivated.body.detail).toBe(LICENSE_LIMIT)
})

it('lists the failed migrations with their error messages', async () => {
  const provider = start({ licenses: 2, clock: () => new Date('2026-03-01T10:00:00Z') })
  const ann = await createUser('ann@acme.test')
  await at('GET', '/Users/unknown-id')
  await at('POST', '/Users', { json: member('ann@acme.test') })
  await createUser('bob@acme.test')
  await at('POST', '/Users', { json: member('cid@acme.test') })
  await at('PUT', `/Users/${ann.id}`, { json: member('ann.lee@acme.test', { emails: [] }) })
  await at('PATCH', '/Users/stale%20id', {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  provider.faults.add({ on: 'createUser', respond: 'networkError', times: 1 })
  provider.faults.add({
    on: 'replaceUser',
    respond: 'malformedBody',
    format: 'text',
    body: 'Bad gateway',
    status: 502,
    times: 1,
  })
  await expect(
    fetch(scimRequest('POST', '/Users', { baseUrl: BASE_URL, json: member('dan@acme.test') })),
  ).rejects.toThrow()
  const malformed = await fetch(
    scimRequest('PUT', `/Users/${ann.id}`, { baseUrl: BASE_URL, json: member('ann@acme.test') }),
  )

  const failed = await provider.profile.run('failedMigrations')

  const time = '2026-03-01T10:00:00.000Z'
  expect(await malformed.text()).toBe('Bad gateway')
  expect(failed).toStrictEqual([
    {
      time,
      operation: 'createUser',
      userName: 'ann@acme.test',
      email: 'ann@acme.test',
      status: 409,
      error: EMAIL_TAKEN,
    },
    {
      time,
      operation: 'createUser',
      userName: 'cid@acme.test',
      email: 'cid@acme.test',
      status: 403,
      error: LICENSE_LIMIT,
    },
    {
      time,
      operation: 'replaceUser',
      userName: 'ann.lee@acme.test',
      email: ann.id,
      status: 400,
      error:
        'userName must be identical to the email address: the user "ann.lee@acme.test" has no email',
    },
    {
      time,
      operation: 'patchUser',
      userName: 'stale id',
      email: 'stale id',
      status: 404,
      error: 'User "stale id" not found',
    },
    {
      time,
      operation: 'createUser',
      userName: 'dan@acme.test',
      email: 'dan@acme.test',
      status: 0,
      error: 'Connection error',
    },
    {
      time,
      operation: 'replaceUser',
      userName: 'ann@acme.test',
      email: 'ann@acme.test',
      status: 502,
      error: 'Bad gateway',
    },
  ])
})

it('forgets the failed migrations on reset', async () => {
  const provider = start()
  await at('POST', '/Users', { json: userBody('ann') })

  const before = await provider.profile.run('failedMigrations')
  await provider.reset()

  expect(before).toHaveLength(1)
  expect(await provider.profile.run('failedMigrations')).toEqual([])
})

it('lets the caller override the profile messages', async () => {
  start({ licenses: 0, messages: { licenseLimit: (licenses) => `All ${licenses} seats used` } })

  const result = await at('POST', '/Users', { json: member('ann@acme.test') })

  expect(result.body.detail).toBe('All 0 seats used')
})
