#!/usr/bin/env node
import { parseServeArguments, SERVE_USAGE } from './parse-serve-arguments.js'
import { serve } from './serve.js'

const USAGE = `Usage: scim-mock <command> [options]

Commands:
  serve     serve a seeded SCIM 2.0 provider on a real port

Run "scim-mock serve --help" for its options.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help') {
    console.log(USAGE)
    return command === undefined ? 1 : 0
  }
  if (command !== 'serve') {
    console.error(`scim-mock: unknown command "${command}"\n\n${USAGE}`)
    return 1
  }
  let args: ReturnType<typeof parseServeArguments>
  try {
    args = parseServeArguments(rest)
  } catch (error) {
    console.error(`scim-mock serve: ${(error as Error).message}\n\n${SERVE_USAGE}`)
    return 1
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`scim-mock: ${(error as Error).message}`)
    process.exit(1)
  },
)
