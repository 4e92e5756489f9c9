import { expect, it } from 'vitest'
import { parseRunArguments, RUN_USAGE } from './parse-run-arguments.js'

it('fills in the defaults', () => {
  expect(parseRunArguments([])).toEqual({
    patterns: ['scenarios/'],
    target: undefined,
    tags: [],
    reporter: 'pretty',
    output: undefined,
  })
})

it('reads every option', () => {
  expect(
    parseRunArguments([
      'scenarios/okta',
      'extra/**/*.yaml',
      '--target',
      'http://localhost:4000/scim/v2/',
      '--token=secret',
      '--tag',
      'smoke',
      '--tag=okta',
      '--tag',
      'smoke',
      '--reporter',
      'junit',
      '--output',
      'reports/junit.xml',
    ]),
  ).toEqual({
    patterns: ['scenarios/okta', 'extra/**/*.yaml'],
    target: { baseUrl: 'http://localhost:4000/scim/v2', token: 'secret' },
    tags: ['smoke', 'okta'],
    reporter: 'junit',
    output: 'reports/junit.xml',
  })
})

it('answers help', () => {
  expect(parseRunArguments(['--help'])).toBe('help')
  expect(parseRunArguments(['-h', 'scenarios/'])).toBe('help')
  expect(RUN_USAGE).toContain('--reporter <name>')
})

it('accepts json on stdout', () => {
  expect(parseRunArguments(['--reporter', 'json'])).toMatchObject({
    reporter: 'json',
    output: undefined,
  })
})

it.each([
  [['--target', 'http://localhost:4000'], /--target and --token go together/],
  [['--token', 'secret'], /--target and --token go together/],
  [['--target', 'localhost:4000', '--token', 't'], /--target must be an http\(s\) URL/],
  [
    ['--target', 'not a url', '--token', 't'],
    /--target must be an http\(s\) URL .*got "not a url"/,
  ],
  [['--target', 'http://x', '--token', ''], /--token must not be empty/],
  [['--reporter', 'tap'], /--reporter must be one of pretty, json, junit, got "tap"/],
  [['--output', 'out.txt'], /--output needs --reporter json or junit/],
  [['--reporter', 'json', '--output='], /--output needs a file name/],
  [['--tag', ''], /--tag needs a tag name/],
  [['--tags', 'smoke'], /Unknown option '--tags'/],
  [['--tag'], /argument missing/],
])('rejects %j', (argv, message) => {
  expect(() => parseRunArguments(argv)).toThrow(message)
})
