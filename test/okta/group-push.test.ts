import { setupServer } from 'msw/node'
import { createScimProvider, type FaultSpec, type ScimProviderOptions } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createOktaOrg } from '../../src/okta/create-okta-org.js'
import { createSimulatedClock } from '../../src/okta/okta-clock.js'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { createTeam } from './group-flow-helpers.js'

// Push Groups against the provider (okta-behavior.md §1.9, §2, T3): Okta's
// messages word for word, with the simulated clock's time in them; the Push
// Status, tasks and System Log; what the app group holds afterwards; and the
// vendor profiles that refuse or filter group writes (seeds 000 and 002).

const BASE_URL = 'https://groups.test/scim/v2'
const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// The [BLOG-AWSSSO] example's time: "Failed on 03-26-2020 03:49:35PM UTC", six years on.
const FAILED_ON = 'Failed on 03-26-2026 03:49:35PM UTC'

/** A provider and an org on one simulated clock; Jane and Bob assigned and provisioned, Carol in Okta only. */
async function setup(
  mode: 'aiw' | 'oin',
  options: { faults?: FaultSpec[]; provider?: ScimProviderOptions } = {},
) {
  const clock = createSimulatedClock('2026-03-26T15:49:35.000Z')
  const baseUrl = options.provider?.profile === 'condeco' ? CONDECO_URL : BASE_URL
  const provider = createScimProvider({
    baseUrl,
    seed: { users: 0, seed: 3 },
    clock: () => clock.now(),
    sleep: clock.sleep,
    ...options.provider,
  })
  server.use(...provider.handlers)
  const org = createOktaOrg({ clock, seed: 3 })
  const app = org.apps.create({
    label: 'Acme SCIM',
    mode,
    baseUrl,
    auth: { type: 'bearer', token: 'secret' },
  })
  const ids: Record<string, string> = {}
  const team = await createTeam(org, app, ids)
  for (const fault of options.faults ?? []) provider.faults.add(fault)
  /** The app group's member ids, as the provider holds them. */
  const appMembers = (remoteId: string) =>
    (provider.groups.get(remoteId)?.members ?? []).map((member) => member.value)
  /** The requests sent since the last `org.clearRequests()`, as "METHOD path". */
  const sent = () => org.requests().map((request) => `${request.method} ${request.path}`)
  return { clock, provider, org, app, ids, ...team, appMembers, sent }
}

const CONDECO_URL = 'https://acme.condecosoftware.test/scim/api/V1'

// Create (§1.9a)

it('creates the app group with the members provisioned in the app only', async () => {
  const { org, app, jane, bob, carol, ids, appMembers } = await setup('oin')
  org.groups.create({
    name: 'Engineering',
    description: 'Builds things',
    members: [jane.id, bob.id, carol.id],
  })

  await app.pushGroup('Engineering')

  const pushed = app.pushedGroup('Engineering')!
  expect(pushed).toMatchObject({ status: 'ACTIVE', pushedMembers: [ids.jane, ids.bob] })
  expect(pushed.error).toBeUndefined()
  expect(appMembers(pushed.remoteId!)).toStrictEqual([ids.jane, ids.bob])
  // §1.9h: the description extension is SCIM 1.1's; the 2.0 POST has none.
  const post = org
    .requests()
    .find((request) => request.method === 'POST' && request.path === '/Groups')
  expect(Object.keys(post!.body as object)).toStrictEqual(['schemas', 'displayName', 'members'])
  expect(org.systemLog().slice(-2)).toMatchObject([
    { eventType: 'application.provision.group_push.pushed', outcome: { result: 'SUCCESS' } },
    { eventType: 'application.provision.group_push.updated', outcome: { result: 'SUCCESS' } },
  ])
  expect(org.tasks.list()).toStrictEqual([])
})

