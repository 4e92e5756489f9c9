import { expect, it } from 'vitest'
import { createRequestLog, type RecordedRequest } from './request-log.js'

const entry = (path: string): Omit<RecordedRequest, 'sequence' | 'response'> => ({
  time: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  url: `https://acme.test/scim/v2${path}`,
  path,
  query: {},
  headers: {},
  body: undefined,
  status: 200,
  responseHeaders: {},
  operation: 'listUsers',
})

it('numbers entries from 1 in arrival order', () => {
  const log = createRequestLog()
  log.record(entry('/a'), undefined)
  log.record(entry('/b'), undefined)
  expect(log.entries.map((e) => [e.sequence, e.path])).toEqual([
    [1, '/a'],
    [2, '/b'],
  ])
})

it('parses the response on first read, each read getting the same copy', () => {
  const log = createRequestLog()
  const recorded = log.record(entry('/a'), { json: '{"totalResults":1}' })
  expect(recorded.response).toEqual({ totalResults: 1 })
  expect(recorded.response).toBe(recorded.response)
  expect(log.record(entry('/b'), undefined).response).toBeUndefined()
})

it('keeps only the most recent entries over its limit', () => {
  const log = createRequestLog(2)
  for (const path of ['/a', '/b', '/c']) log.record(entry(path), undefined)
  expect(log.entries.map((e) => [e.sequence, e.path])).toEqual([
    [2, '/b'],
    [3, '/c'],
  ])
})

it('starts over after clear', () => {
  const log = createRequestLog()
  log.record(entry('/a'), undefined)
  log.clear()
  expect(log.record(entry('/b'), undefined).sequence).toBe(1)
  expect(log.entries).toHaveLength(1)
})

it('snapshots as JSON and restores entries whose numbering goes on', () => {
  const log = createRequestLog()
  log.record(entry('/a'), { json: '{"totalResults":1}' })
  log.record({ ...entry('/b'), body: undefined, operation: undefined }, undefined)
  const snapshot = JSON.parse(JSON.stringify(log.snapshot()))

  const restored = createRequestLog()
  restored.restore(snapshot)

  expect(snapshot.sequence).toBe(2)
  expect(restored.entries).toStrictEqual(log.entries.map((recorded) => ({ ...recorded })))
  expect(restored.record(entry('/c'), undefined).sequence).toBe(3)
})

it('restores the newest entries only, over its limit', () => {
  const log = createRequestLog()
  for (const path of ['/a', '/b', '/c']) log.record(entry(path), undefined)

  const restored = createRequestLog(2)
  restored.restore(log.snapshot())

  expect(restored.entries.map((e) => e.sequence)).toEqual([2, 3])
})
