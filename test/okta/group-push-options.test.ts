import { setupServer } from 'msw/node'
import { createScimProvider, type ScimProvider } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { resolveAppSettings } from '../../src/okta/okta-app-settings.js'
import { createGroupPushFlows, type GroupPushOptions } from '../../src/okta/flows/group-push.js'
import { changeOperations, replaceOperations } from '../../src/okta/flows/group-push-requests.js'
import type { AppContext } from '../../src/okta/okta-app-context.js'
import { createSimulatedClock } from '../../src/okta/okta-clock.js'
import type { OktaGroup, OktaUser } from '../../src/okta/okta-model.js'
import { createOktaScimClient, type OktaExchange } from '../../src/okta/okta-scim-client.js'
import { failOnUnhandled } from '../integration/scim-test-server.js'

// The Push Groups flows on their own, with a hand-made AppContext: the PATCH
// shapes the org's actions never combine (removals and additions in one
// change, okta-behavior.md §1.9d), and the options that set what the
// reference leaves [UNCONFIRMED] (§1.9c name reassertion, §1.9d/e AIW rounds).

const BASE_URL = 'https://flows.test/scim/v2'
const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Just enough of the settings for the batch helpers. */
const batchOf = (groupPushBatchSize: number) =>
  ({ app: { settings: { groupPushBatchSize } } }) as unknown as AppContext

const member = (n: number) => ({ value: `u${n}`, display: `user${n}@corp.example` })

it('puts removals first, one op each, then one add op, per batch of changes', () => {
  expect(changeOperations(batchOf(100), ['r1', 'r2'], [member(1), member(2)])).toStrictEqual([
    [
      { op: 'remove', path: 'members[value eq "r1"]' },
      { op: 'remove', path: 'members[value eq "r2"]' },
      { op: 'add', path: 'members', value: [member(1), member(2)] },
    ],
  ])
  expect(changeOperations(batchOf(2), ['r1', 'r2', 'r3'], [member(1), member(2)])).toStrictEqual([
    [
      { op: 'remove', path: 'members[value eq "r1"]' },
      { op: 'remove', path: 'members[value eq "r2"]' },
    ],
    [
      { op: 'remove', path: 'members[value eq "r3"]' },
      { op: 'add', path: 'members', value: [member(1)] },
    ],
    [{ op: 'add', path: 'members', value: [member(2)] }],
  ])
})

it('replaces with the first batch and adds the others, or replaces with [] when empty', () => {
  expect(replaceOperations(batchOf(2), [])).toStrictEqual([
    [{ op: 'replace', path: 'members', value: [] }],
  ])
  expect(replaceOperations(batchOf(2), [member(1), member(2), member(3)])).toStrictEqual([
    [{ op: 'replace', path: 'members', value: [member(1), member(2)] }],
    [{ op: 'add', path: 'members', value: [member(3)] }],
  ])
})

/**
 * An AppContext over the provider, as the org builds one: Jane and Bob
 * provisioned (SCIM users created directly), a pushed group "Engineering"
 * holding Jane.
 */
async function setup(mode: 'aiw' | 'oin', provider: ScimProvider) {
  server.use(...provider.handlers)
  const clock = createSimulatedClock()
  const sent: OktaExchange[] = []
  const client = createOktaScimClient({
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    fetch: (input, init) => fetch(input, init),
    clock,
    record: (exchange) => sent.push(exchange),
  })
  const settings = resolveAppSettings({
    label: 'Flows',
    baseUrl: BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    mode,
    mappings: ['userName'],
  })
  const users = new Map<string, OktaUser>()
  const context: AppContext = {
    clock,
    app: {
      id: '0oaFlows000000000000',
      settings,
      users: new Map(),
      imported: new Map(),
      pushedGroups: new Map(),
      groupCache: new Map(),
      groupCacheLoaded: false,
    },
    client,
    user: (id) => users.get(id)!,
    group: () => group,
    placeholderPassword: () => 'Pa55word',
    log: () => undefined,
    addTask: (task) => ({
      ...task,
      id: 'task-1',
      created: clock.now().toISOString(),
      status: 'OPEN',
      retryable: true,
      rateLimited: false,
    }),
    completeTasks: () => undefined,
    hooks: { afterUserProvisioned: [] },
  }
  const remote: Record<string, string> = {}
  for (const name of ['jane', 'bob']) {
    const id = `00u${name.padEnd(17, '0')}`
    const userName = `${name}@corp.example`
    users.set(id, {
      id,
      status: 'ACTIVE',
      profile: { login: userName, email: userName, firstName: name, lastName: 'Tester' },
    })
    remote[name] = (await provider.users.create({ userName })).id
    context.app.users.set(id, {
      userId: id,
      direct: true,
      groupIds: [],
      userName,
      remoteId: remote[name],
      status: 'PROVISIONED',
    })
  }
  const group: OktaGroup = { id: '00gEngineering000000', name: 'Engineering', members: [] }
  group.members.push([...users.keys()][0]!)
  return { context, group, sent, remote, bob: [...users.keys()][1]!, jane: group.members[0]! }
}

