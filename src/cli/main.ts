#!/usr/bin/env node
import type { Server } from 'node:http'
import { CONSOLE_USAGE, parseConsoleArguments } from './parse-console-arguments.js'
import { parseRunArguments, RUN_USAGE } from './parse-run-arguments.js'
import { parseServeArguments, SERVE_USAGE } from './parse-serve-arguments.js'
import { run } from './run.js'
import { serve } from './serve.js'

const USAGE = `Usage: scim-mock <command> [options]

Commands:
  serve     serve a seeded SCIM 2.0 provider on a real port
  run       run scenario files (YAML) and report
  console   serve the QA console alone (the provider runs in the browser)

Run "scim-mock <command> --help" for its options.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help') {
    console.log(USAGE)
    // Exit codes: 0 done, 1 something failed, 2 the command line itself is wrong.
    return command === undefined ? 2 : 0
  }
  if (command === 'run') return runCommand(rest)
  if (command === 'console') return consoleCommand(rest)
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
  return untilSignal(await serve(args, (line) => console.log(line)))
}

async function consoleCommand(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseConsoleArguments>
  try {
    args = parseConsoleArguments(argv)
  } catch (error) {
    console.error(`scim-mock console: ${(error as Error).message}\n\n${CONSOLE_USAGE}`)
    return 2
  }
  if (args === 'help') {
    console.log(CONSOLE_USAGE)
    return 0
  }
  const { serveConsole } = await import('./serve-console.js')
  return untilSignal(await serveConsole(args, (line) => console.log(line)))
}

/** Serves until SIGINT or SIGTERM, then closes the server and exits 0. */
function untilSignal(server: Server): Promise<number> {
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
