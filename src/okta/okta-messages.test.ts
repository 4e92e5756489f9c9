import { expect, it } from 'vitest'
import {
  groupPushTimestamp,
  jsonParserMessage,
  oktaMessages,
  remoteCause,
  remoteDetail,
} from './okta-messages.js'
import { type OktaExchange, REASON_PHRASES } from './okta-scim-client.js'

// Okta's words, checked against the examples quoted in okta-behavior.md §3.

/** An answer with a JSON body (an object) or a raw text body. */
function answer(status: number, body: object | string): OktaExchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  let response: unknown
  try {
    response = JSON.parse(text)
  } catch {
    response = undefined
  }
  return {
    method: 'GET',
    path: '/Users',
    headers: {},
    status,
    reason: REASON_PHRASES[status] ?? '',
    ...(response === undefined ? {} : { response }),
    text,
    responseHeaders: {},
  }
}

/** No HTTP answer at all. */
function noAnswer(failure: 'timeout' | 'network'): OktaExchange {
  return {
    method: 'GET',
    path: '/Users',
    headers: {},
    status: 0,
    reason: '',
    text: '',
    responseHeaders: {},
    failure,
  }
}

const scimError = (status: number, detail: string) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  detail,
  status: String(status),
})

// T1 Assignment / create

it('words a failed lookup as the Forest Admin support article shows it [SUP-FOREST]', () => {
  const exchange = answer(
    401,
    scimError(401, 'Invalid SCIM token, please check your configuration'),
  )

  expect(
    oktaMessages.provisioningFailed(
      '<username>',
      'Forest Admin',
      oktaMessages.verifyingUser('<username>', exchange),
    ),
  ).toBe(
    'Automatic provisioning of user <username> to app Forest Admin failed: Error while verifying if user <username> exists: Unauthorized. Errors reported by remote server: Invalid SCIM token, please check your configuration',
  )
})

it('words a lookup without an HTTP answer as "Error while verifying if user exists: null" [KR2 §2]', () => {
  expect(oktaMessages.verifyingUser('jane@corp.example', noAnswer('network'))).toBe(
    'Error while verifying if user exists: null',
  )
})

it('words a 409 on create as Miro’s article shows it [SUP-MIRO]', () => {
  const exchange = answer(409, scimError(409, '<remoteserver> is not unique'))

  expect(oktaMessages.creatingUser('<user>', exchange)).toBe(
    'Error while creating user <user>: Conflict. Errors reported by remote server: <remoteserver> is not unique',
  )
})

it('words the 409 of Okta’s own doc example [REF20]', () => {
  const exchange = answer(409, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    detail: 'User already exists in the database.',
    status: 409,
  })

  expect(
    oktaMessages.provisioningFailed(
      'Jane Doe',
      'Acme',
      oktaMessages.creatingUser('jane@corp.example', exchange),
    ),
  ).toBe(
    'Automatic provisioning of user Jane Doe to app Acme failed: Error while creating user jane@corp.example: Conflict. Errors reported by remote server: User already exists in the database.',
  )
})

it('words the fixed T1 messages verbatim', () => {
  expect(oktaMessages.emptyUser('Jane Doe')).toBe(
    'Error while creating user Jane Doe: Create new user returned empty user.',
  )
  expect(
    oktaMessages.provisioningFailed('Jane Doe', 'Acme', oktaMessages.matchingUserNotFound),
  ).toBe('Automatic provisioning of user Jane Doe to app Acme failed: Matching user not found.')
  expect(oktaMessages.provisioningFailed('Jane Doe', 'Airbase', oktaMessages.accountInactive)).toBe(
    'Automatic provisioning of user Jane Doe to app Airbase failed: User account is inactive',
  )
  expect(oktaMessages.invalidCredentials).toBe(
    'The credentials used to connect to the API were invalid; please check your configuration',
  )
  expect(oktaMessages.notProvisioned).toBe(
    'User was assigned this application before Provisioning was enabled and not provisioned in the downstream application. Click Provision User.',
  )
})

// T2 Profile push

it('words a profile push failure as AWS’s guide shows it [AWS]', () => {
  const exchange = answer(
    400,
    scimError(400, 'Request is unparsable, syntactically incorrect, or violates schema.'),
  )

  expect(
    oktaMessages.profilePushFailed(
      'Jane Doe',
      'AWS IAM Identity Center',
      oktaMessages.pushingProfile('jane@corp.example.com', remoteCause(exchange)),
    ),
  ).toBe(
    'Automatic profile push of user Jane Doe to app AWS IAM Identity Center failed: Error while trying to push profile update for jane@corp.example.com: Bad Request. Errors reported by remote server: Request is unparsable, syntactically incorrect, or violates schema.',
  )
  expect(
    oktaMessages.pushingProfile(
      'jane@corp.example.com',
      oktaMessages.noUserReturned('2819c223-7f76-453a-919d-413861904646'),
    ),
  ).toBe(
    'Error while trying to push profile update for jane@corp.example.com: No user returned for user 2819c223-7f76-453a-919d-413861904646',
  )
})

// T3 Group push

it('words a group push failure with its timestamp as the 2020 write-up shows it [BLOG-AWSSSO]', () => {
  const exchange = answer(
    400,
    scimError(400, 'Request is unparsable, syntactically incorrect, or violates schema.'),
  )

  expect(
    oktaMessages.groupPushFailed(
      new Date('2020-03-26T15:49:35Z'),
      'AWS_SecurityRO',
      oktaMessages.creatingGroup('AWS_SecurityRO', exchange),
    ),
  ).toBe(
    'Failed on 03-26-2020 03:49:35PM UTC: Unable to update Group Push mapping target App group AWS_SecurityRO: Error while creating user group AWS_SecurityRO: Bad Request. Errors reported by remote server: Request is unparsable, syntactically incorrect, or violates schema.',
  )
})

