import type { HttpHandler } from 'msw'
import {
  createScimHandlers,
  createScimProvider,
  createScimService,
  type RecordedRequest,
  ScimError,
  type ScimGroup,
  type ScimProvider,
  type ScimProviderOptions,
  type ScimService,
  type ScimType,
  type ScimUser,
  URN,
} from 'scim-mock'
import { applyPatch, type FilterExpression, parseFilter } from 'scim-mock/scim'
import { expectTypeOf, test } from 'vitest'

// Type tests of the public API. `npm run test:package` checks them with
// test/package/tsconfig.json, against the .d.ts files in dist/ that
// package.json `exports` points to; `npm run typecheck` against src/.

test('createScimProvider returns a provider with MSW handlers', () => {
  expectTypeOf(createScimProvider).parameter(0).toEqualTypeOf<ScimProviderOptions | undefined>()
  expectTypeOf(createScimProvider).returns.toEqualTypeOf<ScimProvider>()
  expectTypeOf<ScimProvider['handlers']>().toEqualTypeOf<HttpHandler[]>()
  expectTypeOf<ScimProvider>().toExtend<ScimService>()
  expectTypeOf(createScimService).returns.toEqualTypeOf<ScimService>()
  expectTypeOf(createScimHandlers).parameter(0).toEqualTypeOf<ScimService>()
  expectTypeOf(createScimHandlers).returns.toEqualTypeOf<HttpHandler[]>()
})

test('the provider gives typed access to its resources and log', () => {
  const provider = createScimProvider()
  expectTypeOf(provider.handle).toEqualTypeOf<(request: Request) => Promise<Response>>()
  expectTypeOf(provider.users.get('id')).toEqualTypeOf<ScimUser | undefined>()
  expectTypeOf(provider.users.list()).toEqualTypeOf<ScimUser[]>()
  expectTypeOf(provider.users.findByUserName('ada')).toEqualTypeOf<ScimUser | undefined>()
  expectTypeOf(provider.groups.get('id')).toEqualTypeOf<ScimGroup | undefined>()
  expectTypeOf(provider.requests).toEqualTypeOf<readonly RecordedRequest[]>()
  expectTypeOf(provider.ready).toEqualTypeOf<Promise<void>>()
  expectTypeOf<ScimUser>().not.toHaveProperty('password')
  expectTypeOf<ScimProviderOptions>().toHaveProperty('baseUrl').toEqualTypeOf<string | undefined>()
  // @ts-expect-error a provider takes options, not a base URL string
  createScimProvider('https://acme.test/scim/v2')
})

test('errors and URNs', () => {
  expectTypeOf(new ScimError(409, 'taken', 'uniqueness')).toExtend<Error>()
  expectTypeOf<ScimError['scimType']>().toEqualTypeOf<ScimType | undefined>()
  expectTypeOf(URN.user).toEqualTypeOf<'urn:ietf:params:scim:schemas:core:2.0:User'>()
})

test('scim-mock/scim exports the protocol core', () => {
  expectTypeOf(parseFilter).toEqualTypeOf<(text: string) => FilterExpression>()
  expectTypeOf(applyPatch).toBeFunction()
})
