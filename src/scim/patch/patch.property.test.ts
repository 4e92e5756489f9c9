import fc from 'fast-check'
import { expect, test } from 'vitest'
import { normalizeResource } from '../resource/normalize-resource.js'
import type { ScimResource } from '../resource/scim-resource.js'
import { userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { applyPatch } from './apply-patch.js'

const ENTERPRISE = URN.enterpriseUser

const user = (): ScimResource => ({
  schemas: [URN.user, ENTERPRISE],
  id: 'u1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@home.example', type: 'home' },
  ],
  groups: [{ value: 'g1', display: 'Admins' }],
  [ENTERPRISE]: { department: 'R&D', manager: { value: 'm1' } },
  meta: {
    resourceType: 'User',
    created: '2024-01-01T00:00:00Z',
    lastModified: '2024-01-01T00:00:00Z',
  },
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

// Paths drawn from the User schema, in random case, plus garbage.
const schemaPaths = [
  'userName',
  'displayName',
  'title',
  'active',
  'password',
  'name',
  'name.givenName',
  'name.familyName',
  'emails',
  'emails.value',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[type eq "other"].value',
  'emails[primary eq true].primary',
  'emails[value co "example"]',
  'phoneNumbers[type eq "mobile"].value',
  'addresses[type eq "work"].streetAddress',
  'id',
  'meta',
  'meta.created',
  'groups',
  'groups[value eq "g1"]',
  'externalId',
  'schemas',
  ENTERPRISE,
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:manager.value`,
  `${ENTERPRISE}:manager.displayName`,
  `${URN.user}:userName`,
]
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) => [...text].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''))
const pathArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...schemaPaths) },
  { weight: 2, arbitrary: fc.constantFrom(...schemaPaths).chain(randomCase) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('emails[type eq', 'name..x', 'urn:x:y', '[]', '') },
)

const valueArb = fc.oneof(
  fc.constantFrom('x', '', 'False', 'true', true, false, null, 0, 1.5, 'u1', 'm2'),
  fc.record(
    {
      value: fc.constantFrom('a@example.com', 'b@example.com'),
      type: fc.constantFrom('work', 'home'),
      primary: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.array(
    fc.record(
      {
        value: fc.string({ maxLength: 5 }),
        type: fc.constantFrom('work', 'home'),
        primary: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  fc.dictionary(
    fc.constantFrom(...schemaPaths, 'givenName', 'department', 'Value'),
    fc.constantFrom('x', true, null, 'False', 'm1'),
    { maxKeys: 3 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
)

const opArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'ADD'),
  },
  { weight: 1, arbitrary: fc.constantFrom('copy', 'move', '', 7, null) },
)

// Well-formed operations: a path and a value of the type the schema expects.
const text = fc.string({ minLength: 1, maxLength: 8 })
const email = fc.record(
  { value: text, type: fc.constantFrom('work', 'home', 'other'), primary: fc.boolean() },
  { requiredKeys: ['value'] },
)
const writes: Array<[string, fc.Arbitrary<unknown>]> = [
  ['userName', text],
  ['displayName', fc.option(text)],
  ['active', fc.constantFrom(true, false, 'True', 'False')],
  ['password', text],
  ['name', fc.record({ givenName: fc.option(text), familyName: text }, { requiredKeys: [] })],
  ['name.givenName', fc.option(text)],
  ['emails', fc.oneof(email, fc.array(email, { maxLength: 2 }))],
  ['emails[type eq "work"]', email],
  ['emails[type eq "work"].value', text],
  ['emails[type eq "home"].primary', fc.boolean()],
  [ENTERPRISE, fc.record({ department: text, costCenter: text }, { requiredKeys: [] })],
  [`${ENTERPRISE}:department`, fc.option(text)],
  [`${ENTERPRISE}:manager.value`, text],
]
const validWrite = fc
  .tuple(
    fc.constantFrom(...writes),
    fc.constantFrom('add', 'replace', 'Add', 'Replace'),
    fc.boolean(),
  )
  .chain(([[path, value], op, withoutPath]) =>
    value.map((v) =>
      withoutPath && !path.includes('[') ? { op, value: { [path]: v } } : { op, path, value: v },
    ),
  )
const validRemove = fc
  .constantFrom(
    'displayName',
    'name.givenName',
    'emails',
    'emails[type eq "home"]',
    'emails[type eq "work"].type',
    ENTERPRISE,
    `${ENTERPRISE}:manager`,
  )
  .map((path) => ({ op: 'remove', path }))

const operationArb = fc.oneof(
  { weight: 6, arbitrary: validWrite },
  { weight: 2, arbitrary: validRemove },
  {
    weight: 4,
    arbitrary: fc.record({ op: opArb, path: pathArb, value: valueArb }, { requiredKeys: ['op'] }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)

const bodyArb = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .array(operationArb, { minLength: 1, maxLength: 4 })
      .map((Operations) => ({ schemas: [URN.patchOp], Operations })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

test('throws only 400 ScimErrors, never mutates the input and always yields a valid user', () => {
  const input = deepFreeze(user())
  fc.assert(
    fc.property(bodyArb, (body) => {
      try {
        const { resource } = applyPatch(input, body, userResourceSchema)
        expect(() => normalizeResource(resource, userResourceSchema)).not.toThrow()
      } catch (error) {
        if (!(error instanceof ScimError) || error.status !== 400) throw error
      }
      expect(input).toEqual(user())
    }),
    { numRuns: 1500 },
  )
})
