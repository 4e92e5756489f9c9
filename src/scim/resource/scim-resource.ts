/**
 * A SCIM resource as JSON: core attributes at the top level under their
 * canonical names, extension attributes under their schema URN.
 */
export type ScimResource = Record<string, unknown> & {
  schemas?: string[]
  id?: string
  externalId?: string
  meta?: ScimMeta
}

/** Resource metadata (RFC 7643 §3.1). */
export interface ScimMeta {
  resourceType: string
  created: string
  lastModified: string
  location?: string
  version?: string
}
