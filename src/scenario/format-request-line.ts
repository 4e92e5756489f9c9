import type { OktaExchange } from '../okta/okta-scim-client.js'

/**
 * One request as a scenario transcript shows it: `METHOD /path?query → status`,
 * the path and query percent-decoded so filters read as written, or
 * `→ no response (timeout)` / `→ no response (network error)` when nothing came back.
 *
 * @example
 * formatRequestLine(org.requests()[0])
 * // 'GET /Users?filter=userName eq "jane.doe@example.com"&startIndex=1&count=100 → 200'
 */
export function formatRequestLine(exchange: OktaExchange): string {
  const outcome =
    exchange.failure === 'timeout'
      ? 'no response (timeout)'
      : exchange.failure === 'network'
        ? 'no response (network error)'
        : String(exchange.status)
  return `${exchange.method} ${decodeTarget(exchange.path)} → ${outcome}`
}

/** The path, then each query pair decoded on its own (`+` is a space in a query). */
function decodeTarget(target: string): string {
  const at = target.indexOf('?')
  if (at === -1) return safeDecode(target)
  const query = target
    .slice(at + 1)
    .split('&')
    .map((pair) => safeDecode(pair.replace(/\+/g, ' ')))
    .join('&')
  return `${safeDecode(target.slice(0, at))}?${query}`
}

/** Malformed escapes stay as sent: the line must show what went out. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
