import { createOktaOrg, type OktaOrg } from '../okta/create-okta-org.js'
import type { OktaOrgSnapshot } from '../okta/index.js'
import { createSimulatedClock } from '../okta/okta-clock.js'
import type { OktaAuth } from '../okta/okta-scim-client.js'
import type { OktaApp } from '../okta/create-okta-org.js'
import type { ServiceInfo } from './console-client.js'
import { OKTA_GROUPS, OKTA_PEOPLE, VENDOR_APPS } from './vendor-apps.js'

/** Where the console keeps its Okta org between page loads. */
export const OKTA_STORAGE_KEY = 'scim-mock:console:okta'

interface SavedOrg {
  /** The provider's profile and base URL the org was set up for. */
  target: string
  snapshot: OktaOrgSnapshot
}

/** The console's Okta org and its one SCIM app, pointed at the provider. */
export interface OktaSession {
  org: OktaOrg
  app: OktaApp
  /** Saves the org to localStorage (after every action). */
  save(): void
  /** A fresh org: the seeded people and groups, the vendor's app settings, nothing assigned. */
  reset(): OktaSession
}

/**
 * The Okta side of the console: an Okta org running in the page, sending its
 * requests with the page's `fetch` (to `scim-mock serve`, or to the worker).
 * Its clock is simulated, so Okta's rate-limit back-off (minutes to hours)
 * passes at once; it starts at the real time.
 */
export function openOktaSession(info: ServiceInfo, storage: Storage = localStorage): OktaSession {
  const baseUrl = new URL(info.baseUrl, location.origin).href.replace(/\/+$/, '')
  const target = `${info.profile.name} ${baseUrl}`
  const saved = readSaved(storage)

  function build(restore: OktaOrgSnapshot | undefined): OktaSession {
    const org = createOktaOrg({
      fetch: oktaFetch,
      clock: createSimulatedClock(new Date()),
    })
    let app: OktaApp
    if (restore) {
      org.restore(restore)
      app = org.apps.list()[0]!
    } else {
      app = org.apps.create({
        ...VENDOR_APPS.generic,
        ...VENDOR_APPS[info.profile.name],
        baseUrl,
        auth: appAuth(info),
      } as Parameters<OktaOrg['apps']['create']>[0])
      for (const person of OKTA_PEOPLE) org.users.create(person)
      for (const group of OKTA_GROUPS) org.groups.create(group)
    }
    const session: OktaSession = {
      org,
      app,
      save() {
        try {
          storage.setItem(
            OKTA_STORAGE_KEY,
            JSON.stringify({ target, snapshot: org.snapshot() } satisfies SavedOrg),
          )
        } catch {
          // Over the quota: the org lives on in this page, unsaved.
        }
      },
      reset() {
        storage.removeItem(OKTA_STORAGE_KEY)
        const fresh = build(undefined)
        fresh.save()
        return fresh
      },
    }
    return session
  }

  if (saved?.target === target) {
    try {
      return build(saved.snapshot)
    } catch {
      // Saved by another scim-mock version: start again.
    }
  }
  const session = build(undefined)
  session.save()
  return session
}

/**
 * The page's fetch, for Okta. A browser hides the Location of a manual
 * redirect (an opaque response), so the OAuth consent redirect is followed
 * instead, to the console's own callback URL on this origin, and Okta is
 * handed the URL it landed on as the Location: the code and state it needs.
 */
async function oktaFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (init?.redirect !== 'manual') return fetch(input, init)
  const response = await fetch(input, { ...init, redirect: 'follow' })
  if (!response.redirected) return response
  return new Response(null, { status: 302, headers: { location: response.url } })
}

/** Where the OAuth consent sends the browser: this page, which ignores the code. */
const OAUTH_CALLBACK = () => new URL('./?oauth-callback', location.href).href

function appAuth(info: ServiceInfo): OktaAuth {
  const auth = info.authentication
  if (auth.type === 'oauth') {
    const { authorizeUrl, tokenUrl, clientId, clientSecret } = auth
    return {
      type: 'oauth',
      authorizeUrl: new URL(authorizeUrl, location.origin).href,
      tokenUrl: new URL(tokenUrl, location.origin).href,
      clientId,
      clientSecret,
      redirectUri: OAUTH_CALLBACK(),
    }
  }
  return { type: 'bearer', token: auth.type === 'bearer' ? (auth.tokens[0] ?? '') : '' }
}

function readSaved(storage: Storage): SavedOrg | undefined {
  try {
    const text = storage.getItem(OKTA_STORAGE_KEY)
    return text ? (JSON.parse(text) as SavedOrg) : undefined
  } catch {
    return undefined
  }
}