it('links, with a warm cache, the app group of the same name without a filter call', async () => {
  const { provider, org, app, jane, ids, appMembers, sent } = await setup('aiw')
  const existing = await provider.groups.create({ displayName: 'engineering' })
  await app.saveProvisioning()
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  org.clearRequests()

  await app.pushGroup('Engineering')

  expect(sent()).toStrictEqual([`GET /Groups/${existing.id}`, `PUT /Groups/${existing.id}`])
  expect(app.pushedGroup('Engineering')!.remoteId).toBe(existing.id)
  expect(provider.groups.get(existing.id)!.displayName).toBe('Engineering')
  expect(appMembers(existing.id)).toStrictEqual([ids.jane])
})

it('fails the create with Okta T3 wording, a task to retry and a System Log FAILURE', async () => {
  const { org, app, jane, sent } = await setup('aiw', {
    faults: [
      { on: 'createGroup', respond: 'serverError', detail: 'Database unavailable', times: 1 },
    ],
  })
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  const message = `${FAILED_ON}: Unable to update Group Push mapping target App group Engineering: Error while creating user group Engineering: Internal Server Error. Errors reported by remote server: Database unavailable`

  await app.pushGroup('Engineering')

  const pushed = app.pushedGroup('Engineering')!
  expect(pushed).toMatchObject({ status: 'ERROR', error: message, pushedMembers: [] })
  expect(pushed.remoteId).toBeUndefined()
  expect(org.tasks.open()).toMatchObject([
    {
      kind: 'groupPush',
      appLabel: 'Acme SCIM',
      groupId: pushed.groupId,
      message,
      retryable: true,
    },
  ])
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group.add',
    outcome: { result: 'FAILURE', reason: message },
    target: [
      { type: 'UserGroup', id: pushed.groupId, displayName: 'Engineering' },
      { type: 'AppInstance', id: app.id, displayName: 'Acme SCIM' },
    ],
  })

  // Retry pushes again: the filter (the failed POST may have created it), then the create.
  org.clearRequests()
  await org.tasks.retry(org.tasks.open()[0]!.id)

  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  expect(sent()).toStrictEqual([
    'GET /Groups?filter=displayName%20eq%20%22Engineering%22&startIndex=1&count=100',
    'POST /Groups',
    `GET /Groups/${remoteId}`,
    `PUT /Groups/${remoteId}`,
  ])
  expect(app.pushedGroup('Engineering')).toMatchObject({ status: 'ACTIVE' })
  expect(app.pushedGroup('Engineering')!.error).toBeUndefined()
  expect(org.tasks.open()).toStrictEqual([])
})

it('quotes a read timeout as "Read timed out" [MIRO-KB]', async () => {
  const { org, app, jane } = await setup('oin', {
    faults: [{ on: 'createGroup', respond: 'timeout' }],
  })
  org.groups.create({ name: 'Engineering', members: [jane.id] })

  await app.pushGroup('Engineering')

  // The 60 s timeout moved the clock: the message carries the time Okta gave up.
  expect(app.pushedGroup('Engineering')!.error).toBe(
    'Failed on 03-26-2026 03:50:35PM UTC: Unable to update Group Push mapping target App group Engineering: Error while creating user group Engineering: Read timed out',
  )
})

it('fails on MagicPod, which refuses group writes with 501, quoting its detail (seed 000)', async () => {
  const { provider, org, app, jane } = await setup('oin', { provider: { profile: 'magicpod' } })
  org.groups.create({ name: 'Engineering', members: [jane.id] })

  await app.pushGroup('Engineering')

  const detail =
    'MagicPod does not support creating, updating or deleting groups through SCIM: only users are managed, and group membership follows the users assigned in Okta'
  expect(app.pushedGroup('Engineering')!.error).toBe(
    `${FAILED_ON}: Unable to update Group Push mapping target App group Engineering: Error while creating user group Engineering: Not Implemented. Errors reported by remote server: ${detail}`,
  )
  expect(provider.groups.list()).toStrictEqual([])
})

