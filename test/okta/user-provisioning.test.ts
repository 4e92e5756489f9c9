import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { JANE_FILTER, logRows, sent, setupLifecycle } from './user-flow-helpers.js'

// "Provision User" (okta-behavior.md §1.10), assignment profile edits (§1.3),
// and the seeds that depend on them: Secoda (001) and Oktopost (004).

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const setup = (options: Parameters<typeof setupLifecycle>[1] = {}) =>
  setupLifecycle(server, options)

const NOT_PROVISIONED =
  'User was assigned this application before Provisioning was enabled and not provisioned in the downstream application. Click Provision User.'

it('records an assignment made before provisioning was enabled as unprovisioned, sending nothing', async () => {
  const { org, app, jane } = setup({ app: { apiIntegration: false } })

  const result = await app.assignUser(jane.id)

  expect(result).toBeUndefined()
  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toStrictEqual({
    userId: jane.id,
    direct: true,
    groupIds: [],
    userName: 'jane@corp.example',
    status: 'UNPROVISIONED',
    error: NOT_PROVISIONED,
  })
  expect(org.tasks.list()).toStrictEqual([])
})

it('does not provision earlier assignments when provisioning is enabled, nor on later changes', async () => {
  const { org, app, jane } = setup({ app: { apiIntegration: false } })
  await app.assignUser(jane.id)

  app.update({ apiIntegration: true })
  await org.users.update(jane.id, { title: 'CTO' })
  await org.users.setPassword(jane.id, 'N3w-Passw0rd!')

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toMatchObject({ status: 'UNPROVISIONED', error: NOT_PROVISIONED })
})

it('runs the assignment flow on Provision User: filter, then POST', async () => {
  const { org, provider, app, jane } = setup({ app: { apiIntegration: false } })
  await app.assignUser(jane.id)
  app.update({ apiIntegration: true })

  const result = await app.provisionUser(jane.id)

  expect(result).toStrictEqual({ ok: true })
  expect(sent(org)).toStrictEqual([JANE_FILTER, 'POST /Users'])
  const appUser = app.appUser(jane.id)!
  expect(appUser).toMatchObject({ status: 'PROVISIONED' })
  expect(appUser.error).toBeUndefined()
  expect(provider.users.get(appUser.remoteId!)?.userName).toBe('jane@corp.example')
})

it('links on Provision User when the server already has the user: filter, GET, PUT', async () => {
  const { org, provider, app, jane } = setup({ app: { apiIntegration: false } })
  const existing = await provider.users.create({ userName: 'jane@corp.example', active: true })
  await app.assignUser(jane.id)
  app.update({ apiIntegration: true })

  await app.provisionUser(jane.id)

  // [ROSTR 3.6]: "PUT 200 jonah.hale@" instead of a POST.
  expect(sent(org)).toStrictEqual([
    JANE_FILTER,
    `GET /Users/${existing.id}`,
    `PUT /Users/${existing.id}`,
  ])
  expect(app.appUser(jane.id)?.remoteId).toBe(existing.id)
})

it('records group assignments made before provisioning was enabled the same way', async () => {
  const { org, app, jane } = setup({ app: { apiIntegration: false } })
  const group = org.groups.create({ name: 'Marketing', members: [jane.id] })

  await app.assignGroup(group.id)

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toMatchObject({
    direct: false,
    groupIds: [group.id],
    status: 'UNPROVISIONED',
    error: NOT_PROVISIONED,
  })
})

it('refuses Provision User while the API integration is off', async () => {
  const { app, jane } = setup({ app: { apiIntegration: false } })
  await app.assignUser(jane.id)

  await expect(app.provisionUser(jane.id)).rejects.toThrow(
    new TypeError(`Failed to provision "${jane.id}": API integration is not enabled for Acme`),
  )
})

it('provisions Oktopost users assigned before provisioning only by reassigning or Provision User (seed 004)', async () => {
  const baseUrl = 'https://app.oktopost.com/scim/v2'
  const { org, provider, app, jane } = setup({
    provider: { baseUrl, profile: 'oktopost' },
    app: { apiIntegration: false, userNameFormat: 'email' },
  })
  const john = org.users.create({
    login: 'john@corp.example',
    email: 'john.roe@example.com',
    firstName: 'John',
    lastName: 'Roe',
  })
  await app.assignUser(jane.id)
  await app.assignUser(john.id)

  // "they won't be provisioned once the provision is enabled"
  app.update({ apiIntegration: true })
  expect(provider.users.count()).toBe(0)

  // "You can un-assign and assign users again"
  await app.unassignUser(jane.id)
  await app.assignUser(jane.id)
  // "or … "Provision out of sync users," which would add a "Provision now" button"
  await app.provisionUser(john.id)

  expect(sent(org)).toStrictEqual([
    'GET /Users?filter=userName%20eq%20%22jane.doe%40example.com%22&startIndex=1&count=100',
    'POST /Users',
    'GET /Users?filter=userName%20eq%20%22john.roe%40example.com%22&startIndex=1&count=100',
    'POST /Users',
  ])
  expect(
    provider.users
      .list()
      .map((user) => user.userName)
      .sort(),
  ).toStrictEqual(['jane.doe@example.com', 'john.roe@example.com'])
})

