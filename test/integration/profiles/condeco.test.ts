import { createScimProvider } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  expectRejected,
  expectScimError,
  groupBody,
  patchBody,
  userBody,
  useProviderServer,
} from '../scim-test-server.js'

// Condeco by Eptura (shared/seeds/002_67000c2021115322.txt), through MSW.

const BASE_URL = 'https://acme.condecosoftware.test/scim/api/V1'

const { server, start, at } = useProviderServer({ baseUrl: BASE_URL, profile: 'condeco' }, BASE_URL)

async function createUser(userName: string, attributes: Record<string, unknown> = {}) {
  const result = await at('POST', '/Users', { json: userBody(userName, attributes) })
  expect(result.status).toBe(201)
  return result.body
}

const memberIds = (group: { members?: Array<{ value: string }> }) =>
  (group.members ?? []).map((member) => member.value)

it('serves the seed path /scim/api/V1 by default', async () => {
  const provider = createScimProvider({ profile: 'condeco' })
  server.use(...provider.handlers)

  const result = await at('GET', '/Users')

  expect(provider.baseUrl).toBe('/scim/api/V1')
  expect(result.status).toBe(200)
})

it('rejects a duplicate username on create with 409 in Condeco words', async () => {
  const provider = start()
  await createUser('ann@acme.test')

  const result = await expectRejected(
    provider,
    () => at('POST', '/Users', { json: userBody('ANN@acme.test') }),
    409,
    'uniqueness',
  )

  expect(result.body.detail).toBe('A user with username "ANN@acme.test" already exists in Condeco')
})

it('maps the group members that exist and ignores the others', async () => {
  start()
  const ann = await createUser('ann@acme.test')

  const created = await at('POST', '/Groups', {
    json: groupBody('Desk bookers', { members: [{ value: ann.id }, { value: 'not-in-condeco' }] }),
  })
  const patched = await at('PATCH', `/Groups/${created.body.id}`, {
    json: patchBody({ op: 'add', path: 'members', value: [{ value: 'also-unknown' }] }),
  })
  const replaced = await at('PUT', `/Groups/${created.body.id}`, {
    json: groupBody('Desk bookers', { members: [{ value: 'gone' }] }),
  })

  expect(created.status).toBe(201)
  expect(memberIds(created.body)).toEqual([ann.id])
  expect(memberIds(patched.body)).toEqual([ann.id])
  expect(replaced.status).toBe(200)
  expect(replaced.body).not.toHaveProperty('members')
})

it('updates, deactivates and deletes a user', async () => {
  const provider = start()
  const ann = await createUser('ann@acme.test', { name: { givenName: 'Ann' } })
  const group = await at('POST', '/Groups', {
    json: groupBody('Desk bookers', { members: [{ value: ann.id }] }),
  })

  const updated = await at('PUT', `/Users/${ann.id}`, {
    json: userBody('ann@acme.test', { name: { givenName: 'Anna' } }),
  })
  const deactivated = await at('PATCH', `/Users/${ann.id}`, {
    json: patchBody({ op: 'replace', path: 'active', value: false }),
  })
  const deleted = await at('DELETE', `/Users/${ann.id}`)

  expect(updated.body.name).toEqual({ givenName: 'Anna' })
  expect(deactivated.body.active).toBe(false)
  expect(deleted.status).toBe(204)
  expect(provider.users.count()).toBe(0)
  expect(provider.groups.get(group.body.id)).not.toHaveProperty('members')
})

it('lets the caller override the profile options', async () => {
  start({ unknownMembers: 'reject', messages: { userNameTaken: 'taken' } })
  await createUser('ann@acme.test')

  const duplicate = await at('POST', '/Users', { json: userBody('ann@acme.test') })
  const unknownMember = await at('POST', '/Groups', {
    json: groupBody('Desk bookers', { members: [{ value: 'not-in-condeco' }] }),
  })

  expect(duplicate.body.detail).toBe('taken')
  expectScimError(unknownMember, 400, 'invalidValue')
})
