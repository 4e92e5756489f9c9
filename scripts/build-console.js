// Builds the QA console (src/console) into dist/console with Vite: one page,
// its hashed assets under console/, and MSW's worker script for offline mode.
// `--dev` serves it with hot reload instead (against a `scim-mock serve` on
// :4000 through Vite's proxy, or in worker mode when none runs).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, createServer } from 'vite'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('../src/console/', import.meta.url))
const workerScript = require.resolve('msw/mockServiceWorker.js')
const outDir = fileURLToPath(new URL('../dist/console/', import.meta.url))

/** @type {import('vite').InlineConfig} */
const config = {
  configFile: false,
  root,
  // Relative URLs: the page works at `/` of scim-mock serve and on any static host.
  base: './',
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'console',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
  plugins: [
    {
      name: 'scim-mock:msw-worker-script',
      // The worker script of the msw version the console bundles.
      async generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'mockServiceWorker.js',
          source: await readFile(workerScript, 'utf8'),
        })
      },
      configureServer(server) {
        server.middlewares.use('/mockServiceWorker.js', async (_request, response) => {
          response.setHeader('content-type', 'text/javascript; charset=utf-8')
          response.end(await readFile(workerScript, 'utf8'))
        })
      },
    },
  ],
}

if (process.argv.includes('--dev')) {
  const server = await createServer({
    ...config,
    server: {
      proxy: Object.fromEntries(
        ['/__scim-mock', '/scim', '/api', '/oauth'].map((path) => [path, 'http://127.0.0.1:4000']),
      ),
    },
  })
  await server.listen()
  server.printUrls()
} else {
  await build(config)
}
