import { expect, test } from 'vitest'
import type { ScimResource } from '../resource/scim-resource.js'
import type { ResourceSchema } from '../schema/attribute-definition.js'
import { groupResourceSchema, userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError, type ScimType } from '../scim-error.js'
import { applyPatch } from './apply-patch.js'

const ENTERPRISE = URN.enterpriseUser
const meta = {
  resourceType: 'User',
  created: '2024-01-01T00:00:00Z',
  lastModified: '2024-01-01T00:00:00Z',
}

const user = (): ScimResource => ({
  schemas: [URN.user, ENTERPRISE],
  id: 'u1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs Jensen',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@home.example', type: 'home' },
  ],
  [ENTERPRISE]: { department: 'R&D', manager: { value: 'm1' } },
  meta: { ...meta },
})

const bareUser = (): ScimResource => ({
  schemas: [URN.user],
  id: 'u2',
  userName: 'jsmith',
  meta: { ...meta },
})

const group = (): ScimResource => ({
  schemas: [URN.group],
  id: 'g1',
  displayName: 'Admins',
  members: [{ value: 'u1', type: 'User' }, { value: 'u2' }],
  meta: { ...meta, resourceType: 'Group' },
})

const patch = (...Operations: unknown[]) => ({ schemas: [URN.patchOp], Operations })

interface SuccessCase {
  name: string
  resource: () => ScimResource
  schema?: ResourceSchema
  operations: unknown[]
  /** Attributes of the result; `undefined` means the attribute is absent. */
  expected: Record<string, unknown>
  changed?: boolean
}

