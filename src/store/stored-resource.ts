import type { ScimMeta, ScimResource } from '../scim/resource/scim-resource.js'

/**
 * A resource as the store holds it: client data plus `id` and `meta`
 * without `location` (the provider adds what depends on its base URL).
 * Stored records are never mutated in place: every change stores a new object.
 */
export type StoredResource = ScimResource & {
  id: string
  schemas: string[]
  meta: Required<Omit<ScimMeta, 'location'>>
}
