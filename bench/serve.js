// One HTTP server per process, for the loopback phase of `npm run bench` (bench/serve-run.js):
//   node bench/serve.js scim-mock → scim-mock's standalone server (createScimService + node:http)
//   node bench/serve.js bare      → bare node:http answering a fixed one-user ListResponse (the floor)
//   node bench/serve.js scimmy    → scimmy + express over the same 10k users (the peer)
// Each listens on 127.0.0.1, port 0, and sends { port, userName } to the parent over IPC:
// userName is an existing user for the `userName eq` lookups.
import { createServer } from 'node:http'
import { constants as perf, PerformanceObserver } from 'node:perf_hooks'
import { createScimService } from '../dist/index.js'
import { createRequestListener } from '../dist/server/create-request-listener.js'

export const USERS = 10_000
export const BASE_PATH = '/scim/v2'
const TOKEN = 't'
const SCIM_JSON = 'application/scim+json'
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User'

/** The same seed for scim-mock and the peer, so both hold the same 10k users. */
async function seededService(requestLogLimit) {
  const service = createScimService({
    baseUrl: BASE_PATH,
    token: TOKEN,
    seed: { users: USERS, seed: 1 },
    requestLogLimit,
  })
  await service.ready
  return service
}

/** An existing user from the middle of the collection. */
const targetOf = (users) => users[Math.floor(users.length / 2)].userName

async function scimMock() {
  const service = await seededService(1000)
  const userName = targetOf(service.users.list())
  return { server: createServer(createRequestListener(service.handle)), userName }
}

function bare() {
  const user = {
    schemas: [USER],
    id: '2819c223-7f76-453a-919d-413861904646',
    userName: 'bjensen@example.com',
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
    active: true,
    meta: {
      resourceType: 'User',
      created: '2011-08-01T18:29:49.793Z',
      lastModified: '2011-08-01T18:29:49.793Z',
      location: `${BASE_PATH}/Users/2819c223-7f76-453a-919d-413861904646`,
      version: 'W/"1"',
    },
  }
  const list = JSON.stringify({
    schemas: [LIST],
    totalResults: 1,
    startIndex: 1,
    itemsPerPage: 1,
    Resources: [user],
  })
  const created = JSON.stringify(user)
  const server = createServer((request, response) => {
    // Read the whole body, as a real server must, then answer a constant.
    request.resume()
    request.on('end', () => {
      const post = request.method === 'POST'
      response.writeHead(post ? 201 : 200, { 'content-type': SCIM_JSON })
      response.end(post ? created : list)
    })
  })
  return { server, userName: user.userName }
}

/**
 * An idiomatic scimmy server: scimmy's User resource over an in-memory array,
 * filters applied with scimmy's own `Filter.match`, plus two Maps (id, and
 * lower-cased userName for uniqueness and the `userName eq` fast path), as a
 * store with a unique userName column would have.
 */
