import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

// Debian's Chromium: Playwright cannot download its own browser on our
// machines. CHROMIUM_PATH overrides; elsewhere Playwright's own build is used.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const sourceAliases = [
  { find: /^scim-mock$/, replacement: source('./src/index.ts') },
  { find: /^scim-mock\/scim$/, replacement: source('./src/scim/index.ts') },
]

export default defineConfig({
  test: {
    projects: [
      {
        // Integration tests import 'scim-mock' by its public name; in this
        // project it resolves to the sources, in `package` to the built dist/.
        resolve: { alias: sourceAliases },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
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
        resolve: { alias: sourceAliases },
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
