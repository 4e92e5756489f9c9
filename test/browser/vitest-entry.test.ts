import { expect, test } from 'vitest'
import { createScimService } from '../../src/index.js'
import { expectScenario, scimMatchers, setupScimServer } from 'scim-mock/vitest'

// `scim-mock/vitest` resolves to its browser variant here (the `browser`
// export condition): everything but setupScimServer, which needs msw/node.

expect.extend(scimMatchers)

test('the matchers work in the browser', async () => {
  const provider = createScimService({ baseUrl: '/scim/v2' })
  await provider.users.create({ userName: 'ada@example.com' })

  expect(provider).toHaveScimUser('ADA@example.com')
  expect(provider).not.toHaveScimUser('grace@example.com')
})

test('a scenario runs in the browser', async () => {
  const result = await expectScenario({
    name: 'assign in the browser',
    okta: {
      users: [
        {
          login: 'jane@corp.example',
          email: 'jane@corp.example',
          firstName: 'Jane',
          lastName: 'Doe',
        },
      ],
    },
    steps: [
      { assign: 'jane@corp.example' },
      { expect: { tasks: [], provider: { users: { count: 1 } } } },
    ],
  })

  expect(result.passed).toBe(true)
})

test('setupScimServer says what to use instead', () => {
  expect(() => setupScimServer()).toThrow(
    /^Failed to set up the SCIM server: setupScimServer needs Node \(msw\/node\)\. In the browser, start MSW's worker instead/,
  )
})
