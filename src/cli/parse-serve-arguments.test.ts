import { expect, it } from 'vitest'
import { parseServeArguments } from './parse-serve-arguments.js'

it('fills in the defaults', () => {
  expect(parseServeArguments([])).toEqual({
    port: 4000,
    host: '127.0.0.1',
    token: 'secret',
    basePath: undefined,
    users: 25,
    groups: 4,
    seed: 1,
    profile: 'generic',
    quiet: false,
  })
})

it('reads every option', () => {
  expect(
    parseServeArguments([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--token',
      't',
      '--base-path',
      'api/scim/',
      '--users',
      '3',
      '--groups',
      '0',
      '--seed',
      '9',
      '--profile',
      'secoda',
      '--quiet',
    ]),
  ).toEqual({
    port: 0,
    host: '0.0.0.0',
    token: 't',
    basePath: '/api/scim',
    users: 3,
    groups: 0,
    seed: 9,
    profile: 'secoda',
    quiet: true,
  })
})

it('answers help', () => {
  expect(parseServeArguments(['--help'])).toBe('help')
  expect(parseServeArguments(['-h'])).toBe('help')
})

it.each([
  [['--port', 'abc'], /--port must be an integer from 0 to 65535, got "abc"/],
  [['--port', '70000'], /--port must be/],
  [['--users=-1'], /--users must be/],
  [['--users', '1.5'], /--users must be/],
  [['--nope'], /Unknown option '--nope'/],
  [['extra'], /Unexpected argument 'extra'/],
])('rejects %j with a readable message', (argv, message) => {
  expect(() => parseServeArguments(argv)).toThrow(message)
})
