import { describe, expect, it } from 'vitest'
import { defineAttribute } from '../schema/define-attribute.js'
import { compareAttributeValues, parseDateTime } from './compare-values.js'

const text = defineAttribute('userName', 'string')
const exact = defineAttribute('id', 'string', { caseExact: true })
const instant = defineAttribute('created', 'dateTime')

describe('compareAttributeValues', () => {
  it('orders strings ignoring case unless caseExact', () => {
    expect(compareAttributeValues('alice', 'Bob', text)).toBeLessThan(0)
    expect(compareAttributeValues('ALICE', 'alice', text)).toBe(0)
    expect(compareAttributeValues('Bob', 'alice', exact)).toBeLessThan(0)
  })

  it('orders dateTimes as instants', () => {
    expect(
      compareAttributeValues('2025-01-01T00:00:00+02:00', '2024-12-31T23:30:00Z', instant),
    ).toBeLessThan(0)
    expect(
      compareAttributeValues('2024-06-01T12:00:00.500Z', '2024-06-01T12:00:00Z', instant),
    ).toBeGreaterThan(0)
  })

  it('orders numbers and booleans', () => {
    expect(compareAttributeValues(10, 9, defineAttribute('n', 'integer'))).toBeGreaterThan(0)
    expect(compareAttributeValues(false, true, defineAttribute('b', 'boolean'))).toBeLessThan(0)
  })

  it('orders values of mixed types without throwing', () => {
    expect(compareAttributeValues(1, 'a', text)).not.toBe(0)
    expect(compareAttributeValues({}, [], text)).toBe(0)
  })
})

describe('parseDateTime', () => {
  it('reads xsd:dateTime with offsets, fractions and no zone as UTC', () => {
    expect(parseDateTime('2025-01-01T00:00:00+02:00')).toBe(Date.parse('2024-12-31T22:00:00Z'))
    expect(parseDateTime('2024-06-01T12:00:00.5Z')).toBe(Date.parse('2024-06-01T12:00:00.500Z'))
    expect(parseDateTime('2024-06-01T12:00:00')).toBe(Date.parse('2024-06-01T12:00:00Z'))
  })

  it('returns NaN for other text', () => {
    expect(parseDateTime('yesterday')).toBeNaN()
    expect(parseDateTime('2024-06-01')).toBeNaN()
    expect(parseDateTime('2024-13-01T00:00:00Z')).toBeNaN()
  })
})
