import { describe, expect, it } from 'vitest'
import { ScimError } from '../scim-error.js'
import type { FilterExpression } from './filter-ast.js'
import { parseFilter } from './parse-filter.js'

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User'

const eq = (attribute: string, value: string | number): FilterExpression => ({
  type: 'comparison',
  path: { attribute },
  operator: 'eq',
  value,
})

function parseError(text: string): ScimError {
  try {
    parseFilter(text)
  } catch (error) {
    if (error instanceof ScimError) return error
    throw error
  }
  throw new Error(`parsed: ${text}`)
}

describe('parseFilter', () => {
  it.each(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'] as const)(
    'parses the %s operator',
    (operator) => {
      expect(parseFilter(`userName ${operator} "j"`)).toEqual({
        type: 'comparison',
        path: { attribute: 'userName' },
        operator,
        value: 'j',
      })
    },
  )

  it('parses pr', () => {
    expect(parseFilter('title pr')).toEqual({ type: 'present', path: { attribute: 'title' } })
  })

  it('reads operators and keywords in any case', () => {
    expect(parseFilter('UserName EQ "a" AND title PR Or NOT (active Eq TRUE)')).toEqual(
      parseFilter('UserName eq "a" and title pr or not (active eq true)'),
    )
  })

  it('keeps attribute names as written', () => {
    expect(parseFilter('NAME.GivenName eq "x"')).toMatchObject({
      path: { attribute: 'NAME', subAttribute: 'GivenName' },
    })
  })

  it('binds and tighter than or', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toEqual({
      type: 'or',
      left: eq('a', 1),
      right: { type: 'and', left: eq('b', 2), right: eq('c', 3) },
    })
  })

  it('associates to the left', () => {
    expect(parseFilter('a eq 1 or b eq 2 or c eq 3')).toEqual({
      type: 'or',
      left: { type: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    })
  })

  it('groups with parentheses', () => {
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3')).toEqual({
      type: 'and',
      left: { type: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    })
  })

  it('parses not with and without a space', () => {
    const expected = { type: 'not', expression: eq('a', 1) }
    expect(parseFilter('not (a eq 1)')).toEqual(expected)
    expect(parseFilter('not(a eq 1)')).toEqual(expected)
  })

  it('parses a value path with a logical filter inside', () => {
    expect(parseFilter('emails[type eq "work" and not (value co "@x.org")]')).toEqual({
      type: 'valuePath',
      path: { attribute: 'emails' },
      filter: {
        type: 'and',
        left: eq('type', 'work'),
        right: {
          type: 'not',
          expression: {
            type: 'comparison',
            path: { attribute: 'value' },
            operator: 'co',
            value: '@x.org',
          },
        },
      },
    })
  })

  it('parses value paths combined with other expressions', () => {
    expect(
      parseFilter('emails[type eq "work"] or ims[type eq "xmpp" and value co "@foo.com"]'),
    ).toMatchObject({ type: 'or', left: { type: 'valuePath' }, right: { type: 'valuePath' } })
  })

  it('splits a core URN at its last colon', () => {
    expect(parseFilter(`${CORE}:name.familyName pr`)).toEqual({
      type: 'present',
      path: { uri: CORE, attribute: 'name', subAttribute: 'familyName' },
    })
  })

  it('keeps the dots of "2.0" in an enterprise URN', () => {
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "2"`)).toEqual({
      type: 'comparison',
      path: { uri: ENTERPRISE, attribute: 'manager', subAttribute: 'value' },
      operator: 'eq',
      value: '2',
    })
    expect(parseFilter(`${ENTERPRISE}:employeeNumber eq "123"`)).toMatchObject({
      path: { uri: ENTERPRISE, attribute: 'employeeNumber' },
    })
  })

  it('parses $ref sub-attributes', () => {
    expect(parseFilter('members.$ref pr')).toMatchObject({
      path: { attribute: 'members', subAttribute: '$ref' },
    })
  })

  it('decodes JSON string escapes', () => {
    expect(parseFilter(String.raw`displayName eq "Carol \"CJ\" Jones \\ \u00e9\n"`)).toEqual(
      eq('displayName', 'Carol "CJ" Jones \\ é\n'),
    )
  })

  it('parses JSON numbers', () => {
    const values = ['0', '-1', '2.5', '1e3', '-1.5E-2'].map(
      (n) => (parseFilter(`x eq ${n}`) as { value: unknown }).value,
    )
    expect(values).toEqual([0, -1, 2.5, 1000, -0.015])
  })

  it('parses true, false and null in any case', () => {
    const values = ['true', 'FALSE', 'Null'].map(
      (n) => (parseFilter(`x eq ${n}`) as { value: unknown }).value,
    )
    expect(values).toEqual([true, false, null])
  })

  it('tolerates extra whitespace', () => {
    expect(parseFilter('  ( userName  eq\t"a" )  ')).toEqual(eq('userName', 'a'))
  })

  it('names the problem and its position', () => {
    expect(parseError('userName xx "a"').detail).toBe(
      'Invalid filter: expected a comparison operator after "userName" at position 9',
    )
    expect(parseError('(userName eq "a"').detail).toBe(
      'Invalid filter: expected ")" to close the "(" at position 0 but found the end at position 16',
    )
  })

  it.each([
    'userName eq "a" and',
    'userName eq',
    'eq "x"',
    'userName eq "unterminated',
    '(userName eq "a"',
    'userName eq "a")',
    'emails[type eq "work"',
    'emails[type[value eq "x"]]',
    'emails[]',
    'emails[type eq "work"].value eq "x"',
    'userName xx "a"',
    "userName eq 'single'",
    '""',
    '',
    '   ',
    'not userName eq "a"',
    'not',
    'userName eq "a" or or title pr',
    'userName eq "a" title pr',
    'userName pr "a"',
    'userName eq bare',
    'userName eq "bad \\x escape"',
    'userName eq "raw\ttab"',
    'userName eq 01',
    'userName eq 1.',
    'userName eq -',
    'userName eq 1e999',
    'a..b eq 1',
    'urn:ietf:params:scim:schemas:core:2.0:User: eq "x"',
    'name.givenName.x eq "x"',
    'userName eq "a" and ()',
    '()',
    '#',
  ])('rejects %j with invalidFilter', (text) => {
    const error = parseError(text)
    expect(error.status).toBe(400)
    expect(error.scimType).toBe('invalidFilter')
    expect(error.detail).toMatch(/^Invalid filter: /)
  })

  it('rejects nesting deeper than 50 levels without overflowing the stack', () => {
    expect(parseError(`${'('.repeat(4000)}a eq 1${')'.repeat(4000)}`).detail).toMatch(/nesting/)
    expect(parseError(`${'not ('.repeat(51)}a eq 1${')'.repeat(51)}`).scimType).toBe(
      'invalidFilter',
    )
    expect(() => parseFilter(`${'('.repeat(49)}a eq 1${')'.repeat(49)}`)).not.toThrow()
  })

  it('rejects filters longer than 10000 characters', () => {
    expect(parseError(`userName eq "${'a'.repeat(10_000)}"`).scimType).toBe('invalidFilter')
  })

  it('parses a long flat chain iteratively', () => {
    const text = Array.from({ length: 500 }, (_, i) => `a eq ${i}`).join(' or ')
    expect(parseFilter(text).type).toBe('or')
  })
})
