import { createOktaOrg, type OktaApp, type OktaOrg } from '../okta/create-okta-org.js'
import type { OktaUserProfile } from '../okta/okta-model.js'
import type { ScimService } from '../provider/create-scim-service.js'
import { checkExpectation } from './check-expectation.js'
import { describeScenarioIssues, formatScenarioIssues } from './scenario-issues.js'
import { formatRequestLine } from './format-request-line.js'
import { createInProcessTarget } from './in-process-target.js'
import { createRemoteTarget } from './remote-target.js'
import { resolveAppAuth } from './resolve-app-auth.js'
import { createResourceIds, type ResourceIds } from './resource-ids.js'
import type { ScenarioResult, StepResult } from './scenario-result.js'
import {
  oktaAppSchema,
  type Scenario,
  type ScenarioInput,
  scenarioSchema,
} from './scenario-schema.js'
import type { ScenarioTarget } from './scenario-target.js'
import { runStep } from './run-step.js'
import { stepKind } from './step-kind.js'

export type { ScenarioResult, StepResult } from './scenario-result.js'

export interface RunScenarioOptions {
  /**
   * A real SCIM server instead of the in-process provider. Okta steps and
   * request and task expectations work against any server; faults, profile
   * changes and `provider` expectations need the control API of a scim-mock
   * server (`scim-mock serve`); `advance` needs the in-process provider.
   * `{id:<name>}` in request lines resolves through the control API's listings.
   */
  target?: { baseUrl: string; token: string }
  /** Called after each step (progress reporters). */
  onStep?: (step: StepResult, scenario: Scenario) => void
  /** Use this provider instead of creating one (Vitest/Playwright integrations pass theirs). */
  provider?: ScimService
}

/** The org, its app and the provider a scenario runs in. */
interface World {
  target: ScenarioTarget
  org: OktaOrg
  app: OktaApp
  /** Provider ids by name, for `{id:<name>}` in request lines. */
  ids: ResourceIds
  /** Refreshes `ids` from the provider (a no-op when no request line uses a placeholder). */
  refreshIds: () => Promise<void>
}

/**
 * Runs a scenario: validates it, arranges the provider and an Okta org, runs
 * the steps in order, and reports each one. It never throws for a scenario's
 * sake: an invalid scenario or a failed setup is `error`, a failed step is a
 * failed `StepResult`.
 *
 * A failed action step (Okta or the provider threw) stops the run: the steps
 * after it are reported as `skipped`. A failed `expect` does not, so one run
 * shows every failed expectation. Time is simulated in process: scenarios
 * with hours of back-off take milliseconds.
 *
 * @example
 * const result = await runScenario(defineScenario({
 *   name: 'Jane is provisioned',
 *   okta: { users: [{ login: 'jane@corp.example', email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' }] },
 *   steps: [{ assign: 'jane@corp.example' }, { expect: { tasks: [], provider: { users: { count: 1 } } } }],
 * }))
 * result.passed // true
 * result.transcript // ['GET /Users?filter=userName eq "jane@corp.example"&startIndex=1&count=100 → 200', 'POST /Users → 201']
 */
export async function runScenario(
  scenario: ScenarioInput | Scenario,
  options: RunScenarioOptions = {},
): Promise<ScenarioResult> {
  const started = performance.now()
  const parsed = scenarioSchema.safeParse(scenario)
  if (!parsed.success) {
    return {
      ...nameAndTags(scenario),
      passed: false,
      steps: [],
      durationMs: performance.now() - started,
      transcript: [],
      error: formatScenarioIssues(describeScenarioIssues(parsed.error.issues, scenario)),
    }
  }
  const valid = parsed.data
  const heading = { name: valid.name, tags: valid.tags ?? [] }

  let world: World
  try {
    world = await setUp(valid, options)
  } catch (error) {
    return {
      ...heading,
      passed: false,
      steps: [],
      durationMs: performance.now() - started,
      transcript: [],
      error: `Failed to set up the scenario: ${errorMessage(error)}`,
    }
  }

  try {
    const steps = await runSteps(valid, world, options)
    return {
      ...heading,
      passed: steps.every((step) => step.passed),
      steps,
      durationMs: performance.now() - started,
      transcript: world.org.requests().map(formatRequestLine),
    }
  } finally {
    await world.target.dispose()
  }
}

/**
 * The provider's users and groups, the Okta users, groups and app, and the
 * OAuth authorization for an OAuth app; then the org forgets the requests
 * sent so far: setup traffic is not part of the transcript.
 */
