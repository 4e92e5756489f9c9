import { describeValue, isJsonObject } from '../resource/normalize-value.js'
import { URN } from '../schema/urns.js'
import { ScimError } from '../scim-error.js'

/** The three PATCH operations of RFC 7644 §3.5.2, lower-cased. */
export type PatchOp = 'add' | 'replace' | 'remove'

/** One entry of `Operations`, with `op` normalised to lower case. */
export interface PatchOperation {
  op: PatchOp
  /** The attribute path as written, or undefined when the client sent none. */
  path?: string
  value?: unknown
}

const OPS: readonly string[] = ['add', 'replace', 'remove']

/**
 * Validates a PATCH body (RFC 7644 §3.5.2) and returns its operations.
 * `Operations` and `op` are matched case-insensitively: Entra sends "Replace",
 * other clients "ADD", and RFC 7643 §2.1 makes attribute names case-insensitive.
 *
 * @throws ScimError `invalidSyntax` for a malformed body, `invalidValue` for a
 * missing PatchOp URN, an empty `Operations` or an unknown `op`.
 * @example
 * readPatchRequest({
 *   schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
 *   Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
 * })
 * // [{ op: 'replace', path: 'active', value: 'False' }]
 */
export function readPatchRequest(body: unknown): PatchOperation[] {
  if (!isJsonObject(body)) {
    throw ScimError.invalidSyntax(
      `Failed to read the PATCH request: the body must be a JSON object, got ${describeValue(body)}`,
    )
  }
  const schemas = memberOf(body, 'schemas')
  const patchOp = URN.patchOp.toLowerCase()
  if (
    !Array.isArray(schemas) ||
    !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === patchOp)
  ) {
    throw ScimError.invalidValue(`schemas must include ${URN.patchOp}`)
  }

  const operations = memberOf(body, 'Operations')
  if (!Array.isArray(operations)) {
    throw ScimError.invalidSyntax('Failed to read the PATCH request: "Operations" must be an array')
  }
  if (operations.length === 0) {
    throw ScimError.invalidValue('"Operations" must contain at least one operation')
  }
  return operations.map(readOperation)
}

function readOperation(operation: unknown, index: number): PatchOperation {
  if (!isJsonObject(operation)) {
    throw ScimError.invalidSyntax(
      `Operations[${index}] must be an object, got ${describeValue(operation)}`,
    )
  }
  const op = memberOf(operation, 'op')
  const lower = typeof op === 'string' ? op.toLowerCase() : undefined
  if (lower === undefined || !OPS.includes(lower)) {
    throw ScimError.invalidValue(`Unknown PATCH op ${describeValue(op)} in Operations[${index}]`)
  }
  const path = memberOf(operation, 'path')
  if (path !== undefined && path !== null && typeof path !== 'string') {
    throw ScimError.invalidPath(
      `Operations[${index}].path must be a string, got ${describeValue(path)}`,
    )
  }
  const result: PatchOperation = { op: lower as PatchOp }
  // A null path is treated as absent: some clients serialise unset fields as null.
  if (typeof path === 'string') result.path = path
  const value = memberOf(operation, 'value')
  if (value !== undefined) result.value = value
  return result
}

/** Reads a member of a message by name, ignoring case (RFC 7643 §2.1). */
function memberOf(object: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === lower) return value
  }
  return undefined
}
