import { setupServer } from 'msw/node'
import { URN } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { JANE_FILTER, logRows, sent, setupLifecycle } from './user-flow-helpers.js'

// Unassign, deactivation, reassign and reactivation (okta-behavior.md §1.4-§1.6).

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const setup = (options: Parameters<typeof setupLifecycle>[1] = {}) =>
  setupLifecycle(server, options)

const DEACTIVATE = [
  'application.provision.user.deactivate',
  'Push user deactivation to external application',
] as const
const REMOVE_MEMBERSHIP = [
  'application.user_membership.remove',
  "Remove user's application membership",
] as const

it('unassigns with GET then a PUT of the GET body with only active changed (AIW)', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  const [get, put] = org.requests()
  expect(put!.body).toStrictEqual({ ...(get!.response as object), active: false })
  expect(provider.users.get(remoteId)?.active).toBe(false)
  expect(app.appUser(jane.id)).toBeUndefined()
})

it('unassigns with one path-less PATCH (OIN)', async () => {
  const { org, provider, app, jane } = setup({ app: { mode: 'oin' } })
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([`PATCH /Users/${remoteId}`])
  expect(org.requests()[0]!.body).toStrictEqual({
    schemas: [URN.patchOp],
    Operations: [{ op: 'replace', value: { active: false } }],
  })
  expect(provider.users.get(remoteId)?.active).toBe(false)
})

it('logs the membership removal, then the deactivation push', async () => {
  const { org, app, jane } = setup()
  await app.assignUser(jane.id)
  const before = org.systemLog().length

  await app.unassignUser(jane.id)

  expect(logRows(org).slice(before)).toStrictEqual([
    [...REMOVE_MEMBERSHIP, 'SUCCESS'],
    [...DEACTIVATE, 'SUCCESS'],
  ])
  expect(org.systemLog().at(-1)!.target).toStrictEqual([
    { type: 'User', id: jane.id, displayName: 'Jane Doe' },
    { type: 'AppInstance', id: app.id, displayName: 'Acme' },
  ])
})

it('tries a failed deactivation once and opens a deprovisioning task with no Retry', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  provider.faults.add({ on: 'replaceUser', respond: 'serverError', status: 502 })
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  expect(logRows(org).at(-1)).toStrictEqual([...DEACTIVATE, 'FAILURE', 'Bad Gateway'])
  const [task] = org.tasks.open()
  expect(task).toMatchObject({
    kind: 'deprovisioning',
    appLabel: 'Acme',
    userId: jane.id,
    message: 'Application accounts need deprovisioning',
    status: 'OPEN',
    retryable: false,
    rateLimited: false,
  })
  await expect(org.tasks.retry(task!.id)).rejects.toThrow(
    new TypeError(`Failed to retry "${task!.id}": this task has no Retry, only Mark complete`),
  )
  expect(sent(org)).toHaveLength(2)
  org.tasks.complete(task!.id)
  expect(org.tasks.open()).toStrictEqual([])
  expect(provider.users.get(remoteId)?.active).toBe(true)
})

it('does not fall back to PUT when the deactivation PATCH is not implemented (OIN)', async () => {
  const { org, provider, app, jane } = setup({ app: { mode: 'oin' } })
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  provider.faults.add({ on: 'patchUser', respond: 'serverError', status: 501 })
  org.clearRequests()

  await app.unassignUser(jane.id)

  // [BLOG1956]: a 501 on PATCH made a Deprovision Task, no PUT.
  expect(sent(org)).toStrictEqual([`PATCH /Users/${remoteId}`])
  expect(logRows(org).at(-1)).toStrictEqual([...DEACTIVATE, 'FAILURE', 'Not Implemented'])
  expect(org.tasks.open().map((task) => [task.kind, task.retryable])).toStrictEqual([
    ['deprovisioning', false],
  ])
})

