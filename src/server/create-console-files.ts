import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `npm run build` writes the console: dist/console, beside dist/server. */
export const CONSOLE_DIR = fileURLToPath(new URL('../console/', import.meta.url))

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
}

/**
 * The QA console's static files as a Fetch handler: `/` (the page), its
 * assets under `/console/`, and MSW's `/mockServiceWorker.js` (for the
 * console's offline mode). Anything else is `undefined`: not a console file,
 * for the provider to answer. The files are read once and kept.
 *
 * @example
 * const files = createConsoleFiles()
 * const handle = async (request) => (await files(request)) ?? provider.handle(request)
 */
export function createConsoleFiles(dir: string = CONSOLE_DIR) {
  const cache = new Map<string, Promise<Buffer | undefined>>()
  const read = (file: string) => {
    let cached = cache.get(file)
    if (!cached) {
      cached = readFile(file).catch(() => undefined)
      cache.set(file, cached)
    }
    return cached
  }

  return async (request: Request): Promise<Response | undefined> => {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return undefined
    const { pathname } = new URL(request.url)
    const relative = consoleFileOf(pathname)
    if (relative === undefined) return undefined
    const file = normalize(join(dir, relative))
    // `..` in a path must not leave the console's folder.
    if (!file.startsWith(normalize(dir.endsWith(sep) ? dir : `${dir}${sep}`))) return undefined
    const body = await read(file)
    if (!body) {
      if (relative !== 'index.html') return undefined
      return new Response(
        'The scim-mock console is not built: run "npm run build" in the scim-mock checkout.\n',
        { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } },
      )
    }
    const headers = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Asset names carry a content hash; the page and the worker script must be fresh.
      'cache-control': relative.startsWith('console/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { headers })
  }
}

function consoleFileOf(pathname: string): string | undefined {
  if (pathname === '/' || pathname === '/index.html') return 'index.html'
  if (pathname === '/mockServiceWorker.js') return 'mockServiceWorker.js'
  if (pathname.startsWith('/console/')) {
    try {
      return decodeURIComponent(pathname.slice(1))
    } catch {
      return undefined
    }
  }
  return undefined
}
