import { useState } from 'preact/hooks'
import { runScenario, type StepResult } from '../scenario/run-scenario.js'
import { BUILT_IN_SCENARIOS } from './built-in-scenarios.js'
import { messageOf, useConsole } from './console-context.js'

interface Run {
  file: string
  steps: StepResult[]
  passed?: boolean
  error?: string
}

/**
 * The built-in scenarios, run here in the page against a provider and an
 * Okta org of their own (the console's are left as they are), step by step.
 */
export function ScenariosPanel() {
  const { busy, act } = useConsole()
  const [run, setRun] = useState<Run | undefined>()
  const [tag, setTag] = useState('')
  const tags = [
    ...new Set(BUILT_IN_SCENARIOS.flatMap(({ scenario }) => scenario.tags ?? [])),
  ].sort()
  const shown = BUILT_IN_SCENARIOS.filter(({ scenario }) => !tag || scenario.tags?.includes(tag))

  const start = (file: string) =>
    act(`Run the scenario ${file}`, async () => {
      const loaded = BUILT_IN_SCENARIOS.find((candidate) => candidate.file === file)!
      const steps: StepResult[] = []
      setRun({ file, steps: [] })
      try {
        const result = await runScenario(loaded.scenario, {
          onStep: (step) => {
            steps.push(step)
            setRun({ file, steps: [...steps] })
          },
        })
        setRun({ file, steps: result.steps, passed: result.passed, error: result.error })
        if (!result.passed) throw new Error(`The scenario ${file} failed`)
      } catch (error) {
        setRun((previous) => ({
          ...(previous ?? { file, steps }),
          passed: false,
          error: messageOf(error),
        }))
        throw error
      }
    })

  return (
    <div class="scenarios">
      <label>
        Tag
        <select
          name="tag"
          value={tag}
          onChange={(event) => setTag((event.target as HTMLSelectElement).value)}
        >
          <option value="">all ({BUILT_IN_SCENARIOS.length})</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <ul class="scenario-list">
        {shown.map(({ file, scenario }) => (
          <li key={file}>
            <button
              type="button"
              disabled={busy !== undefined}
              aria-label={`Run ${scenario.name}`}
              onClick={() => void start(file)}
            >
              Run
            </button>{' '}
            <strong>{scenario.name}</strong> <small>{file}</small>
          </li>
        ))}
      </ul>
      {run && (
        <section aria-labelledby="scenario-run-heading" aria-live="polite" class="scenario-run">
          <h4 id="scenario-run-heading">
            {run.file}: {run.passed === undefined ? 'running…' : run.passed ? 'passed' : 'failed'}
          </h4>
          {run.error && <p class="error-text">{run.error}</p>}
          <ol>
            {run.steps.map((step) => (
              <li
                key={step.index}
                class={step.skipped ? 'step-skipped' : step.passed ? 'step-passed' : 'step-failed'}
              >
                <span aria-hidden="true">{step.skipped ? '○' : step.passed ? '✓' : '✗'}</span>{' '}
                {step.kind}{' '}
                <small>({step.skipped ? 'skipped' : step.passed ? 'passed' : 'failed'})</small>
                {step.requests.length > 0 && (
                  <ul class="transcript">
                    {step.requests.map((line, position) => (
                      <li key={position}>
                        <code>{line}</code>
                      </li>
                    ))}
                  </ul>
                )}
                {step.message && !step.skipped && <pre>{step.message}</pre>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
