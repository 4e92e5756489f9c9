import { expect, it } from 'vitest'
import { createOktaIds } from './okta-ids.js'

it('makes 20-character ids: the prefix, then base-62 characters', () => {
  const ids = createOktaIds(1)

  for (const prefix of ['00u', '00g', '0oa']) {
    const id = ids(prefix)
    expect(id).toHaveLength(20)
    expect(id.startsWith(prefix)).toBe(true)
    expect(id.slice(3)).toMatch(/^[0-9a-zA-Z]{17}$/)
  }
})

it('makes the same ids from the same seed', () => {
  const one = createOktaIds(42)
  const two = createOktaIds(42)

  expect([one('00u'), one('00g'), one('0oa')]).toStrictEqual([two('00u'), two('00g'), two('0oa')])
})

it('makes different ids from different seeds, and never the same id twice in a row', () => {
  const ids = createOktaIds(7)
  const made = new Set(Array.from({ length: 1000 }, () => ids('00u')))

  expect(made.size).toBe(1000)
  expect(createOktaIds(8)('00u')).not.toBe(createOktaIds(7)('00u'))
})

it('accepts seed 0 (xorshift needs a non-zero state)', () => {
  const id = createOktaIds(0)('00u')

  expect(id).toMatch(/^00u[0-9a-zA-Z]{17}$/)
  expect(id).not.toBe('00u00000000000000000')
})

it('fills an empty prefix with 20 characters (placeholder passwords take 8 of them)', () => {
  expect(createOktaIds(3)('')).toMatch(/^[0-9a-zA-Z]{20}$/)
})

it('resumes from a state: the ids the first stream would have made next', () => {
  const first = createOktaIds(5)
  first('00u')
  const second = createOktaIds(99)

  second.resume(first.state())

  expect([second('00g'), second('')]).toStrictEqual([first('00g'), first('')])
})

it('rejects a state xorshift cannot continue from', () => {
  const ids = createOktaIds(5)

  for (const state of [0, -1, 2 ** 32, 1.5, Number.NaN]) {
    expect(() => ids.resume(state)).toThrow(RangeError)
  }
  expect(ids.state()).toBe(5)
})