it('fails a MagicPod membership write without the "Error while creating" part', async () => {
  const { provider, org, app, jane } = await setup('oin', {
    provider: { profile: 'magicpod' },
  })
  // An app group MagicPod already has (reads still work): Okta links it, then its writes fail.
  const existing = await provider.groups.create({ displayName: 'Engineering' })
  org.groups.create({ name: 'Engineering', members: [jane.id] })

  await app.pushGroup('Engineering', { linkTo: existing.id })

  expect(app.pushedGroup('Engineering')!.error).toBe(
    `${FAILED_ON}: Unable to update Group Push mapping target App group Engineering: Not Implemented. Errors reported by remote server: MagicPod does not support creating, updating or deleting groups through SCIM: only users are managed, and group membership follows the users assigned in Okta`,
  )
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.mapping.update.or.delete.failed',
    outcome: { result: 'FAILURE' },
  })
})

it('lets Condeco drop members it does not have: the push succeeds (seed 002)', async () => {
  const { provider, org, app, jane, bob, ids, appMembers } = await setup('aiw', {
    provider: { profile: 'condeco' },
  })
  // Bob's Condeco account was removed behind Okta's back: Okta still sends his id.
  await provider.users.delete(ids.bob!)
  org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })

  await app.pushGroup('Engineering')

  const pushed = app.pushedGroup('Engineering')!
  expect(pushed).toMatchObject({ status: 'ACTIVE', pushedMembers: [ids.jane, ids.bob] })
  expect(appMembers(pushed.remoteId!)).toStrictEqual([ids.jane])
  const put = org.requests().at(-1)!
  expect(put).toMatchObject({ method: 'PUT', status: 200 })
  expect((put.body as { members: unknown }).members).toStrictEqual([
    { value: ids.jane, display: 'jane@corp.example' },
    { value: ids.bob, display: 'bob@corp.example' },
  ])
})

// Existence check (§1.9g)

it.each(['aiw', 'oin'] as const)(
  'reports a deleted app group as "Linked group is missing" (%s), with no Retry',
  async (mode) => {
    const { provider, org, app, jane, bob, sent } = await setup(mode)
    org.groups.create({ name: 'Engineering', members: [jane.id] })
    await app.pushGroup('Engineering')
    const remoteId = app.pushedGroup('Engineering')!.remoteId!
    await provider.groups.delete(remoteId)
    const message =
      'Linked group is missing in Acme SCIM. Change the linked group to resume pushing group memberships.'

    await org.groups.addMembers('Engineering', [bob.id])

    expect(app.pushedGroup('Engineering')).toMatchObject({ status: 'ERROR', error: message })
    expect(org.tasks.open()).toMatchObject([{ kind: 'groupPush', message, retryable: false }])
    expect(org.systemLog().at(-1)).toMatchObject({
      eventType: 'application.provision.group_push.mapping.update.or.delete.failed.with.error',
      outcome: { result: 'FAILURE', reason: message },
    })
    // The push is in error: further membership changes wait.
    org.clearRequests()
    await org.groups.removeMembers('Engineering', [jane.id])
    expect(sent()).toStrictEqual([])
  },
)

it('checks a linked app group exists before writing to it', async () => {
  const { org, app, jane, sent } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  org.clearRequests()

  await app.pushGroup('Engineering', { linkTo: 'no-such-group' })

  expect(sent()).toStrictEqual(['GET /Groups/no-such-group'])
  expect(app.pushedGroup('Engineering')!.error).toBe(
    'Linked group is missing in Acme SCIM. Change the linked group to resume pushing group memberships.',
  )
})

// Membership changes (§1.9d) and what follows a provisioning (§1.2 step 6)

