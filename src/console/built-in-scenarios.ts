import { type LoadedScenario, parseScenarioText } from '../scenario/parse-scenario-text.js'

// The YAML of scenarios/ is bundled as text and validated like `scim-mock run` does.
const files = import.meta.glob<string>('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The built-in scenarios, by file name, in name order. */
export const BUILT_IN_SCENARIOS: LoadedScenario[] = Object.entries(files)
  .map(([path, text]) => parseScenarioText(text, path.replace(/^.*\//, '')))
  .sort((a, b) => a.file.localeCompare(b.file))
