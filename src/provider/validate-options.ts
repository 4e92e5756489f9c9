import type { ScimServiceOptions } from './scim-service-options.js'

/**
 * Checks the options a provider is created with, so a mistake fails where it
 * is made (`Failed to create a SCIM provider: …`) rather than at a request.
 */
export function validateOptions(options: ScimServiceOptions): void {
  const fail = (reason: string): never => {
    throw new TypeError(`Failed to create a SCIM provider: ${reason}`)
  }
  const count = (name: string, value: unknown, min: number) => {
    if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < min)) {
      fail(`${name} must be an integer of at least ${min}, got ${String(value)}`)
    }
  }
  if (options.baseUrl !== undefined) {
    try {
      new URL(options.baseUrl, 'http://localhost')
    } catch {
      fail(`baseUrl "${options.baseUrl}" is not a URL or path`)
    }
  }
  const tokens = typeof options.token === 'string' ? [options.token] : options.token
  if (
    tokens !== undefined &&
    (tokens.length === 0 || tokens.some((t) => typeof t !== 'string' || t === ''))
  ) {
    fail('token must be a non-empty string or a non-empty array of them (or use auth: false)')
  }
  count('seed.users', options.seed?.users, 0)
  count('seed.groups', options.seed?.groups, 0)
  count('seed.seed', options.seed?.seed, 0)
  if (
    options.seed?.referenceDate !== undefined &&
    Number.isNaN(new Date(options.seed.referenceDate).getTime())
  ) {
    fail(`seed.referenceDate "${String(options.seed.referenceDate)}" is not a date`)
  }
  count('defaultCount', options.defaultCount, 0)
  count('maxResults', options.maxResults, 1)
  count('maxPayloadSize', options.maxPayloadSize, 1)
  if (options.requestLogLimit !== Number.POSITIVE_INFINITY) {
    count('requestLogLimit', options.requestLogLimit, 0)
  }
}
