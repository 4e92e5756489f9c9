import { createScimProvider, URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectScimError,
  groupBody,
  patchBody,
  scimRequest,
  send,
  userBody,
  useProviderServer,
} from '../scim-test-server.js'

// Secoda (shared/seeds/001_1887e7e934c7498e.txt), through MSW.

const BASE_URL = 'https://app.secoda.co/api/v2/scim'
const SECODA_USER = 'urn:ietf:params:scim:schemas:extension:secoda:2.0:User'

const { server, start, at } = useProviderServer({ profile: 'secoda' }, BASE_URL)

async function createUser(email: string, attributes: Record<string, unknown> = {}) {
  const result = await at('POST', '/Users', {
    json: userBody(email, { emails: [{ value: email, primary: true }], ...attributes }),
  })
  expect(result.status).toBe(201)
  return result.body
}

const statusOf = async (id: string) => (await at('GET', `/Users/${id}`)).body[SECODA_USER].status
const memberIds = (group: { members?: Array<{ value: string }> }) =>
  (group.members ?? []).map((member) => member.value)

it('serves the seed path /api/v2/scim by default', async () => {
  const provider = start()

  const result = await at('GET', '/Users')

  expect(provider.baseUrl).toBe('/api/v2/scim')
  expect(result.status).toBe(200)
})

it('serves the base URL the caller gives instead', async () => {
  const provider = start({ baseUrl: 'https://acme.secoda.test/custom/scim' })

  const result = await send('GET', '/Users', { baseUrl: 'https://acme.secoda.test/custom/scim' })
  const seedPath = await provider.handle(scimRequest('GET', '/Users'))

  expect(result.status).toBe(200)
  expect(seedPath.status).toBe(404)
})

it('shows a new user as Invited under the secoda extension', async () => {
  start()

  const created = await createUser('ann@acme.test')
  const listed = await at('GET', '/Users')

  expect(created.schemas).toEqual([URN.user, SECODA_USER])
  expect(created[SECODA_USER]).toEqual({ status: 'Invited' })
  expect(listed.body.Resources[0][SECODA_USER]).toEqual({ status: 'Invited' })
})

it('returns 409 when the email is taken', async () => {
  start()
  await createUser('ann@acme.test')

  const result = await at('POST', '/Users', {
    json: userBody('ann.other', { emails: [{ value: 'ANN@acme.test' }] }),
  })

  expectScimError(result, 409, 'uniqueness')
})

it('answers a stale id with "User not found"', async () => {
  start()

  const replaced = await at('PUT', '/Users/stale-id', { json: userBody('ann@acme.test') })
  const patched = await at('PATCH', '/Users/stale-id', {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const group = await at('GET', '/Groups/stale-id')

  expectScimError(replaced, 404)
  expect(replaced.body.detail).toBe('User not found')
  expect(patched.body.detail).toBe('User not found')
  expect(group.body.detail).toBe('Group not found')
})

it('shows a user as Active once activated through run', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')

  const activated = await provider.profile.run('activate', { id: ann.id })

  expect(activated).toEqual({ id: ann.id, status: 'Active' })
  expect(await statusOf(ann.id)).toBe('Active')
})

it('refuses to activate an unknown or disabled user', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test', { active: false })

  await expect(provider.profile.run('activate', { id: 'nope' })).rejects.toThrow(
    new TypeError('Failed to activate "nope": User not found'),
  )
  await expect(provider.profile.run('activate', { id: ann.id })).rejects.toThrow(
    new TypeError(
      `Failed to activate "${ann.id}": the user is Disabled (active: false) and cannot sign in`,
    ),
  )
  await expect(provider.profile.run('activate', {})).rejects.toThrow(
    new TypeError('Failed to run activate: give { id } as a non-empty string'),
  )
})

it('activates every invited user with activateAll', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')
  const bob = await createUser('bob@acme.test')
  const cid = await createUser('cid@acme.test', { active: false })
  await provider.profile.run('activate', { id: ann.id })

  const activated = await provider.profile.run('activateAll')

  expect(activated).toEqual([bob.id])
  expect(await statusOf(bob.id)).toBe('Active')
  expect(await statusOf(cid.id)).toBe('Disabled')
})

it('hides invited members of a group until they activate, without a write', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')
  const bob = await createUser('bob@acme.test')
  await provider.profile.run('activate', { id: ann.id })

  const created = await at('POST', '/Groups', {
    json: groupBody('Analysts', { members: [{ value: ann.id }, { value: bob.id }] }),
  })
  await provider.profile.run('activate', { id: bob.id })
  const later = await at('GET', `/Groups/${created.body.id}`)

  expect(created.status).toBe(201)
  expect(memberIds(created.body)).toEqual([ann.id])
  expect(memberIds(later.body)).toEqual([ann.id, bob.id])
  expect(later.body.meta.version).toBe(created.body.meta.version)
})

it('omits members entirely while every member is invited', async () => {
  start()
  const ann = await createUser('ann@acme.test')

  const created = await at('POST', '/Groups', {
    json: groupBody('Analysts', { members: [{ value: ann.id }] }),
  })
  const patched = await at('PATCH', `/Groups/${created.body.id}`, {
    json: patchBody({ op: 'replace', path: 'displayName', value: 'Data' }),
  })

  expect(created.body).not.toHaveProperty('members')
  expect(patched.body).not.toHaveProperty('members')
})

