import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectScimError,
  groupBody,
  patchBody,
  send,
  userBody,
  useProviderServer,
} from '../scim-test-server.js'

// MagicPod (shared/seeds/000_f8a1aad30a787be8.txt), through MSW.

const BASE_URL = 'https://app.magicpod.test/scim/v2'
const EMAIL_TAKEN = 'User with this email already exists'
const GROUPS_UNSUPPORTED =
  'MagicPod does not support creating, updating or deleting groups through SCIM: only users are managed, and group membership follows the users assigned in Okta'

const { server, start, at } = useProviderServer(
  { baseUrl: BASE_URL, profile: 'magicpod' },
  BASE_URL,
)

const ann = (attributes: Record<string, unknown> = {}) =>
  userBody('ann@acme.test', { emails: [{ value: 'ann@acme.test', primary: true }], ...attributes })

it('creates and lists users', async () => {
  start()

  const created = await at('POST', '/Users', { json: ann() })
  const listed = await at('GET', '/Users')

  expect(created.status).toBe(201)
  expect(listed.status).toBe(200)
  expect(listed.body.Resources.map((user: { id: string }) => user.id)).toEqual([created.body.id])
})

it('returns 409 with MagicPod text when the email is taken', async () => {
  start()
  await at('POST', '/Users', { json: ann() })

  const result = await at('POST', '/Users', {
    json: userBody('ann.other', { emails: [{ value: 'ANN@acme.test' }] }),
  })

  expectScimError(result, 409, 'uniqueness')
  expect(result.body.detail).toBe(EMAIL_TAKEN)
})

it('returns 409 with the same text when the userName is taken', async () => {
  start()
  await at('POST', '/Users', { json: ann() })

  const result = await at('POST', '/Users', { json: userBody('Ann@acme.test') })

  expectScimError(result, 409, 'uniqueness')
  expect(result.body.detail).toBe(EMAIL_TAKEN)
})

it.each([
  ['POST', '/Groups', groupBody('QA')],
  ['PUT', '/Groups/some-id', groupBody('QA')],
  ['PATCH', '/Groups/some-id', patchBody({ op: 'replace', path: 'displayName', value: 'QA' })],
  ['DELETE', '/Groups/some-id', undefined],
])('refuses %s %s with 501', async (method, path, json) => {
  const provider = start()

  const result = await at(method, path, json === undefined ? {} : { json })

  expectScimError(result, 501)
  expect(result.body.detail).toBe(GROUPS_UNSUPPORTED)
  expect(provider.groups.count()).toBe(0)
})

it('answers GET /Groups with an empty list', async () => {
  start()

  const result = await at('GET', '/Groups')

  expect(result.status).toBe(200)
  expect(result.body).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, Resources: [] })
})

const requirements = [
  [
    'scimEnabled',
    'SCIM is disabled: enable the SCIM integration in the MagicPod organization settings',
  ],
  [
    'samlEnforced',
    'SCIM requires SAML authentication: set SAML authentication to “Enable (non-SAML auth users cannot be added)” in the MagicPod organization settings',
  ],
  [
    'organizationExclusiveUsers',
    'SCIM requires organization-exclusive users: set the organization-exclusive user setting to “Enable (non-<Org name>-exclusive users cannot be added)” in the MagicPod organization settings',
  ],
] as const

it.each(requirements)('answers every operation 403 when %s is off', async (setting, detail) => {
  const provider = start({ profileSettings: { [setting]: false } })

  const results = [
    await at('GET', '/Users'),
    await at('POST', '/Users', { json: ann() }),
    await at('GET', '/Users/some-id'),
    await at('GET', '/Groups'),
    await at('POST', '/.search', { json: { schemas: [URN.searchRequest] } }),
    await at('GET', '/ServiceProviderConfig'),
  ]

  for (const result of results) {
    expectScimError(result, 403)
    expect(result.body.detail).toBe(detail)
  }
  expect(provider.users.count()).toBe(0)
})

