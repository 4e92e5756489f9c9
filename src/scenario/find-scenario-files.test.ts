import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { findScenarioFiles } from './find-scenario-files.js'
import { ScenarioLoadError } from './scenario-load-error.js'

let cwd: string

const FILES = [
  'top.yaml',
  'notes.md',
  'scenarios/assign.yaml',
  'scenarios/b.yml',
  'scenarios/scenario.schema.json',
  'scenarios/groups/push.yaml',
  'scenarios/groups/deep/rename.YAML',
  'scenarios/.drafts/wip.yaml',
  'scenarios/node_modules/dep.yaml',
  'other/x1.yaml',
  'other/x2.yaml',
  'other/x10.yaml',
]

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'scim-mock-find-'))
  for (const file of FILES) {
    await mkdir(join(cwd, dirname(file)), { recursive: true })
    await writeFile(join(cwd, file), 'name: x\n')
  }
  await mkdir(join(cwd, 'empty'))
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

it('takes a named file as it is, whatever its extension', async () => {
  expect(await findScenarioFiles(['notes.md', './top.yaml'], cwd)).toEqual(['notes.md', 'top.yaml'])
})

it('finds the YAML files of a folder recursively, skipping dot folders and node_modules', async () => {
  expect(await findScenarioFiles(['scenarios/'], cwd)).toEqual([
    'scenarios/assign.yaml',
    'scenarios/b.yml',
    'scenarios/groups/deep/rename.YAML',
    'scenarios/groups/push.yaml',
  ])
})

it.each([
  ['*.yaml', ['top.yaml']],
  ['scenarios/*.yaml', ['scenarios/assign.yaml']],
  ['scenarios/*', ['scenarios/assign.yaml', 'scenarios/b.yml']],
  // Names match case-sensitively: rename.YAML is no *.yaml.
  ['scenarios/**/*.yaml', ['scenarios/assign.yaml', 'scenarios/groups/push.yaml']],
  ['**/push.yaml', ['scenarios/groups/push.yaml']],
  [
    'scenarios/**/*.{yaml,yml}',
    expect.arrayContaining(['scenarios/b.yml', 'scenarios/assign.yaml']),
  ],
  ['other/x?.yaml', ['other/x1.yaml', 'other/x2.yaml']],
  ['scenarios/.drafts/*.yaml', ['scenarios/.drafts/wip.yaml']],
  ['scenarios/node_modules/*.yaml', ['scenarios/node_modules/dep.yaml']],
  ['./other/x1*.yaml', ['other/x1.yaml', 'other/x10.yaml']],
])('matches the glob %s', async (pattern, files) => {
  expect(await findScenarioFiles([pattern], cwd)).toEqual(files)
})

it('accepts an absolute glob and answers with paths relative to cwd', async () => {
  expect(await findScenarioFiles([join(cwd, 'other/*.yaml')], cwd)).toEqual([
    'other/x1.yaml',
    'other/x10.yaml',
    'other/x2.yaml',
  ])
})

it('answers with absolute paths for files outside cwd', async () => {
  expect(await findScenarioFiles(['../top.yaml'], join(cwd, 'other'))).toEqual([
    join(cwd, 'top.yaml'),
  ])
})

it('sorts and removes duplicates across patterns', async () => {
  expect(
    await findScenarioFiles(
      ['scenarios/groups', 'scenarios/**/push.yaml', 'other/x1.yaml', 'top.yaml'],
      cwd,
    ),
  ).toEqual([
    'other/x1.yaml',
    'scenarios/groups/deep/rename.YAML',
    'scenarios/groups/push.yaml',
    'top.yaml',
  ])
})

it('fails with every pattern that matches nothing', async () => {
  const error = await findScenarioFiles(
    ['scenarios/', 'missing.yaml', 'empty', 'nothing/**/*.yaml', 'notes.*'],
    cwd,
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ScenarioLoadError)
  expect((error as ScenarioLoadError).code).toBe('NO_MATCHING_FILES')
  expect((error as ScenarioLoadError).message).toBe(
    [
      'missing.yaml: no such file or folder',
      'empty: no *.yaml or *.yml file in this folder',
      'nothing/**/*.yaml: matches no *.yaml or *.yml file',
      'notes.*: matches no *.yaml or *.yml file',
    ].join('\n'),
  )
})
