import { expect, it } from 'vitest'
import { describeScenarioIssues, knownStepKind } from './scenario-issues.js'
import { formatPath, formatScenarioIssue } from './scenario-load-error.js'
import { scenarioSchema } from './scenario-schema.js'

function describe(data: unknown) {
  const result = scenarioSchema.safeParse(data)
  if (result.success) throw new Error('expected an invalid scenario')
  return describeScenarioIssues(result.error.issues, data)
}

it('judges a step by the kind the author wrote', () => {
  expect(describe({ name: 'x', steps: [{ assign: 'a' }, { setPassword: { user: 'a' } }] })).toEqual(
    [
      {
        path: ['steps', 1, 'setPassword', 'password'],
        message: 'missing required field (expected a string)',
      },
    ],
  )
})

it('names unknown keys one by one, with the nearest known one', () => {
  expect(
    describe({ name: 'x', steps: [{ assign: 'a' }], okta: { app: { lable: 'App', zzz: 1 } } }),
  ).toEqual([
    {
      path: ['okta', 'app', 'lable'],
      atKey: true,
      message: 'unknown field "lable" (did you mean "label"?)',
    },
    { path: ['okta', 'app', 'zzz'], atKey: true, message: 'unknown field "zzz"' },
  ])
})

it('says which types a union takes when none fits', () => {
  expect(describe({ name: 'x', steps: [{ completeTask: 1.5 }] })).toEqual([
    { path: ['steps', 0, 'completeTask'], message: 'expected an integer or "last", got 1.5' },
  ])
  expect(describe({ name: 'x', steps: [{ pushGroup: ['Sales'] }] })).toEqual([
    { path: ['steps', 0, 'pushGroup'], message: 'expected a string or an object, got a list' },
  ])
})

it('narrows nested unions to the branch with the fewest problems', () => {
  expect(
    describe({ name: 'x', steps: [{ updateApp: { auth: { type: 'basic', username: 'u' } } }] }),
  ).toEqual([
    {
      path: ['steps', 0, 'updateApp', 'auth', 'password'],
      message: 'missing required field (expected a string)',
    },
  ])
})

it('knows the kind of a step as written', () => {
  expect(knownStepKind({ assign: 42 })).toBe('assign')
  expect(knownStepKind({ asign: 'a' })).toBeUndefined()
  expect(knownStepKind({ assign: 'a', unassign: 'b' })).toBeUndefined()
  expect(knownStepKind('assign')).toBeUndefined()
})

it('formats issues and paths', () => {
  expect(formatPath(['okta', 'users', 1, 'email'])).toBe('okta.users[1].email')
  expect(formatPath(['provider', 'options', 'a b'])).toBe('provider.options["a b"]')
  expect(
    formatScenarioIssue({
      file: 'x.yaml',
      line: 4,
      column: 13,
      step: 3,
      kind: 'updateUser',
      path: ['steps', 2, 'updateUser', 'profile'],
      message: 'expected an object, got 42',
    }),
  ).toBe('x.yaml:4:13: step 3 (updateUser), updateUser.profile: expected an object, got 42')
  expect(formatScenarioIssue({ file: 'x.yaml', path: [], message: 'the file is empty' })).toBe(
    'x.yaml: the file is empty',
  )
})
