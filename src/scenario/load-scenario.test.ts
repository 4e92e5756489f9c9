import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { loadScenarioFile, parseScenarioText } from './load-scenario.js'
import { ScenarioLoadError } from './scenario-load-error.js'

let cwd: string

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'scim-mock-load-'))
  await mkdir(join(cwd, 'scenarios'))
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

async function loadError(name: string, text: string): Promise<ScenarioLoadError> {
  const file = `scenarios/${name}`
  await writeFile(join(cwd, file), text)
  const error = await loadScenarioFile(file, { cwd }).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(ScenarioLoadError)
  return error as ScenarioLoadError
}

const JANE = '{ login: jane@corp.example, email: jane@example.com, firstName: Jane, lastName: Doe }'

it('loads a valid file with defaults applied and the line of each step', async () => {
  await writeFile(
    join(cwd, 'scenarios/assign.yaml'),
    `# yaml-language-server: $schema=./scenario.schema.json
name: Jane is provisioned
tags: [smoke]
okta:
  users:
    - ${JANE}
  app: {}
steps:
  - assign: jane@corp.example

  - expect:
      tasks: []
`,
  )
  const loaded = await loadScenarioFile('scenarios/assign.yaml', { cwd })
  expect(loaded.file).toBe('scenarios/assign.yaml')
  expect(loaded.scenario.name).toBe('Jane is provisioned')
  expect(loaded.scenario.okta?.app).toEqual({
    label: 'SCIM 2.0 Test App (OAuth Bearer Token)',
    mode: 'oin',
  })
  expect(loaded.stepLines).toEqual([9, 11])
})

it('loads JSON, which is YAML', () => {
  const loaded = parseScenarioText(
    JSON.stringify({ name: 'x', steps: [{ assign: 'jane' }] }),
    'x.json',
  )
  expect(loaded.scenario.steps).toEqual([{ assign: 'jane' }])
  expect(loaded.stepLines).toEqual([1])
})

it('names the file, line, column, step and kind of a wrong value', async () => {
  const error = await loadError(
    'wrong-value.yaml',
    `name: Assign
steps:
  - assign: jane@corp.example
  - expect:
      tasks: []
  - assign: 42
`,
  )
  expect(error.code).toBe('INVALID_SCENARIO')
  expect(error.file).toBe('scenarios/wrong-value.yaml')
  expect(error.message).toBe(
    'scenarios/wrong-value.yaml:6:13: step 3 (assign): expected a string, got 42',
  )
  expect(error.issues).toEqual([
    {
      file: 'scenarios/wrong-value.yaml',
      line: 6,
      column: 13,
      step: 3,
      kind: 'assign',
      path: ['steps', 2, 'assign'],
      message: 'expected a string, got 42',
    },
  ])
})

it('lists every problem of a file in the order of its lines', async () => {
  const error = await loadError(
    'many.yaml',
    `name: Many mistakes
okta:
  users:
    - login: jane@corp.example
      email: jane@example.com
      firstName: Jane
steps:
  - updateUser: { user: jane@corp.example }
  - asign: jane@corp.example
  - updateUser:
    user: jane@corp.example
  - pushGroup: { grup: Sales }
  - retry: first
  - advance: 5 minutes
  - testConnection: false
  - expect:
      requests: ["POST/Users"]
      tsks: []
  - updateApp: { mode: scim, labl: App }
  - assign:
  - assign
  - {}
  - providerChange: { createUser: { usrName: x } }
`,
  )
  expect(error.message.split('\n')).toEqual([
    'scenarios/many.yaml:4:7: okta.users[0].lastName: missing required field (expected a string)',
    'scenarios/many.yaml:8:17: step 1 (updateUser), updateUser.profile: missing required field (expected an object)',
    'scenarios/many.yaml:9:5: step 2: unknown step kind "asign" (did you mean "assign"?)',
    'scenarios/many.yaml:11:5: step 3: a step has exactly one key, its kind; got "updateUser", "user" (is "user" meant to be indented under "updateUser"?)',
    'scenarios/many.yaml:12:16: step 4 (pushGroup), pushGroup.group: missing required field (expected a string)',
    'scenarios/many.yaml:12:18: step 4 (pushGroup), pushGroup.grup: unknown field "grup" (did you mean "group"?)',
    'scenarios/many.yaml:13:12: step 5 (retry): expected a number or "last", got "first"',
    'scenarios/many.yaml:14:14: step 6 (advance): expected milliseconds or a duration such as "500ms", "90s", "5m", "2h", got "5 minutes"',
    'scenarios/many.yaml:15:21: step 7 (testConnection): expected true, got false',
    'scenarios/many.yaml:17:18: step 8 (expect), expect.requests[0]: expected "METHOD /path → status", got "POST/Users"',
    'scenarios/many.yaml:18:7: step 8 (expect), expect.tsks: unknown field "tsks" (did you mean "tasks"?)',
    'scenarios/many.yaml:19:24: step 9 (updateApp), updateApp.mode: expected one of "aiw", "oin", got "scim"',
    'scenarios/many.yaml:19:30: step 9 (updateApp), updateApp.labl: unknown field "labl" (did you mean "label"?)',
    'scenarios/many.yaml:20:5: step 10 (assign): expected a string, got an empty value',
    'scenarios/many.yaml:21:5: step 11: expected a step: an object with one key, its kind (e.g. "assign: jane@example.com"), got "assign"',
    'scenarios/many.yaml:22:5: step 12: empty step: give it one key, its kind (e.g. "assign")',
    'scenarios/many.yaml:23:35: step 13 (providerChange), providerChange.createUser.userName: missing required field (expected a string)',
  ])
})

