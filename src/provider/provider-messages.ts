import type { ResourceKind } from '../store/scim-store.js'

/** The `detail` texts of the provider's own errors: vendor profiles use their vendor's words. */
export interface ProviderMessages {
  userNameTaken(userName: string): string
  emailTaken(email: string): string
  notFound(kind: ResourceKind, id: string): string
  licenseLimit(licenses: number): string
}

/** A message as a fixed text or a function of its values. */
export type MessageOverrides = {
  [K in keyof ProviderMessages]?: string | ProviderMessages[K]
}

const defaults: ProviderMessages = {
  userNameTaken: (userName) => `userName "${userName}" is already taken`,
  emailTaken: (email) => `email "${email}" is already used by another user`,
  notFound: (kind, id) => `${kind} "${id}" not found`,
  licenseLimit: (licenses) =>
    `License limit reached: all ${licenses} seats are taken by active users`,
}

/** Fills in the defaults and turns fixed texts into functions. */
export function resolveMessages(overrides: MessageOverrides = {}): ProviderMessages {
  const resolved = { ...defaults }
  for (const key of Object.keys(overrides) as Array<keyof ProviderMessages>) {
    const override = overrides[key]
    if (override === undefined) continue
    ;(resolved as Record<string, unknown>)[key] =
      typeof override === 'string' ? () => override : override
  }
  return resolved
}