it('ends the unassign at a 404 on the GET, with no PUT and no task', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  await provider.users.delete(remoteId)
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`])
  expect(logRows(org).at(-1)).toStrictEqual([...DEACTIVATE, 'FAILURE', 'Not Found'])
  expect(org.tasks.open()).toStrictEqual([])
})

it('sends nothing when unassigning a user whose create failed', async () => {
  const { org, provider, app, jane } = setup()
  provider.faults.add({ on: 'createUser', respond: 'conflict' })
  await app.assignUser(jane.id)
  org.clearRequests()
  const before = org.systemLog().length

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([])
  expect(logRows(org).slice(before)).toStrictEqual([[...REMOVE_MEMBERSHIP, 'SUCCESS']])
})

it('sends nothing on unassign with Deactivate Users off', async () => {
  const { org, app, jane } = setup({ app: { provisioning: { deactivateUsers: false } } })
  await app.assignUser(jane.id)
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toBeUndefined()
})

it('keeps a user assigned through a group when its direct assignment is removed', async () => {
  const { org, app, jane } = setup()
  const group = org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.assignGroup(group.id)
  await app.assignUser(jane.id)
  org.clearRequests()

  await app.unassignUser(jane.id)

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toMatchObject({ direct: false, status: 'PROVISIONED' })
})

it('deprovisions a user removed from its assigning group', async () => {
  const { org, app, jane } = setup({ app: { mode: 'oin' } })
  const group = org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.assignGroup(group.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await org.groups.removeMembers(group.id, [jane.id])

  expect(sent(org)).toStrictEqual([`PATCH /Users/${remoteId}`])
  expect(app.appUser(jane.id)).toBeUndefined()
})

it('removes the individual assignment of a deactivated Okta user and deactivates it', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()
  const before = org.systemLog().length

  await org.users.deactivate(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  expect(provider.users.get(remoteId)?.active).toBe(false)
  expect(app.appUser(jane.id)).toBeUndefined()
  expect(logRows(org).slice(before)).toStrictEqual([
    [...REMOVE_MEMBERSHIP, 'SUCCESS'],
    [...DEACTIVATE, 'SUCCESS'],
  ])
})

it('keeps a group assignment of a deactivated Okta user, DEPROVISIONED, and pushes nothing more', async () => {
  const { org, app, jane } = setup()
  const group = org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.assignGroup(group.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await org.users.deactivate(jane.id)
  await org.users.update(jane.id, { title: 'CTO' })
  await org.users.setPassword(jane.id, 'N3w-Passw0rd!')
  await org.users.deactivate(jane.id)

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  expect(app.appUser(jane.id)).toMatchObject({
    status: 'DEPROVISIONED',
    remoteId,
    groupIds: [group.id],
  })
})

it('restores a group assignment on reactivation, reactivating the same SCIM user', async () => {
  const { org, provider, app, jane } = setup()
  const group = org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.assignGroup(group.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  await org.users.deactivate(jane.id)
  org.clearRequests()
  const before = org.systemLog().length

  await org.users.reactivate(jane.id)

  expect(sent(org)).toStrictEqual([
    JANE_FILTER,
    `GET /Users/${remoteId}`,
    `PUT /Users/${remoteId}`,
    `GET /Users/${remoteId}`,
    `PUT /Users/${remoteId}`,
  ])
  expect((org.requests()[2]!.body as { active: boolean }).active).toBe(true)
  expect(app.appUser(jane.id)).toMatchObject({ status: 'PROVISIONED', remoteId })
  expect(provider.users.get(remoteId)?.active).toBe(true)
  expect(provider.users.count()).toBe(1)
  expect(logRows(org).slice(before)).toStrictEqual([
    [
      'application.provision.user.verify_exists',
      'Verify user exists in external application',
      'SUCCESS',
    ],
    [
      'application.provision.user.reactivate',
      'Push user reactivation in external application',
      'SUCCESS',
    ],
    [
      'application.provision.user.push_profile',
      "Push user's profile to external application",
      'SUCCESS',
    ],
  ])
})

it('does not restore an individual assignment on reactivation', async () => {
  const { org, provider, app, jane } = setup()
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  await org.users.deactivate(jane.id)
  org.clearRequests()

  await org.users.reactivate(jane.id)

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)).toBeUndefined()
  expect(provider.users.get(remoteId)?.active).toBe(false)
  expect(org.users.get(jane.id).status).toBe('ACTIVE')
})

it('refuses to reactivate a user that is not deactivated', async () => {
  const { org, jane } = setup()

  await expect(org.users.reactivate(jane.id)).rejects.toThrow(
    new TypeError(`Failed to reactivate "${jane.id}": the user is ACTIVE`),
  )
})

it('reassigns an unassigned user to the same SCIM user: filter, reactivate, profile push, no POST', async () => {
  const { org, provider, app, jane } = setup({ app: { mode: 'oin' } })
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  await app.unassignUser(jane.id)
  org.clearRequests()
  const before = org.systemLog().length

  const result = await app.assignUser(jane.id)

  expect(result).toStrictEqual({ ok: true })
  expect(sent(org)).toStrictEqual([
    JANE_FILTER,
    `PATCH /Users/${remoteId}`,
    `GET /Users/${remoteId}`,
    `PUT /Users/${remoteId}`,
  ])
  expect(app.appUser(jane.id)).toMatchObject({ status: 'PROVISIONED', remoteId })
  expect(provider.users.count()).toBe(1)
  // [DEVF-1]: verify, reactivation, profile push.
  expect(
    logRows(org)
      .slice(before)
      .map(([eventType]) => eventType),
  ).toStrictEqual([
    'application.provision.user.verify_exists',
    'application.provision.user.reactivate',
    'application.provision.user.push_profile',
  ])
})

it('sends nothing when suspending or unsuspending a user', async () => {
  const { org, app, jane } = setup()
  await app.assignUser(jane.id)
  org.clearRequests()

  org.users.suspend(jane.id)
  org.users.unsuspend(jane.id)

  expect(sent(org)).toStrictEqual([])
  expect(app.appUser(jane.id)?.status).toBe('PROVISIONED')
})

it('never sends DELETE /Users, in any lifecycle step or mode', async () => {
  for (const mode of ['aiw', 'oin'] as const) {
    const { org, app, jane } = setup({
      app: { mode, provisioning: { syncPassword: true } },
    })
    const group = org.groups.create({ name: `Group ${mode}`, members: [jane.id] })
    await app.assignUser(jane.id)
    await org.users.update(jane.id, { title: 'CTO' })
    await org.users.setPassword(jane.id, 'N3w-Passw0rd!')
    await app.unassignUser(jane.id)
    await app.assignUser(jane.id)
    await app.assignGroup(group.id)
    await org.users.deactivate(jane.id)
    await org.users.reactivate(jane.id)
    await org.groups.removeMembers(group.id, [jane.id])

    const methods = new Set(org.requests().map((request) => request.method))
    expect(methods.has('DELETE')).toBe(false)
    expect([...methods].sort()).toStrictEqual(
      mode === 'aiw' ? ['GET', 'POST', 'PUT'] : ['GET', 'PATCH', 'POST', 'PUT'],
    )
  }
})
