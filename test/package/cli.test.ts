import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The built command, as `npx scim-mock` runs it.
const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const scimMock = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

it('exits 2 with the usage for a wrong command line', () => {
  for (const args of [[], ['nope'], ['serve', '--port', 'x'], ['run', '--reporter', 'html']]) {
    const result = scimMock(...args)
    expect(result.status, args.join(' ')).toBe(2)
    expect(`${result.stdout}${result.stderr}`).toMatch(/Usage: scim-mock/)
  }
})

it('runs a built-in scenario and exits 0, with a JSON report', () => {
  const result = scimMock('run', 'scenarios/magicpod-email-conflict.yaml', '--reporter', 'json')

  expect(result.status, result.stderr).toBe(0)
  const [report] = JSON.parse(result.stdout) as Array<{ name: string; passed: boolean }>
  expect(report).toMatchObject({ passed: true })
})

it('exits 1 when no scenario matches the tag', () => {
  const result = scimMock('run', 'scenarios/magicpod-email-conflict.yaml', '--tag', 'no-such-tag')

  expect(result.status).toBe(1)
})
