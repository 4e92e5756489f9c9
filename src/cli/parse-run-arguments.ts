import { parseArgs } from 'node:util'

/** The reporters of `scim-mock run`. */
export const REPORTERS = ['pretty', 'json', 'junit'] as const
export type ReporterName = (typeof REPORTERS)[number]

/** The options of `scim-mock run`. */
export interface RunArguments {
  /** Files, folders and globs; `['scenarios/']` when none is given. */
  patterns: string[]
  /** A running SCIM server to test instead of an in-memory provider. */
  target: { baseUrl: string; token: string } | undefined
  /** Run only scenarios having any of these tags; empty: all. */
  tags: string[]
  reporter: ReporterName
  /** Where the json/junit report goes; undefined: standard output. */
  output: string | undefined
}

export const RUN_USAGE = `Usage: scim-mock run [files | folders | globs] [options]

Runs scenario files: Okta (simulated) against a SCIM provider, step by step.
Files are taken as named, folders give every *.yaml and *.yml inside them,
globs ("scenarios/**/*.yaml", quoted) the *.yaml and *.yml files they match.
Default: scenarios/

Options:
  --target <url>      test a running SCIM server at this base URL instead of
                      an in-memory provider (with --token)
  --token <t>         the bearer token for --target
  --tag <t>           run only scenarios with this tag; repeat for any of several
  --reporter <name>   pretty (default), json or junit
  --output <file>     write the json or junit report to a file; progress still
                      shows on the terminal (default: the report on stdout)
  -h, --help          show this help

Exit code: 0 when every scenario passed, 1 when one failed or a file is
invalid, 2 for bad arguments or patterns that match no file.`

/** Parses `run` arguments, throwing an Error with a readable message on bad input. */
export function parseRunArguments(argv: readonly string[]): RunArguments | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      target: { type: 'string' },
      token: { type: 'string' },
      tag: { type: 'string', multiple: true, default: [] },
      reporter: { type: 'string', default: 'pretty' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  })
  if (values.help) return 'help'
  if ((values.target === undefined) !== (values.token === undefined)) {
    throw new Error('--target and --token go together: give both or neither')
  }
  const reporter = values.reporter
  if (!isReporterName(reporter)) {
    throw new Error(`--reporter must be one of ${REPORTERS.join(', ')}, got "${reporter}"`)
  }
  if (values.output !== undefined && reporter === 'pretty') {
    throw new Error('--output needs --reporter json or junit')
  }
  if (values.output === '') throw new Error('--output needs a file name')
  const emptyTag = values.tag.find((tag) => tag.trim() === '')
  if (emptyTag !== undefined) throw new Error('--tag needs a tag name')
  if (values.token === '') throw new Error('--token must not be empty')
  return {
    patterns: positionals.length > 0 ? positionals : ['scenarios/'],
    target:
      values.target === undefined || values.token === undefined
        ? undefined
        : { baseUrl: baseUrl(values.target), token: values.token },
    tags: [...new Set(values.tag)],
    reporter,
    output: values.output,
  }
}

function isReporterName(name: string): name is ReporterName {
  return (REPORTERS as readonly string[]).includes(name)
}

function baseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(
      `--target must be an http(s) URL such as http://localhost:4000/scim/v2, got "${text}"`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `--target must be an http(s) URL such as http://localhost:4000/scim/v2, got "${text}"`,
    )
  }
  // Without a trailing slash: paths are appended as "/Users".
  return url.href.replace(/\/+$/, '')
}
