import { expect, it } from 'vitest'
import type { ScenarioResult } from '../scenario-result.js'
import { createJunitReporter, junitXml } from './junit.js'

/**
 * A small well-formedness check (no XML parser is installed): balanced
 * elements, quoted attributes, no raw `<` or stray `&` in text, no characters
 * XML 1.0 forbids.
 */
function assertWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
  // eslint-disable-next-line no-control-regex -- looking for forbidden characters
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, '')
  const stack: string[] = []
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy
  let match: RegExpExecArray | null
  let consumed = 0
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex
    const [, closing, name, , selfClosing, text] = match
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/[&<>]/)
      continue
    }
    const attributes = match[3] ?? ''
    expect(attributes.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/&/)
    if (closing) expect(stack.pop()).toBe(name)
    else if (!selfClosing) stack.push(name!)
  }
  expect(consumed).toBe(body.length)
  expect(stack).toEqual([])
}

const results: ScenarioResult[] = [
  {
    name: 'Jane <jane@example.com> & "friends"',
    tags: [],
    passed: false,
    steps: [
      { index: 1, kind: 'assign', passed: true, durationMs: 10, requests: ['POST /Users → 201'] },
      {
        index: 2,
        kind: 'expect',
        passed: false,
        durationMs: 2,
        message: 'requests: the requests differ:\n  - POST /Users → 201\n  + POST /Users → 409',
        expected: { requests: ['POST /Users → 201'] },
        actual: { requests: ['POST /Users → 409'] },
        requests: [],
      },
      {
        index: 3,
        kind: 'assign',
        passed: false,
        skipped: true,
        durationMs: 0,
        message: 'skipped',
        requests: [],
      },
    ],
    durationMs: 12,
    transcript: [
      'GET /Users?filter=userName eq "jane"&count=1 → 200',
      'bell \u0007 and \u001b[31mred\u001b[39m',
    ],
    file: 'scenarios/assign.yaml',
  },
  {
    name: 'Jane is pushed',
    tags: [],
    passed: true,
    steps: [{ index: 1, kind: 'pushNow', passed: true, durationMs: 3, requests: [] }],
    durationMs: 3,
    transcript: [],
    file: 'scenarios/assign.yaml',
  },
  {
    name: 'scenarios/broken.yaml',
    tags: [],
    passed: false,
    steps: [],
    durationMs: 0,
    transcript: [],
    error:
      'scenarios/broken.yaml:2:9: name: expected a string, got 42\nscenarios/broken.yaml:3:1: steps: needs at least 1 item',
    file: 'scenarios/broken.yaml',
  },
  {
    name: 'Made in code',
    tags: [],
    passed: true,
    steps: [],
    durationMs: 1,
    transcript: [],
  },
]

it('writes one testsuite per file and one testcase per scenario, escaped', () => {
  expect(junitXml(results)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="scim-mock" tests="4" failures="1" errors="1" skipped="0" time="0.016">
  <testsuite name="scenarios/assign.yaml" tests="2" failures="1" errors="0" skipped="0" time="0.015">
    <testcase name="Jane &lt;jane@example.com&gt; &amp; &quot;friends&quot;" classname="scenarios/assign" file="scenarios/assign.yaml" time="0.012">
      <failure message="step 2 (expect): requests: the requests differ" type="failure">step 2 (expect):
  requests: the requests differ:
    - POST /Users → 201
    + POST /Users → 409</failure>
      <system-out>GET /Users?filter=userName eq "jane"&amp;count=1 → 200
bell \ufffd and red</system-out>
    </testcase>
    <testcase name="Jane is pushed" classname="scenarios/assign" file="scenarios/assign.yaml" time="0.003">
    </testcase>
  </testsuite>
  <testsuite name="scenarios/broken.yaml" tests="1" failures="0" errors="1" skipped="0" time="0.000">
    <testcase name="scenarios/broken.yaml" classname="scenarios/broken" file="scenarios/broken.yaml" time="0.000">
      <error message="scenarios/broken.yaml:2:9: name: expected a string, got 42" type="error">scenarios/broken.yaml:2:9: name: expected a string, got 42
scenarios/broken.yaml:3:1: steps: needs at least 1 item</error>
    </testcase>
  </testsuite>
  <testsuite name="scenarios" tests="1" failures="0" errors="0" skipped="0" time="0.001">
    <testcase name="Made in code" classname="scenarios" file="scenarios" time="0.001">
    </testcase>
  </testsuite>
</testsuites>
`)
})

it('produces well-formed XML from hostile text', () => {
  const hostile = '<![CDATA[ ]]> </testcase> &amp; &#0; \u0000 \ud800 "\'\n\r\t 😀'
  const xml = junitXml([
    {
      name: hostile,
      tags: [],
      passed: false,
      steps: [
        {
          index: 1,
          kind: hostile,
          passed: false,
          durationMs: 1,
          message: hostile,
          requests: [hostile],
        },
      ],
      durationMs: 1,
      transcript: [hostile],
      error: hostile,
      file: `scenarios/${hostile}.yaml`,
    },
  ])
  assertWellFormed(xml)
  expect(xml).toContain('😀')
  // Line breaks survive in attributes as character references.
  expect(xml).toContain('&#10;')
})

it('checks the well-formedness checker', () => {
  expect(() => assertWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a>')).toThrow()
  expect(() => assertWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>')).toThrow()
  expect(() => assertWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a n="1"/>')).not.toThrow()
})

it('writes the document at the end, and returns it', () => {
  const chunks: string[] = []
  const reporter = createJunitReporter({ write: (text) => chunks.push(text) })
  const document = reporter.onEnd(results)
  expect(chunks).toEqual([document])
  assertWellFormed(document as string)
})
