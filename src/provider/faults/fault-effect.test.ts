import { expect, it } from 'vitest'
import type { ScimOperation } from '../route-request.js'
import { createFaultRegistry } from './create-fault-registry.js'
import {
  DEFAULT_LATENCY_DELAY,
  DEFAULT_TIMEOUT_DELAY,
  type FaultEffect,
  faultEffect,
} from './fault-effect.js'
import type { FaultSpec } from './fault-spec.js'

const effectOf = (spec: Omit<FaultSpec, 'on'>, operation: ScimOperation = 'createUser') =>
  faultEffect(createFaultRegistry(Math.random).add({ on: '*', ...spec }), operation)

/** The reply of a replying effect, with its SCIM error body. */
function replyOf(effect: FaultEffect) {
  if (effect.type !== 'reply') throw new Error(`expected a reply, got ${effect.type}`)
  return effect.reply
}

it.each<[ScimOperation, string]>([
  ['createUser', 'User'],
  ['replaceUser', 'User'],
  ['listUsers', 'User'],
  ['search', 'User'],
  ['createGroup', 'Group'],
  ['patchGroup', 'Group'],
  ['listGroups', 'Group'],
  ['deleteGroup', 'Group'],
])('names the resource of %s in a conflict: %s', (operation, noun) => {
  const reply = replyOf(effectOf({ respond: 'conflict' }, operation))

  expect(reply.body).toMatchObject({ detail: `${noun} already exists in the database.` })
})

it('builds a SCIM error reply with the status as a string', () => {
  expect(replyOf(effectOf({ respond: 'conflict' }))).toStrictEqual({
    status: 409,
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'User already exists in the database.',
    },
    headers: {},
  })
})

it.each<[Omit<FaultSpec, 'on'>, Record<string, string>]>([
  [{ respond: 'rateLimit' }, { 'Retry-After': '1' }],
  [{ respond: 'rateLimit', retryAfter: 300 }, { 'Retry-After': '300' }],
  [{ respond: 'rateLimit', retryAfter: 'soon' }, { 'Retry-After': 'soon' }],
  [{ respond: 'rateLimit', retryAfter: null }, {}],
  [
    { respond: 'unauthorized' },
    { 'WWW-Authenticate': 'Bearer realm="scim-mock", error="invalid_token"' },
  ],
  [{ respond: 'forbidden' }, {}],
])('sends the headers of %j', (spec, headers) => {
  expect(replyOf(effectOf(spec)).headers).toStrictEqual(headers)
})

it.each<[number, string]>([
  [500, 'Internal Server Error'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
  [507, 'Internal Server Error'],
])('answers serverError %s with the detail "%s"', (status, detail) => {
  const reply = replyOf(effectOf({ respond: 'serverError', status }))

  expect(reply.status).toBe(status)
  expect(reply.body).toMatchObject({ status: String(status), detail })
})

it.each<[Omit<FaultSpec, 'on'>, number, string, RegExp]>([
  [{ respond: 'malformedBody' }, 502, 'text/html; charset=utf-8', /<h1>502 Bad Gateway<\/h1>/],
  [
    { respond: 'malformedBody', status: 504 },
    504,
    'text/html; charset=utf-8',
    /504 Gateway Timeout/,
  ],
  [{ respond: 'malformedBody', status: 418 }, 418, 'text/html; charset=utf-8', /418 Error/],
  [
    { respond: 'malformedBody', format: 'text' },
    409,
    'text/plain; charset=utf-8',
    /^User already exists$/,
  ],
  [{ respond: 'malformedBody', format: 'html', body: 'x' }, 502, 'text/html; charset=utf-8', /^x$/],
])('answers %j with a raw body', (spec, status, contentType, text) => {
  const reply = replyOf(effectOf(spec))

  expect(reply.status).toBe(status)
  expect(reply.body).toBeUndefined()
  expect(reply.raw?.contentType).toBe(contentType)
  expect(reply.raw?.text).toMatch(text)
})

it.each<[Omit<FaultSpec, 'on'>, FaultEffect]>([
  [{ respond: 'latency' }, { type: 'latency', delay: DEFAULT_LATENCY_DELAY }],
  [
    { respond: 'latency', delay: 0 },
    { type: 'latency', delay: 0 },
  ],
  [{ respond: 'timeout' }, { type: 'timeout', delay: DEFAULT_TIMEOUT_DELAY }],
  [
    { respond: 'timeout', delay: 30_000 },
    { type: 'timeout', delay: 30_000 },
  ],
  [{ respond: 'networkError' }, { type: 'networkError' }],
  [{ respond: 'emptyBody' }, { type: 'emptyBody' }],
  [{ respond: 'ignoreFilter' }, { type: 'ignoreFilter' }],
  [{ respond: 'caseSensitiveUserName' }, { type: 'caseSensitiveUserName' }],
])('turns %j into its effect', (spec, effect) => {
  expect(effectOf(spec)).toStrictEqual(effect)
})

it('waits past Okta 60 s connection timeout by default', () => {
  expect(DEFAULT_TIMEOUT_DELAY).toBeGreaterThan(60_000)
})

it('leaves scimType out when the fault sets it to null', () => {
  expect(replyOf(effectOf({ respond: 'invalidValue', scimType: null })).body).not.toHaveProperty(
    'scimType',
  )
})
