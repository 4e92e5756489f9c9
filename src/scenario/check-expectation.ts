import type { OktaApp, OktaOrg } from '../okta/create-okta-org.js'
import type { OktaLogEvent } from '../okta/okta-model.js'
import { describeStringDifference, preview } from './describe-value.js'
import { findMismatches, matchesPartial } from './match-partial.js'
import { compareRequestLines } from './match-request-lines.js'
import { resolveIdPlaceholders, type ResourceIds } from './resource-ids.js'
import type { ScenarioExpectation } from './scenario-schema.js'
import type { ProviderResource, ScenarioTarget } from './scenario-target.js'

/** What an `expect` step looks at. */
export interface ExpectationContext {
  org: OktaOrg
  app: OktaApp
  target: ScenarioTarget
  /** The request lines Okta sent since the previous `expect` (or the start). */
  requests: readonly string[]
  /** The System Log events since the previous `expect` (or the start). */
  events: readonly OktaLogEvent[]
  /** The provider ids seen so far, for `{id:<name>}` in request lines. */
  ids: ResourceIds
  /** The previous action step and what it returned. */
  last: { index: number; kind: string; value: unknown } | undefined
}

/** Every check of an `expect`, run: the mismatches, and what was found under the checks' keys. */
export interface ExpectationOutcome {
  passed: boolean
  /** One block per failed check, in the order the checks are written. */
  message?: string
  actual: Record<string, unknown>
}

type Check = (context: ExpectationContext) => Promise<{ failures: string[]; actual: unknown }>

/**
 * Runs every check an `expect` gives and collects all their mismatches, so
 * one run shows everything that is wrong.
 *
 * @example
 * const outcome = await checkExpectation({ tasks: [] }, context)
 * outcome.message // 'tasks: expected no open task, found 1:\n    1. "Automatic provisioning of user …"'
 */
export async function checkExpectation(
  expectation: ScenarioExpectation,
  context: ExpectationContext,
): Promise<ExpectationOutcome> {
  const failures: string[] = []
  const actual: Record<string, unknown> = {}
  for (const [key, expected] of Object.entries(expectation)) {
    if (expected === undefined) continue
    const check = checks[key as keyof ScenarioExpectation] as (
      expected: unknown,
    ) => Check | undefined
    const outcome = await check(expected)!(context)
    failures.push(...outcome.failures)
    actual[key] = outcome.actual
  }
  return failures.length === 0
    ? { passed: true, actual }
    : { passed: false, message: failures.join('\n'), actual }
}

const checks: {
  [Key in keyof ScenarioExpectation]-?: (expected: NonNullable<ScenarioExpectation[Key]>) => Check
} = {
  task:
    (expected) =>
    async ({ org }) => {
      const open = org.tasks.open().map((task) => task.message)
      if (open.includes(expected)) return { failures: [], actual: open }
      const lines = [
        `task: no open task has the expected message`,
        `  expected: ${quote(expected)}`,
      ]
      lines.push(
        open.length === 0 ? '  open tasks: none' : `  open tasks:\n${numbered(open.map(quote))}`,
      )
      const closest = closestText(expected, open)
      if (closest !== undefined)
        lines.push(`  closest: ${describeStringDifference(expected, closest)}`)
      return { failures: [lines.join('\n')], actual: open }
    },

  tasks:
    (expected) =>
    async ({ org }) => {
      const open = org.tasks.open().map((task) => task.message)
      if (open.length === expected.length && open.every((message, i) => message === expected[i])) {
        return { failures: [], actual: open }
      }
      if (expected.length === 0) {
        const count = `${open.length} open task${open.length > 1 ? 's' : ''}`
        return {
          failures: [`tasks: expected no open task, found ${count}:\n${numbered(open.map(quote))}`],
          actual: open,
        }
      }
      const lines = [
        `tasks: the open tasks differ`,
        `  expected:\n${numbered(expected.map(quote))}`,
        open.length === 0 ? '  open tasks: none' : `  open tasks:\n${numbered(open.map(quote))}`,
      ]
      const at = expected.findIndex((message, i) => open[i] !== message)
      if (at !== -1 && open[at] !== undefined) {
        lines.push(`  task ${at + 1}: ${describeStringDifference(expected[at]!, open[at])}`)
      }
      return { failures: [lines.join('\n')], actual: open }
    },

  systemLog:
    (expected) =>
    async ({ events }) => {
      let from = 0
      for (const [index, wanted] of expected.entries()) {
        const found = events.findIndex((event, at) => at >= from && matchesPartial(wanted, event))
        if (found !== -1) {
          from = found + 1
          continue
        }
        const after = index === 0 ? '' : ' after the events matched before it'
        const lines = [`systemLog: no event matches systemLog[${index}] ${preview(wanted)}${after}`]
        const candidates = events.slice(from)
        const closest = closestByMismatches(wanted, candidates)
        if (closest)
          lines.push(
            `  closest, event ${events.indexOf(closest.item) + 1}: ${closest.mismatches.join('; ')}`,
          )
        lines.push(
          events.length === 0
            ? '  events since the previous expect: none'
            : `  events since the previous expect:\n${numbered(events.map(describeEvent))}`,
        )
        return { failures: [lines.join('\n')], actual: events }
      }
      return { failures: [], actual: events }
    },

  provider:
    (expected) =>
    async ({ target }) => {
      const failures: string[] = []
      const actual: Record<string, unknown> = {}
      for (const kind of ['users', 'groups'] as const) {
        const wanted = expected[kind]
        if (!wanted) continue
        let resources: ProviderResource[]
        try {
          resources = await (kind === 'users' ? target.listUsers() : target.listGroups())
        } catch (error) {
          failures.push(`provider.${kind}: ${errorMessage(error)}`)
          continue
        }
        actual[kind] = { count: resources.length, resources }
        failures.push(...checkResources(kind, wanted, resources))
      }
      return { failures, actual }
    },

  appUser:
    (expected) =>
    async ({ app }) => {
      const { user, ...wanted } = expected
      let appUser
      try {
        appUser = app.appUser(user)
      } catch (error) {
        return { failures: [`appUser (${user}): ${errorMessage(error)}`], actual: undefined }
      }
      if (!appUser) {
        return {
          failures: [`appUser (${user}): ${user} is not assigned to "${app.label}"`],
          actual: undefined,
        }
      }
      const mismatches = findMismatches(wanted, appUser)
      return {
        failures: mismatches.length === 0 ? [] : [`appUser (${user}): ${indentList(mismatches)}`],
        actual: appUser,
      }
    },

  requests:
    (expected) =>
    async ({ requests, ids }) => {
      const [written, mode] = Array.isArray(expected)
        ? [expected, 'exact' as const]
        : [expected.subsequence, 'subsequence' as const]
      const unresolved: string[] = []
      const lines = written.map((line) => {
        try {
          return resolveIdPlaceholders(line, ids)
        } catch (error) {
          unresolved.push(`requests: ${errorMessage(error)}`)
          return line
        }
      })
      if (unresolved.length > 0) return { failures: unresolved, actual: [...requests] }
      const difference = compareRequestLines(requests, lines, mode)
      return {
        failures: difference === undefined ? [] : [`requests: ${difference}`],
        actual: [...requests],
      }
    },

  result:
    (expected) =>
    async ({ last }) => {
      if (!last) {
        return { failures: ['result: no action step ran before this expect'], actual: undefined }
      }
      if (last.value === undefined) {
        return {
          failures: [`result: step ${last.index} (${last.kind}) returned nothing to compare`],
          actual: undefined,
        }
      }
      const mismatches = findMismatches(expected, last.value)
      return {
        failures:
          mismatches.length === 0
            ? []
            : [`result (step ${last.index}, ${last.kind}): ${indentList(mismatches)}`],
        actual: last.value,
      }
    },
}

