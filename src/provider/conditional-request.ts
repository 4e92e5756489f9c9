import { ScimError } from '../scim/scim-error.js'

// SCIM versions are weak ETags (RFC 7644 §3.14) and clients send them back in
// If-Match, so both headers compare weakly: W/"3" matches "3".
const opaque = (tag: string) => tag.trim().replace(/^W\//, '')

function listMatches(header: string, version: string): boolean {
  const current = opaque(version)
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === current)
}

/** `If-None-Match` on a read: true when the client's copy is current (answer 304). */
export function isNotModified(headers: Headers, version: string): boolean {
  const header = headers.get('if-none-match')
  return header !== null && listMatches(header, version)
}

/** `If-Match` on a write: throws 412 when the client's copy is stale (RFC 7644 §3.14). */
export function assertPreconditions(headers: Headers, version: string): void {
  const header = headers.get('if-match')
  if (header !== null && !listMatches(header, version)) {
    throw ScimError.preconditionFailed(
      `If-Match ${header} does not match the current version ${version}: the resource has changed`,
    )
  }
}
