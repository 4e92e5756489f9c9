import { setupServer } from 'msw/node'
import { URN } from 'scim-mock'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { failOnUnhandled } from '../integration/scim-test-server.js'
import { logRows, sent, setupLifecycle } from './user-flow-helpers.js'

// Password sync (okta-behavior.md §1.7).

const server = setupServer()
beforeAll(() => server.listen(failOnUnhandled))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const setup = (options: Parameters<typeof setupLifecycle>[1] = {}) =>
  setupLifecycle(server, options)
const syncPassword = { syncPassword: true }
const PUSH_PASSWORD = [
  'application.provision.user.push_password',
  "Push user's password to application",
] as const

it('pushes a new password with GET, then a PUT of the GET body with the password (AIW)', async () => {
  const { org, app, jane } = setup({ app: { provisioning: syncPassword } })
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await org.users.setPassword(jane.id, 'N3w-Passw0rd!')

  expect(sent(org)).toStrictEqual([`GET /Users/${remoteId}`, `PUT /Users/${remoteId}`])
  const [get, put] = org.requests()
  expect(put!.body).toStrictEqual({ ...(get!.response as object), password: 'N3w-Passw0rd!' })
  expect(logRows(org).at(-1)).toStrictEqual([...PUSH_PASSWORD, 'SUCCESS'])
})

it('pushes a new password with one path-less PATCH (OIN)', async () => {
  const { org, app, jane } = setup({ app: { mode: 'oin', provisioning: syncPassword } })
  await app.assignUser(jane.id)
  const remoteId = app.appUser(jane.id)!.remoteId!
  org.clearRequests()

  await org.users.setPassword(jane.id, 'N3w-Passw0rd!')

  expect(sent(org)).toStrictEqual([`PATCH /Users/${remoteId}`])
  expect(org.requests()[0]!.body).toStrictEqual({
    schemas: [URN.patchOp],
    Operations: [{ op: 'replace', value: { password: 'N3w-Passw0rd!' } }],
  })
  expect(logRows(org).at(-1)).toStrictEqual([...PUSH_PASSWORD, 'SUCCESS'])
})

it('sends nothing with Sync Password off, or for a user not linked', async () => {
  const off = setup()
  await off.app.assignUser(off.jane.id)
  off.org.clearRequests()
  await off.org.users.setPassword(off.jane.id, 'N3w-Passw0rd!')
  expect(sent(off.org)).toStrictEqual([])

  const unlinked = setup({ app: { provisioning: syncPassword } })
  unlinked.provider.faults.add({ on: 'createUser', respond: 'conflict' })
  await unlinked.app.assignUser(unlinked.jane.id)
  unlinked.org.clearRequests()
  await unlinked.org.users.setPassword(unlinked.jane.id, 'N3w-Passw0rd!')
  expect(sent(unlinked.org)).toStrictEqual([])
})

it('opens a task on a failed password push whose Retry sends the same password', async () => {
  const { org, provider, app, jane } = setup({ app: { mode: 'oin', provisioning: syncPassword } })
  await app.assignUser(jane.id)
  const fault = provider.faults.add({ on: 'patchUser', respond: 'serverError', status: 503 })

  await org.users.setPassword(jane.id, 'N3w-Passw0rd!')

  const message =
    'Automatic provisioning of user Jane Doe to app Acme failed: Error while trying to push password update for jane@corp.example: Service Unavailable. Errors reported by remote server: Service Unavailable'
  expect(logRows(org).at(-1)).toStrictEqual([...PUSH_PASSWORD, 'FAILURE', message])
  const [task] = org.tasks.open()
  expect(task).toMatchObject({ kind: 'provisioning', message, retryable: true })

  provider.faults.remove(fault.id)
  org.clearRequests()
  await org.tasks.retry(task!.id)

  expect(org.requests().map((request) => request.body)).toStrictEqual([
    {
      schemas: [URN.patchOp],
      Operations: [{ op: 'replace', value: { password: 'N3w-Passw0rd!' } }],
    },
  ])
  expect(org.tasks.open()).toStrictEqual([])
})
