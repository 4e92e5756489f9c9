import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AttributeDefinition } from '../schema/attribute-definition.js'
import { coreAttributes } from '../schema/resolve-attribute-path.js'
import { userResourceSchema } from '../schema/resource-schemas.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'
import { compileFilter } from './compile-filter.js'
import {
  COMPARISON_OPERATORS,
  type AttributePath,
  type ComparisonOperator,
  type FilterExpression,
  type FilterValue,
} from './filter-ast.js'
import { parseFilter } from './parse-filter.js'
import { parsePatchPath } from './parse-patch-path.js'
import { stringifyFilter } from './stringify-filter.js'

const RUNS = { numRuns: 1000 }

/** Fails on anything thrown but a 400 ScimError. */
function expectOnlyScimErrors(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    if (!(error instanceof ScimError) || error.status !== 400) throw error
  }
}

const VALID_FILTERS = [
  'userName eq "bjensen"',
  `name.familyName co "O'Malley"`,
  'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  `${URN.enterpriseUser}:manager.value eq "2" and meta.lastModified ge "2024-06-01T12:00:00Z"`,
  'displayName eq "Carol \\"CJ\\" \\u00e9" and active eq true or x eq -1.5e3 and y eq null',
]

const filterCharacter = fc.oneof(
  fc.constantFrom(...'()[]"\\ .:-\'aeno1tr'.split(''), 'not', ' and ', ' or ', ' pr', '\u0000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  text: filterCharacter,
})
function mutate(
  text: string,
  mutations: Array<{ kind: string; at: number; text: string }>,
): string {
  return mutations.reduce((result, { kind, at, text: inserted }) => {
    const i = at % (result.length + 1)
    if (kind === 'insert') return result.slice(0, i) + inserted + result.slice(i)
    if (kind === 'delete') return result.slice(0, i) + result.slice(i + 1)
    return result.slice(0, i) + inserted + result.slice(i + 1)
  }, text)
}

// Attribute paths of the User resource type, with their definitions.
interface Leaf {
  path: AttributePath
  definition: AttributeDefinition
}
const leaves: Leaf[] = [
  ...coreAttributes(userResourceSchema).flatMap((attribute) => [
    { path: { attribute: attribute.name }, definition: attribute },
    { path: { uri: URN.user, attribute: attribute.name }, definition: attribute },
    ...(attribute.subAttributes ?? []).map((sub) => ({
      path: { attribute: attribute.name, subAttribute: sub.name },
      definition: sub,
    })),
  ]),
  ...(userResourceSchema.extensions[0]?.schema.attributes ?? []).flatMap((attribute) => [
    { path: { uri: URN.enterpriseUser, attribute: attribute.name }, definition: attribute },
    ...(attribute.subAttributes ?? []).map((sub) => ({
      path: { uri: URN.enterpriseUser, attribute: attribute.name, subAttribute: sub.name },
      definition: sub,
    })),
  ]),
]
const multiValued = leaves.filter(
  ({ path, definition }) =>
    definition.type === 'complex' && definition.multiValued && path.subAttribute === undefined,
)

const anyValue: fc.Arbitrary<FilterValue> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
  fc.boolean(),
  fc.constant(null),
)
const dateTime = fc
  .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2030-01-01') })
  .map((date) => date.toISOString())

// Mostly well-typed literals, so that many filters compile, plus anything at all.
function valueFor(definition: AttributeDefinition): fc.Arbitrary<FilterValue> {
  const typed =
    definition.type === 'boolean'
      ? fc.boolean()
      : definition.type === 'dateTime'
        ? dateTime
        : definition.type === 'integer' || definition.type === 'decimal'
          ? fc.integer()
          : fc.constantFrom('alice', 'Bob', 'work', '@example.com', '2', URN.user, '')
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anyValue })
}