it('pushes an assignment edit: GET, then PUT with the app user values', async () => {
  const { org, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  const result = await app.updateAssignment(jane.id, {
    userName: 'jdoe@corp.example',
    title: 'Contractor',
  })

  expect(result).toStrictEqual({ ok: true })
  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  expect(org.requests()[1]!.body).toMatchObject({
    userName: 'jdoe@corp.example',
    title: 'Contractor',
    externalId: jane.id,
  })
  expect(app.appUser(jane.id)?.userName).toBe('jdoe@corp.example')
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.push_profile',
    "Push user's profile to external application",
    'SUCCESS',
  ])
})

it('keeps the app user values on later Okta profile pushes, for this app only', async () => {
  const { org, app, jane } = setup()
  const other = org.apps.create({
    label: 'Other',
    baseUrl: 'https://acme.test/scim/v2',
    auth: { type: 'bearer', token: 'secret' },
  })
  await app.assignUser(jane.id)
  await app.updateAssignment(jane.id, { userName: 'jdoe@corp.example', title: 'Contractor' })
  org.clearRequests()

  await org.users.update(jane.id, { title: 'CTO', lastName: 'Smith' })
  await other.assignUser(jane.id)

  const [, put] = org.requests()
  expect(put!.body).toMatchObject({
    userName: 'jdoe@corp.example',
    title: 'Contractor',
    name: { givenName: 'Jane', familyName: 'Smith' },
  })
  const post = org.requests().find((request) => request.method === 'POST')
  expect(post!.body).toMatchObject({ userName: 'jane@corp.example', title: 'CTO' })
})

it('sends an assignment edit made before provisioning with the create', async () => {
  const { org, app, jane } = setup({ app: { apiIntegration: false } })
  await app.assignUser(jane.id)

  await app.updateAssignment(jane.id, { title: 'Contractor' })
  expect(sent(org)).toStrictEqual([])
  app.update({ apiIntegration: true })
  await app.provisionUser(jane.id)

  expect(org.requests()[1]!.body).toMatchObject({ title: 'Contractor' })
})

it('words a failed assignment edit as provisioning, with a task whose Retry pushes again', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const fault = provider.faults.add({ on: 'replaceUser', respond: 'serverError', status: 502 })

  const result = await app.updateAssignment(jane.id, { title: 'Contractor' })

  const message =
    'Automatic provisioning of user Jane Doe to app Acme failed: Error while trying to push profile update for jane@corp.example: Bad Gateway. Errors reported by remote server: Bad Gateway'
  expect(result).toStrictEqual({ ok: false, message })
  expect(app.appUser(jane.id)).toMatchObject({ status: 'PROVISIONED', error: message })
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.push_profile',
    "Push user's profile to external application",
    'FAILURE',
    message,
  ])
  const [task] = org.tasks.open()
  expect(task).toMatchObject({ kind: 'provisioning', message, retryable: true })

  provider.faults.remove(fault.id)
  org.clearRequests()
  await org.tasks.retry(task!.id)

  expect(sent(org).map((line) => line.split(' ')[0])).toStrictEqual(['GET', 'PUT'])
  expect(org.tasks.open()).toStrictEqual([])
  expect(app.appUser(jane.id)?.error).toBeUndefined()
})

it('refuses an assignment edit of login, or of a user not assigned', async () => {
  const { org, app, jane } = setup()
  const john = org.users.create({
    login: 'john@corp.example',
    email: 'john@example.com',
    firstName: 'John',
    lastName: 'Roe',
  })
  await app.assignUser(jane.id)

  await expect(app.updateAssignment(jane.id, { login: 'x@corp.example' })).rejects.toThrow(
    new TypeError(
      `Failed to update the assignment of "${jane.id}": login is the Okta user's, not the app user's`,
    ),
  )
  await expect(app.updateAssignment(john.id, { title: 'CTO' })).rejects.toThrow(
    new TypeError(`Failed to update the assignment of "${john.id}": not assigned to Acme`),
  )
})

// Seed 001 (Secoda): "Automatic provisioning of user <USER'S NAME> to app Secoda
// failed: Error while trying to push profile update for <EMAIL>: User not found",
// fixed by unassigning the user, then reassigning.
const SECODA_URL = 'https://app.secoda.co/api/v2/scim'
const SECODA_MESSAGE =
  'Automatic provisioning of user Jane Doe to app Secoda failed: Error while trying to push profile update for jane.doe@example.com: User not found'
const secodaApp = { label: 'Secoda', userNameFormat: 'email', uniqueIdentifier: 'email' } as const
const JANE_EMAIL_FILTER =
  'GET /Users?filter=userName%20eq%20%22jane.doe%40example.com%22&startIndex=1&count=100'

