import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, type Plugin } from 'vitest/config'

// Debian's Chromium: Playwright cannot download its own browser on our
// machines. CHROMIUM_PATH overrides; elsewhere Playwright's own build is used.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const sourceAliases = [
  { find: /^scim-mock$/, replacement: source('./src/index.ts') },
  { find: /^scim-mock\/scim$/, replacement: source('./src/scim/index.ts') },
  { find: /^scim-mock\/okta$/, replacement: source('./src/okta/index.ts') },
  { find: /^scim-mock\/scenario$/, replacement: source('./src/scenario/index.ts') },
  { find: /^scim-mock\/playwright$/, replacement: source('./src/playwright/index.ts') },
]

/**
 * Resolves `msw` and every `msw/*` subpath as if imported from `prefix`, so
 * the run uses the msw installed in `<prefix>/node_modules` (exports map and
 * conditions included) instead of ours. Set by `npm run test:msw3` through
 * SCIM_MOCK_MSW_PREFIX, for the `node` project only.
 */
const mswFrom = (prefix: string): Plugin => ({
  name: 'scim-mock:msw-from-prefix',
  enforce: 'pre',
  resolveId(id, _importer, options) {
    if (id !== 'msw' && !id.startsWith('msw/')) return
    return this.resolve(id, `${prefix}/node_modules/msw/package.json`, {
      ...options,
      skipSelf: true,
    })
  },
})
const mswPrefix = process.env.SCIM_MOCK_MSW_PREFIX

/**
 * Writes MSW's service worker script into `dir` with the installed msw's own
 * `msw init`, so the browser tests register the worker of the very msw
 * version they import (skipped while the file is already that version's).
 * It runs in the `config` hook because Vite lists the files of `publicDir`
 * once, when the server starts.
 */
const mswWorkerScript = (dir: string): Plugin => ({
  name: 'scim-mock:msw-worker-script',
  config() {
    const require = createRequire(import.meta.url)
    const script = join(dir, 'mockServiceWorker.js')
    const installed = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8')
    if (existsSync(script) && readFileSync(script, 'utf8') === installed) return
    const cli = join(dirname(require.resolve('msw/package.json')), 'cli', 'index.js')
    execFileSync(process.execPath, [cli, 'init', dir, '--no-save'], { stdio: 'ignore' })
  },
})
const browserPublicDir = source('./test/browser/public')

export default defineConfig({
  test: {
    projects: [
      {
        // Integration tests import 'scim-mock' by its public name; in this
        // project it resolves to the sources, in `package` to the built dist/.
        resolve: {
          alias: [
            ...sourceAliases,
            { find: /^scim-mock\/vitest$/, replacement: source('./src/vitest/index.ts') },
          ],
        },
        plugins: mswPrefix ? [mswFrom(mswPrefix)] : [],
        test: {
          name: 'node',
          // Files share one module graph: no module-level state exists to leak, and
          // importing msw and the sources once per file dominated the run (~0.75 s each).
          isolate: false,
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/okta/**/*.test.ts',
            'test/scenarios/**/*.test.ts',
            'test/vitest/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
        },
      },
      {
        resolve: {
          // msw/node cannot load in a page: the browser entry of scim-mock/vitest.
          alias: [
            ...sourceAliases,
            { find: /^scim-mock\/vitest$/, replacement: source('./src/vitest/browser.ts') },
          ],
        },
        // Serves test/browser/public/mockServiceWorker.js at /mockServiceWorker.js.
        publicDir: browserPublicDir,
        plugins: [mswWorkerScript(browserPublicDir)],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: chromiumPath ? { executablePath: chromiumPath } : {},
            }),
          },
        },
      },
    ],
  },
})
