import { URN } from 'scim-mock'
import { expect, it } from 'vitest'
import {
  createGroup,
  createUser,
  expectRejected,
  patchBody,
  send,
  useScimServer,
} from './scim-test-server.js'

const { provider } = useScimServer()

const patch = (
  kind: 'Users' | 'Groups',
  id: string,
  ...operations: Array<Record<string, unknown>>
) => send('PATCH', `/${kind}/${id}`, { json: patchBody(...operations) })

const memberIds = (group: { members?: Array<{ value: string }> }) =>
  (group.members ?? []).map((member) => member.value)

function newJane() {
  return createUser('jane@example.com', {
    name: { givenName: 'Jane', familyName: 'Doe' },
    displayName: 'Jane Doe',
    active: true,
    emails: [
      { value: 'jane@work.example', type: 'work', primary: true },
      { value: 'jane@home.example', type: 'home' },
    ],
  })
}

it('deactivates a user the way Okta does, with a path-less replace', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, { op: 'replace', value: { active: false } })

  expect(result.status).toBe(200)
  expect(result.body.active).toBe(false)
  expect(result.body.meta.version).not.toBe(user.meta.version)
  expect(result.headers.get('etag')).toBe(result.body.meta.version)
  expect(provider.users.get(user.id)).toStrictEqual(result.body)
})

it('deactivates a user the way Entra does, with "Replace" and the string "False"', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, { op: 'Replace', path: 'active', value: 'False' })

  expect(result.status).toBe(200)
  expect(result.body.active).toBe(false)
})

it('replaces name.givenName given as a key of a path-less value, keeping familyName', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'replace',
    value: { 'name.givenName': 'Janet' },
  })

  expect(result.status).toBe(200)
  expect(result.body.name).toEqual({ givenName: 'Janet', familyName: 'Doe' })
})

it('replaces name.givenName by path', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'replace',
    path: 'name.givenName',
    value: 'Janet',
  })

  expect(result.body.name).toEqual({ givenName: 'Janet', familyName: 'Doe' })
})

it('replaces the value of the work email only, through a value filter path', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'replace',
    path: 'emails[type eq "work"].value',
    value: 'janet@work.example',
  })

  expect(result.status).toBe(200)
  expect(result.body.emails).toEqual([
    { value: 'janet@work.example', type: 'work', primary: true },
    { value: 'jane@home.example', type: 'home' },
  ])
})

it('removes the emails a value filter selects', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, { op: 'remove', path: 'emails[type eq "home"]' })

  expect(result.body.emails).toEqual([{ value: 'jane@work.example', type: 'work', primary: true }])
})

it('sets an enterprise attribute through its fully qualified path', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'add',
    path: `${URN.enterpriseUser}:department`,
    value: 'Research',
  })

  expect(result.status).toBe(200)
  expect(result.body[URN.enterpriseUser]).toEqual({ department: 'Research' })
  expect(result.body.schemas).toEqual([URN.user, URN.enterpriseUser])
})

it('sets the enterprise manager through a sub-attribute path', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'replace',
    path: `${URN.enterpriseUser}:manager.value`,
    value: 'boss-id',
  })

  expect(result.body[URN.enterpriseUser]).toEqual({ manager: { value: 'boss-id' } })
})

it('sets enterprise attributes given as the URN key of a path-less value', async () => {
  const user = await newJane()

  const result = await patch('Users', user.id, {
    op: 'replace',
    value: { [URN.enterpriseUser]: { employeeNumber: '701984', costCenter: '4130' } },
  })

  expect(result.body[URN.enterpriseUser]).toEqual({ employeeNumber: '701984', costCenter: '4130' })
})

it('removes the last enterprise attribute and with it the extension URN', async () => {
  const user = await createUser('ext@example.com', {
    [URN.enterpriseUser]: { department: 'Sales' },
  })
  expect(user.schemas).toContain(URN.enterpriseUser)

  const result = await patch('Users', user.id, {
    op: 'remove',
    path: `${URN.enterpriseUser}:department`,
  })

  expect(result.status).toBe(200)
  expect(result.body).not.toHaveProperty(URN.enterpriseUser)
  expect(result.body.schemas).toEqual([URN.user])
})

