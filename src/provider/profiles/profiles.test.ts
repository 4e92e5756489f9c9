import { expect, it } from 'vitest'
import { findProfile, type ProfileName, profiles } from './profiles.js'

const names = Object.keys(profiles) as ProfileName[]

it('registers generic and the five vendor profiles', () => {
  expect(names).toEqual(['generic', 'magicpod', 'secoda', 'condeco', 'mangoapps', 'oktopost'])
})

it.each(names)('describes %s under its own name', (name) => {
  const profile = profiles[name]

  expect(profile.name).toBe(name)
  expect(profile.description).toMatch(/\S/)
  if (name !== 'generic') expect(profile.source).toMatch(/^\d{3}_[\da-f]{16}\.txt$/)
})

it('lists every profile when a name is unknown', () => {
  expect(() => findProfile('okta' as ProfileName)).toThrow(
    new TypeError(
      'Failed to create a SCIM provider: unknown profile "okta" (known: generic, magicpod, secoda, condeco, mangoapps, oktopost)',
    ),
  )
})

it('refuses profileSettings for a profile that has none', async () => {
  const { createScimService } = await import('../create-scim-service.js')
  expect(() => createScimService({ profile: 'condeco', profileSettings: { x: 1 } })).toThrow(
    /profile "condeco" has no settings/,
  )
})
