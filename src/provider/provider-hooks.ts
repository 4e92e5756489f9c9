import type { ScimResource } from '../scim/resource/scim-resource.js'
import type { ResourceKind, ScimStore, StoreTransaction } from '../store/scim-store.js'
import type { StoredResource } from '../store/stored-resource.js'
import type { ScimOperation } from './route-request.js'

/** The operation a request was routed to. */
export interface OperationInfo {
  operation: ScimOperation
  /** User or Group, for resource operations. */
  kind?: ResourceKind
  /** The id in the URL, for by-id operations. */
  id?: string
}

/** What a write hook sees besides the data. */
export interface WriteContext {
  /** The resource before this write; undefined on create. */
  existing?: StoredResource
  store: ScimStore
}

/**
 * Small hooks over the one provider: how vendor profiles (and users) bend its
 * behaviour without a second copy of the handlers. Each may throw a ScimError
 * to refuse a request; the provider answers it like any other.
 */
export interface ProviderHooks {
  /** Before an operation runs, after authentication (e.g. refuse group writes). */
  beforeOperation?(info: OperationInfo): void
  /**
   * A validated POST/PUT body or PATCH result, before it is stored (inside the
   * write transaction): return what to store, e.g. with unsupported attributes dropped.
   */
  prepareWrite?(kind: ResourceKind, data: ScimResource, context: WriteContext): ScimResource
  /** After a write, in the same transaction: follow-up writes through `tx`. */
  afterWrite?(
    kind: ResourceKind,
    record: StoredResource,
    context: WriteContext & { tx: StoreTransaction },
  ): Promise<void> | void
  /** A resource about to be returned (before attributes/excludedAttributes apply). */
  present?(kind: ResourceKind, resource: ScimResource): ScimResource
}

/** Runs several hook sets in order: a profile's, then the caller's. */
export function combineHooks(...sets: Array<ProviderHooks | undefined>): ProviderHooks {
  const hooks = sets.filter((set): set is ProviderHooks => set !== undefined)
  return {
    beforeOperation(info) {
      for (const set of hooks) set.beforeOperation?.(info)
    },
    prepareWrite(kind, data, context) {
      return hooks.reduce(
        (current, set) => set.prepareWrite?.(kind, current, context) ?? current,
        data,
      )
    },
    async afterWrite(kind, record, context) {
      for (const set of hooks) await set.afterWrite?.(kind, record, context)
    },
    present(kind, resource) {
      return hooks.reduce((current, set) => set.present?.(kind, current) ?? current, resource)
    },
  }
}
