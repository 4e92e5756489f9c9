import { ScimError } from '../scim/scim-error.js'

/**
 * Reads a request body as text, refusing more than `limit` bytes with 413.
 * Truncated or aborted bodies become a 400 rather than an exception.
 */
export async function readRequestText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'))
  if (declared > limit) throw tooLarge(limit)
  let bytes: ArrayBuffer
  try {
    bytes = await request.arrayBuffer()
  } catch (error) {
    throw ScimError.invalidSyntax(`Failed to read the request body: ${(error as Error).message}`)
  }
  // The limit is in bytes: `text.length` counts UTF-16 units, up to 3x fewer.
  if (bytes.byteLength > limit) throw tooLarge(limit)
  // What request.text() does: UTF-8, a leading BOM dropped, bad bytes as U+FFFD.
  return new TextDecoder().decode(bytes)
}

/** A body parsed once: the log keeps it and the operation checks it. */
export type ParsedBody = { value: unknown } | { error: string } | undefined

/** Parses body text; undefined for an empty body. */
export function parseBodyText(text: string): ParsedBody {
  if (text.trim() === '') return undefined
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/**
 * The JSON body of a POST, PUT or PATCH. RFC 7644 §3.8: clients send
 * `application/scim+json` and servers SHOULD also accept `application/json`;
 * a body without a content type is accepted too, since some clients omit it.
 */
export function requireJsonBody(parsed: ParsedBody, contentType: string | null): unknown {
  if (contentType !== null) {
    const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase()
    if (
      mediaType !== 'application/scim+json' &&
      mediaType !== 'application/json' &&
      mediaType !== ''
    ) {
      throw ScimError.unsupportedMediaType(
        `Unsupported Content-Type "${contentType}": send application/scim+json or application/json`,
      )
    }
  }
  if (parsed === undefined)
    throw ScimError.invalidSyntax('The request body is empty: expected a JSON object')
  if ('error' in parsed)
    throw ScimError.invalidSyntax(`The request body is not valid JSON: ${parsed.error}`)
  return parsed.value
}

function tooLarge(limit: number): ScimError {
  return ScimError.payloadTooLarge(
    `The request body is larger than the provider's limit of ${limit} bytes`,
  )
}