it('adds members to a group and shows the group on the user', async () => {
  const [alice, bob] = provider.users.list()
  const group = await createGroup('Team')

  const result = await patch('Groups', group.id, {
    op: 'add',
    path: 'members',
    value: [{ value: alice!.id }, { value: bob!.id }],
  })

  expect(result.status).toBe(200)
  expect(memberIds(result.body)).toEqual([alice!.id, bob!.id])
  expect(provider.users.get(alice!.id)!.groups).toContainEqual(
    expect.objectContaining({ value: group.id, display: 'Team' }),
  )
})

it('removes one member with a members[value eq "id"] filter', async () => {
  const [alice, bob] = provider.users.list()
  const group = await createGroup('Team', { members: [{ value: alice!.id }, { value: bob!.id }] })

  const result = await patch('Groups', group.id, {
    op: 'remove',
    path: `members[value eq "${alice!.id}"]`,
  })

  expect(result.status).toBe(200)
  expect(memberIds(result.body)).toEqual([bob!.id])
})

it('removes members given as a value array on a members path', async () => {
  const [alice, bob, carol] = provider.users.list()
  const group = await createGroup('Team', {
    members: [{ value: alice!.id }, { value: bob!.id }, { value: carol!.id }],
  })

  const result = await patch('Groups', group.id, {
    op: 'Remove',
    path: 'members',
    value: [{ value: alice!.id }, { value: carol!.id }],
  })

  expect(result.status).toBe(200)
  expect(memberIds(result.body)).toEqual([bob!.id])
})

it('removes every member on a remove of members without a value', async () => {
  const [alice] = provider.users.list()
  const group = await createGroup('Team', { members: [{ value: alice!.id }] })

  const result = await patch('Groups', group.id, { op: 'remove', path: 'members' })

  expect(result.status).toBe(200)
  expect(result.body).not.toHaveProperty('members')
})

it('answers 200 and keeps the version when removing a member that is already gone', async () => {
  const group = await createGroup('Team')

  const result = await patch('Groups', group.id, {
    op: 'remove',
    path: 'members[value eq "gone"]',
  })

  expect(result.status).toBe(200)
  expect(result.body.meta.version).toBe(group.meta.version)
})

it('keeps the version when a PATCH re-adds an existing member', async () => {
  const [alice] = provider.users.list()
  const group = await createGroup('Team', { members: [{ value: alice!.id }] })

  const result = await patch('Groups', group.id, {
    op: 'add',
    path: 'members',
    value: [{ value: alice!.id }],
  })

  expect(result.status).toBe(200)
  expect(result.body.meta.version).toBe(group.meta.version)
  expect(memberIds(result.body)).toEqual([alice!.id])
})

it('renames a group the way Okta does, echoing its id in the value', async () => {
  const group = await createGroup('Old')

  const result = await patch('Groups', group.id, {
    op: 'replace',
    value: { id: group.id, displayName: 'New' },
  })

  expect(result.status).toBe(200)
  expect(result.body.displayName).toBe('New')
  expect(provider.groups.get(group.id)!.displayName).toBe('New')
})

it('renames a group with a displayName path', async () => {
  const group = await createGroup('Old')

  const result = await patch('Groups', group.id, {
    op: 'replace',
    path: 'displayName',
    value: 'New',
  })

  expect(result.body.displayName).toBe('New')
})

it('leaves the resource and its version unchanged when a later operation fails', async () => {
  const user = await newJane()

  await expectRejected(
    provider,
    () =>
      patch(
        'Users',
        user.id,
        { op: 'replace', path: 'displayName', value: 'Half applied' },
        { op: 'replace', path: 'active', value: 'maybe' },
      ),
    400,
    'invalidValue',
  )
  expect(provider.users.get(user.id)).toStrictEqual(user)
})