it('words a group push timeout as Miro’s help centre shows it [MIRO-KB]', () => {
  expect(oktaMessages.creatingGroup('Design', noAnswer('timeout'))).toBe(
    'Error while creating user group Design: Read timed out',
  )
  expect(oktaMessages.linkedGroupMissing('AWS IAM Identity Center')).toBe(
    'Linked group is missing in AWS IAM Identity Center. Change the linked group to resume pushing group memberships.',
  )
})

it.each([
  ['2020-03-26T15:49:35Z', '03-26-2020 03:49:35PM'],
  ['2026-01-05T00:00:00Z', '01-05-2026 12:00:00AM'],
  ['2026-01-05T00:59:59Z', '01-05-2026 12:59:59AM'],
  ['2026-01-05T01:02:03Z', '01-05-2026 01:02:03AM'],
  ['2026-07-09T11:59:59Z', '07-09-2026 11:59:59AM'],
  ['2026-07-09T12:00:00Z', '07-09-2026 12:00:00PM'],
  ['2026-12-31T23:59:59Z', '12-31-2026 11:59:59PM'],
])('formats %s as "MM-dd-yyyy hh:mm:ssa" in UTC: %s', (iso, expected) => {
  expect(groupPushTimestamp(new Date(iso))).toBe(expected)
})

// T4 Test API Credentials

it('words a connector test failure as Snowflake’s docs show it [SNOWFLAKE]', () => {
  const page = '<html><body><h1>403 Forbidden</h1></body></html>'

  expect(oktaMessages.authenticating(answer(403, page))).toBe(
    "Error authenticating: Forbidden. Errors reported by remote server: Invalid JSON: Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 2]",
  )
  expect(oktaMessages.connectorConfigured).toBe('Connector configured successfully')
})

// T5 Deprovisioning

it('words the deprovisioning task verbatim [KR2 §3]', () => {
  expect(oktaMessages.deprovisioningTask).toBe('Application accounts need deprovisioning')
  expect(oktaMessages.deprovisioningAction).toBe(
    'Go to third-party apps and manually disable user accounts',
  )
})

// The remote cause and detail

it('quotes the SCIM 1.1 Errors[].description [REF11]', () => {
  const exchange = answer(409, { Errors: [{ description: 'Duplicate user', code: 409 }] })

  expect(remoteCause(exchange)).toBe('Conflict. Errors reported by remote server: Duplicate user')
})

it('gives the reason phrase alone when the error has no detail', () => {
  expect(remoteCause(answer(500, { schemas: [] }))).toBe('Internal Server Error')
  expect(remoteCause(answer(502, ''))).toBe('Bad Gateway')
})

it('does not call valid JSON that is no error object a parse error', () => {
  expect(remoteDetail(answer(500, 'null'))).toBeUndefined()
  expect(remoteDetail(answer(500, '"oops"'))).toBeUndefined()
  expect(remoteCause(answer(503, '42'))).toBe('Service Unavailable')
})

it('says "Read timed out" and "null" when no answer came', () => {
  expect(remoteCause(noAnswer('timeout'))).toBe('Read timed out')
  expect(remoteCause(noAnswer('network'))).toBe('null')
})

// Jackson (T7)

it('quotes Jackson on a plain-text "User already exists" [KC114]', () => {
  expect(jsonParserMessage('User already exists')).toBe(
    "Invalid JSON: Unrecognized token 'User': was expecting ('true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 5]",
  )
})

it('quotes Jackson on Cloudflare’s "error code: 502" at column 6 [ROSTR]', () => {
  expect(jsonParserMessage('error code: 502')).toBe(
    "Invalid JSON: Unrecognized token 'error': was expecting ('true', 'false' or 'null') at [Source: java.io.StringReader@4c76ba04; line: 1, column: 6]",
  )
})

it('counts lines and columns after JSON whitespace: LF, CRLF and CR each end a line', () => {
  expect(jsonParserMessage('\n  Oops')).toMatch(/'Oops'.*line: 2, column: 7\]$/)
  expect(jsonParserMessage('\r\n\r\n<html>')).toMatch(/'<'.*line: 3, column: 2\]$/)
  expect(jsonParserMessage('\r<html>')).toMatch(/line: 2, column: 2\]$/)
  expect(jsonParserMessage('\t\tBad')).toMatch(/'Bad'.*line: 1, column: 6\]$/)
})

it('reads identifiers as Jackson does: _ and $ start one, digits continue it', () => {
  expect(jsonParserMessage('_error42 here')).toMatch(/^Invalid JSON: Unrecognized token '_error42'/)
  expect(jsonParserMessage('$ref')).toMatch(/token '\$ref'.*column: 5\]$/)
})

it('treats a non-breaking space as an unexpected character, not as whitespace', () => {
  expect(jsonParserMessage('\u00a0x')).toMatch(
    /^Invalid JSON: Unexpected character \('\u00a0' \(code 160\)\).*column: 2\]$/,
  )
})

it('says "No content to map due to end-of-input" for an empty document', () => {
  expect(jsonParserMessage('')).toBe(
    'Invalid JSON: No content to map due to end-of-input at [Source: java.io.StringReader@4c76ba04; line: 1, column: 1]',
  )
})
