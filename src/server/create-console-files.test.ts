import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createConsoleFiles } from './create-console-files.js'

let dir: string
const get = (path: string, method = 'GET') =>
  new Request(`http://localhost:4000${path}`, { method })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-files-'))
  await mkdir(join(dir, 'console'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>')
  await writeFile(join(dir, 'console', 'index-abc.js'), 'export {}')
  await writeFile(join(dir, 'mockServiceWorker.js'), '// worker')
  await writeFile(join(dir, '..', 'secret.txt'), 'outside')
})

describe('createConsoleFiles', () => {
  it('serves the page at / with no-cache', async () => {
    const response = await createConsoleFiles(dir)(get('/'))
    expect(response?.status).toBe(200)
    expect(response?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response?.headers.get('cache-control')).toBe('no-cache')
    expect(await response?.text()).toContain('<title>console</title>')
  })

  it('serves hashed assets as immutable, and the worker script', async () => {
    const files = createConsoleFiles(dir)
    const asset = await files(get('/console/index-abc.js'))
    expect(asset?.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset?.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await (await files(get('/mockServiceWorker.js')))?.text()).toBe('// worker')
  })

  it('answers HEAD without a body', async () => {
    const response = await createConsoleFiles(dir)(get('/', 'HEAD'))
    expect(response?.status).toBe(200)
    expect(response?.body).toBeNull()
  })

  it('leaves every other request to the provider', async () => {
    const files = createConsoleFiles(dir)
    expect(await files(get('/scim/v2/Users'))).toBeUndefined()
    expect(await files(get('/', 'POST'))).toBeUndefined()
    expect(await files(get('/console/missing.js'))).toBeUndefined()
    expect(await files(get('/console/%ZZ'))).toBeUndefined()
  })

  it('never serves a file outside its folder', async () => {
    const files = createConsoleFiles(dir)
    expect(await files(get('/console/..%2F..%2Fsecret.txt'))).toBeUndefined()
    expect(await files(get('/console/%2e%2e/%2e%2e/secret.txt'))).toBeUndefined()
  })

  it('says how to build the console when it is not built', async () => {
    const response = await createConsoleFiles(join(dir, 'nowhere'))(get('/'))
    expect(response?.status).toBe(404)
    expect(await response?.text()).toContain('npm run build')
  })
})
