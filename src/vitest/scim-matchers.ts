import type { MatcherState } from 'vitest'
import type { OktaOrg } from '../okta/create-okta-org.js'
import type { OktaTask } from '../okta/okta-model.js'
import type { ScimService } from '../provider/create-scim-service.js'
import type { RecordedRequest } from '../provider/request-log.js'
import type { ScimGroup } from '../scim/resource/scim-group.js'
import type { ScimUser } from '../scim/resource/scim-user.js'
import { formatRequestLine } from '../scenario/format-request-line.js'
import { compareRequestLines } from '../scenario/match-request-lines.js'

/**
 * A partial user for `toHaveScimUser`, matched as a scenario's `contains`:
 * objects match on the keys given, at any depth; an array matches when each
 * given item matches one of its items, in any order; any value may be an
 * asymmetric matcher (`expect.stringMatching(...)`).
 */
export type ScimUserExpectation = { [K in keyof ScimUser]?: unknown } & Record<string, unknown>

/** A partial group for `toHaveScimGroup`, with the same semantics. */
export type ScimGroupExpectation = { [K in keyof ScimGroup]?: unknown } & Record<string, unknown>

/** Options of `toHaveSentRequests`. */
export interface SentRequestsOptions {
  /**
   * `true`: the lines must appear in this order, other requests may come
   * between and around them. Default `false`: exactly these requests.
   */
  subsequence?: boolean
}

declare module 'vitest' {
  // Type parameters must match vitest's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Assertion<T = any> {
    /**
     * On a provider: a user with this userName exists (ignoring case, as
     * SCIM compares userName), or a user matches this partial object.
     *
     * @example expect(provider).toHaveScimUser({ userName: 'jane@example.com', active: false })
     */
    toHaveScimUser(expected: string | ScimUserExpectation): void
    /**
     * On a provider: a group with this displayName exists (ignoring case),
     * or a group matches this partial object.
     *
     * @example expect(provider).toHaveScimGroup('Engineering')
     */
    toHaveScimGroup(expected: string | ScimGroupExpectation): void
    /**
     * On a provider (its request log) or an Okta org (the requests it sent):
     * the requests as `METHOD /path?decoded query → status` lines, exactly or
     * as an ordered subsequence. A line without `→ status` accepts any status.
     *
     * @example
     * expect(org).toHaveSentRequests([
     *   'GET /Users?filter=userName eq "jane@example.com"&startIndex=1&count=100 → 200',
     *   'POST /Users → 201',
     * ])
     */
    toHaveSentRequests(lines: readonly string[], options?: SentRequestsOptions): void
    /**
     * On an Okta org: an open task (Dashboard > Tasks) with exactly this
     * message, or one the RegExp matches.
     *
     * @example expect(org).toHaveOpenTask(/Error while creating user .*: Conflict/)
     */
    toHaveOpenTask(message: string | RegExp): void
  }
}

/** Vitest's equality tester (not exported by name from 'vitest'). */
type Tester = MatcherState['customTesters'][number]

interface MatcherResult {
  pass: boolean
  message: () => string
  actual?: unknown
  expected?: unknown
}

/** How many candidates a failure message lists before "…and N more". */
const LISTED = 10

/** What a request line looks like (the scenario schema's rule). */
const REQUEST_LINE = /^[A-Z]+ \S.*$/

/**
 * Matchers for `expect.extend`, for providers and Okta orgs.
 *
 * @example
 * import { expect } from 'vitest'
 * import { scimMatchers } from 'scim-mock/vitest'
 *
 * expect.extend(scimMatchers)
 * expect(provider).toHaveScimUser('jane@example.com')
 * expect(org).toHaveOpenTask(/^Automatic provisioning of user Jane Doe/)
 */