it('reports problems outside the steps by their field path', async () => {
  const error = await loadError(
    'top.yaml',
    `nme: Typo
description: 42
okta:
  app:
    mode: aiw
    auth: { type: bearer }
steps: []
`,
  )
  expect(error.message.split('\n')).toEqual([
    'scenarios/top.yaml:1:1: name: missing required field (expected a string)',
    'scenarios/top.yaml:1:1: nme: unknown field "nme" (did you mean "name"?)',
    'scenarios/top.yaml:2:14: description: expected a string, got 42',
    'scenarios/top.yaml:6:11: okta.app.auth.token: missing required field (expected a string)',
    'scenarios/top.yaml:7:8: steps: needs at least 1 item',
  ])
})

it('reports YAML syntax errors with their line and column', async () => {
  const error = await loadError(
    'syntax.yaml',
    `name: Broken
steps:
  - assign: jane
   - expect: {}
`,
  )
  expect(error.code).toBe('INVALID_YAML')
  expect(error.message).toMatch(/^scenarios\/syntax\.yaml:\d+:\d+: \S/)
  expect(error.issues.every((issue) => issue.line !== undefined)).toBe(true)
})

it.each([
  [
    'duplicate.yaml',
    'name: a\nname: b\nsteps: [{ assign: x }]\n',
    'scenarios/duplicate.yaml:2:1: map keys must be unique',
  ],
  [
    'two-documents.yaml',
    'name: a\nsteps: [{ assign: x }]\n---\nname: b\n',
    'scenarios/two-documents.yaml:3:1: one scenario per file: this file has several YAML documents (---)',
  ],
])('rejects %s', async (name, text, message) => {
  const error = await loadError(name, text)
  expect(error.code).toBe('INVALID_YAML')
  expect(error.message).toBe(message)
})

it.each([
  [
    'empty.yaml',
    '',
    'scenarios/empty.yaml: the file is empty: a scenario needs at least name and steps',
  ],
  [
    'comments.yaml',
    '# nothing yet\n',
    'scenarios/comments.yaml: the file is empty: a scenario needs at least name and steps',
  ],
  ['list.yaml', '- assign: jane\n', 'scenarios/list.yaml:1:1: expected an object, got a list'],
])('rejects %s as no scenario', async (name, text, message) => {
  const error = await loadError(name, text)
  expect(error.code).toBe('INVALID_SCENARIO')
  expect(error.message).toBe(message)
})

it('reports a missing file and a folder as unreadable', async () => {
  const missing = await loadScenarioFile('scenarios/none.yaml', { cwd }).catch((e: unknown) => e)
  expect(missing).toBeInstanceOf(ScenarioLoadError)
  expect((missing as ScenarioLoadError).code).toBe('UNREADABLE_FILE')
  expect((missing as ScenarioLoadError).message).toBe(
    'scenarios/none.yaml: cannot read the file: no such file',
  )
  const folder = await loadScenarioFile('scenarios', { cwd }).catch((e: unknown) => e)
  expect((folder as ScenarioLoadError).message).toBe(
    'scenarios: cannot read the file: it is a folder',
  )
})

it('points at the value through aliases', () => {
  const error = (() => {
    try {
      parseScenarioText(
        'name: x\nokta:\n  users:\n    - &jane { login: 1, email: a, firstName: b, lastName: c }\n    - *jane\nsteps: [{ assign: a }]\n',
        'alias.yaml',
      )
    } catch (error) {
      return error as ScenarioLoadError
    }
  })()
  expect(error?.message.split('\n')).toEqual([
    'alias.yaml:4:22: okta.users[0].login: expected a string, got 1',
    'alias.yaml:4:22: okta.users[1].login: expected a string, got 1',
  ])
})
