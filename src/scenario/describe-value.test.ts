import { expect, test } from 'vitest'
import { describeStringDifference, preview } from './describe-value.js'

test('previews values as JSON, shortened', () => {
  expect(preview({ status: 'ERROR' })).toBe('{"status":"ERROR"}')
  expect(preview(undefined)).toBe('nothing')
  expect(preview('x'.repeat(200), 10)).toBe('"xxxxxxxx…')
})

test('says where two texts part', () => {
  expect(describeStringDifference('User already exists', 'User already exist')).toBe(
    'they differ from character 19: expected "User already exists", found "User already exist"',
  )
  expect(describeStringDifference('abc', 'xbc')).toBe(
    'they differ from character 1: expected "abc", found "xbc"',
  )
})
