import { expect, type Page, test as base } from '@playwright/test'
import type { ScimUser } from 'scim-mock'
import { createScimFixtures, type ScimFixtures } from 'scim-mock/playwright'
import { adminUrl, serveAdminApp } from './admin-app.js'

// The factory pattern: the SCIM fixtures spread into the suite's own
// test.extend, next to a fixture of its own that depends on them.

interface AdminFixtures {
  /** A user the suite arranges in the provider before each test. */
  admin: ScimUser
  /** The admin page, open and loaded. */
  adminPage: Page
}

const test = base.extend<ScimFixtures & AdminFixtures>({
  ...createScimFixtures({
    provider: { token: 'suite-token', seed: { users: 2, seed: 3 } },
    oktaApp: { mode: 'aiw', label: 'Suite app' },
  }),
  admin: async ({ scimProvider }, use) => {
    await use(
      await scimProvider.users.create({ userName: 'aaa-admin@example.com', title: 'Admin' }),
    )
  },
  adminPage: async ({ page, context, scimProvider, admin: _admin }, use) => {
    await serveAdminApp(context)
    await page.goto(adminUrl(scimProvider.baseUrl, 'suite-token'))
    await expect(page.locator('#status')).toHaveText('200: 3 users')
    await use(page)
  },
})

test('the suite fixture arranges the provider the page then shows', async ({
  adminPage,
  admin,
  scimProvider,
}) => {
  await expect(adminPage.getByRole('listitem').first()).toHaveText(admin.userName)
  expect(scimProvider.requests.map((request) => request.headers.authorization)).toEqual([
    'Bearer suite-token',
  ])
})

test('the factory options reach the Okta app', async ({ adminPage, okta, oktaApp }) => {
  expect(oktaApp.settings).toMatchObject({ mode: 'aiw', label: 'Suite app' })
  const jane = okta.users.create({
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  })

  await oktaApp.assignUser(jane.id)
  await adminPage.reload()

  await expect(adminPage.locator('#status')).toHaveText('200: 4 users')
  expect(
    okta.requests().every((request) => request.headers.Authorization === 'Bearer suite-token'),
  ).toBe(true)
})

test('each test gets its own provider', async ({ adminPage, scimProvider }) => {
  // The previous test assigned Jane; this provider has only the seed and the admin.
  await expect(adminPage.getByRole('listitem')).toHaveCount(3)
  expect(scimProvider.users.findByUserName('jane@corp.example')).toBeUndefined()
})
