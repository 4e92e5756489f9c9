import { test } from '@playwright/test'
import { createScimFixtures, type ScimFixtures } from './create-scim-fixtures.js'

/**
 * Playwright's `test` with the SCIM fixtures and their defaults. To add
 * your own fixtures, extend it, or spread `createScimFixtures()` into your
 * own `test.extend`.
 *
 * @example
 * import { expect } from '@playwright/test'
 * import { scimTest as test } from 'scim-mock/playwright'
 *
 * test('the admin page lists SCIM users', async ({ page, scimProvider }) => {
 *   await scimProvider.users.create({ userName: 'jane@example.com' })
 *   await page.goto('/admin/users')
 *   await expect(page.getByText('jane@example.com')).toBeVisible()
 * })
 */
export const scimTest = test.extend<ScimFixtures>(createScimFixtures())
