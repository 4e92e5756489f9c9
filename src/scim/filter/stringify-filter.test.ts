import { describe, expect, it } from 'vitest'
import { URN } from '../schema/urns.js'
import { parseFilter } from './parse-filter.js'
import { stringifyFilter } from './stringify-filter.js'

const canonical = (text: string) => stringifyFilter(parseFilter(text))

describe('stringifyFilter', () => {
  it.each([
    [
      'UserName EQ "Bob" OR (title PR AND active eq TRUE)',
      'UserName eq "Bob" or title pr and active eq true',
    ],
    ['(a eq 1 or b eq 2) and c eq 3', '(a eq 1 or b eq 2) and c eq 3'],
    ['a eq 1 or (b eq 2 or c eq 3)', 'a eq 1 or (b eq 2 or c eq 3)'],
    ['a eq 1 and (b eq 2 and c eq 3)', 'a eq 1 and (b eq 2 and c eq 3)'],
    ['((a eq 1) and b eq 2) or c eq 3', 'a eq 1 and b eq 2 or c eq 3'],
    ['not(a eq 1 or b eq 2)', 'not (a eq 1 or b eq 2)'],
    [
      'emails[type eq "work" and not (value co "x")]',
      'emails[type eq "work" and not (value co "x")]',
    ],
    ['x eq 1E3 and y ne null and z eq FALSE', 'x eq 1000 and y ne null and z eq false'],
    [`${URN.enterpriseUser}:manager.value eq "2"`, `${URN.enterpriseUser}:manager.value eq "2"`],
  ])('writes %s as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected)
  })

  it('re-encodes strings with JSON escapes', () => {
    expect(
      stringifyFilter({
        type: 'comparison',
        path: { attribute: 'displayName' },
        operator: 'eq',
        value: 'Carol "CJ" \\ Jones\n',
      }),
    ).toBe('displayName eq "Carol \\"CJ\\" \\\\ Jones\\n"')
  })

  it('rejects numbers that JSON cannot write', () => {
    expect(() =>
      stringifyFilter({
        type: 'comparison',
        path: { attribute: 'x' },
        operator: 'gt',
        value: Number.NaN,
      }),
    ).toThrow('is not a JSON number')
  })
})
