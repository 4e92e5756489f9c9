import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createConsoleFiles } from '../server/create-console-files.js'
import { createRequestListener } from '../server/create-request-listener.js'
import type { ConsoleArguments } from './parse-console-arguments.js'

/** `scim-mock console`: the console's files and nothing else; resolves once it listens. */
export async function serveConsole(
  args: ConsoleArguments,
  print: (line: string) => void,
): Promise<Server> {
  const files = createConsoleFiles()
  const server = createServer(
    createRequestListener(
      async (request) =>
        (await files(request)) ??
        new Response('Not a console file: the provider runs in the browser here.\n', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
    ),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(args.port, args.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${port}`
  print(`scim-mock console (offline mode: the provider runs in the browser)`)
  print(`  console   ${origin}/`)
  print(`  SCIM API  ${origin}/scim/v2 (token "secret"), in that browser tab only`)
  return server
}