it('fails a membership write with the remote reason; Retry pushes the whole membership', async () => {
  const { provider, org, app, jane, bob, ids, appMembers, sent } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  provider.faults.add({
    on: 'patchGroup',
    respond: 'serverError',
    status: 502,
    detail: 'upstream down',
    times: 2,
  })
  const message = `${FAILED_ON}: Unable to update Group Push mapping target App group Engineering: Bad Gateway. Errors reported by remote server: upstream down`

  await org.groups.addMembers('Engineering', [bob.id])

  expect(app.pushedGroup('Engineering')).toMatchObject({ status: 'ERROR', error: message })
  const [task] = org.tasks.open()
  expect(task).toMatchObject({ kind: 'groupPush', message, retryable: true })
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.mapping.update.or.delete.failed',
    outcome: { result: 'FAILURE', reason: message },
  })

  // The first retry fails again (the second 502): a new task. The next one succeeds.
  await org.tasks.retry(task!.id)
  expect(org.tasks.open()).toHaveLength(1)
  org.clearRequests()
  await org.tasks.retry(org.tasks.open()[0]!.id)

  expect(sent()).toStrictEqual([`PATCH /Groups/${remoteId}`, `PATCH /Groups/${remoteId}`])
  expect(org.requests().map((request) => request.body)).toMatchObject([
    { Operations: [{ op: 'replace', value: { id: remoteId, displayName: 'Engineering' } }] },
    { Operations: [{ op: 'replace', path: 'members' }] },
  ])
  expect(appMembers(remoteId)).toStrictEqual([ids.jane, ids.bob])
  expect(app.pushedGroup('Engineering')).toMatchObject({ status: 'ACTIVE' })
  expect(org.tasks.open()).toStrictEqual([])
})

it.each(['aiw', 'oin'] as const)(
  'pushes a newly assigned member of a pushed group once it is provisioned (%s)',
  async (mode) => {
    const { org, app, jane, ids, appMembers, sent } = await setup(mode)
    const dave = org.users.create({
      login: 'dave@corp.example',
      email: 'dave@example.com',
      firstName: 'Dave',
      lastName: 'Tester',
    })
    org.groups.create({ name: 'Engineering', members: [jane.id, dave.id] })
    await app.pushGroup('Engineering')
    const remoteId = app.pushedGroup('Engineering')!.remoteId!
    org.clearRequests()

    await app.assignUser(dave.id)

    const daveId = app.appUser(dave.id)!.remoteId!
    expect(sent().slice(2)).toStrictEqual(
      mode === 'aiw'
        ? [`GET /Groups/${remoteId}`, `PUT /Groups/${remoteId}`]
        : [`PATCH /Groups/${remoteId}`, `PATCH /Groups/${remoteId}`],
    )
    expect(sent().slice(0, 2)).toStrictEqual([
      expect.stringMatching(/^GET \/Users\?filter=/),
      'POST /Users',
    ])
    expect(appMembers(remoteId)).toStrictEqual([ids.jane, daveId])
  },
)

it('pushes each member added to an assigned and pushed group once', async () => {
  const { org, app, jane, appMembers, ids } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.assignGroup('Engineering')
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  const erin = org.users.create({
    login: 'erin@corp.example',
    email: 'erin@example.com',
    firstName: 'Erin',
    lastName: 'Tester',
  })
  org.clearRequests()

  await org.groups.addMembers('Engineering', [erin.id])

  const erinId = app.appUser(erin.id)!.remoteId!
  const adds = org
    .requests()
    .filter((request) => request.method === 'PATCH')
    .flatMap((request) => (request.body as { Operations: Array<{ op: string }> }).Operations)
    .filter((operation) => operation.op === 'add')
  expect(adds).toStrictEqual([
    { op: 'add', path: 'members', value: [{ value: erinId, display: 'erin@corp.example' }] },
  ])
  expect(appMembers(remoteId)).toStrictEqual([ids.jane, erinId])
})

