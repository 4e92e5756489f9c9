import { parseFilter } from '../scim/filter/parse-filter.js'
import { normalizeResource } from '../scim/resource/normalize-resource.js'
import type { ScimGroup, ScimGroupInput } from '../scim/resource/scim-group.js'
import type { ScimResource } from '../scim/resource/scim-resource.js'
import type { ScimUser, ScimUserAttributes, ScimUserInput } from '../scim/resource/scim-user.js'
import { URN } from '../scim/schema/urns.js'
import type { ResourceKind, ScimStore } from '../store/scim-store.js'
import type { StoredResource } from '../store/stored-resource.js'
import {
  type OperationContext,
  presentRecord,
  resourceSchemas,
  write,
} from './resource-operations.js'

/**
 * Typed access to one resource type, without HTTP. Writes go through the
 * same validation, uniqueness and membership rules as requests do; reads
 * return copies, so a test cannot change the store by accident.
 */
export interface ResourceAccess<Resource, Input> {
  /** Creates a resource as `POST` would; rejects with the same ScimError. */
  create(input: Input): Promise<Resource>
  get(id: string): Resource | undefined
  /** Resources matching a SCIM filter, e.g. `'emails[type eq "work"]'`. */
  find(filter: string): Resource[]
  list(): Resource[]
  count(): number
  /** Changes some attributes, keeping the rest (a merge, then the PUT rules). */
  update(id: string, changes: Partial<Input>): Promise<Resource>
  /** Deletes a resource behind the client's back; false when it did not exist. */
  delete(id: string): Promise<boolean>
}

export interface UserAccess extends ResourceAccess<ScimUser, ScimUserInput> {
  /** The user with this userName, ignoring case as SCIM does. */
  findByUserName(userName: string): ScimUser | undefined
}

export interface GroupAccess extends ResourceAccess<ScimGroup, ScimGroupInput> {
  /** The groups with this displayName, ignoring case. */
  findByDisplayName(displayName: string): ScimGroup[]
}

interface AccessContext extends Pick<
  OperationContext,
  'hooks' | 'messages' | 'licenses' | 'write'
> {
  store: ScimStore
  baseUrl: string
  ready: Promise<void>
  assertSeeded(action: string): void
}

export function createResourceAccess(context: AccessContext): {
  users: UserAccess
  groups: GroupAccess
} {
  const users = createAccess<ScimUser, ScimUserInput>('User', context)
  const groups = createAccess<ScimGroup, ScimGroupInput>('Group', context)
  return {
    users: {
      ...users,
      findByUserName(userName) {
        context.assertSeeded('find a user')
        const [match] = context.store.users
          .lookup('userName', userName)
          .filter((user) => (user.userName as string).toLowerCase() === userName.toLowerCase())
        return match ? present<ScimUser>(match, context) : undefined
      },
    },
    groups: {
      ...groups,
      findByDisplayName(displayName) {
        context.assertSeeded('find groups')
        return context.store.groups
          .lookup('displayName', displayName)
          .filter((group) => String(group.displayName).toLowerCase() === displayName.toLowerCase())
          .map((group) => present<ScimGroup>(group, context))
      },
    },
  }
}

function present<Resource = ScimResource>(
  record: StoredResource,
  context: AccessContext,
): Resource {
  return structuredClone(
    presentRecord(record, context.store, context.baseUrl, context.hooks),
  ) as Resource
}

function createAccess<Resource, Input extends ScimUserAttributes | ScimGroupInput>(
  kind: ResourceKind,
  context: AccessContext,
): ResourceAccess<Resource, Input> {
  const { store } = context
  const schema = resourceSchemas[kind]
  const noun = kind.toLowerCase()
  const withSchemas = (input: object) =>
    'schemas' in input && Array.isArray(input.schemas)
      ? input
      : { schemas: [kind === 'User' ? URN.user : URN.group], ...input }

  return {
    async create(input) {
      await context.ready
      const data = normalizeResource(withSchemas(input), schema, {})
      const record = await store.transaction((tx) => write(kind, data, undefined, tx, context))
      return present<Resource>(record, context)
    },
    get(id) {
      context.assertSeeded(`get a ${noun}`)
      const record = store.get(kind, id)
      return record ? present<Resource>(record, context) : undefined
    },
    find(filter) {
      context.assertSeeded(`find ${noun}s`)
      return store
        .search(kind, parseFilter(filter))
        .map((record) => present<Resource>(record, context))
    },
    list() {
      context.assertSeeded(`list ${noun}s`)
      return [...store.collection(kind).values()].map((record) =>
        present<Resource>(record, context),
      )
    },
    count() {
      context.assertSeeded(`count ${noun}s`)
      return store.collection(kind).size()
    },
    async update(id, changes) {
      await context.ready
      const record = await store.transaction((tx) => {
        const existing = store.get(kind, id)
        if (!existing) throw new Error(`Failed to update ${noun} "${id}": no such ${noun}`)
        const data = normalizeResource({ ...existing, ...changes }, schema, { existing })
        return write(kind, data, existing, tx, context)
      })
      return present<Resource>(record, context)
    },
    async delete(id) {
      await context.ready
      return store.transaction((tx) => tx.delete(kind, id))
    },
  }
}
