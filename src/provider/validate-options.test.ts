import { expect, it } from 'vitest'
import { validateOptions } from './validate-options.js'

it('accepts the defaults and every valid option', () => {
  expect(() => validateOptions({})).not.toThrow()
  expect(() =>
    validateOptions({
      baseUrl: 'https://acme.test/scim/v2',
      token: ['a', 'b'],
      seed: { users: 0, groups: 2, seed: 7, referenceDate: '2025-01-01' },
      defaultCount: 0,
      maxResults: 10,
      maxPayloadSize: 1,
      requestLogLimit: Number.POSITIVE_INFINITY,
    }),
  ).not.toThrow()
})

it.each([
  [{ token: '' }, /token must be a non-empty string/],
  [{ token: [] }, /token must be/],
  [{ seed: { users: -1 } }, /seed.users must be an integer of at least 0, got -1/],
  [{ seed: { users: 1.5 } }, /seed.users must be/],
  [{ seed: { referenceDate: 'soon' } }, /seed.referenceDate "soon" is not a date/],
  [{ maxResults: 0 }, /maxResults must be an integer of at least 1/],
  [{ maxPayloadSize: Number.NaN }, /maxPayloadSize must be/],
  [{ requestLogLimit: -5 }, /requestLogLimit must be/],
  [{ baseUrl: 'http://[' }, /baseUrl "http:\/\/\[" is not a URL or path/],
])('rejects %j with a message that names the option', (options, message) => {
  expect(() => validateOptions(options)).toThrow(message)
  expect(() => validateOptions(options)).toThrow(/^Failed to create a SCIM provider: /)
})
