import { expect, it } from 'vitest'
import { createScimService, type ScimService } from '../provider/create-scim-service.js'
import type { ScimServiceOptions } from '../provider/scim-service-options.js'
import { createOktaOrg, type OktaOrg, type OktaOrgOptions } from './create-okta-org.js'
import { createSimulatedClock, createSystemClock } from './okta-clock.js'
import type { OktaOrgSnapshot } from './okta-org-snapshot.js'

// org.snapshot() and org.restore(), through JSON as a page keeps them in localStorage.

const BASE_URL = 'https://acme.test/scim/v2'
const START = '2026-03-02T10:00:00.000Z'

/**
 * A provider, and the orgs that send it their requests. The provider lives in
 * the time of the org opened last, as a page's provider would after a reload.
 */
function createWorld(options: ScimServiceOptions = {}) {
  const live: { org?: OktaOrg } = {}
  const provider: ScimService = createScimService({
    baseUrl: BASE_URL,
    seed: { users: 0, seed: 3 },
    clock: () => live.org!.clock.now(),
    sleep: (ms, signal) => live.org!.clock.sleep(ms, signal),
    ...options,
  })
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    provider.handle(new Request(input, init))
  const open = (orgOptions: OktaOrgOptions = {}) =>
    (live.org = createOktaOrg({ fetch, ...orgOptions }))
  return { provider, open }
}

/** The snapshot as a page gets it back after a reload. */
const throughJson = (snapshot: OktaOrgSnapshot): OktaOrgSnapshot =>
  JSON.parse(JSON.stringify(snapshot))

const person = (name: string) => ({
  login: `${name}@corp.example`,
  email: `${name}@corp.example`,
  firstName: name[0]!.toUpperCase() + name.slice(1),
  lastName: 'Doe',
})

/**
 * An org with a bit of everything: provisioned and failed assignments, an
 * unassigned user whose provisioning task is still open, an assignment's own
 * values, a pushed group in error, and open tasks of every retryable flow.
 */
async function arrange(org: OktaOrg, provider: ScimService) {
  const clock = org.clock as ReturnType<typeof createSimulatedClock>
  const app = org.apps.create({
    label: 'Acme',
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    provisioning: { syncPassword: true },
  })
  for (const name of ['jane', 'bob', 'carol']) org.users.create(person(name))
  org.groups.create({ name: 'Engineering', members: ['jane@corp.example', 'bob@corp.example'] })
  await app.saveProvisioning()
  await app.assignUser('jane@corp.example')
  provider.faults.add({ on: 'createUser', respond: 'conflict', times: 1 })
  await app.assignUser('bob@corp.example')
  provider.faults.add({ on: 'createUser', respond: 'serverError', times: 1 })
  await app.assignUser('carol@corp.example')
  await app.unassignUser('carol@corp.example')
  provider.faults.add({ on: 'replaceUser', respond: 'serverError', times: 3 })
  await app.updateAssignment('jane@corp.example', { title: 'Lead' })
  await org.users.setPassword('jane@corp.example', 'N3w-passw0rd')
  await org.users.update('jane@corp.example', { lastName: 'Smith' })
  provider.faults.add({ on: 'createGroup', respond: 'serverError', times: 1 })
  await app.pushGroup('Engineering')
  clock.advance(90_000)
}

/**
 * What both orgs do next: a new user, every Retry, a group push and an unlink
 * that fail and their Retry, an import, a new app.
 */
async function carryOn(org: OktaOrg, provider: ScimService) {
  const app = org.apps.get('Acme')
  org.users.create(person('dave'))
  await app.assignUser('dave@corp.example')
  for (const task of org.tasks.open()) await org.tasks.retry(task.id)
  org.groups.create({ name: 'Sales', members: ['dave@corp.example', 'carol@corp.example'] })
  provider.faults.add({ on: 'replaceGroup', respond: 'serverError', times: 1 })
  await app.pushGroup('Sales')
  await org.tasks.retry(org.tasks.open()[0]!.id)
  provider.faults.add({ on: 'deleteGroup', respond: 'serverError', times: 1 })
  await app.unlinkGroup('Engineering', { deleteInApp: true })
  await org.tasks.retry(org.tasks.open()[0]!.id)
  await app.import()
  org.apps.create({ label: 'Beta', baseUrl: BASE_URL, auth: { type: 'bearer', token: 'secret' } })
}