async function setUp(scenario: Scenario, options: RunScenarioOptions): Promise<World> {
  const target = options.target
    ? await createRemoteTarget(scenario.provider, options.target)
    : await createInProcessTarget(scenario.provider, options.provider)
  try {
    for (const user of scenario.provider?.users ?? []) {
      await target.createUser(user).catch(failedTo(`create provider user "${user.userName}"`))
    }
    for (const group of scenario.provider?.groups ?? []) {
      await target
        .createGroup(group.displayName, group.members ?? [])
        .catch(failedTo(`create provider group "${group.displayName}"`))
    }
    const org = createOktaOrg({ fetch: target.fetch, clock: target.clock })
    for (const user of scenario.okta?.users ?? []) {
      org.users.create(user as Omit<OktaUserProfile, 'locale'> & { status?: typeof user.status })
    }
    for (const group of scenario.okta?.groups ?? []) {
      org.groups.create({ name: group.name, members: group.members ?? [] })
    }
    const { auth, ...settings } = scenario.okta?.app ?? oktaAppSchema.parse({})
    const app = org.apps.create(
      definedOnly({ ...settings, baseUrl: target.baseUrl, auth: resolveAppAuth(auth, target) }),
    )
    // "Authenticate with …" is part of connecting an OAuth app, before any step.
    if (app.settings.auth.type === 'oauth') await app.authorize()
    org.clearRequests()
    const ids = createResourceIds()
    const refreshIds = usesIdPlaceholders(scenario) ? () => recordIds(target, ids) : async () => {}
    await refreshIds()
    return { target, org, app, ids, refreshIds }
  } catch (error) {
    await target.dispose()
    throw error
  }
}

async function runSteps(
  scenario: Scenario,
  world: World,
  options: RunScenarioOptions,
): Promise<StepResult[]> {
  const { org } = world
  const results: StepResult[] = []
  let stopped = false
  // What the next `expect` sees: requests and events since the previous one.
  let requestsSeen = 0
  let eventsSeen = org.systemLog().length
  let last: { index: number; kind: string; value: unknown } | undefined

  for (const [position, step] of scenario.steps.entries()) {
    const index = position + 1
    const kind = stepKind(step)
    const started = performance.now()
    const sentBefore = org.requests().length
    let result: StepResult
    if (stopped) {
      result = {
        index,
        kind,
        passed: false,
        skipped: true,
        durationMs: 0,
        message: 'skipped',
        requests: [],
      }
    } else if ('expect' in step) {
      const sent = org.requests()
      const events = org.systemLog()
      const outcome = await checkExpectation(step.expect, {
        org: world.org,
        app: world.app,
        target: world.target,
        ids: world.ids,
        requests: sent.slice(requestsSeen).map(formatRequestLine),
        events: events.slice(eventsSeen),
        last,
      })
      requestsSeen = sent.length
      eventsSeen = events.length
      result = {
        index,
        kind,
        passed: outcome.passed,
        durationMs: performance.now() - started,
        ...(outcome.message === undefined ? {} : { message: outcome.message }),
        expected: step.expect,
        actual: outcome.actual,
        requests: [],
      }
    } else {
      try {
        const value = await runStep(step, world)
        last = { index, kind, value }
        result = {
          index,
          kind,
          passed: true,
          durationMs: performance.now() - started,
          ...(value === undefined ? {} : { actual: value }),
          requests: [],
        }
      } catch (error) {
        // Later steps would act on a state the scenario did not mean: stop here.
        stopped = true
        result = {
          index,
          kind,
          passed: false,
          durationMs: performance.now() - started,
          message: errorMessage(error),
          requests: [],
        }
      }
      result.requests = org.requests().slice(sentBefore).map(formatRequestLine)
      await world.refreshIds()
    }
    results.push(result)
    options.onStep?.(result, scenario)
  }
  return results
}

/** Whether an `expect` names a provider id as `{id:<name>}`: only then are ids tracked. */
function usesIdPlaceholders(scenario: Scenario): boolean {
  return scenario.steps.some(
    (step) => 'expect' in step && JSON.stringify(step.expect.requests ?? []).includes('{id:'),
  )
}

/** Adds the ids the provider holds now; a listing failure is kept to explain unknown names. */
async function recordIds(target: ScenarioTarget, ids: ResourceIds): Promise<void> {
  try {
    ids.record(await target.listUsers(), await target.listGroups())
    ids.unavailable(undefined)
  } catch (error) {
    ids.unavailable(errorMessage(error))
  }
}

/** The name and tags of a scenario that failed validation, as far as they can be read. */
function nameAndTags(scenario: unknown): { name: string; tags: string[] } {
  const { name, tags } = (typeof scenario === 'object' && scenario !== null ? scenario : {}) as {
    name?: unknown
    tags?: unknown
  }
  return {
    name: typeof name === 'string' && name !== '' ? name : '(unnamed scenario)',
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
  }
}

/** Optional fields the scenario left out must not override Okta's defaults with undefined. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}

/** Rethrows with what the runner was doing: "Failed to create provider user "ann": …". */
function failedTo(action: string) {
  return (error: unknown): never => {
    throw new Error(`Failed to ${action}: ${errorMessage(error)}`, { cause: error })
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
