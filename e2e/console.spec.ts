import AxeBuilder from '@axe-core/playwright'
import { addFault, expect, openTab, test } from './console-fixtures.js'

const JANE_CONFLICT =
  'Automatic provisioning of user Jane Doe to app SCIM 2.0 Test App (OAuth Bearer Token) failed: Error while creating user jane@corp.example: Conflict. Errors reported by remote server: User already exists in the database.'

test('the console opens on scim-mock serve, showing both sides', async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  await expect(page.getByRole('heading', { name: 'scim-mock console' })).toBeVisible()
  await expect(page.getByText('Provider: scim-mock serve at')).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Okta · / })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Provider · generic' })).toBeVisible()
  // The seeded provider: 25 users (scim-mock serve's default).
  await expect(page.getByText('25 users')).toBeVisible()
})

test("a conflict injected in the provider shows as Okta's task message", async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  await addFault(page, { respond: 'conflict', on: 'createUser', times: 1 })

  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText(JANE_CONFLICT)

  await openTab(page, 'Okta', 'Tasks (1)')
  const task = page.locator('[data-task]')
  await expect(task).toHaveCount(1)
  await expect(task.locator('.task-message')).toHaveText(JANE_CONFLICT)

  // The request log shows the 409 the fault answered, and its body.
  await openTab(page, 'Provider', 'Requests')
  const post = page.locator('[data-request]', { hasText: 'POST /Users' })
  await expect(post.getByText('fault: conflict')).toBeVisible()
  await post.locator('summary').click()
  await expect(post.getByText('"detail": "User already exists in the database."')).toBeVisible()

  // The fault fired once: Retry provisions Jane.
  await openTab(page, 'Okta', /^Tasks/)
  await page.getByRole('button', { name: /^Retry / }).click()
  await expect(page.getByRole('tab', { name: 'Tasks', exact: true })).toBeVisible()
  await openTab(page, 'Provider', 'Users')
  await page.getByLabel('Search users').fill('userName eq "jane@corp.example"')
  await expect(page.locator('[data-scim-user="jane@corp.example"]')).toBeVisible()
})

test('Secoda: "User not found" on a profile push, fixed by unassigning and reassigning', async ({
  page,
  consoleServer,
}) => {
  const userNotFound =
    'Automatic provisioning of user Jane Doe to app Secoda failed: Error while trying to push profile update for jane.doe@example.com: User not found'
  await page.goto(consoleServer.url)
  await openTab(page, 'Provider', 'Profile')
  await page.getByLabel('Vendor profile').selectOption('secoda')
  await page.getByRole('button', { name: 'Switch profile' }).click()
  await expect(page.getByRole('heading', { name: 'Provider · secoda' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Okta · Secoda' })).toBeVisible()

  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('Assign Jane Doe to Secoda: done')
  await openTab(page, 'Provider', 'Users')
  const jane = page.locator('[data-scim-user="jane.doe@example.com"]')
  await expect(jane.locator('.badge')).toHaveText('Invited')

  // Jane's member is removed in Secoda, behind Okta's back.
  await jane.getByRole('button', { name: 'Delete jane.doe@example.com in the provider' }).click()
  await expect(jane).toHaveCount(0)

  // Editing her assignment pushes her profile to the stale id.
  await page.getByRole('button', { name: 'Edit Jane Doe' }).click()
  await page.getByLabel('Assignment title').fill('Data Lead')
  await page.getByRole('button', { name: 'Save assignment' }).click()
  await expect(page.getByRole('status')).toContainText(userNotFound)
  await openTab(page, 'Okta', 'Tasks (1)')
  await expect(page.locator('.task-message')).toHaveText(userNotFound)

  // "To resolve, unassign the user from the Okta application. Then reassign."
  await openTab(page, 'Okta', 'People')
  await page.getByRole('button', { name: 'Unassign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('done')
  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('Assign Jane Doe to Secoda: done')
  await expect(page.getByRole('tab', { name: 'Tasks', exact: true })).toBeVisible()
  await expect(page.locator('[data-okta-user="jane@corp.example"]')).toContainText('PROVISIONED')

  await openTab(page, 'Provider', 'Users')
  await expect(jane).toHaveCount(1)
})

test('the console is usable from the keyboard: tabs move with the arrow keys', async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  const people = page.getByRole('tablist', { name: 'Okta' }).getByRole('tab', { name: 'People' })
  await people.focus()
  await page.keyboard.press('ArrowRight')
  const groups = page.getByRole('tablist', { name: 'Okta' }).getByRole('tab', { name: 'Groups' })
  await expect(groups).toBeFocused()
  await expect(groups).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel')).toHaveCount(2)
  await page.keyboard.press('End')
  await expect(
    page.getByRole('tablist', { name: 'Okta' }).getByRole('tab', { name: 'System Log' }),
  ).toBeFocused()
})

test('a built-in scenario runs in the page and reports its steps', async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  await openTab(page, 'Provider', 'Scenarios')
  await page
    .getByRole('button', {
      name: 'Run Secoda answers "User not found" on a profile push until the user is unassigned and reassigned',
    })
    .click()
  await expect(
    page.getByRole('heading', { name: 'secoda-user-not-found.yaml: passed' }),
  ).toBeVisible()
  await expect(page.locator('.step-failed')).toHaveCount(0)
  await expect(page.locator('.step-passed').first()).toContainText('assign')
})

test('MangoApps: Okta authenticates with OAuth from the page, then provisions', async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  await openTab(page, 'Provider', 'Profile')
  await page.getByLabel('Vendor profile').selectOption('mangoapps')
  await page.getByRole('button', { name: 'Switch profile' }).click()
  await expect(page.getByRole('heading', { name: 'Okta · MangoApps' })).toBeVisible()

  // Without a token, provisioning fails with the server's 401.
  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText('failed')

  await openTab(page, 'Okta', 'App settings')
  await page.getByRole('button', { name: 'Authenticate with MangoApps' }).click()
  await expect(page.getByRole('status')).toHaveText('Authenticate with MangoApps: done')
  await openTab(page, 'Okta', /^Tasks/)
  await page.getByRole('button', { name: /^Retry / }).click()
  await expect(page.getByRole('status')).toContainText(': done')
  await expect(page.getByRole('tab', { name: 'Tasks', exact: true })).toBeVisible()

  await openTab(page, 'Provider', 'Requests')
  await expect(page.locator('[data-request]').first()).toContainText('POST /Users')
  await expect(page.locator('[data-request]').first()).toContainText('201')
})

test("every tab of the console passes axe's WCAG 2.1 AA checks", async ({
  page,
  consoleServer,
}) => {
  await page.goto(consoleServer.url)
  await page.getByRole('button', { name: 'Assign Jane Doe' }).click()
  await expect(page.getByRole('status')).toContainText(': done')
  const violations: string[] = []
  for (const [column, tabs] of [
    ['Okta', ['People', 'Groups', 'App settings', 'Tasks', 'System Log']],
    ['Provider', ['Users', 'Groups', 'Requests', 'Faults', 'Profile', 'Scenarios']],
  ] as const) {
    for (const tab of tabs) {
      await openTab(page, column, tab)
      const { violations: found } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      violations.push(
        ...found.map(
          (violation) =>
            `${column} > ${tab}: ${violation.id} (${violation.nodes.length}): ${violation.help}`,
        ),
      )
    }
  }
  expect(violations).toEqual([])
})
