import { expect } from '@playwright/test'
import { scimTest as test } from 'scim-mock/playwright'
import { adminUrl, serveAdminApp } from './admin-app.js'

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'

test('a page on another origin lists the seeded users', async ({ page, context, scimProvider }) => {
  await scimProvider.users.create({ userName: 'ada@example.com' })
  await scimProvider.users.create({ userName: 'grace@example.com' })
  await serveAdminApp(context)

  await page.goto(adminUrl(scimProvider.baseUrl))

  await expect(page.locator('#status')).toHaveText('200: 2 users')
  await expect(page.getByRole('listitem')).toHaveText(['ada@example.com', 'grace@example.com'])
  expect(scimProvider.baseUrl).toBe('https://scim.playwright.test/scim/v2')
})

test('a page creates a user the test then finds in the store', async ({
  page,
  context,
  scimProvider,
}) => {
  await serveAdminApp(context)
  await page.goto(adminUrl(scimProvider.baseUrl))
  await expect(page.locator('#status')).toHaveText('200: 0 users')

  await page.getByLabel('userName').fill('jane@example.com')
  await page.getByRole('button', { name: 'Create' }).click()

  await expect(page.locator('#result')).toHaveText(/^created /)
  const created = scimProvider.users.findByUserName('JANE@example.com')
  expect(created).toBeDefined()
  await expect(page.locator('#result')).toHaveText(
    `created ${created?.id} at ${scimProvider.baseUrl}/Users/${created?.id}`,
  )
  await expect(page.getByRole('listitem')).toHaveText(['jane@example.com'])
})

test('a page on about:blank calls the API with fetch', async ({ page, scimProvider }) => {
  const answer = await page.evaluate(async (base) => {
    const response = await fetch(`${base}/Users`, {
      method: 'POST',
      headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'blank@example.com',
      }),
    })
    return {
      status: response.status,
      etag: response.headers.get('ETag'),
      body: await response.json(),
    }
  }, scimProvider.baseUrl)

  expect(answer).toMatchObject({
    status: 201,
    etag: expect.stringMatching(/^W\/"/),
    body: { userName: 'blank@example.com', schemas: [USER_SCHEMA] },
  })
  expect(scimProvider.users.count()).toBe(1)
})

test('a page built with setContent renders what the API answers', async ({
  page,
  scimProvider,
}) => {
  await scimProvider.users.create({ userName: 'content@example.com', active: false })
  await page.setContent(`
    <output id="out">…</output>
    <script>
      fetch(${JSON.stringify(scimProvider.baseUrl)} + '/Users?filter=' + encodeURIComponent('active eq false'), {
        headers: { Authorization: 'Bearer secret' },
      })
        .then((response) => response.json())
        .then((body) => { document.querySelector('#out').textContent = body.Resources.map((u) => u.userName).join() })
    </script>`)

  await expect(page.locator('#out')).toHaveText('content@example.com')
})

test('a fault injected in the test process shows in the page', async ({
  page,
  context,
  scimProvider,
}) => {
  scimProvider.faults.add({
    on: 'createUser',
    respond: 'conflict',
    detail: 'User with this email already exists',
    times: 1,
  })
  await serveAdminApp(context)
  await page.goto(adminUrl(scimProvider.baseUrl))

  await page.getByLabel('userName').fill('jane@example.com')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.locator('#result')).toHaveText(
    'failed 409: User with this email already exists',
  )

  // `times: 1`: the second attempt goes through.
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.locator('#result')).toHaveText(/^created /)
  expect(scimProvider.requests.filter((request) => request.fault).map((r) => r.status)).toEqual([
    409,
  ])
})

test('a networkError fault makes the page fetch fail', async ({ page, context, scimProvider }) => {
  scimProvider.faults.add({ on: 'listUsers', respond: 'networkError' })
  await serveAdminApp(context)

  await page.goto(adminUrl(scimProvider.baseUrl))

  await expect(page.locator('#status')).toHaveText(/^network error: /)
  expect(scimProvider.requests.at(-1)).toMatchObject({ operation: 'listUsers', status: 0 })
})

test('an auth failure reaches the page as the SCIM error', async ({
  page,
  context,
  scimProvider,
}) => {
  await serveAdminApp(context)

  await page.goto(adminUrl(scimProvider.baseUrl, 'wrong-token'))

  await expect(page.locator('#status')).toHaveText(/^401: /)
  expect(scimProvider.requests.at(-1)?.status).toBe(401)
})

