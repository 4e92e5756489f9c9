import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import { CONTROL_API_PATH } from '../provider/control-api.js'
import type { ProviderSnapshot } from '../provider/create-scim-service.js'
import { createSwitchableService } from '../provider/create-switchable-service.js'
import type { ProfileName } from '../provider/profiles/profiles.js'

/** Where worker mode keeps the provider between page loads. */
export const PROVIDER_STORAGE_KEY = 'scim-mock:console:provider'

/** The provider the console runs in worker mode: what `scim-mock serve` runs by default. */
export const WORKER_PROVIDER_OPTIONS = {
  token: 'secret',
  seed: { users: 25, groups: 4, seed: 1 },
  controlApi: true,
  // localStorage holds a few MB: keep the recent requests only.
  requestLogLimit: 300,
} as const

interface SavedProvider {
  profile: ProfileName
  snapshot: ProviderSnapshot
}

/**
 * Offline mode: the provider runs in this page and MSW's service worker
 * hands it the page's requests to its paths, so the console (and any code on
 * this origin) talks HTTP to it as to `scim-mock serve`. Its state is saved
 * to localStorage after every request and restored on the next load.
 */
export async function startWorkerMode(storage: Storage = localStorage): Promise<void> {
  const saved = readSaved(storage)
  const switchable = createSwitchableService(
    { ...WORKER_PROVIDER_OPTIONS, profile: saved?.profile ?? 'generic' },
    { onSwitch: () => save() },
  )
  await switchable.current.ready
  if (saved) {
    try {
      await switchable.current.restore(saved.snapshot)
    } catch {
      // A snapshot from another scim-mock version: start from the seed.
      storage.removeItem(PROVIDER_STORAGE_KEY)
    }
  }

  let saving: ReturnType<typeof setTimeout> | undefined
  function writeNow() {
    clearTimeout(saving)
    saving = undefined
    const service = switchable.current
    const record: SavedProvider = {
      profile: service.profile.name as ProfileName,
      snapshot: service.snapshot(),
    }
    try {
      storage.setItem(PROVIDER_STORAGE_KEY, JSON.stringify(record))
    } catch {
      // Over the quota: the state lives on in this page, unsaved.
    }
  }
  function save() {
    clearTimeout(saving)
    saving = setTimeout(writeNow, 50)
  }
  // Flush on the way out, so a reload right after a change keeps it.
  addEventListener('pagehide', () => {
    if (saving !== undefined) writeNow()
  })

  const worker = setupWorker(
    http.all(/.*/, async ({ request }) => {
      if (!isProviderRequest(new URL(request.url), switchable.current.paths)) return undefined
      const response = await switchable.handle(request)
      save()
      return response
    }),
  )
  await worker.start({
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
}

/** Requests on this origin below the provider's base URL, control API or OAuth paths. */
function isProviderRequest(url: URL, paths: readonly string[]): boolean {
  if (url.origin !== location.origin) return false
  const path = url.pathname.replace(/\/+$/, '')
  return [...paths, CONTROL_API_PATH].some((base) => {
    const basePath = new URL(base, location.origin).pathname.replace(/\/+$/, '')
    return path === basePath || path.startsWith(`${basePath}/`)
  })
}

function readSaved(storage: Storage): SavedProvider | undefined {
  try {
    const text = storage.getItem(PROVIDER_STORAGE_KEY)
    return text ? (JSON.parse(text) as SavedProvider) : undefined
  } catch {
    return undefined
  }
}
