import { beforeEach, describe, expect, test } from 'vitest'
import { createScimService, type ScimService } from '../../src/index.js'
import { createOktaOrg, type OktaOrg } from '../../src/okta/index.js'
import { scimMatchers } from 'scim-mock/vitest'

expect.extend(scimMatchers)

const BASE_URL = 'https://acme.test/scim/v2'
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User'

let provider: ScimService

beforeEach(async () => {
  provider = createScimService({ baseUrl: BASE_URL, token: 'secret' })
  await provider.users.create({
    userName: 'ada@example.com',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [
      { value: 'ada@example.com', type: 'work', primary: true },
      { value: 'ada@home.example', type: 'home' },
    ],
    active: true,
  })
  await provider.users.create({ userName: 'grace@example.com', active: false })
})

/** Sends one request to the provider, without MSW. */
function send(method: string, path: string, body?: unknown) {
  return provider.handle(
    new Request(`${BASE_URL}${path}`, {
      method,
      headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
}

/** The message an assertion fails with. */
function failure(assertion: () => void): string {
  try {
    assertion()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the assertion to fail')
}

function oktaOrgFor(service: ScimService): OktaOrg {
  return createOktaOrg({ fetch: async (input, init) => service.handle(new Request(input, init)) })
}

describe('toHaveScimUser', () => {
  test('passes for a userName in another case', () => {
    expect(provider).toHaveScimUser('ADA@example.com')
    expect(provider).not.toHaveScimUser('nobody@example.com')
  })

  test('passes for a partial user: nested objects, some array items, asymmetric matchers', () => {
    expect(provider).toHaveScimUser({ userName: 'ada@example.com', name: { givenName: 'Ada' } })
    expect(provider).toHaveScimUser({ emails: [{ type: 'home' }] })
    expect(provider).toHaveScimUser({
      userName: expect.stringMatching(/^grace@/),
      active: false,
      meta: { resourceType: 'User' },
    })
    expect(provider).not.toHaveScimUser({ userName: 'ada@example.com', active: false })
  })

  test('fails with the userNames it has', () => {
    expect(failure(() => expect(provider).toHaveScimUser('nobody@example.com'))).toBe(
      'expected the provider to have a SCIM user with userName "nobody@example.com" (ignoring case); it has 2 users: "ada@example.com", "grace@example.com"',
    )
  })

  test('fails with the closest user and only the properties asked about', () => {
    let thrown: any
    try {
      expect(provider).toHaveScimUser({ userName: 'grace@example.com', active: true })
    } catch (error) {
      thrown = error
    }

    expect(thrown.message).toMatch(/^expected the provider to have a SCIM user matching\n/)
    expect(thrown.message).toContain('it has 2 users: "ada@example.com", "grace@example.com"')
    const grace = provider.users.findByUserName('grace@example.com')!
    expect(thrown.message).toContain(`the closest, user ${grace.id}, differs as the diff shows`)
    // Vitest diffs these: only the properties asked about, not meta or id.
    expect(thrown.actual).toEqual({ userName: 'grace@example.com', active: false })
    expect(thrown.expected).toEqual({ userName: 'grace@example.com', active: true })
  })

  test('fails under .not with the user that matches', () => {
    const ada = provider.users.findByUserName('ada@example.com')!
    expect(failure(() => expect(provider).not.toHaveScimUser('ada@EXAMPLE.com'))).toBe(
      `expected the provider not to have a SCIM user with userName "ada@EXAMPLE.com", but it has one: id ${ada.id}, userName "ada@example.com"`,
    )
  })

  test('says when the provider has no users', () => {
    const empty = createScimService()
    expect(failure(() => expect(empty).toHaveScimUser('ada@example.com'))).toMatch(
      /; it has no users$/,
    )
  })

  test('throws for something that is not a provider', () => {
    expect(() => expect({ users: [] }).toHaveScimUser('ada@example.com')).toThrow(
      'Failed to check toHaveScimUser: expected a scim-mock provider (createScimProvider() or createScimService()), received an object with keys users',
    )
  })
})

describe('toHaveScimGroup', () => {
  test('passes for a displayName or a partial group with some members', async () => {
    const ada = provider.users.findByUserName('ada@example.com')!
    await provider.groups.create({ displayName: 'Engineering', members: [{ value: ada.id }] })

    expect(provider).toHaveScimGroup('engineering')
    expect(provider).toHaveScimGroup({ displayName: 'Engineering', members: [{ value: ada.id }] })
    expect(provider).not.toHaveScimGroup('Sales')
  })

  test('fails with the displayNames it has', async () => {
    await provider.groups.create({ displayName: 'Engineering' })

    expect(failure(() => expect(provider).toHaveScimGroup('Sales'))).toBe(
      'expected the provider to have a SCIM group with displayName "Sales" (ignoring case); it has 1 group: "Engineering"',
    )
  })
})

describe('toHaveSentRequests', () => {
  test('compares the request log exactly, with decoded queries and optional statuses', async () => {
    await send('GET', `/Users?filter=${encodeURIComponent('userName eq "ada@example.com"')}`)
    await send('POST', '/Users', { schemas: [USER], userName: 'ada@example.com' })

    expect(provider).toHaveSentRequests([
      'GET /Users?filter=userName eq "ada@example.com" → 200',
      'POST /Users → 409',
    ])
    expect(provider).toHaveSentRequests([
      'GET /Users?filter=userName eq "ada@example.com"',
      'POST /Users',
    ])
    expect(provider).not.toHaveSentRequests(['POST /Users → 409'])
  })

  test('accepts an ordered subsequence', async () => {
    await send('GET', '/Users')
    await send('GET', '/Groups')
    await send('DELETE', '/Users/unknown')

    expect(provider).toHaveSentRequests(['GET /Users', 'DELETE /Users/unknown → 404'], {
      subsequence: true,
    })
    expect(provider).not.toHaveSentRequests(['DELETE /Users/unknown', 'GET /Users'], {
      subsequence: true,
    })
  })

  test('fails with a diff of what was expected and what was sent', async () => {
    await send('GET', '/Users')
    await send('POST', '/Users', { schemas: [USER], userName: 'ada@example.com' })

    expect(
      failure(() => expect(provider).toHaveSentRequests(['GET /Users → 200', 'POST /Users → 201'])),
    ).toBe(
      [
        'expected the provider to have sent these requests exactly:',
        '    GET /Users → 200',
        '    POST /Users → 201',
        'the requests differ (- expected, + sent):',
        '    GET /Users → 200',
        '  - POST /Users → 201',
        '  + POST /Users → 409',
      ].join('\n'),
    )
  })

  test('fails a subsequence with the line it could not find', async () => {
    await send('GET', '/Users')

    expect(
      failure(() =>
        expect(provider).toHaveSentRequests(['GET /Users', 'POST /Users'], { subsequence: true }),
      ),
    ).toBe(
      [
        'expected the provider to have sent these requests in this order, others allowed between:',
        '    GET /Users',
        '    POST /Users',
        'no request matches subsequence[1] "POST /Users" after the lines matched before it',
        '  sent:',
        '    1. GET /Users → 200',
      ].join('\n'),
    )
  })

  test('shows a dropped connection as no response', async () => {
    provider.faults.add({ on: 'listUsers', respond: 'networkError' })
    await send('GET', '/Users')

    expect(provider).toHaveSentRequests(['GET /Users → no response (network error)'])
  })

  test("reads an Okta org's requests in the same line format", async () => {
    const org = oktaOrgFor(provider)
    const app = org.apps.create({
      label: 'SCIM 2.0 Test App (OAuth Bearer Token)',
      mode: 'oin',
      baseUrl: BASE_URL,
      auth: { type: 'bearer', token: 'secret' },
    })
    const jane = org.users.create({
      login: 'jane@corp.example',
      email: 'jane.doe@example.com',
      firstName: 'Jane',
      lastName: 'Doe',
    })

    await app.assignUser(jane.id)

    const lines = [
      'GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200',
      'POST /Users → 201',
    ]
    expect(org).toHaveSentRequests(lines)
    expect(provider).toHaveSentRequests(lines)
  })

  test('throws for a line that is not a request line', () => {
    expect(() => expect(provider).toHaveSentRequests(['get /Users'])).toThrow(
      'Failed to check toHaveSentRequests: "get /Users" is not a request line: expected "METHOD /path?query → status", e.g. "POST /Users → 201"',
    )
    expect(() => expect('provider').toHaveSentRequests(['GET /Users'])).toThrow(
      'Failed to check toHaveSentRequests: expected a scim-mock provider or an Okta org, received string "provider"',
    )
  })
})

describe('toHaveOpenTask', () => {
  async function conflictOnAssign() {
    provider.faults.add({
      on: 'createUser',
      respond: 'conflict',
      detail: 'User with this email already exists',
    })
    const org = oktaOrgFor(provider)
    const app = org.apps.create({
      label: 'Acme',
      mode: 'oin',
      baseUrl: BASE_URL,
      auth: { type: 'bearer', token: 'secret' },
    })
    const jane = org.users.create({
      login: 'jane@corp.example',
      email: 'jane.doe@example.com',
      firstName: 'Jane',
      lastName: 'Doe',
    })
    await app.assignUser(jane.id)
    return org
  }

  test("passes for Okta's exact message or a RegExp", async () => {
    const org = await conflictOnAssign()

    expect(org).toHaveOpenTask(
      'Automatic provisioning of user Jane Doe to app Acme failed: Error while creating user jane@corp.example: Conflict. Errors reported by remote server: User with this email already exists',
    )
    expect(org).toHaveOpenTask(/Errors reported by remote server: User with this email/)
    expect(org).not.toHaveOpenTask(/License limit/)
  })

  test('fails with the open tasks it has', async () => {
    const org = await conflictOnAssign()

    expect(failure(() => expect(org).toHaveOpenTask('Error authenticating'))).toBe(
      [
        'expected the Okta org to have an open task "Error authenticating"; its 1 open task is:',
        '  - Automatic provisioning of user Jane Doe to app Acme failed: Error while creating user jane@corp.example: Conflict. Errors reported by remote server: User with this email already exists',
      ].join('\n'),
    )
  })

  test('says when a matching task was completed', async () => {
    const org = await conflictOnAssign()
    const [task] = org.tasks.open()
    org.tasks.complete(task!.id)

    expect(failure(() => expect(org).toHaveOpenTask(/Conflict/))).toBe(
      `expected the Okta org to have an open task /Conflict/; it has no open tasks\n(a matching task exists but is completed: ${task!.id})`,
    )
  })

  test('throws for something that is not an org', () => {
    expect(() => expect(provider).toHaveOpenTask('x')).toThrow(
      /^Failed to check toHaveOpenTask: expected an Okta org \(createOktaOrg\(\)\), received an object with keys /,
    )
  })
})