const successes: SuccessCase[] = [
  {
    name: 'deactivates a user the Okta way (replace without path)',
    resource: user,
    operations: [{ op: 'replace', value: { active: false } }],
    expected: { active: false },
  },
  {
    name: 'reactivates a user the Okta way',
    resource: () => ({ ...user(), active: false }),
    operations: [{ op: 'replace', value: { active: true } }],
    expected: { active: true },
  },
  {
    name: 'changes the password the Okta way',
    resource: user,
    operations: [{ op: 'replace', value: { password: 'n3w-Secret' } }],
    expected: { password: 'n3w-Secret' },
  },
  {
    name: 'adds group members the Okta way, dropping the readOnly display',
    resource: group,
    schema: groupResourceSchema,
    operations: [
      { op: 'add', path: 'members', value: [{ value: 'u3', display: 'carol@example.com' }] },
    ],
    expected: { members: [{ value: 'u1', type: 'User' }, { value: 'u2' }, { value: 'u3' }] },
  },
  {
    name: 'removes a member by filter the Okta way',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'remove', path: 'members[value eq "u1"]' }],
    expected: { members: [{ value: 'u2' }] },
  },
  {
    name: 'removes nothing when the member filter matches no member',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'remove', path: 'members[value eq "gone"]' }],
    expected: { members: [{ value: 'u1', type: 'User' }, { value: 'u2' }] },
    changed: false,
  },
  {
    name: 'renames a group the Okta way, ignoring the unchanged id',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'replace', value: { id: 'g1', displayName: 'Operators' } }],
    expected: { id: 'g1', displayName: 'Operators' },
  },
  {
    name: 'stores false for the Entra "Replace" with "False"',
    resource: user,
    operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    expected: { active: false },
  },
  {
    name: 'sets a sub-attribute from the Entra dotted key without path',
    resource: user,
    operations: [{ op: 'Add', value: { 'name.givenName': 'Barb' } }],
    expected: { name: { givenName: 'Barb', familyName: 'Jensen' } },
  },
  {
    name: 'targets name.givenName for Name.GivenName without creating a key',
    resource: user,
    operations: [{ op: 'replace', path: 'Name.GivenName', value: 'Barb' }],
    expected: { name: { givenName: 'Barb', familyName: 'Jensen' }, Name: undefined },
  },
  {
    name: 'replaces the value of the work email',
    resource: user,
    operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'b@example.com' }],
    expected: {
      emails: [
        { value: 'b@example.com', type: 'work', primary: true },
        { value: 'babs@home.example', type: 'home' },
      ],
    },
  },
  {
    name: 'sets the value of the matching email on add',
    resource: user,
    operations: [{ op: 'add', path: 'emails[type eq "home"].value', value: 'b@home.example' }],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'b@home.example', type: 'home' },
      ],
    },
  },
  {
    name: 'creates the work email on the Entra add when none matches',
    resource: bareUser,
    operations: [{ op: 'Add', path: 'emails[type eq "work"].value', value: 'js@example.com' }],
    expected: { emails: [{ type: 'work', value: 'js@example.com' }] },
  },
  {
    name: 'creates a value from an and of eq filters',
    resource: user,
    operations: [
      {
        op: 'add',
        path: 'emails[type eq "other" and primary eq true].value',
        value: 'o@example.com',
      },
    ],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: false },
        { value: 'babs@home.example', type: 'home' },
        { type: 'other', primary: true, value: 'o@example.com' },
      ],
    },
  },
  {
    name: 'replaces an enterprise attribute by URN path',
    resource: user,
    operations: [{ op: 'replace', path: `${ENTERPRISE}:department`, value: 'Ops' }],
    expected: { [ENTERPRISE]: { department: 'Ops', manager: { value: 'm1' } } },
  },
  {
    name: 'replaces the manager value by URN path',
    resource: user,
    operations: [{ op: 'replace', path: `${ENTERPRISE}:manager.value`, value: 'm2' }],
    expected: { [ENTERPRISE]: { department: 'R&D', manager: { value: 'm2' } } },
  },
  {
    name: 'accepts the Entra bare manager id',
    resource: user,
    operations: [{ op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'm3' }],
    expected: { [ENTERPRISE]: { department: 'R&D', manager: { value: 'm3' } } },
  },
  {
    name: 'merges an object into the bare extension URN path',
    resource: user,
    operations: [
      { op: 'add', path: ENTERPRISE, value: { employeeNumber: '42', Department: 'Ops' } },
    ],
    expected: {
      [ENTERPRISE]: { department: 'Ops', manager: { value: 'm1' }, employeeNumber: '42' },
    },
  },
  {
    name: 'accepts URN-qualified and extension keys without path',
    resource: user,
    operations: [
      {
        op: 'replace',
        value: { [`${ENTERPRISE}:department`]: 'Ops', [ENTERPRISE]: { costCenter: 'CC-1' } },
      },
    ],
    expected: {
      [ENTERPRISE]: { department: 'Ops', manager: { value: 'm1' }, costCenter: 'CC-1' },
    },
  },
  {
    name: 'adds the extension URN to schemas with the first extension attribute',
    resource: bareUser,
    operations: [{ op: 'add', path: `${ENTERPRISE}:department`, value: 'R&D' }],
    expected: { schemas: [URN.user, ENTERPRISE], [ENTERPRISE]: { department: 'R&D' } },
  },
  {
    name: 'drops the extension and its URN with its last attribute',
    resource: () => ({ ...user(), [ENTERPRISE]: { department: 'R&D' } }),
    operations: [{ op: 'remove', path: `${ENTERPRISE}:department` }],
    expected: { schemas: [URN.user], [ENTERPRISE]: undefined },
  },
  {
    name: 'removes a whole extension by its URN',
    resource: user,
    operations: [{ op: 'remove', path: ENTERPRISE }],
    expected: { schemas: [URN.user], [ENTERPRISE]: undefined },
  },
  {
    name: 'removes all members',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'remove', path: 'members' }],
    expected: { members: undefined },
  },
  {
    name: 'removes just the members listed in the value',
    resource: () => ({ ...group(), members: [{ value: 'u1' }, { value: 'u2' }, { value: 'u3' }] }),
    schema: groupResourceSchema,
    operations: [
      { op: 'remove', path: 'members', value: [{ value: 'u1' }, { value: 'u3', display: 'C' }] },
    ],
    expected: { members: [{ value: 'u2' }] },
  },
  {
    name: 'leaves members unassigned when the value list removes them all',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'remove', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] }],
    expected: { members: undefined },
  },
  {
    name: 'changes nothing when adding a member already present',
    resource: group,
    schema: groupResourceSchema,
    operations: [
      { op: 'add', path: 'members', value: [{ value: 'u1', display: 'Ann' }, { value: 'u2' }] },
    ],
    expected: { members: [{ value: 'u1', type: 'User' }, { value: 'u2' }] },
    changed: false,
  },
  {
    name: 'adds a member given as a single object',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'add', path: 'members', value: { value: 'u3' } }],
    expected: { members: [{ value: 'u1', type: 'User' }, { value: 'u2' }, { value: 'u3' }] },
  },
  {
    name: 'replaces all members',
    resource: group,
    schema: groupResourceSchema,
    operations: [{ op: 'replace', path: 'members', value: [{ value: 'u9' }] }],
    expected: { members: [{ value: 'u9' }] },
  },
  {
    name: 'changes nothing when adding an email already present',
    resource: user,
    operations: [
      { op: 'add', path: 'emails', value: [{ value: 'babs@home.example', type: 'home' }] },
    ],
    expected: { emails: user().emails },
    changed: false,
  },
  {
    name: 'makes the other email non-primary when adding a primary one',
    resource: user,
    operations: [
      { op: 'add', path: 'emails', value: [{ value: 'new@example.com', primary: true }] },
    ],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: false },
        { value: 'babs@home.example', type: 'home' },
        { value: 'new@example.com', primary: true },
      ],
    },
  },
  {
    name: 'moves primary when a filtered replace sets it',
    resource: user,
    operations: [{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: false },
        { value: 'babs@home.example', type: 'home', primary: true },
      ],
    },
  },
  {
    name: 'merges sub-attributes into the values a filter selects',
    resource: user,
    operations: [
      { op: 'replace', path: 'emails[type eq "home"]', value: { value: 'x@home.example' } },
    ],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'x@home.example', type: 'home' },
      ],
    },
  },
  {
    name: 'replaces a whole multi-valued attribute',
    resource: user,
    operations: [{ op: 'replace', path: 'emails', value: [{ value: 'only@example.com' }] }],
    expected: { emails: [{ value: 'only@example.com' }] },
  },
  {
    name: 'merges a complex replace, keeping the sub-attributes not given',
    resource: user,
    operations: [{ op: 'replace', path: 'name', value: { givenName: 'Barb', middleName: null } }],
    expected: { name: { givenName: 'Barb', familyName: 'Jensen' } },
  },
  {
    name: 'treats a replace of an unset attribute as an add',
    resource: user,
    operations: [{ op: 'replace', path: 'title', value: 'CEO' }],
    expected: { title: 'CEO' },
  },
  {
    name: 'unassigns an attribute replaced with null',
    resource: () => ({ ...user(), title: 'CEO' }),
    operations: [{ op: 'replace', value: { title: null } }],
    expected: { title: undefined },
  },
  {
    name: 'removes the emails a filter selects',
    resource: user,
    operations: [{ op: 'remove', path: 'emails[type eq "home"]' }],
    expected: { emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }] },
  },
  {
    name: 'removes a sub-attribute from the values a filter selects',
    resource: user,
    operations: [{ op: 'remove', path: 'emails[type eq "home"].type' }],
    expected: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@home.example' },
      ],
    },
  },
  {
    name: 'removes a sub-attribute of a complex attribute',
    resource: user,
    operations: [{ op: 'remove', path: 'name.givenName' }],
    expected: { name: { familyName: 'Jensen' } },
  },
  {
    name: 'removes the manager by URN path',
    resource: user,
    operations: [{ op: 'remove', path: `${ENTERPRISE}:manager` }],
    expected: { [ENTERPRISE]: { department: 'R&D' } },
  },
  {
    name: 'changes nothing when removing an unset attribute',
    resource: user,
    operations: [{ op: 'remove', path: 'nickName' }],
    expected: { nickName: undefined },
    changed: false,
  },
  {
    name: 'accepts ops in any case',
    resource: user,
    operations: [
      { op: 'ADD', path: 'title', value: 'CEO' },
      { op: 'REMOVE', path: 'displayName' },
    ],
    expected: { title: 'CEO', displayName: undefined },
  },
  {
    name: 'applies operations in order, each seeing the previous result',
    resource: bareUser,
    operations: [
      { op: 'add', path: 'emails', value: [{ value: 'a@example.com', type: 'work' }] },
      { op: 'replace', path: 'emails[type eq "work"].primary', value: 'True' },
    ],
    expected: { emails: [{ value: 'a@example.com', type: 'work', primary: true }] },
  },
  {
    name: 'ignores schemas in a value without path',
    resource: user,
    operations: [{ op: 'replace', value: { schemas: [URN.user], displayName: 'B' } }],
    expected: { schemas: [URN.user, ENTERPRISE], displayName: 'B' },
  },
]