it('hides the groups of an invited user until it activates', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')
  const group = await at('POST', '/Groups', {
    json: groupBody('Analysts', { members: [{ value: ann.id }] }),
  })

  const invited = await at('GET', `/Users/${ann.id}`)
  await provider.profile.run('activate', { id: ann.id })
  const active = await at('GET', `/Users/${ann.id}`)

  expect(invited.body).not.toHaveProperty('groups')
  expect(active.body.groups.map((g: { value: string }) => g.value)).toEqual([group.body.id])
})

it('disables and enables a user with PUT active false and true', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')
  await provider.profile.run('activate', { id: ann.id })
  const group = await at('POST', '/Groups', {
    json: groupBody('Analysts', { members: [{ value: ann.id }] }),
  })
  const body = (active: boolean) =>
    userBody('ann@acme.test', { emails: [{ value: 'ann@acme.test' }], active })

  const disabled = await at('PUT', `/Users/${ann.id}`, { json: body(false) })
  const disabledGroup = await at('GET', `/Groups/${group.body.id}`)
  const enabled = await at('PUT', `/Users/${ann.id}`, { json: body(true) })

  expect(disabled.status).toBe(200)
  expect(disabled.body).toMatchObject({ active: false, [SECODA_USER]: { status: 'Disabled' } })
  expect(memberIds(disabledGroup.body)).toEqual([ann.id])
  expect(enabled.body).toMatchObject({ active: true, [SECODA_USER]: { status: 'Active' } })
})

it('enables a never-activated user back to Invited', async () => {
  start()
  const ann = await createUser('ann@acme.test', { active: false })

  const enabled = await at('PUT', `/Users/${ann.id}`, {
    json: userBody('ann@acme.test', { emails: [{ value: 'ann@acme.test' }], active: true }),
  })

  expect(ann[SECODA_USER]).toEqual({ status: 'Disabled' })
  expect(enabled.body[SECODA_USER]).toEqual({ status: 'Invited' })
})

it('creates users Active at once with autoActivate', async () => {
  const provider = start({ profileSettings: { autoActivate: true } })

  const ann = await createUser('ann@acme.test')
  provider.profile.updateSettings({ autoActivate: false })
  const bob = await createUser('bob@acme.test')

  expect(ann[SECODA_USER]).toEqual({ status: 'Active' })
  expect(bob[SECODA_USER]).toEqual({ status: 'Invited' })
})

it('rejects an unknown setting or a bad value', () => {
  const provider = start()

  expect(provider.profile.settings).toStrictEqual({ autoActivate: false })
  expect(() => provider.profile.updateSettings({ autoactivate: true })).toThrow(
    new TypeError(
      'Failed to update secoda settings: unknown secoda setting "autoactivate" (known: autoActivate)',
    ),
  )
  expect(() => provider.profile.updateSettings({ autoActivate: 'yes' })).toThrow(
    new TypeError('Failed to update secoda settings: autoActivate must be a boolean, got "yes"'),
  )
  expect(() => start({ profileSettings: { invited: false } })).toThrow(
    new TypeError(
      'Failed to create a SCIM provider: unknown secoda setting "invited" (known: autoActivate)',
    ),
  )
})

it('keeps activations apart between two providers', async () => {
  // The same ids in both, so only the activation state could leak.
  const ids = () => {
    let next = 0
    return () => `user-${++next}`
  }
  const one = 'https://one.secoda.test/api/v2/scim'
  const two = 'https://two.secoda.test/api/v2/scim'
  const first = createScimProvider({ profile: 'secoda', baseUrl: one, generateId: ids() })
  const second = createScimProvider({ profile: 'secoda', baseUrl: two, generateId: ids() })
  server.use(...first.handlers, ...second.handlers)
  const ann = { json: userBody('ann@acme.test', { emails: [{ value: 'ann@acme.test' }] }) }
  const inFirst = await send('POST', '/Users', { baseUrl: one, ...ann })
  const inSecond = await send('POST', '/Users', { baseUrl: two, ...ann })

  await first.profile.run('activate', { id: 'user-1' })
  const seenFirst = await send('GET', '/Users/user-1', { baseUrl: one })
  const seenSecond = await send('GET', '/Users/user-1', { baseUrl: two })

  expect([inFirst.body.id, inSecond.body.id]).toEqual(['user-1', 'user-1'])
  expect(seenFirst.body[SECODA_USER]).toEqual({ status: 'Active' })
  expect(seenSecond.body[SECODA_USER]).toEqual({ status: 'Invited' })
})

it('forgets activations and setting changes on reset', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test')
  await provider.profile.run('activate', { id: ann.id })
  provider.profile.updateSettings({ autoActivate: true })

  await provider.reset()
  const again = await createUser('ann@acme.test')

  expect(provider.profile.settings).toStrictEqual({ autoActivate: false })
  expect(again[SECODA_USER]).toEqual({ status: 'Invited' })
})
