import type { Extension } from '@msw/data/extensions'
import { compileFilter } from '../scim/filter/compile-filter.js'
import type { FilterExpression } from '../scim/filter/filter-ast.js'
import { referencedPaths } from '../scim/filter/referenced-paths.js'
import type { ScimResource } from '../scim/resource/scim-resource.js'
import type { ResourceSchema } from '../scim/schema/attribute-definition.js'
import { resolveAttributePath } from '../scim/schema/resolve-attribute-path.js'
import { groupResourceSchema, userResourceSchema } from '../scim/schema/resource-schemas.js'
import { URN } from '../scim/schema/urns.js'
import { ScimError } from '../scim/scim-error.js'
import { planQuery } from './plan-query.js'
import { storedGroupSchema, storedUserSchema } from './record-schemas.js'
import { createResourceCollection, type ResourceCollection } from './resource-collection.js'
import type { StoredResource } from './stored-resource.js'

export type ResourceKind = 'User' | 'Group'

export interface ScimStoreOptions {
  /** The time written to `meta.created` and `meta.lastModified`. */
  clock?: () => Date
  /** Ids of new resources. Defaults to `crypto.randomUUID()`. */
  generateId?: () => string
  /**
   * What a group member that is neither a user nor a group does: `reject`
   * answers 400 invalidValue (default), `ignore` drops it (some providers do).
   */
  unknownMembers?: 'reject' | 'ignore'
  /** Reject a second group with the same displayName (RFC 7643 says uniqueness "none"). */
  uniqueGroupDisplayName?: boolean
  /** Reject a user whose email another user holds (vendors that key users by email). */
  uniqueEmails?: boolean
  /** The `detail` of uniqueness errors. */
  messages?: {
    userNameTaken?: (userName: string) => string
    emailTaken?: (email: string) => string
  }
  /** `@msw/data` extensions per collection, e.g. persist in the browser. */
  extensions?: { users?: Extension[]; groups?: Extension[] }
}

/** Everything the store holds, e.g. the seeded state that `reset()` returns to. */
export interface StoreSnapshot {
  users: readonly StoredResource[]
  groups: readonly StoredResource[]
  revision: number
}

/**
 * How one request bends the rules: the `caseSensitiveUserName` failure mode
 * compares userNames exactly, as a buggy server does.
 */
export interface WriteOptions {
  caseSensitiveUserName?: boolean
}

/** The writes of a store, available inside `transaction()` only. */
export interface StoreTransaction {
  create(kind: ResourceKind, data: ScimResource, options?: WriteOptions): Promise<StoredResource>
  replace(
    kind: ResourceKind,
    id: string,
    data: ScimResource,
    options?: WriteOptions,
  ): Promise<StoredResource>
  delete(kind: ResourceKind, id: string): Promise<boolean>
}

/**
 * The in-memory SCIM store: users and groups in `@msw/data` collections,
 * with the indexes, uniqueness, membership and reset that it lacks.
 */
