import * as msw from 'msw'
import { setupServer } from 'msw/node'
import mswPackage from 'msw/package.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'

// `npm run test:msw3` runs these integration tests on Node 22 with msw 3 and
// sets the majors it expects; this proves the run really got them.
const expectedMsw = process.env.MSW_EXPECTED_MAJOR
const expectedNode = process.env.NODE_EXPECTED_MAJOR
const major = (version: string) => Number(version.split('.')[0])

describe.skipIf(expectedMsw === undefined && expectedNode === undefined)('test runtime', () => {
  it.runIf(expectedNode !== undefined)('runs on the expected Node.js major', () => {
    expect(major(process.versions.node)).toBe(Number(expectedNode))
  })

  it.runIf(expectedMsw !== undefined)('resolves msw to the expected major', () => {
    const mswMajor = major(mswPackage.version)
    expect(mswMajor).toBe(Number(expectedMsw))
    // The loaded modules are that major too, not only its package.json:
    // msw 3 removed `handleRequest` and added `readyState` to setupServer().
    expect('handleRequest' in msw).toBe(mswMajor < 3)
    expect('readyState' in setupServer()).toBe(mswMajor >= 3)
  })
})