it('leaves a group unchanged when a later operation names an unknown member', async () => {
  const [alice] = provider.users.list()
  const group = await createGroup('Team')

  await expectRejected(
    provider,
    () =>
      patch(
        'Groups',
        group.id,
        { op: 'add', path: 'members', value: [{ value: alice!.id }] },
        { op: 'add', path: 'members', value: [{ value: 'nobody' }] },
      ),
    400,
    'invalidValue',
  )
  expect(provider.groups.get(group.id)).toStrictEqual(group)
})

it.each([
  ['id', { op: 'replace', path: 'id', value: 'other' }],
  ['meta.created', { op: 'replace', path: 'meta.created', value: '2000-01-01T00:00:00Z' }],
  ['groups', { op: 'remove', path: 'groups' }],
  ['a path-less id', { op: 'replace', value: { id: 'other' } }],
])('returns 400 mutability on a PATCH of readOnly %s', async (_name, operation) => {
  const user = await newJane()

  await expectRejected(provider, () => patch('Users', user.id, operation), 400, 'mutability')
})

it('returns 400 mutability on a PATCH that changes an immutable member value', async () => {
  const [alice, bob] = provider.users.list()
  const group = await createGroup('Team', { members: [{ value: alice!.id }] })

  await expectRejected(
    provider,
    () =>
      patch('Groups', group.id, {
        op: 'replace',
        path: `members[value eq "${alice!.id}"].value`,
        value: bob!.id,
      }),
    400,
    'mutability',
  )
})

it('returns 400 mutability on a PATCH that removes the required userName', async () => {
  const user = await newJane()

  await expectRejected(
    provider,
    () => patch('Users', user.id, { op: 'remove', path: 'userName' }),
    400,
    'mutability',
  )
})

it.each([
  [
    'no PatchOp schema',
    { Operations: [{ op: 'replace', value: { active: false } }] },
    'invalidValue',
  ],
  ['empty Operations', { schemas: [URN.patchOp], Operations: [] }, 'invalidValue'],
  ['Operations not an array', { schemas: [URN.patchOp], Operations: {} }, 'invalidSyntax'],
  [
    'an unknown op',
    { schemas: [URN.patchOp], Operations: [{ op: 'merge', value: {} }] },
    'invalidValue',
  ],
  ['a path that is not a string', patchBody({ op: 'replace', path: 7, value: 1 }), 'invalidPath'],
  [
    'a malformed path',
    patchBody({ op: 'replace', path: 'name..givenName', value: 'x' }),
    'invalidPath',
  ],
  // RFC 7644 §3.12 Table 9 lists invalidFilter for PATCH path filters.
  [
    'a malformed path filter',
    patchBody({ op: 'replace', path: 'emails[type eq', value: 'x' }),
    'invalidFilter',
  ],
  [
    'an unknown attribute path',
    patchBody({ op: 'replace', path: 'shoeSize', value: 9 }),
    'invalidPath',
  ],
  ['a remove without path', patchBody({ op: 'remove' }), 'noTarget'],
  [
    'a replace whose filter matches nothing',
    patchBody({ op: 'replace', path: 'emails[type eq "other"].value', value: 'x' }),
    'noTarget',
  ],
  ['an add without value', patchBody({ op: 'add', path: 'title' }), 'invalidValue'],
  [
    'a path-less value that is not an object',
    patchBody({ op: 'replace', value: 'x' }),
    'invalidValue',
  ],
])('returns 400 %s', async (_name, body, scimType) => {
  const user = await newJane()

  await expectRejected(
    provider,
    () => send('PATCH', `/Users/${user.id}`, { json: body }),
    400,
    scimType,
  )
})

it('returns 404 for a PATCH of an unknown user', async () => {
  await expectRejected(
    provider,
    () => patch('Users', 'no-such-user', { op: 'replace', value: { active: false } }),
    404,
  )
})