async function pushed(mode: 'aiw' | 'oin', options: Partial<GroupPushOptions> = {}) {
  const provider = createScimProvider({ baseUrl: BASE_URL, seed: { users: 0, seed: 1 } })
  const flows = createGroupPushFlows(options)
  const arranged = await setup(mode, provider)
  await flows.pushGroup(arranged.context, arranged.group, {})
  arranged.sent.length = 0
  const remoteId = arranged.context.app.pushedGroups.get(arranged.group.id)!.remoteId!
  return { ...arranged, flows, provider, remoteId }
}

it('sends a removal and an addition in one PATCH, after the name reassertion', async () => {
  const { flows, context, group, sent, remote, bob, jane, provider, remoteId } = await pushed('oin')
  group.members = [bob]

  await flows.membershipChanged(context, group, [bob], [jane])

  expect(sent.map((exchange) => exchange.body)).toStrictEqual([
    {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { id: remoteId, displayName: 'Engineering' } }],
    },
    {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'remove', path: `members[value eq "${remote.jane}"]` },
        {
          op: 'add',
          path: 'members',
          value: [{ value: remote.bob, display: 'bob@corp.example' }],
        },
      ],
    },
  ])
  expect(provider.groups.get(remoteId)!.members!.map((m) => m.value)).toStrictEqual([remote.bob])
  expect(context.app.pushedGroups.get(group.id)!.pushedMembers).toStrictEqual([remote.bob])
})

it.each([
  ['after', ['add', 'rename']],
  ['off', ['add']],
] as const)(
  'sends the name reassertion %s the membership PATCH',
  async (nameReassertion, order) => {
    const { flows, context, group, sent, bob } = await pushed('oin', { nameReassertion })
    group.members.push(bob)

    await flows.membershipChanged(context, group, [bob], [])

    expect(
      sent.map((exchange) => {
        const [operation] = (exchange.body as { Operations: Array<{ op: string }> }).Operations
        return operation!.op === 'replace' ? 'rename' : operation!.op
      }),
    ).toStrictEqual(order)
  },
)

it('sends no request when nothing changes for the app', async () => {
  const { flows, context, group, sent, jane } = await pushed('oin')

  // Jane was pushed already; an unknown user is no app user.
  await flows.membershipChanged(context, group, [jane], ['00uUnknown0000000000'])

  expect(sent).toStrictEqual([])
})

it('repeats the AIW GET and PUT as many times as configured', async () => {
  const { flows, context, group, sent, bob } = await pushed('aiw', {
    aiwMembershipRounds: 2,
    aiwPushNowRounds: 3,
  })
  group.members.push(bob)

  await flows.membershipChanged(context, group, [bob], [])
  expect(sent.map((exchange) => exchange.method)).toStrictEqual(['GET', 'PUT', 'GET', 'PUT'])

  sent.length = 0
  await flows.pushNow(context, group)
  expect(sent.map((exchange) => exchange.method)).toStrictEqual([
    'GET',
    'PUT',
    'GET',
    'PUT',
    'GET',
    'PUT',
  ])
})
