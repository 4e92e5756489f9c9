import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CONTROL_API_PATH } from '../provider/control-api.js'
import { createSwitchableService } from '../provider/create-switchable-service.js'
import type { ProfileName } from '../provider/profiles/profiles.js'
import { createConsoleFiles } from '../server/create-console-files.js'
import { createRequestListener } from '../server/create-request-listener.js'
import type { ServeArguments } from './parse-serve-arguments.js'

/** Starts the standalone server; resolves once it listens. */
export async function serve(args: ServeArguments, print: (line: string) => void): Promise<Server> {
  // Switchable: the console picks a vendor profile at run time (PUT /__scim-mock/profile).
  const switchable = createSwitchableService({
    // A path: locations take the origin each request arrived at (and --port 0 is known only later).
    ...(args.basePath !== undefined ? { baseUrl: args.basePath } : {}),
    token: args.token,
    seed: { users: args.users, groups: args.groups, seed: args.seed },
    profile: args.profile as ProfileName,
    // QA drives faults, reset and the log over HTTP.
    controlApi: true,
    // A server runs for hours: keep the recent requests, not all of them.
    requestLogLimit: 10_000,
  })
  const service = switchable.current
  await service.ready
  const consoleFiles = createConsoleFiles()
  // The log line is for the provider's traffic: not the console's files, nor the
  // control API, which an open console polls.
  const unlogged = new WeakSet<Request>()
  const server = createServer(
    createRequestListener(
      async (request) => {
        const file = await consoleFiles(request)
        if (file) unlogged.add(request)
        return file ?? switchable.handle(request)
      },
      {
        onResponse: args.quiet
          ? undefined
          : (request, response, ms) => {
              const url = new URL(request.url)
              if (unlogged.has(request) || isBelow(url.pathname, CONTROL_API_PATH)) return
              print(
                `${request.method} ${url.pathname}${url.search} → ${response.status} (${ms.toFixed(1)} ms)`,
              )
            },
      },
    ),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(args.port, args.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${port}`
  const base = `${origin}${service.baseUrl}`
  print(
    `scim-mock: SCIM 2.0 provider (${service.profile.name} profile) with ${args.users} users and ${args.groups} groups`,
  )
  print(`  console   ${origin}/`)
  print(`  base URL  ${base}`)
  print(`  token     ${args.token}   (Authorization: Bearer ${args.token})`)
  print(`  control   ${origin}${CONTROL_API_PATH}/faults, /requests, /reset, /profile`)
  if (service.oauth)
    print(`  oauth     ${origin}${service.oauth.authorizeUrl}, ${origin}${service.oauth.tokenUrl}`)
  print(`  try       curl -H 'Authorization: Bearer ${args.token}' '${base}/Users?count=2'`)
  return server
}

function isBelow(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}