it('reproduces Secoda seed 001 end to end: the exact message, then unassign and reassign fix it', async () => {
  const { org, provider, app, jane } = setup({
    provider: { baseUrl: SECODA_URL, profile: 'secoda' },
    app: secodaApp,
  })
  await app.assignUser(jane.id)
  const staleId = app.appUser(jane.id)!.remoteId!
  await provider.users.delete(staleId)
  org.clearRequests()

  const result = await app.updateAssignment(jane.id, { title: 'Data Lead' })

  expect(result).toStrictEqual({ ok: false, message: SECODA_MESSAGE })
  expect(sent(org)).toStrictEqual([`GET /Users/${staleId}`])
  expect(org.tasks.open().map((task) => task.message)).toStrictEqual([SECODA_MESSAGE])
  expect(app.appUser(jane.id)?.error).toBe(SECODA_MESSAGE)

  // Retry repeats the same 404: no filter, no POST [KR1 §8].
  org.clearRequests()
  await org.tasks.retry(org.tasks.open()[0]!.id)
  expect(sent(org)).toStrictEqual([`GET /Users/${staleId}`])
  expect(org.tasks.open().map((task) => task.message)).toStrictEqual([SECODA_MESSAGE])

  // "To resolve, unassign the user from the Okta application. Then reassign."
  org.clearRequests()
  await app.unassignUser(jane.id)
  expect(sent(org)).toStrictEqual([`GET /Users/${staleId}`])
  await app.assignUser(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${staleId}`, JANE_EMAIL_FILTER, 'POST /Users'])
  const fixed = app.appUser(jane.id)!
  expect(fixed.status).toBe('PROVISIONED')
  expect(fixed.remoteId).not.toBe(staleId)
  expect(provider.users.get(fixed.remoteId!)?.userName).toBe('jane.doe@example.com')
  org.clearRequests()
  expect(await app.updateAssignment(jane.id, { title: 'Data Lead' })).toStrictEqual({ ok: true })
  expect(sent(org)).toStrictEqual([`GET /Users/${fixed.remoteId}`, `PUT /Users/${fixed.remoteId}`])
})

it('words the same Secoda failure as a profile push for an Okta profile update', async () => {
  const { org, provider, app, jane } = setup({
    provider: { baseUrl: SECODA_URL, profile: 'secoda' },
    app: secodaApp,
  })
  await app.assignUser(jane.id)
  await provider.users.delete(app.appUser(jane.id)!.remoteId!)

  await org.users.update(jane.id, { title: 'Data Lead' })

  expect(org.tasks.open()).toMatchObject([
    {
      kind: 'profilePush',
      retryable: true,
      message:
        'Automatic profile push of user Jane Doe to app Secoda failed: Error while trying to push profile update for jane.doe@example.com: User not found',
    },
  ])
  // The System Log reason of a profile push failure [AWS].
  expect(logRows(org).at(-1)).toStrictEqual([
    'application.provision.user.push_profile',
    "Push user's profile to external application",
    'FAILURE',
    'Eventfailed application.provision.user.push_profile : User not found',
  ])
})

it('gives Secoda seed 001 for the profile push of an assignment that links an existing user', async () => {
  const { org, provider, app, jane } = setup({
    provider: { baseUrl: SECODA_URL, profile: 'secoda' },
    app: secodaApp,
  })
  const existing = await provider.users.create({
    userName: 'jane.doe@example.com',
    emails: [{ value: 'jane.doe@example.com', primary: true }],
  })
  provider.faults.add({ on: 'getUser', respond: 'userNotFound', times: 1 })

  const result = await app.assignUser(jane.id)

  expect(result).toStrictEqual({ ok: false, message: SECODA_MESSAGE })
  expect(sent(org)).toStrictEqual([JANE_EMAIL_FILTER, `GET /Users/${existing.id}`])
  expect(org.tasks.open()).toMatchObject([{ kind: 'provisioning', message: SECODA_MESSAGE }])
})

it('fixes Secoda seed 001 with Secoda’s own settings too (Deactivate Users off): unassign sends nothing', async () => {
  const { org, provider, app, jane } = setup({
    provider: { baseUrl: SECODA_URL, profile: 'secoda' },
    // "only enable "Push New Users", "Push Profile Updates", "Push Groups""
    app: { ...secodaApp, provisioning: { deactivateUsers: false } },
  })
  await app.assignUser(jane.id)
  const staleId = app.appUser(jane.id)!.remoteId!
  await provider.users.delete(staleId)
  await app.updateAssignment(jane.id, { title: 'Data Lead' })
  org.clearRequests()

  await app.unassignUser(jane.id)
  await app.assignUser(jane.id)

  expect(sent(org)).toStrictEqual([JANE_EMAIL_FILTER, 'POST /Users'])
  expect(app.appUser(jane.id)?.remoteId).not.toBe(staleId)
})