it('sends at most groupPushBatchSize removals per PATCH', async () => {
  const { org, app, jane, bob, ids, appMembers } = await setup('oin')
  app.update({ groupPushBatchSize: 1 })
  org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  org.clearRequests()

  await org.groups.removeMembers('Engineering', [jane.id, bob.id])

  expect(org.requests().map((request) => request.body)).toMatchObject([
    { Operations: [{ op: 'replace', value: { displayName: 'Engineering' } }] },
    { Operations: [{ op: 'remove', path: `members[value eq "${ids.jane}"]` }] },
    { Operations: [{ op: 'remove', path: `members[value eq "${ids.bob}"]` }] },
  ])
  expect(appMembers(remoteId)).toStrictEqual([])
  expect(app.pushedGroup('Engineering')!.pushedMembers).toStrictEqual([])
})

it('removes a member from the AIW app group with the complete remaining list', async () => {
  const { org, app, jane, bob, ids, appMembers } = await setup('aiw')
  org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!

  await org.groups.removeMembers('Engineering', [bob.id])

  expect(appMembers(remoteId)).toStrictEqual([ids.jane])
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.push_memberships',
    outcome: { result: 'SUCCESS' },
  })
})

// Rename (§1.9c) and "Rename app groups to match group name in Okta" (§1.9b)

it('renames the app group (OIN)', async () => {
  const { provider, org, app, jane } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!

  await org.groups.rename('Engineering', 'Platform')

  expect(provider.groups.get(remoteId)!.displayName).toBe('Platform')
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.updated',
    target: [{ displayName: 'Platform' }, { displayName: 'Acme SCIM' }],
  })
})

it('keeps the app group name when "Rename app groups" is off', async () => {
  const { provider, org, app, jane, bob, ids, appMembers, sent } = await setup('aiw')
  app.update({ renameLinkedGroups: false })
  const existing = await provider.groups.create({ displayName: 'Legacy Engineering' })
  org.groups.create({ name: 'Engineering', members: [jane.id] })

  await app.pushGroup('Engineering', { linkTo: existing.id })
  expect(provider.groups.get(existing.id)!.displayName).toBe('Legacy Engineering')
  expect(appMembers(existing.id)).toStrictEqual([ids.jane])

  org.clearRequests()
  await org.groups.rename('Engineering', 'Platform')
  expect(sent()).toStrictEqual([])

  await org.groups.addMembers('Platform', [bob.id])
  expect(provider.groups.get(existing.id)!.displayName).toBe('Legacy Engineering')
  expect(appMembers(existing.id)).toStrictEqual([ids.jane, ids.bob])
})

// Push now (§1.9e), activation and unlinking (§1.9f)

it('drops deprovisioned members on Push now', async () => {
  const { org, app, jane, bob, ids, appMembers } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id, bob.id] })
  await app.assignGroup('Engineering')
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  await org.users.deactivate(bob.id)
  // No group request follows a deactivation (okta-behavior.md §1.4): Bob stays until Push now.
  expect(appMembers(remoteId)).toStrictEqual([ids.jane, ids.bob])

  await app.pushNow('Engineering')

  expect(appMembers(remoteId)).toStrictEqual([ids.jane])
  expect(app.pushedGroup('Engineering')!.pushedMembers).toStrictEqual([ids.jane])
})

it('refuses Push now for a group that is not pushed, or whose push is inactive', async () => {
  const { org, app, jane } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await expect(app.pushNow('Engineering')).rejects.toThrow(
    'Failed to push now "Engineering": it is not pushed to Acme SCIM',
  )
  await app.pushGroup('Engineering')
  await app.setPushActive('Engineering', false)
  await expect(app.pushNow('Engineering')).rejects.toThrow(
    'Failed to push now "Engineering": its push to Acme SCIM is inactive; activate it first',
  )
})