type ResourceExpectation = NonNullable<NonNullable<ScenarioExpectation['provider']>['users']>

function checkResources(
  kind: 'users' | 'groups',
  expected: ResourceExpectation,
  resources: ProviderResource[],
): string[] {
  const failures: string[] = []
  const noun = kind === 'users' ? 'user' : 'group'
  const nameOf = (resource: ProviderResource) =>
    String(kind === 'users' ? resource.userName : resource.displayName)
  const names = resources.length === 0 ? 'none' : resources.map((r) => quote(nameOf(r))).join(', ')

  if (expected.count !== undefined && resources.length !== expected.count) {
    failures.push(
      `provider.${kind}.count: expected ${expected.count}, found ${resources.length} (${names})`,
    )
  }
  for (const [index, wanted] of (expected.contains ?? []).entries()) {
    if (resources.some((resource) => matchesPartial(wanted, resource))) continue
    const lines = [`provider.${kind}.contains[${index}]: no ${noun} matches ${preview(wanted)}`]
    const closest = closestByMismatches(wanted, resources)
    lines.push(
      closest
        ? `  closest, ${quote(nameOf(closest.item))}: ${closest.mismatches.join('; ')}`
        : `  the provider has no ${kind}`,
    )
    failures.push(lines.join('\n'))
  }
  for (const [index, unwanted] of (expected.absent ?? []).entries()) {
    const present = resources.filter((resource) =>
      typeof unwanted === 'string'
        ? nameOf(resource).toLowerCase() === unwanted.toLowerCase()
        : matchesPartial(unwanted, resource),
    )
    if (present.length === 0) continue
    const what = typeof unwanted === 'string' ? quote(unwanted) : preview(unwanted)
    failures.push(
      `provider.${kind}.absent[${index}]: expected no ${noun} ${typeof unwanted === 'string' ? 'named' : 'matching'} ${what}, found ${present
        .map((resource) => `${quote(nameOf(resource))} (id ${String(resource.id)})`)
        .join(', ')}`,
    )
  }
  return failures
}

/** The candidate with the fewest mismatches, and them: "closest, …" lines. */
function closestByMismatches<Item>(
  expected: unknown,
  candidates: readonly Item[],
): { item: Item; mismatches: string[] } | undefined {
  let best: { item: Item; mismatches: string[] } | undefined
  for (const item of candidates) {
    const mismatches = findMismatches(expected, item)
    if (!best || mismatches.length < best.mismatches.length) best = { item, mismatches }
  }
  return best
}

/** The text sharing the longest prefix with `expected`. */
function closestText(expected: string, texts: readonly string[]): string | undefined {
  let best: string | undefined
  let bestLength = -1
  for (const text of texts) {
    let at = 0
    while (at < text.length && at < expected.length && text[at] === expected[at]) at++
    if (at > bestLength) {
      best = text
      bestLength = at
    }
  }
  return best
}

function describeEvent(event: OktaLogEvent): string {
  const reason = event.outcome.reason ? `: ${event.outcome.reason}` : ''
  return `${event.eventType} ${event.outcome.result} "${event.displayMessage}"${reason}`
}

function numbered(lines: readonly string[]): string {
  return lines.map((line, index) => `    ${index + 1}. ${line}`).join('\n')
}

function indentList(lines: readonly string[]): string {
  return lines.length === 1 ? lines[0]! : `\n${lines.map((line) => `  ${line}`).join('\n')}`
}

const quote = (text: string) => JSON.stringify(text)

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
