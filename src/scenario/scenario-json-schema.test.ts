import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { scenarioJsonSchema } from './scenario-schema.js'

const file = new URL('../../scenarios/scenario.schema.json', import.meta.url)

it('commits scenarios/scenario.schema.json as scenarioJsonSchema() makes it', () => {
  // Compared as data: the file is formatted by prettier, not by JSON.stringify.
  expect(
    JSON.parse(readFileSync(file, 'utf8')),
    'scenarios/scenario.schema.json is stale: run `npm run build && node scripts/write-scenario-schema.js`',
  ).toEqual(scenarioJsonSchema())
})

it('describes a scenario file for editors', () => {
  const schema = scenarioJsonSchema()
  expect(schema).toMatchObject({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: expect.arrayContaining(['name', 'steps']),
    additionalProperties: false,
  })
})
