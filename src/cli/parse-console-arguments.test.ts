import { describe, expect, it } from 'vitest'
import { parseConsoleArguments } from './parse-console-arguments.js'

describe('parseConsoleArguments', () => {
  it('defaults to 127.0.0.1:4100', () => {
    expect(parseConsoleArguments([])).toEqual({ port: 4100, host: '127.0.0.1' })
  })

  it('reads --port and --host', () => {
    expect(parseConsoleArguments(['--port', '0', '--host', '0.0.0.0'])).toEqual({
      port: 0,
      host: '0.0.0.0',
    })
  })

  it('returns help for -h', () => {
    expect(parseConsoleArguments(['-h'])).toBe('help')
  })

  it('rejects a bad port and unknown options', () => {
    expect(() => parseConsoleArguments(['--port', '70000'])).toThrow(
      '--port must be an integer from 0 to 65535, got "70000"',
    )
    expect(() => parseConsoleArguments(['--profile', 'secoda'])).toThrow(/Unknown option/)
  })
})
