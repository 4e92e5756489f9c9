import { expect, openTab, test } from './console-fixtures.js'

test('offline mode: the provider runs in the page, with no SCIM server, and survives a reload', async ({
  page,
  scimConsole,
  request,
}) => {
  // The port serves the console's files only: no SCIM API, no control API.
  expect((await request.get(`${scimConsole.origin}/scim/v2/Users`)).status()).toBe(404)
  expect((await request.get(`${scimConsole.origin}/__scim-mock/service`)).status()).toBe(404)

  await page.goto(scimConsole.url)
  await expect(page.getByText('Offline: the provider runs in this page')).toBeVisible()
  await expect(page.getByText('25 users')).toBeVisible()

  // The page's own fetch reaches the provider through the service worker.
  const listed = await page.evaluate(async () => {
    const response = await fetch('/scim/v2/Users?count=1', {
      headers: { authorization: 'Bearer secret' },
    })
    return { status: response.status, body: (await response.json()) as { totalResults: number } }
  })
  expect(listed).toEqual({ status: 200, body: expect.objectContaining({ totalResults: 25 }) })

  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('done')
  await expect(page.locator('[data-okta-user="jane@corp.example"]')).toContainText('PROVISIONED')
  await expect(page.getByText('26 users')).toBeVisible()

  await page.reload()
  await expect(page.getByText('Offline: the provider runs in this page')).toBeVisible()
  await expect(page.getByText('26 users')).toBeVisible()
  await expect(page.locator('[data-scim-user="jane@corp.example"]')).toBeVisible()
  await expect(page.locator('[data-okta-user="jane@corp.example"]')).toContainText('PROVISIONED')

  // Okta's next action uses the restored link: unassigning deactivates the same SCIM user.
  await page.getByRole('button', { name: 'Unassign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('done')
  await openTab(page, 'Provider', 'Requests')
  await expect(page.locator('[data-request]').first()).toContainText('PATCH /Users/')
})
