import { URN } from '../../scim/schema/urns.js'
import type { StoredResource } from '../../store/stored-resource.js'
import { defineProfile } from './vendor-profile.js'

/**
 * MangoApps (seed 003): base path `/scim/v2`, an OAuth 2 authorization-code
 * connection ("Authenticate with MangoApps"), and department groups: a user
 * whose enterprise `department` is set or changes becomes a member of the
 * group named after it (created when missing), and keeps the group of the
 * department before. Creating, updating, deactivating and reactivating users
 * are the provider's own RFC behaviour.
 *
 * @example
 * const provider = createScimProvider({ baseUrl: 'https://acme.mangoapps.com/scim/v2', profile: 'mangoapps' })
 * // PUT /Users/{id} with department "Sales" → the user is in "Engineering" and "Sales"
 */
export const mangoapps = defineProfile({
  name: 'mangoapps',
  description:
    'MangoApps: OAuth 2 connection, a department change adds the user to the department group and keeps the old one',
  source: '003_5afdaa794af059d1.txt',
  create: (context) => ({
    options: {
      baseUrl: '/scim/v2',
      // Seed 003: "select SAML Provisioning with SCIM and switch to OAuth 2
      // connection"; Okta's "Authenticate with MangoApps" runs the code grant.
      // Its codes and tokens are the provider's state (and snapshot), not the profile's.
      oauth: {},
    },
    hooks: {
      async afterWrite(kind, record, { existing, tx }) {
        if (kind !== 'User') return
        const department = departmentOf(record)
        if (department === undefined || department === departmentOf(existing)) return
        // NOTE: MangoApps-specific, copied on purpose (seed 003, Attribute Mapping):
        // "When a user's department is updated, they will be assigned membership in
        // the new department in addition to their existing department group
        // affiliation." So the old department's group is never left.
        const [group] = context.store.groups
          .lookup('displayName', department)
          .filter((g) => String(g.displayName).toLowerCase() === department.toLowerCase())
          .sort((a, b) => context.store.groups.position(a.id) - context.store.groups.position(b.id))
        if (!group) {
          await tx.create('Group', {
            schemas: [URN.group],
            displayName: department,
            members: [{ value: record.id }],
          })
          return
        }
        const members = Array.isArray(group.members)
          ? (group.members as Array<{ value: string }>)
          : []
        if (members.some((member) => member.value === record.id)) return
        await tx.replace('Group', group.id, {
          ...group,
          members: [...members, { value: record.id }],
        })
      },
    },
  }),
})

/** The enterprise extension's `department` (RFC 7643 §4.3), when set. */
function departmentOf(user: StoredResource | undefined): string | undefined {
  const enterprise = user?.[URN.enterpriseUser] as { department?: unknown } | undefined
  const department = enterprise?.department
  return typeof department === 'string' && department.trim() !== '' ? department : undefined
}
