import { parseArgs } from 'node:util'

/** The options of `scim-mock serve`. */
export interface ServeArguments {
  port: number
  host: string
  token: string
  /** Undefined: the profile's base path. */
  basePath: string | undefined
  users: number
  groups: number
  seed: number
  profile: string
  quiet: boolean
}

export const SERVE_USAGE = `Usage: scim-mock serve [options]

Serves a seeded SCIM 2.0 provider on a real port.

Options:
  --port <n>        port to listen on (default 4000; 0 picks a free one)
  --host <h>        interface to bind (default 127.0.0.1)
  --token <t>       bearer token clients must send (default "secret")
  --base-path <p>   path of the SCIM API (default: the profile's, /scim/v2 for generic)
  --users <n>       seeded users (default 25)
  --groups <n>      seeded groups (default 4)
  --seed <n>        faker seed, for the same data every run (default 1)
  --profile <name>  vendor profile: generic, magicpod, secoda, condeco, mangoapps,
                    oktopost (default generic; sets the base path unless --base-path)
  --quiet           no log line per request
  -h, --help        show this help`

/** Parses `serve` arguments, throwing an Error with a readable message on bad input. */
export function parseServeArguments(argv: readonly string[]): ServeArguments | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string', default: 'secret' },
      'base-path': { type: 'string' },
      users: { type: 'string', default: '25' },
      groups: { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string', default: 'generic' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const basePath =
    values['base-path'] === undefined
      ? undefined
      : `/${values['base-path'].replace(/^\/+|\/+$/g, '')}`
  return {
    port: integer('--port', values.port, 0, 65535),
    host: values.host,
    token: values.token,
    basePath,
    users: integer('--users', values.users, 0, 1_000_000),
    groups: integer('--groups', values.groups, 0, 100_000),
    seed: integer('--seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
    profile: values.profile,
    quiet: values.quiet,
  }
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`)
  }
  return value
}