export interface ScimStore {
  readonly users: ResourceCollection
  readonly groups: ResourceCollection
  collection(kind: ResourceKind): ResourceCollection
  get(kind: ResourceKind, id: string): StoredResource | undefined
  /** Matching resources in creation order; every resource without a filter. Throws invalidFilter. */
  search(kind: ResourceKind, filter?: FilterExpression, options?: WriteOptions): StoredResource[]
  /** The groups that list `memberId` (a user or group id) as a direct member. */
  groupsOf(memberId: string): StoredResource[]
  /**
   * Runs writes one at a time: a read-check-write (uniqueness, If-Match,
   * PATCH) cannot interleave with a concurrent request's.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T> | T): Promise<T>
  snapshot(): StoreSnapshot
  restore(snapshot: StoreSnapshot): Promise<void>
}

// Canonical paths the collections index (see plan-query.ts); `id` is the primary key.
const userIndexes = {
  userName: (user: StoredResource) => [user.userName],
  externalId: (record: StoredResource) => [record.externalId],
  'emails.value': (user: StoredResource) => emailValues(user),
}
const groupIndexes = {
  displayName: (group: StoredResource) => [group.displayName],
  externalId: (record: StoredResource) => [record.externalId],
  'members.value': (group: StoredResource) => memberIds(group),
}
const indexedPaths: Record<ResourceKind, ReadonlySet<string>> = {
  User: new Set(Object.keys(userIndexes)),
  Group: new Set(Object.keys(groupIndexes)),
}
const schemas: Record<ResourceKind, ResourceSchema> = {
  User: userResourceSchema,
  Group: groupResourceSchema,
}

/** The User schema of a server that compares userNames exactly (a failure mode). */
const caseSensitiveUserSchema: ResourceSchema = {
  ...userResourceSchema,
  core: {
    ...userResourceSchema.core,
    attributes: userResourceSchema.core.attributes.map((attribute) =>
      attribute.name === 'userName' ? { ...attribute, caseExact: true } : attribute,
    ),
  },
}

/** @example const store = createScimStore({ clock: () => new Date('2026-01-01T00:00:00Z') }) */
export function createScimStore(options: ScimStoreOptions = {}): ScimStore {
  const clock = options.clock ?? (() => new Date())
  const generateId = options.generateId ?? (() => crypto.randomUUID())
  const users = createResourceCollection({
    resourceType: 'User',
    schema: storedUserSchema,
    indexes: userIndexes,
    ...(options.extensions?.users ? { extensions: options.extensions.users } : {}),
  })
  const groups = createResourceCollection({
    resourceType: 'Group',
    schema: storedGroupSchema,
    indexes: groupIndexes,
    ...(options.extensions?.groups ? { extensions: options.extensions.groups } : {}),
  })
  const collection = (kind: ResourceKind) => (kind === 'User' ? users : groups)
  // Every write takes the next revision: ETags differ whenever content may differ.
  let revision = 0
  let queue: Promise<unknown> = Promise.resolve()

  const newId = (): string => {
    let id = generateId()
    while (users.get(id) || groups.get(id)) id = generateId()
    return id
  }

  const userNameTaken =
    options.messages?.userNameTaken ?? ((userName) => `userName "${userName}" is already taken`)
  const emailTaken =
    options.messages?.emailTaken ?? ((email) => `email "${email}" is already used by another user`)

  const assertUnique = (
    kind: ResourceKind,
    data: ScimResource,
    exceptId: string | undefined,
    write: WriteOptions = {},
  ) => {
    if (kind === 'User') {
      const userName = data.userName as string
      // userName is caseExact: false, so uniqueness ignores case (RFC 7643 §4.1.1),
      // unless the caseSensitiveUserName failure mode says otherwise.
      const holder = users
        .lookup('userName', userName)
        .find(
          (user) =>
            user.id !== exceptId && (!write.caseSensitiveUserName || user.userName === userName),
        )
      if (holder) throw ScimError.uniqueness(userNameTaken(userName))
      if (options.uniqueEmails) {
        for (const email of emailValues(data)) {
          if (typeof email !== 'string') continue
          if (users.lookup('emails.value', email).some((user) => user.id !== exceptId)) {
            throw ScimError.uniqueness(emailTaken(email))
          }
        }
      }
    } else if (options.uniqueGroupDisplayName) {
      const displayName = data.displayName as string
      const holder = groups.lookup('displayName', displayName).find((g) => g.id !== exceptId)
      if (holder) throw ScimError.uniqueness(`displayName "${displayName}" is already taken`)
    }
  }

  /** Validates member references and records each member's type (RFC 7643 §4.2). */
  const resolveMembers = (data: ScimResource, groupId: string): ScimResource => {
    if (!Array.isArray(data.members)) return data
    const seen = new Set<string>()
    const members: Array<Record<string, unknown>> = []
    for (const member of data.members as Array<Record<string, unknown>>) {
      const value = member.value
      if (typeof value !== 'string' || seen.has(value)) continue
      const type = users.get(value) ? 'User' : groups.get(value) ? 'Group' : undefined
      if (!type || value === groupId) {
        if (options.unknownMembers === 'ignore' && value !== groupId) continue
        throw ScimError.invalidValue(
          value === groupId
            ? `A group cannot be a member of itself ("${value}")`
            : `Member "${value}" is not an existing User or Group`,
        )
      }
      seen.add(value)
      members.push({ value, type })
    }
    const { members: _, ...rest } = data
    return members.length > 0 ? { ...rest, members } : rest
  }

  const build = (
    kind: ResourceKind,
    id: string,
    data: ScimResource,
    created?: string,
  ): StoredResource => {
    const now = clock().toISOString()
    const { schemas: dataSchemas, id: _id, meta: _meta, ...attributes } = data
    return {
      schemas: dataSchemas ?? [kind === 'User' ? URN.user : URN.group],
      id,
      ...attributes,
      meta: {
        resourceType: kind,
        created: created ?? now,
        lastModified: now,
        version: `W/"${++revision}"`,
      },
    }
  }

  const removeMember = async (memberId: string) => {
    for (const group of groupsOf(memberId)) {
      const members = (group.members as Array<{ value: string }>).filter(
        (member) => member.value !== memberId,
      )
      const { members: _, ...rest } = group
      await groups.replace(
        build(
          'Group',
          group.id,
          members.length > 0 ? { ...rest, members } : rest,
          group.meta.created,
        ),
      )
    }
  }

  const groupsOf = (memberId: string): StoredResource[] =>
    groups.lookup('members.value', memberId).filter((group) => memberIds(group).includes(memberId))

  const groupReferences = (userId: string) =>
    groupsOf(userId).map((group) => ({
      value: group.id,
      display: group.displayName,
      type: 'direct',
    }))

  const transactionApi: StoreTransaction = {
    async create(kind, data, write) {
      const id = newId()
      assertUnique(kind, data, undefined, write)
      const resolved = kind === 'Group' ? resolveMembers(data, id) : data
      return collection(kind).insert(build(kind, id, resolved))
    },
    async replace(kind, id, data, write) {
      const existing = collection(kind).get(id)
      if (!existing) throw ScimError.notFound(`${kind} "${id}" not found`)
      assertUnique(kind, data, id, write)
      const resolved = kind === 'Group' ? resolveMembers(data, id) : data
      return collection(kind).replace(build(kind, id, resolved, existing.meta.created))
    },
    async delete(kind, id) {
      if (!collection(kind).remove(id)) return false
      await removeMember(id)
      return true
    },
  }

  return {
    users,
    groups,
    collection,
    get: (kind, id) => collection(kind).get(id),
    search(kind, filter, write = {}) {
      const target = collection(kind)
      if (!filter) return [...target.values()]
      const schema =
        kind === 'User' && write.caseSensitiveUserName ? caseSensitiveUserSchema : schemas[kind]
      const compiled = compileFilter(filter, schema)
      // A user's `groups` is derived, not stored: add it only for filters that name it.
      const matches =
        kind === 'User' && namesGroups(filter)
          ? (user: StoredResource) => compiled({ ...user, groups: groupReferences(user.id) })
          : compiled
      const candidates = planQuery(filter, target, schema, indexedPaths[kind])
      if (!candidates) return [...target.values()].filter(matches)
      const results = candidates.filter(matches)
      if (results.length > 1) {
        results.sort((a, b) => target.position(a.id) - target.position(b.id))
      }
      return results
    },
    groupsOf,
    transaction(work) {
      const run = queue.then(() => work(transactionApi))
      // A failed transaction must not block the ones after it.
      queue = run.catch(() => undefined)
      return run
    },
    snapshot() {
      // Records are never mutated in place, so sharing them is a true snapshot.
      return { users: [...users.values()], groups: [...groups.values()], revision }
    },
    async restore(snapshot) {
      await this.transaction(async () => {
        await users.load(snapshot.users)
        await groups.load(snapshot.groups)
        revision = snapshot.revision
      })
    },
  }
}

function emailValues(user: ScimResource): unknown[] {
  return Array.isArray(user.emails)
    ? user.emails.map((email: { value?: unknown } | null) => email?.value)
    : []
}

function namesGroups(filter: FilterExpression): boolean {
  return referencedPaths(filter).some(
    (path) => resolveAttributePath(userResourceSchema, path)?.attribute?.name === 'groups',
  )
}

function memberIds(group: StoredResource): string[] {
  return Array.isArray(group.members)
    ? (group.members as Array<{ value?: unknown }>).flatMap((member) =>
        typeof member?.value === 'string' ? [member.value] : [],
      )
    : []
}