export const scimMatchers = {
  toHaveScimUser(this: MatcherState, received: unknown, expected: unknown): MatcherResult {
    const provider = requireProvider(received, 'toHaveScimUser')
    return hasResource(this, {
      kind: 'user',
      key: 'userName',
      all: provider.users.list(),
      findByKey: (key) => provider.users.findByUserName(key),
      expected: requireExpectation(expected, 'toHaveScimUser', 'a userName'),
    })
  },

  toHaveScimGroup(this: MatcherState, received: unknown, expected: unknown): MatcherResult {
    const provider = requireProvider(received, 'toHaveScimGroup')
    return hasResource(this, {
      kind: 'group',
      key: 'displayName',
      all: provider.groups.list(),
      findByKey: (key) => provider.groups.findByDisplayName(key)[0],
      expected: requireExpectation(expected, 'toHaveScimGroup', 'a displayName'),
    })
  },

  toHaveSentRequests(
    this: MatcherState,
    received: unknown,
    lines: unknown,
    options: SentRequestsOptions = {},
  ): MatcherResult {
    if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) {
      throw new TypeError(
        `Failed to check toHaveSentRequests: expected an array of request lines such as "POST /Users → 201", received ${this.utils.stringify(lines)}`,
      )
    }
    const malformed = lines.find((line) => !REQUEST_LINE.test(line))
    if (malformed !== undefined) {
      throw new TypeError(
        `Failed to check toHaveSentRequests: "${malformed}" is not a request line: expected "METHOD /path?query → status", e.g. "POST /Users → 201"`,
      )
    }
    const { who, actual } = sentRequests(received)
    const mode = options.subsequence ? 'subsequence' : 'exact'
    const mismatch = compareRequestLines(actual, lines, mode)
    const wanted = `${mode === 'exact' ? 'exactly' : 'in this order, others allowed between'}:\n${lines.map((line) => `    ${line}`).join('\n')}`
    return mismatch === undefined
      ? {
          pass: true,
          message: () =>
            `expected ${who} not to have sent these requests ${wanted}\nbut it did:\n${numbered(actual)}`,
        }
      : {
          pass: false,
          message: () => `expected ${who} to have sent these requests ${wanted}\n${mismatch}`,
        }
  },

  toHaveOpenTask(this: MatcherState, received: unknown, message: unknown): MatcherResult {
    if (!isOktaOrg(received)) {
      throw new TypeError(
        `Failed to check toHaveOpenTask: expected an Okta org (createOktaOrg()), received ${describeValue(received)}`,
      )
    }
    if (typeof message !== 'string' && !(message instanceof RegExp)) {
      throw new TypeError(
        `Failed to check toHaveOpenTask: expected a message (string or RegExp), received ${this.utils.stringify(message)}`,
      )
    }
    const open = received.tasks.open()
    const matches = (task: OktaTask) =>
      typeof message === 'string' ? task.message === message : message.test(task.message)
    const found = open.find(matches)
    const wanted = typeof message === 'string' ? JSON.stringify(message) : String(message)
    const listTasks = (tasks: OktaTask[]) => tasks.map((task) => `  - ${task.message}`).join('\n')
    if (found) {
      return {
        pass: true,
        message: () =>
          `expected the Okta org to have no open task ${wanted}, but it has one (${found.id}, ${found.kind}):\n  ${found.message}`,
      }
    }
    const completed = received.tasks
      .list()
      .filter((task) => task.status !== 'OPEN' && matches(task))
    return {
      pass: false,
      message: () =>
        `expected the Okta org to have an open task ${wanted}; ` +
        (open.length === 0
          ? 'it has no open tasks'
          : `its ${open.length} open task${open.length === 1 ? ' is' : 's are'}:\n${listTasks(open)}`) +
        (completed.length > 0
          ? `\n(a matching task exists but is completed: ${completed.map((task) => task.id).join(', ')})`
          : ''),
      ...(typeof message === 'string' && open.length === 1
        ? { actual: open[0]!.message, expected: message }
        : {}),
    }
  },
}

interface ResourceQuery<Resource> {
  kind: 'user' | 'group'
  key: 'userName' | 'displayName'
  all: Resource[]
  findByKey(key: string): Resource | undefined
  expected: string | Record<string, unknown>
}

function hasResource<Resource extends { id: string }>(
  state: MatcherState,
  query: ResourceQuery<Resource>,
): MatcherResult {
  const { kind, key, all, expected } = query
  const keyOf = (resource: Resource) => String((resource as Record<string, unknown>)[key])
  const inventory = () =>
    all.length === 0
      ? `it has no ${kind}s`
      : `it has ${all.length} ${kind}${all.length === 1 ? '' : 's'}: ${all
          .slice(0, LISTED)
          .map((resource) => JSON.stringify(keyOf(resource)))
          .join(', ')}${all.length > LISTED ? `, …and ${all.length - LISTED} more` : ''}`

  if (typeof expected === 'string') {
    const found = query.findByKey(expected)
    return found
      ? {
          pass: true,
          message: () =>
            `expected the provider not to have a SCIM ${kind} with ${key} ${JSON.stringify(expected)}, but it has one: id ${found.id}, ${key} ${JSON.stringify(keyOf(found))}`,
        }
      : {
          pass: false,
          message: () =>
            `expected the provider to have a SCIM ${kind} with ${key} ${JSON.stringify(expected)} (ignoring case); ${inventory()}`,
        }
  }

  // The scenario `contains` semantics on Vitest's equality: objects match
  // on the keys given (subsetEquality), an array on the items given, in any
  // order; the test's own testers and asymmetric matchers apply throughout.
  const testers: Tester[] = []
  const containsItems: Tester = (actual, wanted) =>
    Array.isArray(actual) && Array.isArray(wanted)
      ? wanted.every((item) => actual.some((candidate) => state.equals(candidate, item, testers)))
      : undefined
  testers.push(...state.customTesters, containsItems, state.utils.subsetEquality)
  const matches = (value: unknown, wanted: unknown) => state.equals(value, wanted, testers)
  const show = (value: unknown) => state.utils.stringify(value, 10, { printBasicPrototype: false })
  const found = all.find((resource) => matches(resource, expected))
  if (found) {
    return {
      pass: true,
      message: () =>
        `expected the provider not to have a SCIM ${kind} matching\n${indent(show(expected))}\nbut ${kind} ${found.id} (${key} ${JSON.stringify(keyOf(found))}) matches`,
    }
  }
  const closest = closestMatch(all, expected, key, matches)
  return {
    pass: false,
    message: () =>
      `expected the provider to have a SCIM ${kind} matching\n${indent(show(expected))}\n${inventory()}` +
      (closest ? `\nthe closest, ${kind} ${closest.id}, differs as the diff shows` : ''),
    ...(closest ? { actual: subsetOf(closest, expected), expected } : {}),
  }
}