it('is plain JSON with version 1: a round trip through JSON changes nothing', async () => {
  const { open, provider } = createWorld()
  const org = open({ seed: 7, clock: createSimulatedClock(START) })
  await arrange(org, provider)

  const snapshot = org.snapshot()

  expect(throughJson(snapshot)).toStrictEqual(snapshot)
  expect(snapshot).toMatchObject({ version: 1, taskNumber: 6, clock: '2026-03-02T10:01:30.000Z' })
  expect(snapshot.tasks.map((task) => task.retry?.flow)).toStrictEqual([
    'provisionAssignment',
    'provisionAssignment',
    'pushProfileUpdate',
    'syncPassword',
    'pushProfileUpdate',
    'pushGroup',
  ])
})

it('continues after a round trip through JSON exactly as the org that never snapshotted', async () => {
  const original = createWorld()
  const copy = createWorld()
  const org = original.open({ seed: 7, clock: createSimulatedClock(START) })
  await arrange(org, original.provider)
  // The copy's provider goes through the same arrangement, with an org that then goes away.
  await arrange(copy.open({ seed: 7, clock: createSimulatedClock(START) }), copy.provider)
  const saved = throughJson(org.snapshot())

  // A fresh org with other options: another seed, the default clock.
  const restored = copy.open({ seed: 99 })
  restored.restore(saved)
  expect(restored.snapshot()).toStrictEqual(saved)
  expect(restored.clock.now().toISOString()).toBe('2026-03-02T10:01:30.000Z')
  await carryOn(org, original.provider)
  await carryOn(restored, copy.provider)

  expect(restored.requests()).toStrictEqual(org.requests())
  expect(restored.tasks.list()).toStrictEqual(org.tasks.list())
  expect(restored.systemLog()).toStrictEqual(org.systemLog())
  expect(restored.users.list()).toStrictEqual(org.users.list())
  expect(restored.apps.list().map((app) => app.id)).toStrictEqual(
    org.apps.list().map((app) => app.id),
  )
  expect(restored.snapshot()).toStrictEqual(org.snapshot())
  // What the carrying on did: every Retry ran, the new failure got the next task number.
  expect(org.tasks.list().map((task) => [task.id, task.status])).toStrictEqual(
    Array.from({ length: 8 }, (_, index) => [`task-${index + 1}`, 'COMPLETED']),
  )
  expect(original.provider.users.list().map((user) => user.userName)).toStrictEqual([
    'jane@corp.example',
    'dave@corp.example',
    'bob@corp.example',
    'carol@corp.example',
  ])
})

it('keeps what an open Retry acts on after it left the app, and the Retry still acts on it', async () => {
  const { open, provider } = createWorld()
  const org = open({ seed: 7, clock: createSimulatedClock(START) })
  await arrange(org, provider)

  const saved = throughJson(org.snapshot())
  const restored = open()
  restored.restore(saved)
  const carols = restored.tasks.open().find((task) => task.message.includes('Carol'))!
  await restored.tasks.retry(carols.id)

  // Carol was unassigned: Retry provisions the assignment the task was for, as Okta's does.
  expect(saved.detached.appUsers).toMatchObject([
    { userName: 'carol@corp.example', status: 'ERROR', direct: false },
  ])
  expect(saved.tasks[1]!.retry).toMatchObject({ flow: 'provisionAssignment', detached: 0 })
  expect(restored.apps.get('Acme').appUser('carol@corp.example')).toBeUndefined()
  expect(provider.users.list().map((user) => user.userName)).toContain('carol@corp.example')
})

