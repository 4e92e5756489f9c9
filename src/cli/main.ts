#!/usr/bin/env node
import { parseRunArguments, RUN_USAGE } from './parse-run-arguments.js'
import { parseServeArguments, SERVE_USAGE } from './parse-serve-arguments.js'
import { run } from './run.js'
import { serve } from './serve.js'

const USAGE = `Usage: scim-mock <command> [options]

Commands:
  serve     serve a seeded SCIM 2.0 provider on a real port
  run       run scenario files (YAML) and report

Run "scim-mock <command> --help" for its options.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help') {
    console.log(USAGE)
    // Exit codes: 0 done, 1 something failed, 2 the command line itself is wrong.
    return command === undefined ? 2 : 0
  }
  if (command === 'run') return runCommand(rest)
  if (command !== 'serve') {
    console.error(`scim-mock: unknown command "${command}"\n\n${USAGE}`)
    return 2
  }
  let args: ReturnType<typeof parseServeArguments>
  try {
    args = parseServeArguments(rest)
  } catch (error) {
    console.error(`scim-mock serve: ${(error as Error).message}\n\n${SERVE_USAGE}`)
    return 2
  }
  if (args === 'help') {
    console.log(SERVE_USAGE)
    return 0
  }
  const server = await serve(args, (line) => console.log(line))
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise<number>(() => {})
}

async function runCommand(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseRunArguments>
  try {
    args = parseRunArguments(argv)
  } catch (error) {
    console.error(`scim-mock run: ${(error as Error).message}\n\n${RUN_USAGE}`)
    return 2
  }
  if (args === 'help') {
    console.log(RUN_USAGE)
    return 0
  }
  // Loaded on demand: `serve` has no use for the Okta simulator.
  const { runScenario } = await import('../scenario/run-scenario.js')
  const code = await run(args, {
    runScenario,
    cwd: process.cwd(),
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  })
  // process.exit() does not wait for piped output: let the report reach it first.
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => stream.write('', () => resolve())),
    ),
  )
  return code
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`scim-mock: ${(error as Error).message}`)
    process.exit(1)
  },
)