/**
 * The resource matching the most of the expected top-level properties, if
 * any matches one; the one with the expected userName (displayName) first.
 */
function closestMatch<Resource>(
  all: Resource[],
  expected: Record<string, unknown>,
  key: string,
  matches: (value: unknown, wanted: unknown) => boolean,
): Resource | undefined {
  const count = Object.keys(expected).length
  let best: Resource | undefined
  let bestScore = 0
  for (const resource of all) {
    const record = resource as Record<string, unknown>
    const score = Object.entries(expected)
      .filter(([name, value]) => matches(record[name], value))
      .reduce((sum, [name]) => sum + (name === key ? count : 1), 0)
    if (score > bestScore) {
      best = resource
      bestScore = score
    }
  }
  return best
}

/** The part of `actual` that `expected` talks about, so a diff shows no unrelated noise. */
function subsetOf(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    // Items match in any order: keep, of each item, the keys any expected item names.
    const keys = Object.fromEntries(
      expected
        .filter(isPlainObject)
        .flatMap((item) => Object.keys(item).map((key) => [key, item[key]])),
    )
    return Object.keys(keys).length === 0 ? actual : actual.map((item) => subsetOf(item, keys))
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    return Object.fromEntries(
      Object.keys(expected)
        .filter((name) => name in actual)
        .map((name) => [name, subsetOf(actual[name], expected[name])]),
    )
  }
  return actual
}

function sentRequests(received: unknown): { who: string; actual: string[] } {
  if (isScimService(received)) {
    return { who: 'the provider', actual: received.requests.map(providerRequestLine) }
  }
  if (isOktaOrg(received)) {
    return { who: 'the Okta org', actual: received.requests().map(formatRequestLine) }
  }
  throw new TypeError(
    `Failed to check toHaveSentRequests: expected a scim-mock provider or an Okta org, received ${describeValue(received)}`,
  )
}

/**
 * A request the provider answered, as the line Okta's side of a transcript
 * would show for it: the same formatter, so lines read the same either way.
 */
function providerRequestLine(request: RecordedRequest): string {
  const failure =
    request.status !== 0 ? undefined : request.fault?.respond === 'timeout' ? 'timeout' : 'network'
  return formatRequestLine({
    method: request.method,
    path: `${request.path}${new URL(request.url).search}`,
    headers: request.headers,
    status: request.status,
    reason: '',
    text: '',
    responseHeaders: request.responseHeaders,
    ...(failure ? { failure } : {}),
  } as const)
}

function numbered(lines: readonly string[]): string {
  if (lines.length === 0) return '    (none)'
  return lines.map((line, index) => `    ${index + 1}. ${line}`).join('\n')
}

function requireProvider(received: unknown, matcher: string): ScimService {
  if (isScimService(received)) return received
  throw new TypeError(
    `Failed to check ${matcher}: expected a scim-mock provider (createScimProvider() or createScimService()), received ${describeValue(received)}`,
  )
}

function requireExpectation(
  expected: unknown,
  matcher: string,
  keyName: string,
): string | Record<string, unknown> {
  if (typeof expected === 'string' || isPlainObject(expected)) return expected
  throw new TypeError(
    `Failed to check ${matcher}: expected ${keyName} or a partial object, received ${describeValue(expected)}`,
  )
}

function isScimService(value: unknown): value is ScimService {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ScimService).handle === 'function' &&
    typeof (value as ScimService).users?.list === 'function' &&
    Array.isArray((value as ScimService).requests)
  )
}

function isOktaOrg(value: unknown): value is OktaOrg {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as OktaOrg).requests === 'function' &&
    typeof (value as OktaOrg).tasks?.open === 'function'
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 5)
    return `an object with keys ${keys.length ? keys.join(', ') : '(none)'}`
  }
  return `${typeof value} ${JSON.stringify(value)}`
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}
