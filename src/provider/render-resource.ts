import type { ScimResource } from '../scim/resource/scim-resource.js'
import type { ScimStore } from '../store/scim-store.js'
import type { StoredResource } from '../store/stored-resource.js'

/**
 * Turns a stored record into the resource a client sees: `meta.location`,
 * the derived `groups` of a user, and each member's `display`, `$ref` and
 * `type` (RFC 7643 §4.1.2, §4.2), which follow renames because they are
 * computed here, not stored.
 */
export function renderResource(
  record: StoredResource,
  store: ScimStore,
  baseUrl: string,
): ScimResource {
  const kind = record.meta.resourceType === 'Group' ? 'Group' : 'User'
  const rendered: ScimResource = {}
  for (const key in record) {
    if (key === 'meta') continue
    if (key === 'members' && Array.isArray(record.members)) {
      rendered.members = (record.members as Array<{ value: string; type?: string }>).map((member) =>
        renderMember(member, store, baseUrl),
      )
    } else {
      rendered[key] = record[key]
    }
  }
  if (kind === 'User') {
    const groups = store.groupsOf(record.id)
    if (groups.length > 0) {
      rendered.groups = groups.map((group) => ({
        value: group.id,
        $ref: `${baseUrl}/Groups/${group.id}`,
        display: group.displayName,
        type: 'direct',
      }))
    }
  }
  rendered.meta = { ...record.meta, location: `${baseUrl}/${kind}s/${record.id}` }
  return rendered
}

function renderMember(member: { value: string; type?: string }, store: ScimStore, baseUrl: string) {
  const user = store.users.get(member.value)
  if (user) {
    return {
      value: member.value,
      $ref: `${baseUrl}/Users/${member.value}`,
      display: (user.displayName as string | undefined) ?? user.userName,
      type: 'User',
    }
  }
  const group = store.groups.get(member.value)
  return {
    value: member.value,
    $ref: `${baseUrl}/Groups/${member.value}`,
    ...(group ? { display: group.displayName } : {}),
    type: 'Group',
  }
}
