import { condeco } from './condeco.js'
import { generic } from './generic.js'
import { magicpod } from './magicpod.js'
import { mangoapps } from './mangoapps.js'
import { oktopost } from './oktopost.js'
import { secoda } from './secoda.js'
import type { VendorProfile } from './vendor-profile.js'

/** The built-in profiles by name: strict RFC, then one per vendor guide (shared/seeds). */
export const profiles = {
  generic,
  magicpod,
  secoda,
  condeco,
  mangoapps,
  oktopost,
} as const satisfies Record<string, VendorProfile>

/** The name of a built-in profile. */
export type ProfileName = keyof typeof profiles

/** Finds a built-in profile, or throws a TypeError listing the names. */
export function findProfile(profile: ProfileName | VendorProfile): VendorProfile {
  if (typeof profile !== 'string') return profile
  const found = (profiles as Record<string, VendorProfile>)[profile]
  if (!found || !Object.hasOwn(profiles, profile)) {
    throw new TypeError(
      `Failed to create a SCIM provider: unknown profile "${profile}" (known: ${Object.keys(profiles).join(', ')})`,
    )
  }
  return found
}