async function scimmy() {
  const { default: SCIMMY } = await import('scimmy')
  const { default: express } = await import('express')
  const seedService = await seededService(0)
  const users = seedService.users.list().map(({ meta, ...user }) => ({
    ...user,
    meta: { created: meta.created, lastModified: meta.lastModified },
  }))
  const userName = targetOf(users)
  const byId = new Map(users.map((user) => [user.id, user]))
  const byUserName = new Map(users.map((user) => [user.userName.toLowerCase(), user]))

  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress((resource) => {
      if (resource.id) {
        const user = byId.get(resource.id)
        if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`)
        return user
      }
      const filter = resource.filter
      if (!filter) return users
      // `userName eq "x"` (one expression, one attribute): look it up, then let scimmy confirm.
      const [expression] = filter
      const keys = expression ? Object.keys(expression) : []
      if (filter.length === 1 && keys.length === 1 && keys[0].toLowerCase() === 'username') {
        const [op, value] = expression[keys[0]]
        if (op === 'eq' && typeof value === 'string') {
          const user = byUserName.get(value.toLowerCase())
          return user ? filter.match([user]) : []
        }
      }
      return filter.match(users)
    })
    .ingress((resource, instance) => {
      if (resource.id) throw new SCIMMY.Types.Error(501, null, 'Updates are not benchmarked')
      const key = instance.userName.toLowerCase()
      if (byUserName.has(key))
        throw new SCIMMY.Types.Error(409, 'uniqueness', `userName ${instance.userName} is taken`)
      const now = new Date().toISOString()
      const user = {
        ...instance,
        id: crypto.randomUUID(),
        meta: { created: now, lastModified: now },
      }
      users.push(user)
      byId.set(user.id, user)
      byUserName.set(key, user)
      return user
    })
    .degress(() => {
      throw new SCIMMY.Types.Error(501, null, 'Deletes are not benchmarked')
    })

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.use(express.json({ type: ['application/json', SCIM_JSON] }))
  app.use(BASE_PATH, (request, response, next) => {
    if (request.get('authorization') !== `Bearer ${TOKEN}`) {
      response
        .status(401)
        .type(SCIM_JSON)
        .send(new SCIMMY.Messages.Error({ status: 401, detail: 'Unauthorized' }))
      return
    }
    next()
  })
  const send = (response, status, body) =>
    response.status(status).type(SCIM_JSON).send(JSON.stringify(body))
  const fail = (response, error) => {
    const scimError = new SCIMMY.Messages.Error(error)
    send(response, Number(scimError.status) || 500, scimError)
  }
  app.get(`${BASE_PATH}/Users`, async (request, response) => {
    try {
      const { filter, startIndex, count } = request.query
      const config = {
        ...(filter !== undefined ? { filter: String(filter) } : {}),
        ...(startIndex !== undefined ? { startIndex: Number(startIndex) } : {}),
        ...(count !== undefined ? { count: Number(count) } : {}),
      }
      send(response, 200, await new SCIMMY.Resources.User(config).read())
    } catch (error) {
      fail(response, error)
    }
  })
  app.post(`${BASE_PATH}/Users`, async (request, response) => {
    try {
      send(response, 201, await new SCIMMY.Resources.User().write(request.body))
    } catch (error) {
      fail(response, error)
    }
  })
  return { server: createServer(app), userName }
}

const kinds = { 'scim-mock': scimMock, bare, scimmy }
const kind = process.argv[2]
if (!kinds[kind]) {
  console.error(`usage: node bench/serve.js ${Object.keys(kinds).join('|')}`)
  process.exit(2)
}
const { server, userName } = await kinds[kind]()
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  if (process.send) process.send({ port, userName })
  else console.log(`${kind} on http://127.0.0.1:${port}${BASE_PATH} (try userName ${userName})`)
})
// The parent kills us at the end; also go if it goes away.
process.on('disconnect', () => process.exit(0))

// GC pauses, for the parent to set beside the latencies: 'gc:start' clears,
// 'gc:report' answers { gc: { minor: { count, totalMs, maxMs }, major: …, pauses } },
// pauses being [kind, startedAt (ms since the epoch), duration (ms)].
let pauses = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    pauses.push([entry.detail?.kind, performance.timeOrigin + entry.startTime, entry.duration])
  }
}).observe({ entryTypes: ['gc'] })
process.on('message', (message) => {
  if (message === 'gc:start') pauses = []
  if (message !== 'gc:report') return
  const summary = (kinds) => {
    const durations = pauses.filter(([kind]) => kinds.includes(kind)).map(([, , ms]) => ms)
    return {
      count: durations.length,
      totalMs: durations.reduce((sum, ms) => sum + ms, 0),
      maxMs: durations.length ? Math.max(...durations) : 0,
    }
  }
  process.send({
    gc: {
      minor: summary([perf.NODE_PERFORMANCE_GC_MINOR]),
      major: summary([perf.NODE_PERFORMANCE_GC_MAJOR, perf.NODE_PERFORMANCE_GC_INCREMENTAL]),
      pauses: pauses.map(([kind, at, ms]) => [
        kind === perf.NODE_PERFORMANCE_GC_MINOR ? 'minor' : 'major',
        at,
        ms,
      ]),
    },
  })
})