it('keeps an OAuth app’s tokens: it needs no new authorization, and refreshes with the saved token', async () => {
  const { open, provider } = createWorld({ oauth: true, token: undefined })
  const org = open({ clock: createSimulatedClock(START) })
  const { authorizeUrl, tokenUrl, clientId, clientSecret } = provider.oauth!
  const app = org.apps.create({
    label: 'Acme',
    baseUrl: BASE_URL,
    auth: { type: 'oauth', authorizeUrl, tokenUrl, clientId, clientSecret },
  })
  await app.authorize()
  await app.testConnection()
  const token = org.requests()[0]!.headers.Authorization

  const clock = createSimulatedClock()
  const restored = open({ clock })
  restored.restore(throughJson(org.snapshot()))
  restored.clearRequests()
  const connected = await restored.apps.get('Acme').testConnection()
  // The provider's access tokens live an hour: past it, the saved refresh token gets another.
  clock.advance(3_600_001)
  const refreshed = await restored.apps.get('Acme').testConnection()

  expect(connected.ok).toBe(true)
  expect(refreshed.ok).toBe(true)
  expect(
    restored.requests().map((request) => [request.status, request.headers.Authorization]),
  ).toStrictEqual([
    [200, token],
    [401, token],
    [200, expect.not.stringMatching(token!)],
  ])
  expect(provider.oauth!.issued).toMatchObject({ accessTokens: 2 })
})

it('replaces everything the org held before, apps included', async () => {
  const { open, provider } = createWorld()
  const source = open({ seed: 7, clock: createSimulatedClock(START) })
  await arrange(source, provider)
  const org = open({ seed: 7 })
  org.users.create(person('zed'))
  org.apps.create({ label: 'Old', baseUrl: BASE_URL, auth: { type: 'bearer', token: 'secret' } })

  org.restore(throughJson(source.snapshot()))

  expect(org.users.list()).toStrictEqual(source.users.list())
  expect(org.apps.list().map((app) => app.label)).toStrictEqual(['Acme'])
  expect(() => org.apps.get('Old')).toThrow('Failed to find app "Old"')
  expect(org.apps.get('Acme').users()).toStrictEqual(source.apps.get('Acme').users())
})

it('leaves the time alone for an org on the system clock, and takes none into its snapshot', () => {
  const { open } = createWorld()
  const systemOrg = open({ clock: createSystemClock() })
  const org = open({ clock: createSimulatedClock(START) })

  const snapshot = systemOrg.snapshot()
  org.restore(snapshot)

  expect(snapshot).not.toHaveProperty('clock')
  expect(org.clock.now().toISOString()).toBe(START)
})

/** A valid snapshot with one change. */
const broken = (change: (snapshot: OktaOrgSnapshot) => void) => (snapshot: OktaOrgSnapshot) => {
  const copy = throughJson(snapshot)
  change(copy)
  return copy
}

it.each<[string, (snapshot: OktaOrgSnapshot) => unknown, string]>([
  ['no object', () => 'users', 'expected a snapshot from org.snapshot(), got "users"'],
  [
    'another version',
    broken((snapshot) => Object.assign(snapshot, { version: 2 })),
    'snapshot version 2 is not supported (expected 1)',
  ],
  [
    'a missing list',
    broken((snapshot) => delete (snapshot as Partial<OktaOrgSnapshot>).users),
    'users: Invalid input: expected array, received undefined',
  ],
  [
    'an id stream stuck at zero',
    broken((snapshot) => (snapshot.streams.ids = 0)),
    'streams.ids: Too small: expected number to be >=1',
  ],
  [
    'a group member it does not hold',
    broken((snapshot) => snapshot.groups[0]!.members.push('00uNobody000000000000')),
    'groups.0.members: no user "00uNobody000000000000" in the snapshot',
  ],
  [
    'a Retry on an app it does not hold',
    broken((snapshot) => (snapshot.tasks[0]!.retry!.appId = '0oaGone0000000000000')),
    'tasks.0.retry: no app "0oaGone0000000000000" in the snapshot',
  ],
  [
    'a task number already taken',
    broken((snapshot) => (snapshot.taskNumber = 2)),
    'taskNumber: 2 is below the number of task-3: new tasks would repeat it',
  ],
])('rejects %s and changes nothing', async (_case, make, reason) => {
  const { open, provider } = createWorld()
  const org = open({ seed: 7, clock: createSimulatedClock(START) })
  await arrange(org, provider)
  const before = org.snapshot()

  expect(() => org.restore(make(before) as OktaOrgSnapshot)).toThrow(
    new TypeError(`Failed to restore the Okta org: ${reason}`),
  )
  expect(org.snapshot()).toStrictEqual(before)
})