it('still answers 401 before 403 when a requirement is off', async () => {
  start({ profileSettings: { scimEnabled: false } })

  const result = await at('GET', '/Users', { headers: { Authorization: null } })

  expectScimError(result, 401)
})

it('turns SCIM off and on again through updateSettings', async () => {
  const provider = start()

  provider.profile.updateSettings({ scimEnabled: false })
  const off = await at('GET', '/Users')
  provider.profile.updateSettings({ scimEnabled: true })
  const on = await at('GET', '/Users')

  expectScimError(off, 403)
  expect(on.status).toBe(200)
})

it('has every requirement on and no regular account by default', () => {
  const provider = start()

  expect(provider.profile.settings).toStrictEqual({
    scimEnabled: true,
    samlEnforced: true,
    organizationExclusiveUsers: true,
    regularAccounts: [],
  })
  expect(provider.profile.actions).toEqual(['addRegularAccount', 'deleteRegularAccount'])
})

it('rejects an unknown setting or a bad value, changing nothing', () => {
  const provider = start()

  expect(() => provider.profile.updateSettings({ scimEnabled: false, samlEnabled: false })).toThrow(
    new TypeError(
      'Failed to update magicpod settings: unknown magicpod setting "samlEnabled" (known: scimEnabled, samlEnforced, organizationExclusiveUsers, regularAccounts)',
    ),
  )
  expect(() => provider.profile.updateSettings({ scimEnabled: 'no' })).toThrow(
    new TypeError('Failed to update magicpod settings: scimEnabled must be a boolean, got "no"'),
  )
  expect(() => provider.profile.updateSettings({ regularAccounts: 'ann@acme.test' })).toThrow(
    new TypeError(
      'Failed to update magicpod settings: regularAccounts must be an array of emails, got "ann@acme.test"',
    ),
  )
  expect(provider.profile.settings.scimEnabled).toBe(true)
})

it('rejects a bad profileSettings at creation', () => {
  expect(() => start({ profileSettings: { scimEnabled: 1 } })).toThrow(
    new TypeError('Failed to create a SCIM provider: scimEnabled must be a boolean, got 1'),
  )
})

it('hides a regular account from lookups yet refuses its email on create', async () => {
  const provider = start({ profileSettings: { regularAccounts: ['ann@acme.test'] } })

  // What Okta does before a create: look the user up, find nobody, then POST.
  const lookup = await at(
    'GET',
    `/Users?filter=${encodeURIComponent('userName eq "ann@acme.test"')}`,
  )
  const created = await at('POST', '/Users', { json: ann() })

  expect(lookup.status).toBe(200)
  expect(lookup.body.totalResults).toBe(0)
  expectScimError(created, 409, 'uniqueness')
  expect(created.body.detail).toBe(EMAIL_TAKEN)
  expect(provider.users.count()).toBe(0)
})

it('creates the user once its regular account is deleted', async () => {
  const provider = start({
    profileSettings: { regularAccounts: ['ann@acme.test', 'bob@acme.test'] },
  })
  await at('POST', '/Users', { json: ann() })

  const remaining = await provider.profile.run('deleteRegularAccount', { email: 'ANN@acme.test' })
  const created = await at('POST', '/Users', { json: ann() })

  expect(remaining).toEqual(['bob@acme.test'])
  expect(created.status).toBe(201)
  expect(provider.profile.settings.regularAccounts).toEqual(['bob@acme.test'])
})

it('adds a regular account through run, once', async () => {
  const provider = start()

  await provider.profile.run('addRegularAccount', { email: 'ann@acme.test' })
  const accounts = await provider.profile.run('addRegularAccount', { email: 'Ann@acme.test' })
  const created = await at('POST', '/Users', { json: ann() })

  expect(accounts).toEqual(['ann@acme.test'])
  expectScimError(created, 409, 'uniqueness')
  expect(created.body.detail).toBe(EMAIL_TAKEN)
})

