import { z } from 'zod'

const meta = z.object({
  resourceType: z.string(),
  created: z.string(),
  lastModified: z.string(),
  version: z.string(),
})

/**
 * What every stored record must hold. Attribute-level validation happens
 * before a record reaches the store (normalizeResource, applyPatch), so these
 * schemas guard the store's own invariants; loose objects keep the rest as is.
 */
// Known keys come first in a zod output, in this order: the RFC's order.
export const storedUserSchema = z.looseObject({
  schemas: z.array(z.string()).min(1),
  id: z.string().min(1),
  userName: z.string().min(1),
  meta,
})

export const storedGroupSchema = z.looseObject({
  schemas: z.array(z.string()).min(1),
  id: z.string().min(1),
  displayName: z.string(),
  members: z.array(z.looseObject({ value: z.string().min(1) })).optional(),
  meta,
})

/**
 * A `StoreSnapshot` from outside (e.g. JSON a browser kept): every
 * record as the store needs it, and no id held twice, users and groups alike.
 */
export const storeSnapshotSchema = z
  .strictObject({
    users: z.array(storedUserSchema),
    groups: z.array(storedGroupSchema),
    revision: z.number().int().nonnegative(),
  })
  .superRefine((snapshot, context) => {
    const seen = new Set<unknown>()
    for (const kind of ['users', 'groups'] as const) {
      for (const [index, record] of snapshot[kind].entries()) {
        if (seen.has(record.id)) {
          context.addIssue({
            code: 'custom',
            path: [kind, index, 'id'],
            message: `id "${String(record.id)}" is held twice`,
          })
        }
        seen.add(record.id)
      }
    }
  })
