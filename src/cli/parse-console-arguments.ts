import { parseArgs } from 'node:util'

/** The options of `scim-mock console`. */
export interface ConsoleArguments {
  port: number
  host: string
}

export const CONSOLE_USAGE = `Usage: scim-mock console [options]

Serves the QA console alone, in offline mode: the SCIM provider runs in your
browser behind MSW's service worker, and its state is kept in localStorage.
There is no SCIM API on this port (use "scim-mock serve" for one).

Options:
  --port <n>   port to listen on (default 4100; 0 picks a free one)
  --host <h>   interface to bind (default 127.0.0.1)
  -h, --help   show this help`

/** Parses `console` arguments, throwing an Error with a readable message on bad input. */
export function parseConsoleArguments(argv: readonly string[]): ConsoleArguments | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}"`)
  }
  return { port, host: values.host }
}
