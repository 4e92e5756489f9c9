import { expect, test } from 'vitest'
import { createResourceIds, resolveIdPlaceholders } from './resource-ids.js'
import { runScenario } from './run-scenario.js'

/** Jane, deleted and re-created (u1 then u3), and the group Sales (g1). */
function seen() {
  const ids = createResourceIds()
  ids.record([{ id: 'u1', userName: 'jane@example.com' }], [{ id: 'g1', displayName: 'Sales' }])
  ids.record([{ id: 'u2', userName: 'bob@example.com' }], [{ id: 'g1', displayName: 'Sales' }])
  ids.record([{ id: 'u3', userName: 'Jane@Example.com' }], [])
  return ids
}

test('a name resolves to its latest id, user names case-insensitively', () => {
  const ids = seen()

  expect(ids.resolve('jane@example.com')).toBe('u3')
  expect(ids.resolve('JANE@example.com')).toBe('u3')
  expect(ids.resolve('bob@example.com')).toBe('u2')
})

test('#n picks the nth id the name had, in the order they were seen', () => {
  const ids = seen()

  expect(ids.resolve('jane@example.com', 1)).toBe('u1')
  expect(ids.resolve('jane@example.com', 2)).toBe('u3')
  expect(() => ids.resolve('jane@example.com', 3)).toThrow(
    '{id:jane@example.com#3}: "jane@example.com" had only 2 ids in this run',
  )
})

test('a group is named by its displayName when no user has the name', () => {
  const ids = seen()
  ids.record([], [{ id: 'g2', displayName: 'Platform' }])
  ids.record([{ id: 'u4', userName: 'Platform' }], [])

  expect(ids.resolve('Sales')).toBe('g1')
  expect(ids.resolve('Platform')).toBe('u4')
})

test('an unknown name fails with the placeholder as written', () => {
  const ids = seen()

  expect(() => ids.resolve('bob@x')).toThrow('{id:bob@x} names no user or group seen in this run')
  ids.unavailable('control API not found')
  expect(() => ids.resolve('bob@x')).toThrow(
    "{id:bob@x} names no user or group seen in this run (the provider's users and groups could not be listed: control API not found)",
  )
})

test('resolveIdPlaceholders replaces every placeholder of a line, and nothing else', () => {
  const ids = seen()

  expect(
    resolveIdPlaceholders(
      'PATCH /Groups/{id:Sales}?x={id:jane@example.com#1}&y={id:jane@example.com} → 200',
      ids,
    ),
  ).toBe('PATCH /Groups/g1?x=u1&y=u3 → 200')
  expect(resolveIdPlaceholders('GET /Users?filter=userName eq "{jane}" → 200', ids)).toBe(
    'GET /Users?filter=userName eq "{jane}" → 200',
  )
})

test('a run resolves placeholders from the provider, after setup and after each step', async () => {
  const JANE = 'jane@corp.example'
  const result = await runScenario({
    name: 'placeholders',
    provider: { groups: [{ displayName: 'Sales' }] },
    okta: {
      users: [{ login: JANE, email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' }],
    },
    steps: [
      { assign: JANE },
      // Re-created in the provider: a new id, Okta still holds the first.
      { providerChange: { deleteUser: JANE } },
      { providerChange: { createUser: { userName: JANE } } },
      { updateUser: { user: JANE, profile: { title: 'CTO' } } },
      { expect: { requests: { subsequence: ['GET /Users/{id:jane@corp.example#1} → 404'] } } },
      { expect: { requests: { subsequence: ['GET /Groups/{id:Sales}'] } } },
      { expect: { requests: ['GET /Users/{id:bob@x}', 'GET /Users/{id:JANE@corp.example#3}'] } },
    ],
  })

  const [stale, group, unknown] = result.steps.slice(-3)
  expect(stale).toMatchObject({ passed: true })
  expect(group!.message).toMatch(
    /^requests: no request matches subsequence\[0\] "GET \/Groups\/[0-9a-f-]{36}"/,
  )
  expect(unknown).toMatchObject({
    passed: false,
    message: [
      'requests: {id:bob@x} names no user or group seen in this run',
      'requests: {id:JANE@corp.example#3}: "JANE@corp.example" had only 2 ids in this run',
    ].join('\n'),
  })
})
