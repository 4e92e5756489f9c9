import type { BrowserContext } from '@playwright/test'

/** Where the tests' own "app under test" lives: a page on another origin than the SCIM API. */
export const APP_URL = 'https://app.playwright.test/'

/**
 * A tiny admin page, as an app under test would have: it lists the SCIM
 * users of `?scim=<base URL>` (bearer `?token=`, default "secret") and can
 * create one from the form. It shows the status line and SCIM error
 * `detail`s so tests can read what the API answered.
 */
const ADMIN_PAGE = /* html */ `<!doctype html>
<html>
  <head><title>SCIM admin</title></head>
  <body>
    <p id="status">loading</p>
    <ul id="users"></ul>
    <form id="create">
      <input name="userName" aria-label="userName" />
      <button type="submit">Create</button>
    </form>
    <p id="result"></p>
    <script>
      const params = new URLSearchParams(location.search)
      const base = params.get('scim')
      const headers = {
        Authorization: 'Bearer ' + (params.get('token') ?? 'secret'),
        'Content-Type': 'application/scim+json',
      }
      async function load() {
        const response = await fetch(base + '/Users?sortBy=userName', { headers })
        const body = await response.json()
        document.querySelector('#status').textContent =
          response.ok ? response.status + ': ' + body.totalResults + ' users' : response.status + ': ' + body.detail
        const list = document.querySelector('#users')
        list.replaceChildren(
          ...(body.Resources ?? []).map((user) => {
            const item = document.createElement('li')
            item.textContent = user.userName
            return item
          }),
        )
      }
      document.querySelector('#create').addEventListener('submit', async (event) => {
        event.preventDefault()
        const userName = new FormData(event.target).get('userName')
        const result = document.querySelector('#result')
        try {
          const response = await fetch(base + '/Users', {
            method: 'POST',
            headers,
            body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName }),
          })
          const body = await response.json()
          result.textContent = response.ok
            ? 'created ' + body.id + ' at ' + response.headers.get('Location')
            : 'failed ' + response.status + ': ' + body.detail
          await load()
        } catch (error) {
          result.textContent = 'network error: ' + error.message
        }
      })
      load().catch((error) => {
        document.querySelector('#status').textContent = 'network error: ' + error.message
      })
    </script>
  </body>
</html>`

/** Serves the admin page at {@link APP_URL} in this context, as the app's own server would. */
export async function serveAdminApp(context: BrowserContext): Promise<void> {
  // Only the page itself: its other paths may be the SCIM API (a path baseUrl).
  const page = new URL(APP_URL)
  await context.route(
    (url) => url.origin === page.origin && url.pathname === page.pathname,
    (route) => route.fulfill({ contentType: 'text/html', body: ADMIN_PAGE }),
  )
}

/** The admin page's URL for a SCIM base URL. */
export function adminUrl(scimBaseUrl: string, token?: string): string {
  const query = new URLSearchParams({ scim: scimBaseUrl, ...(token ? { token } : {}) })
  return `${APP_URL}?${query}`
}