it('refuses a regular account email on an update', async () => {
  const provider = start()
  const bob = await at('POST', '/Users', {
    json: userBody('bob@acme.test', { emails: [{ value: 'bob@acme.test' }] }),
  })
  await provider.profile.run('addRegularAccount', { email: 'ann@acme.test' })

  const replaced = await at('PUT', `/Users/${bob.body.id}`, {
    json: userBody('bob@acme.test', { emails: [{ value: 'ann@acme.test' }] }),
  })
  const patched = await at('PATCH', `/Users/${bob.body.id}`, {
    json: patchBody({ op: 'add', path: 'emails', value: [{ value: 'ann@acme.test' }] }),
  })

  expectScimError(replaced, 409, 'uniqueness')
  expectScimError(patched, 409, 'uniqueness')
  expect(replaced.body.detail).toBe(EMAIL_TAKEN)
})

it('refuses to add a regular account with an organization user email', async () => {
  const provider = start()
  const created = await at('POST', '/Users', { json: ann() })

  await expect(
    provider.profile.run('addRegularAccount', { email: 'ann@acme.test' }),
  ).rejects.toThrow(
    new TypeError(
      `Failed to run addRegularAccount: "ann@acme.test" is the email of organization user "ann@acme.test" (${created.body.id})`,
    ),
  )
})

it('refuses to delete a regular account that does not exist', async () => {
  const provider = start({ profileSettings: { regularAccounts: ['bob@acme.test'] } })

  await expect(
    provider.profile.run('deleteRegularAccount', { email: 'ann@acme.test' }),
  ).rejects.toThrow(
    new TypeError(
      'Failed to run deleteRegularAccount: no regular account has the email "ann@acme.test" (regular accounts: bob@acme.test)',
    ),
  )
  await expect(provider.profile.run('addRegularAccount', {})).rejects.toThrow(
    new TypeError('Failed to run addRegularAccount: give { email } as a non-empty string'),
  )
})

it('lets the caller override the profile options', async () => {
  start({ uniqueEmails: false, messages: { userNameTaken: 'taken' } })
  await at('POST', '/Users', { json: ann() })

  const sameEmail = await at('POST', '/Users', {
    json: userBody('ann.other', { emails: [{ value: 'ann@acme.test' }] }),
  })
  const sameUserName = await at('POST', '/Users', { json: ann() })

  expect(sameEmail.status).toBe(201)
  expectScimError(sameUserName, 409, 'uniqueness')
  expect(sameUserName.body.detail).toBe('taken')
})

it('keeps regular accounts and settings apart between two providers', async () => {
  const first = start()
  const second = createScimProvider({
    baseUrl: 'https://other.magicpod.test/scim/v2',
    profile: 'magicpod',
  })
  server.use(...second.handlers)

  await first.profile.run('addRegularAccount', { email: 'ann@acme.test' })
  first.profile.updateSettings({ samlEnforced: false })
  const created = await send('POST', '/Users', {
    baseUrl: 'https://other.magicpod.test/scim/v2',
    json: ann(),
  })

  expect(created.status).toBe(201)
  expect(second.profile.settings).toMatchObject({ samlEnforced: true, regularAccounts: [] })
})

it('restores the settings and regular accounts of its creation on reset', async () => {
  const provider = start({ profileSettings: { regularAccounts: ['bob@acme.test'] } })
  await provider.profile.run('addRegularAccount', { email: 'ann@acme.test' })
  provider.profile.updateSettings({ scimEnabled: false })

  await provider.reset()

  expect(provider.profile.settings).toStrictEqual({
    scimEnabled: true,
    samlEnforced: true,
    organizationExclusiveUsers: true,
    regularAccounts: ['bob@acme.test'],
  })
  expect((await at('POST', '/Users', { json: ann() })).status).toBe(201)
})