it('pauses membership pushes while deactivated and pushes them at once on activation', async () => {
  const { org, app, jane, bob, ids, appMembers, sent } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  org.clearRequests()

  await app.setPushActive('Engineering', false)
  await org.groups.addMembers('Engineering', [bob.id])
  await org.groups.rename('Engineering', 'Platform')

  expect(sent()).toStrictEqual([])
  expect(app.pushedGroup('Platform')!.status).toBe('INACTIVE')
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.deactivate_mapping',
  })

  await app.setPushActive('Platform', true)

  expect(org.requests().map((request) => request.body)).toMatchObject([
    { Operations: [{ op: 'replace', value: { id: remoteId, displayName: 'Platform' } }] },
    {
      Operations: [
        {
          op: 'replace',
          path: 'members',
          value: [
            { value: ids.jane, display: 'jane@corp.example' },
            { value: ids.bob, display: 'bob@corp.example' },
          ],
        },
      ],
    },
  ])
  expect(appMembers(remoteId)).toStrictEqual([ids.jane, ids.bob])
  expect(app.pushedGroup('Platform')!.status).toBe('ACTIVE')
})

it('deletes the app group on unlink, and forgets it', async () => {
  const { provider, org, app, jane } = await setup('aiw')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!

  await app.unlinkGroup('Engineering', { deleteInApp: true })

  expect(provider.groups.get(remoteId)).toBeUndefined()
  expect(app.pushedGroups()).toStrictEqual([])
  expect(org.systemLog().at(-1)).toMatchObject({
    eventType: 'application.provision.group_push.removed',
    outcome: { result: 'SUCCESS' },
  })
})

it('leaves the app group on unlink without delete; a new push links it again', async () => {
  const { provider, org, app, jane, sent } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  org.clearRequests()

  await app.unlinkGroup('Engineering', { deleteInApp: false })

  expect(sent()).toStrictEqual([])
  expect(app.pushedGroup('Engineering')).toBeUndefined()
  expect(provider.groups.get(remoteId)).toBeDefined()

  // Okta's cache knows the app group it created: pushing again links it, no second create.
  await app.pushGroup('Engineering')
  expect(sent()[0]).toBe(`GET /Groups/${remoteId}`)
  expect(app.pushedGroup('Engineering')!.remoteId).toBe(remoteId)
  expect(provider.groups.list()).toHaveLength(1)
})

it('keeps the push when the delete fails, with a task whose Retry deletes again', async () => {
  const { provider, org, app, jane } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  provider.faults.add({ on: 'deleteGroup', respond: 'forbidden', times: 1 })

  await app.unlinkGroup('Engineering', { deleteInApp: true })

  expect(app.pushedGroup('Engineering')!.error).toMatch(
    new RegExp(
      `^${FAILED_ON}: Unable to update Group Push mapping target App group Engineering: Forbidden\\. Errors reported by remote server: `,
    ),
  )
  await org.tasks.retry(org.tasks.open()[0]!.id)
  expect(app.pushedGroups()).toStrictEqual([])
  expect(provider.groups.get(remoteId)).toBeUndefined()
  expect(org.tasks.open()).toStrictEqual([])
})

// Per-app settings and the group cache

it('pushes a new group without a filter call once the app groups were read, even when there were none', async () => {
  const { org, app, jane, sent } = await setup('oin')
  await app.saveProvisioning()
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  org.clearRequests()

  await app.pushGroup('Engineering')

  expect(sent()[0]).toBe('POST /Groups')
})

it('reads the group push choices of each app: no name reassertion when it is off', async () => {
  const { org, app, jane, bob, sent } = await setup('oin')
  org.groups.create({ name: 'Engineering', members: [jane.id] })
  await app.pushGroup('Engineering')
  const remoteId = app.pushedGroup('Engineering')!.remoteId!
  app.update({ groupPush: { nameReassertion: 'off' } })
  org.clearRequests()

  await org.groups.addMembers('Engineering', [bob.id])

  expect(sent()).toStrictEqual([`PATCH /Groups/${remoteId}`])
})