test.each(successes)('$name', ({ resource, schema, operations, expected, changed }) => {
  const input = resource()
  const before = structuredClone(input)
  const result = applyPatch(input, patch(...operations), schema ?? userResourceSchema)
  for (const [key, value] of Object.entries(expected)) {
    expect(result.resource[key], key).toEqual(value)
    if (value === undefined) expect(Object.hasOwn(result.resource, key), key).toBe(false)
  }
  expect(result.changed).toBe(changed ?? true)
  expect(input).toEqual(before)
  expect(result.resource).not.toBe(input)
})

interface ErrorCase {
  name: string
  resource?: () => ScimResource
  schema?: ResourceSchema
  body: unknown
  scimType: ScimType
  detail?: string
}

const errors: ErrorCase[] = [
  { name: 'rejects a body that is not an object', body: [], scimType: 'invalidSyntax' },
  {
    name: 'rejects a body without the PatchOp URN',
    body: { schemas: [URN.user], Operations: [{ op: 'add', path: 'title', value: 'x' }] },
    scimType: 'invalidValue',
    detail: `schemas must include ${URN.patchOp}`,
  },
  {
    name: 'rejects a body without Operations',
    body: { schemas: [URN.patchOp] },
    scimType: 'invalidSyntax',
  },
  { name: 'rejects empty Operations', body: patch(), scimType: 'invalidValue' },
  {
    name: 'rejects an operation that is not an object',
    body: patch('add'),
    scimType: 'invalidSyntax',
  },
  {
    name: 'rejects an unknown op',
    body: patch({ op: 'foo', path: 'title', value: 'x' }),
    scimType: 'invalidValue',
    detail: 'Unknown PATCH op "foo" in Operations[0]',
  },
  {
    name: 'rejects a remove without path with noTarget',
    body: patch({ op: 'remove', value: { title: 'x' } }),
    scimType: 'noTarget',
  },
  {
    name: 'rejects an add without path whose value is not an object',
    body: patch({ op: 'add', value: 'x' }),
    scimType: 'invalidValue',
  },
  {
    name: 'rejects an add with path and no value',
    body: patch({ op: 'add', path: 'title' }),
    scimType: 'invalidValue',
  },
  {
    name: 'rejects an unknown attribute path',
    body: patch({ op: 'replace', path: 'favouriteColour', value: 'blue' }),
    scimType: 'invalidPath',
    detail: '"favouriteColour" names no attribute of User',
  },
  {
    name: 'rejects an unknown key in a value without path',
    body: patch({ op: 'replace', value: { favouriteColour: 'blue' } }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects an unknown sub-attribute',
    body: patch({ op: 'replace', path: 'name.nick', value: 'B' }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects an unknown attribute in an extension object',
    body: patch({ op: 'add', path: ENTERPRISE, value: { shoeSize: '44' } }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects a malformed path',
    body: patch({ op: 'replace', path: 'name..givenName', value: 'B' }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects a value filter on a single-valued attribute',
    body: patch({ op: 'replace', path: 'name[givenName eq "B"]', value: { givenName: 'C' } }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects a sub-attribute of a multi-valued attribute without filter',
    body: patch({ op: 'replace', path: 'emails.value', value: 'x@example.com' }),
    scimType: 'invalidPath',
  },
  {
    name: 'rejects a replace of id',
    body: patch({ op: 'replace', path: 'id', value: 'u9' }),
    scimType: 'mutability',
    detail: 'Attribute "id" is readOnly',
  },
  {
    name: 'rejects a different id in a value without path',
    body: patch({ op: 'replace', value: { id: 'u9', displayName: 'B' } }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a replace of meta',
    body: patch({ op: 'replace', path: 'meta', value: { resourceType: 'Group' } }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a replace of meta.created',
    body: patch({ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }),
    scimType: 'mutability',
    detail: 'Attribute "meta" is readOnly',
  },
  {
    name: 'rejects an add to groups',
    body: patch({ op: 'add', path: 'groups', value: [{ value: 'g1' }] }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a remove of groups',
    body: patch({ op: 'remove', path: 'groups[value eq "g1"]' }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a replace of the readOnly manager displayName',
    body: patch({ op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'Boss' }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a change of the readOnly member display',
    resource: group,
    schema: groupResourceSchema,
    body: patch({ op: 'replace', path: 'members[value eq "u1"].display', value: 'Ann' }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a change of the immutable member value',
    resource: group,
    schema: groupResourceSchema,
    body: patch({ op: 'replace', path: 'members[value eq "u1"].value', value: 'u9' }),
    scimType: 'mutability',
    detail: 'Attribute "members.value" is immutable and already has a value',
  },
  {
    name: 'rejects a remove of userName',
    body: patch({ op: 'remove', path: 'userName' }),
    scimType: 'mutability',
    detail: 'Attribute "userName" is required and cannot be removed',
  },
  {
    name: 'rejects a replace of userName with null',
    body: patch({ op: 'replace', path: 'userName', value: null }),
    scimType: 'mutability',
  },
  {
    name: 'rejects an empty userName',
    body: patch({ op: 'replace', value: { userName: '' } }),
    scimType: 'invalidValue',
    detail: 'Attribute "userName" is required',
  },
  {
    name: 'rejects a remove of the group displayName',
    resource: group,
    schema: groupResourceSchema,
    body: patch({ op: 'remove', path: 'displayName' }),
    scimType: 'mutability',
  },
  {
    name: 'rejects a replace whose filter matches nothing with noTarget',
    body: patch({ op: 'replace', path: 'emails[type eq "other"].value', value: 'o@example.com' }),
    scimType: 'noTarget',
  },
  {
    name: 'rejects an add whose filter matches nothing and describes no value',
    body: patch({ op: 'add', path: 'emails[value co "nobody"].type', value: 'other' }),
    scimType: 'noTarget',
  },
  {
    name: 'rejects a value of the wrong type',
    body: patch({ op: 'replace', path: 'active', value: 'maybe' }),
    scimType: 'invalidValue',
    detail: 'Attribute "active" must be a boolean, got "maybe"',
  },
  {
    name: 'rejects two primary values in one array',
    body: patch({
      op: 'replace',
      path: 'emails',
      value: [
        { value: 'a@example.com', primary: true },
        { value: 'b@example.com', primary: true },
      ],
    }),
    scimType: 'invalidValue',
  },
  {
    name: 'rejects a filtered replace that makes two values primary',
    body: patch({
      op: 'replace',
      path: 'emails[type eq "work" or type eq "home"].primary',
      value: true,
    }),
    scimType: 'invalidValue',
    detail: 'Attribute "emails" must have at most one primary value',
  },
]

test.each(errors)('$name', ({ resource, schema, body, scimType, detail }) => {
  const input = (resource ?? user)()
  let caught: unknown
  try {
    applyPatch(input, body, schema ?? userResourceSchema)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ScimError)
  expect(caught).toMatchObject({ status: 400, scimType, ...(detail ? { detail } : {}) })
})

test('applies nothing when a later operation fails', () => {
  const input = user()
  const before = structuredClone(input)
  const body = patch(
    { op: 'replace', path: 'displayName', value: 'Changed' },
    { op: 'add', path: 'emails', value: [{ value: 'c@example.com', primary: true }] },
    { op: 'replace', path: 'id', value: 'u9' },
  )
  expect(() => applyPatch(input, body, userResourceSchema)).toThrow(ScimError)
  expect(input).toEqual(before)
})

test('never mutates a frozen resource', () => {
  const input = Object.freeze(user())
  const result = applyPatch(
    input,
    patch({ op: 'replace', path: 'name.givenName', value: 'B' }),
    userResourceSchema,
  )
  expect(input.name).toEqual({ givenName: 'Barbara', familyName: 'Jensen' })
  expect(result.resource.name).toEqual({ givenName: 'B', familyName: 'Jensen' })
})
