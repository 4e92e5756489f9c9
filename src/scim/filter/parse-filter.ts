import { ScimError } from '../scim-error.js'
import {
  COMPARISON_OPERATORS,
  type AttributePath,
  type ComparisonOperator,
  type FilterExpression,
  type FilterValue,
} from './filter-ast.js'
import { lex, type Token } from './filter-lexer.js'
import { parseAttributePath } from './parse-attribute-path.js'

/** Longer filters are refused outright: no client needs them and they cost CPU. */
export const MAX_FILTER_LENGTH = 10_000
/** Deeper nesting is refused so that a hostile filter cannot overflow the stack. */
export const MAX_FILTER_DEPTH = 50

const OPERATORS: ReadonlySet<string> = new Set(COMPARISON_OPERATORS)

const shown = (token: Token) => (token.kind === 'end' ? 'the end' : `"${token.text}"`)
const isKeyword = (token: Token, keyword: string) =>
  token.kind === 'word' && token.text.toLowerCase() === keyword

/**
 * A recursive-descent parser for the filter ABNF of RFC 7644 §3.4.2.2
 * (Figure 1). parsePatchPath drives it for the PATCH path grammar (§3.5.2),
 * so both share one implementation of valuePath.
 */
export class FilterParser {
  private lookahead: Token | undefined
  private depth = 0
  private inValuePath = false
  /** The offset just after the last consumed token. */
  position = 0

  constructor(
    readonly text: string,
    /** Whether errors are invalidFilter or invalidPath (RFC 7644 §3.12, Table 9). */
    public scimType: 'invalidFilter' | 'invalidPath' = 'invalidFilter',
  ) {}

  readonly error = (message: string, position: number): ScimError =>
    this.scimType === 'invalidFilter'
      ? ScimError.invalidFilter(`Invalid filter: ${message} at position ${position}`)
      : ScimError.invalidPath(`Invalid path: ${message} at position ${position}`)

  peek(): Token {
    this.lookahead ??= lex(this.text, this.position, this.error)
    return this.lookahead
  }

  next(): Token {
    const token = this.peek()
    this.lookahead = undefined
    this.position = token.end
    return token
  }

  /** `logExp = FILTER ("and" / "or") FILTER`, "and" binding tighter, both left-associative. */
  parseOr(): FilterExpression {
    let left = this.parseAnd()
    while (isKeyword(this.peek(), 'or')) {
      this.next()
      left = { type: 'or', left, right: this.parseAnd() }
    }
    return left
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary()
    while (isKeyword(this.peek(), 'and')) {
      this.next()
      left = { type: 'and', left, right: this.parseUnary() }
    }
    return left
  }

  private parseUnary(): FilterExpression {
    const token = this.next()
    if (token.kind === '(') {
      const expression = this.nested(token, () => this.parseOr())
      this.expectClosing(')', token)
      return expression
    }
    if (token.kind !== 'word' || isKeyword(token, 'and') || isKeyword(token, 'or')) {
      throw this.error(
        `expected an attribute path, "(" or "not" but found ${shown(token)}`,
        token.start,
      )
    }
    if (isKeyword(token, 'not')) {
      // RFC 7644 §3.4.2.2: `"not" "(" valFilter ")"`; `not(` without a space is accepted too.
      const open = this.next()
      if (open.kind !== '(') throw this.error(`expected "(" after "not"`, open.start)
      const expression = this.nested(open, () => this.parseOr())
      this.expectClosing(')', open)
      return { type: 'not', expression }
    }

    const path = this.attributePath(token)
    const operator = this.next()
    if (operator.kind === '[')
      return { type: 'valuePath', path, filter: this.parseValueFilter(operator) }
    if (isKeyword(operator, 'pr')) return { type: 'present', path }
    const keyword = operator.text.toLowerCase()
    if (operator.kind !== 'word' || !OPERATORS.has(keyword)) {
      throw this.error(`expected a comparison operator after "${token.text}"`, operator.start)
    }
    return {
      type: 'comparison',
      path,
      operator: keyword as ComparisonOperator,
      value: this.parseValue(operator),
    }
  }

  /** The `valFilter` after `[`, up to and including the closing `]`. */
  parseValueFilter(open: Token): FilterExpression {
    // RFC 7644 §3.4.2.2: a valFilter holds attrExp/logExp/not, never another valuePath.
    if (this.inValuePath) throw this.error('value filters cannot be nested', open.start)
    this.inValuePath = true
    const filter = this.nested(open, () => this.parseOr())
    this.expectClosing(']', open)
    this.inValuePath = false
    return filter
  }

  /** Parses a word as `[URI ":"] ATTRNAME ["." subAttr]`. */
  attributePath(token: Token): AttributePath {
    try {
      return parseAttributePath(token.text)
    } catch {
      throw this.error(`"${token.text}" is not a valid attribute path`, token.start)
    }
  }

  private parseValue(operator: Token): FilterValue {
    const token = this.next()
    if (token.kind === 'string' || token.kind === 'number') return token.value ?? null
    const word = token.kind === 'word' ? token.text.toLowerCase() : ''
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    throw this.error(
      `expected a value (a JSON string, number, true, false or null) after "${operator.text}" but found ${shown(token)}`,
      token.start,
    )
  }

  private nested(open: Token, parse: () => FilterExpression): FilterExpression {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw this.error(`nesting is deeper than ${MAX_FILTER_DEPTH} levels`, open.start)
    }
    const expression = parse()
    this.depth--
    return expression
  }

  private expectClosing(kind: ')' | ']', open: Token): void {
    const token = this.next()
    if (token.kind !== kind) {
      throw this.error(
        `expected "${kind}" to close the "${open.text}" at position ${open.start} but found ${shown(token)}`,
        token.start,
      )
    }
  }
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into its syntax tree. Keywords and
 * operators are case-insensitive; attribute names are kept as written and
 * resolved against a schema by compileFilter.
 * Throws ScimError invalidFilter, with the 0-based position of the problem,
 * for any malformed input.
 *
 * @example
 * parseFilter('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')
 * // { type: 'and', left: { type: 'comparison', ... }, right: { type: 'valuePath', ... } }
 */
export function parseFilter(text: string): FilterExpression {
  if (typeof text !== 'string' || text.length > MAX_FILTER_LENGTH) {
    throw ScimError.invalidFilter(
      `Invalid filter: expected a string of at most ${MAX_FILTER_LENGTH} characters`,
    )
  }
  const parser = new FilterParser(text)
  if (parser.peek().kind === 'end') throw parser.error('the filter is empty', 0)
  const filter = parser.parseOr()
  const rest = parser.peek()
  if (rest.kind !== 'end') {
    throw parser.error(`expected "and", "or" or the end but found ${shown(rest)}`, rest.start)
  }
  return filter
}