const operator = fc.constantFrom<ComparisonOperator>(...COMPARISON_OPERATORS)
const leafExpression = (candidates: Leaf[]): fc.Arbitrary<FilterExpression> =>
  fc.constantFrom(...candidates).chain(({ path, definition }) =>
    fc.oneof(
      fc.record({
        type: fc.constant('comparison' as const),
        path: fc.constant(path),
        operator,
        value: valueFor(definition),
      }),
      fc.constant({ type: 'present' as const, path }),
    ),
  )

function expressions(leaf: fc.Arbitrary<FilterExpression>, withValuePaths: boolean) {
  return fc.letrec<{ filter: FilterExpression }>((tie) => ({
    filter: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'filter' },
      leaf,
      fc.record({
        type: fc.constantFrom('and' as const, 'or' as const),
        left: tie('filter'),
        right: tie('filter'),
      }),
      fc.record({ type: fc.constant('not' as const), expression: tie('filter') }),
      ...(withValuePaths ? [valuePath] : []),
    ),
  })).filter
}
const valuePath: fc.Arbitrary<FilterExpression> = fc
  .constantFrom(...multiValued)
  .chain(({ path, definition }) =>
    fc.record({
      type: fc.constant('valuePath' as const),
      path: fc.constant(path),
      filter: expressions(
        leafExpression(
          (definition.subAttributes ?? []).map((sub) => ({
            path: { attribute: sub.name },
            definition: sub,
          })),
        ),
        false,
      ),
    }),
  )
const filterExpression = expressions(leafExpression(leaves), true)

const junk = fc.jsonValue({ maxDepth: 2 })
const maybeJunk = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: junk })
const sparseUser = fc.record(
  {
    id: fc.constantFrom('1', '2'),
    userName: maybeJunk(fc.constantFrom('alice', 'Alice', 'bob@example.com')),
    name: maybeJunk(
      fc.record({ givenName: fc.string(), familyName: fc.string() }, { requiredKeys: [] }),
    ),
    active: maybeJunk(fc.boolean()),
    title: maybeJunk(fc.constantFrom('', 'Engineer')),
    emails: maybeJunk(
      fc.array(
        fc.record(
          {
            value: maybeJunk(fc.constantFrom('a@example.com', 'B@EXAMPLE.COM')),
            type: fc.constantFrom('work', 'home'),
            primary: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    schemas: fc.array(fc.constantFrom(URN.user, URN.enterpriseUser), { maxLength: 2 }),
    meta: maybeJunk(
      fc.record({ created: dateTime, lastModified: maybeJunk(dateTime) }, { requiredKeys: [] }),
    ),
    [URN.enterpriseUser]: maybeJunk(
      fc.record(
        {
          employeeNumber: fc.constantFrom('123', ''),
          manager: maybeJunk(fc.record({ value: fc.constantFrom('2') })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)

describe('filter properties', () => {
  it('throws only ScimErrors on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(filterCharacter).map((a) => a.join('')),
        ),
        (text) => {
          expectOnlyScimErrors(() => parseFilter(text))
          expectOnlyScimErrors(() => parsePatchPath(text))
        },
      ),
      RUNS,
    )
  })

  it('throws only ScimErrors on mutated valid filters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_FILTERS),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (text, mutations) => {
          const mutated = mutate(text, mutations)
          expectOnlyScimErrors(() => parseFilter(mutated))
          expectOnlyScimErrors(() => parsePatchPath(`emails[${mutated}].value`))
        },
      ),
      RUNS,
    )
  })

  it('parses a stringified filter back to the same tree', () => {
    fc.assert(
      fc.property(filterExpression, (filter) => {
        expect(parseFilter(stringifyFilter(filter))).toEqual(filter)
      }),
      RUNS,
    )
  })

  it('compiles to a predicate that never throws on sparse users', () => {
    fc.assert(
      fc.property(filterExpression, fc.array(sparseUser, { maxLength: 5 }), (filter, users) => {
        let matches: ((user: Record<string, unknown>) => boolean) | undefined
        expectOnlyScimErrors(() => {
          matches = compileFilter(filter, userResourceSchema)
        })
        for (const user of users) if (matches) expect(typeof matches(user)).toBe('boolean')
      }),
      RUNS,
    )
  })
})
