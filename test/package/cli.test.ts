import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The built command, as `npx scim-mock` runs it.
const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const scimMock = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

it('exits 2 with the usage for a wrong command line', () => {
  for (const args of [
    [],
    ['nope'],
    ['serve', '--port', 'x'],
    ['run', '--reporter', 'html'],
    ['console', '--port', '-1'],
  ]) {
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

it("serves the console at / and logs one line per SCIM request, not the console's own", async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const found = /console\s+(http:\/\/[\d.:]+)\//.exec(output)
        if (found) {
          clearInterval(poll)
          resolve(found[1]!)
        }
      }, 20)
      child.once('exit', () => reject(new Error(output)))
    })

    const page = await fetch(`${origin}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const script = /src="\.\/(console\/[^"]+\.js)"/.exec(await page.text())?.[1]
    expect((await fetch(`${origin}/${script}`)).status).toBe(200)
    expect((await fetch(`${origin}/mockServiceWorker.js`)).status).toBe(200)
    expect((await fetch(`${origin}/__scim-mock/requests?limit=1`)).status).toBe(200)
    const users = await fetch(`${origin}/scim/v2/Users?count=1`, {
      headers: { authorization: 'Bearer secret' },
    })
    expect(users.status).toBe(200)

    await new Promise((resolve) => setTimeout(resolve, 50))
    const lines = output.split('\n').filter((line) => line.includes(' → '))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^GET \/scim\/v2\/Users\?count=1 → 200 \(\d+\.\d ms\)$/)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exited).toBe(0)
})