test('the Okta org assigns a user and the page sees it', async ({
  page,
  context,
  scimProvider,
  okta,
  oktaApp,
}) => {
  const jane = okta.users.create({
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  })

  await oktaApp.assignUser(jane.id)

  expect(oktaApp.appUser(jane.id)?.status).toBe('PROVISIONED')
  expect(okta.requests().map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
    'GET /Users?filter=userName%20eq%20%22jane%40corp.example%22&startIndex=1&count=100 200',
    'POST /Users 201',
  ])
  await serveAdminApp(context)
  await page.goto(adminUrl(scimProvider.baseUrl))
  await expect(page.getByRole('listitem')).toHaveText(['jane@corp.example'])
  expect(okta.tasks.open()).toEqual([])
})

test('a fault fails Okta the same way it fails the page', async ({
  scimProvider,
  okta,
  oktaApp,
}) => {
  scimProvider.faults.add({
    on: 'createUser',
    respond: 'conflict',
    detail: 'User with this email already exists',
  })
  const jane = okta.users.create({
    login: 'jane@corp.example',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  })

  await oktaApp.assignUser(jane.id)

  expect(okta.tasks.open().map((task) => task.message)).toEqual([
    expect.stringContaining(
      'Errors reported by remote server: User with this email already exists',
    ),
  ])
})

test('the request log shows the page requests', async ({ page, context, scimProvider }) => {
  await serveAdminApp(context)
  await page.goto(adminUrl(scimProvider.baseUrl))
  await page.getByLabel('userName').fill('log@example.com')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('listitem')).toHaveText(['log@example.com'])

  expect(
    scimProvider.requests.map(({ method, path, query, status }) => ({
      method,
      path,
      query,
      status,
    })),
  ).toEqual([
    { method: 'GET', path: '/Users', query: { sortBy: 'userName' }, status: 200 },
    { method: 'POST', path: '/Users', query: {}, status: 201 },
    { method: 'GET', path: '/Users', query: { sortBy: 'userName' }, status: 200 },
  ])
  const post = scimProvider.requests[1]
  expect(post?.headers).toMatchObject({
    authorization: 'Bearer secret',
    origin: 'https://app.playwright.test',
  })
  expect(post?.body).toEqual({ schemas: [USER_SCHEMA], userName: 'log@example.com' })
})

test.describe('with test.use({ scimOptions })', () => {
  test.use({ scimOptions: { seed: { users: 5, seed: 7 }, token: 'per-file-token' } })

  test('the provider is seeded and wants the token', async ({ page, context, scimProvider }) => {
    await serveAdminApp(context)

    await page.goto(adminUrl(scimProvider.baseUrl, 'per-file-token'))

    await expect(page.locator('#status')).toHaveText('200: 5 users')
    await expect(page.getByRole('listitem')).toHaveCount(5)
  })

  test('the Okta app uses the same token', async ({ okta, oktaApp }) => {
    await expect(oktaApp.testConnection()).resolves.toEqual({
      ok: true,
      message: 'Connector configured successfully',
    })
    expect(okta.requests()[0]?.headers.Authorization).toBe('Bearer per-file-token')
  })
})

test.describe('with a profile', () => {
  test.use({ scimOptions: { profile: 'secoda' } })

  test("the provider serves the profile's path on the bridge's origin", async ({
    page,
    context,
    scimProvider,
  }) => {
    expect(scimProvider.baseUrl).toBe('https://scim.playwright.test/api/v2/scim')
    await scimProvider.users.create({ userName: 'secoda@example.com' })
    await serveAdminApp(context)

    await page.goto(adminUrl(scimProvider.baseUrl))

    await expect(page.getByRole('listitem')).toHaveText(['secoda@example.com'])
  })
})

test.describe('with a path baseUrl', () => {
  test.use({ scimOptions: { baseUrl: '/scim/v2' } })

  test("the page's own origin serves the API", async ({ page, context, scimProvider }) => {
    await scimProvider.users.create({ userName: 'same-origin@example.com' })
    await serveAdminApp(context)

    await page.goto(adminUrl('/scim/v2'))

    await expect(page.getByRole('listitem')).toHaveText(['same-origin@example.com'])
    expect(scimProvider.requests[0]?.url).toBe(
      'https://app.playwright.test/scim/v2/Users?sortBy=userName',
    )
  })
})

test.describe('with the control API', () => {
  test.use({ scimOptions: { controlApi: true } })

  test('the page adds a fault over HTTP that the test then sees', async ({
    page,
    scimProvider,
  }) => {
    const status = await page.evaluate(async () => {
      const response = await fetch('https://scim.playwright.test/__scim-mock/faults', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ on: 'createUser', respond: 'licenseLimit' }),
      })
      return response.status
    })

    expect(status).toBe(201)
    expect(scimProvider.faults.list()).toMatchObject([
      { on: ['createUser'], respond: 'licenseLimit' },
    ])
  })
})
