import type { setupServer } from 'msw/node'
import { createScimProvider, type ScimProvider, type ScimProviderOptions } from 'scim-mock'
import { createOktaOrg, type OktaApp, type OktaAppSettings, type OktaOrg } from 'scim-mock/okta'

/**
 * Learns what the server answered to each `GET /Users/{id}` the org sent, in
 * order, as `{{version1}}`, `{{lastModified1}}`, `{{version2}}`... and
 * `{{created}}`: the transcripts then show that Okta's PUT echoes the GET body
 * (okta-behavior.md §1.0, §1.3), meta included, whatever the clock said.
 */
export function rememberReads(org: OktaOrg, vars: Record<string, string>): void {
  const reads = org
    .requests()
    .filter((request) => request.method === 'GET' && /^\/Users\/[^?]+$/.test(request.path))
  reads.forEach((request, index) => {
    const meta = (request.response as { meta?: Record<string, string> } | undefined)?.meta
    if (!meta) return
    vars.created = meta.created!
    vars[`lastModified${index + 1}`] = meta.lastModified!
    vars[`version${index + 1}`] = meta.version!
  })
}

export const BASE_URL = 'https://acme.test/scim/v2'

type AppInput = Partial<Omit<OktaAppSettings, 'provisioning'>> & {
  provisioning?: Partial<OktaAppSettings['provisioning']>
}

/**
 * A fresh org, a provider behind the file's MSW server sharing the org's
 * simulated clock (so a `timeout` fault races Okta's 60 s deadline), an app
 * "Acme" and Jane, an Okta user not yet assigned.
 */
export function setupLifecycle(
  server: Pick<ReturnType<typeof setupServer>, 'use'>,
  options: { app?: AppInput; provider?: ScimProviderOptions } = {},
): { org: OktaOrg; provider: ScimProvider; app: OktaApp; jane: { id: string } } {
  const org = createOktaOrg({ seed: 11 })
  const provider = createScimProvider({
    baseUrl: BASE_URL,
    sleep: org.clock.sleep,
    ...options.provider,
  })
  server.use(...provider.handlers)
  const app = org.apps.create({
    label: 'Acme',
    baseUrl: options.provider?.baseUrl ?? BASE_URL,
    auth: { type: 'bearer', token: 'secret' },
    ...options.app,
  })
  const jane = org.users.create({
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  })
  return { org, provider, app, jane }
}

/** The requests the org sent, as "METHOD path" lines. */
export function sent(org: OktaOrg): string[] {
  return org.requests().map((request) => `${request.method} ${request.path}`)
}

/** The System Log as [eventType, displayMessage, result, reason?] rows. */
export function logRows(org: OktaOrg): Array<[string, string, string, string?]> {
  return org
    .systemLog()
    .map((event) =>
      event.outcome.reason === undefined
        ? [event.eventType, event.displayMessage, event.outcome.result]
        : [event.eventType, event.displayMessage, event.outcome.result, event.outcome.reason],
    )
}

/** Jane's lookup, as Okta sends it. */
export const JANE_FILTER =
  'GET /Users?filter=userName%20eq%20%22jane%40corp.example%22&startIndex=1&count=100'
