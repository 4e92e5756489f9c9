// Writes scenarios/scenario.schema.json, the JSON Schema of scenario files,
// from the built scenario format (run `npm run build` first). Editors use it
// through `# yaml-language-server: $schema=./scenario.schema.json`.
// src/scenario/scenario-json-schema.test.ts fails while the file is stale.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { scenarioJsonSchema } from '../dist/scenario/scenario-schema.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const file = join(root, 'scenarios', 'scenario.schema.json')

// Formatted as `prettier --check .` expects it.
const options = (await prettier.resolveConfig(file)) ?? {}
const text = await prettier.format(JSON.stringify(scenarioJsonSchema(), null, 2), {
  ...options,
  filepath: file,
})
writeFileSync(file, text)
console.log(`Wrote ${file}`)
