import { Collection } from '@msw/data'
import type { Extension } from '@msw/data/extensions'
import type { z } from 'zod'
import { createLookupIndex, type LookupIndex } from './lookup-index.js'
import type { StoredResource } from './stored-resource.js'

type RecordSchema = z.ZodType<Record<string, unknown>>

/** @internal What a collection indexes: index name → the values a record is found by. */
export type IndexDefinitions = Record<string, (record: StoredResource) => Iterable<unknown>>

export interface ResourceCollectionOptions {
  resourceType: string
  schema: RecordSchema
  indexes: IndexDefinitions
  extensions?: Extension[]
}

/**
 * One resource type's records: an `@msw/data` collection (validation, hooks,
 * extensions) with the lookups it lacks kept beside it.
 *
 * NOTE: `@msw/data` has no indexes: its update and delete scan every record
 * (decisions/0002-store-on-msw-data.md). Reads here never touch it: `byId`
 * is the primary index and, as a Map, also keeps creation order for listing
 * (a replaced record keeps its place).
 */
export interface ResourceCollection {
  readonly resourceType: string
  /** The underlying `@msw/data` collection, for its extensions. Do not write to it directly. */
  readonly collection: Collection<RecordSchema>
  get(id: string): StoredResource | undefined
  values(): IterableIterator<StoredResource>
  size(): number
  /** Creation order of a record, for ordering index hits like a scan would. */
  position(id: string): number
  /** Records whose indexed value equals `key`, ignoring case (a superset for caseExact attributes). */
  lookup(index: string, key: string): StoredResource[]
  insert(record: StoredResource): Promise<StoredResource>
  replace(record: StoredResource): Promise<StoredResource>
  remove(id: string): StoredResource | undefined
  /** Replaces every record at once: a fresh collection, since `clear()` is quadratic. */
  load(records: readonly StoredResource[]): Promise<void>
}

export function createResourceCollection(options: ResourceCollectionOptions): ResourceCollection {
  const byId = new Map<string, StoredResource>()
  const positions = new Map<string, number>()
  let nextPosition = 0
  const indexes = new Map<string, LookupIndex<StoredResource>>(
    Object.entries(options.indexes).map(([name, keysOf]) => [name, createLookupIndex(keysOf)]),
  )
  const newCollection = () =>
    new Collection({
      schema: options.schema,
      ...(options.extensions ? { extensions: options.extensions } : {}),
    })
  let collection = newCollection()

  const track = (record: StoredResource) => {
    if (!positions.has(record.id)) positions.set(record.id, nextPosition++)
    byId.set(record.id, record)
    for (const index of indexes.values()) index.add(record)
  }
  const untrack = (record: StoredResource) => {
    for (const index of indexes.values()) index.remove(record)
  }

  // Records an extension (persist, sync) put in the collection at construction.
  for (const record of collection.all()) track(asStored(record))

  return {
    resourceType: options.resourceType,
    get collection() {
      return collection
    },
    get(id) {
      return byId.get(id)
    },
    values() {
      return byId.values()
    },
    size() {
      return byId.size
    },
    position(id) {
      return positions.get(id) ?? Number.POSITIVE_INFINITY
    },
    lookup(index, key) {
      const ids = indexes.get(index)?.get(key)
      if (!ids) return []
      const records: StoredResource[] = []
      for (const id of ids) {
        const record = byId.get(id)
        if (record) records.push(record)
      }
      return records
    },
    async insert(record) {
      const created = asStored(await collection.create(record))
      track(created)
      return created
    },
    async replace(record) {
      const previous = byId.get(record.id)
      if (!previous)
        throw new Error(`Failed to replace ${options.resourceType} "${record.id}": not found`)
      const updated = asStored(
        await collection.update(previous as never, {
          data(draft: Record<string, unknown>) {
            for (const key of Object.keys(draft)) delete draft[key]
            Object.assign(draft, record)
          },
        }),
      )
      untrack(previous)
      track(updated)
      return updated
    },
    remove(id) {
      const record = byId.get(id)
      if (!record) return undefined
      collection.delete(record as never)
      byId.delete(id)
      positions.delete(id)
      untrack(record)
      return record
    },
    async load(records) {
      collection = newCollection()
      byId.clear()
      positions.clear()
      nextPosition = 0
      for (const index of indexes.values()) index.clear()
      for (const record of records) track(asStored(await collection.create(record)))
    },
  }
}

// @msw/data types records by its schema's output; ours are validated StoredResources.
const asStored = (record: unknown) => record as StoredResource
