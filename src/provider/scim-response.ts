import type { ScimError } from '../scim/scim-error.js'

/** RFC 7644 §3.1: responses are `application/scim+json`. */
export const SCIM_CONTENT_TYPE = 'application/scim+json'

/**
 * A response whose body is already known as a value, so the request log can
 * keep it without parsing the bytes back.
 */
export interface ScimReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A body that is not SCIM JSON (a fault's HTML page or plain text), sent as is. */
  raw?: { text: string; contentType: string }
}

/**
 * Turns a reply into a Fetch API Response, with the JSON text it sent: the
 * request log parses that text only when a test reads it, so it holds a copy
 * that shares nothing with the store, at no cost per request.
 */
export function toResponse(reply: ScimReply): { response: Response; json: string | undefined } {
  const headers = new Headers(reply.headers)
  if (reply.raw) {
    headers.set('Content-Type', reply.raw.contentType)
    return {
      response: new Response(reply.raw.text, { status: reply.status, headers }),
      json: undefined,
    }
  }
  if (reply.body === undefined) {
    return { response: new Response(null, { status: reply.status, headers }), json: undefined }
  }
  headers.set('Content-Type', SCIM_CONTENT_TYPE)
  const json = JSON.stringify(reply.body)
  return { response: new Response(json, { status: reply.status, headers }), json }
}

/** The one place a ScimError becomes a wire response (RFC 7644 §3.12). */
export function errorReply(error: ScimError): ScimReply {
  return { status: error.status, body: error.toJSON(), headers: { ...error.headers } }
}
