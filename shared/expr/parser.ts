/**
 * Tokens → syntax tree, by precedence climbing. From loosest to tightest:
 *
 *   or 或 或者  <  and 且 并且  <  not 非 (prefix)
 *   <  comparisons and predicates (= != < <= > >=, in 属于, between 介于, 包含, 开头是, 结尾是, 匹配,
 *      为空 / 不为空 postfix; one per level: `1 < x < 5` is an error, write `x > 1 且 x < 5`)
 *   <  + -  <  * / %  <  unary - +  <  literals, names, calls, ( … )
 *
 * The first syntax error stops parsing; it says in Chinese what was expected and where.
 */
import type { ArithmeticOp, Ast, CompareOp, TextPredicate } from './ast.ts'
import { ExprSyntaxError, listAlternatives, makeError, quote, type ExprError, type Span } from './errors.ts'
import { tokenize } from './lexer.ts'
import { CHINESE_OPERATOR_WORDS, type Keyword, type Operator, type Token } from './tokens.ts'

export type ParseResult = { ok: true; ast: Ast } | { ok: false; errors: ExprError[] }

/** What may start a value, for "此处应为…" messages. */
const VALUE_EXPECTED = ['字段名', '数字', '字符串', '日期', '函数', '“(”']
const AFTER_VALUE_EXPECTED = ['运算符', '“且”', '“或”', '表达式结束']

const COMPARE_OPS: ReadonlySet<Operator> = new Set(['=', '!=', '<', '<=', '>', '>='])
const TEXT_PREDICATES: Readonly<Partial<Record<Keyword, TextPredicate>>> = {
  contains: 'contains',
  notContains: 'contains',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
  matches: 'matches',
}
/** Keywords that may follow `not` to negate a predicate: `x not in (…)`, `x not between …`. */
const NEGATABLE: ReadonlySet<Keyword> = new Set([
  'in',
  'between',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
])

/**
 * Parses an expression into a syntax tree (names unresolved, nothing typed).
 *
 * @example parse('审结日期 < 受理日期') → { ok: true, ast: { kind: 'compare', op: '<', … } }
 * @example parse('(受理日期 且') → { ok: false, errors: [{ message: '第 1 行第 7 列：此处应为字段名、…，实际为“且”', … }] }
 */
export function parse(source: string): ParseResult {
  try {
    const tokens = tokenize(source)
    if (tokens[0].kind === 'end') {
      return { ok: false, errors: [makeError(source, { start: 0, end: 0 }, '表达式为空', VALUE_EXPECTED)] }
    }
    return { ok: true, ast: new Parser(source, tokens).parseAll() }
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { ok: false, errors: [error.error] }
    throw error
  }
}

class Parser {
  private index = 0

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): Ast {
    const ast = this.or()
    if (this.peek().kind !== 'end') this.unexpected(AFTER_VALUE_EXPECTED)
    return ast
  }

  // ---- token helpers

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]
  }

  private advance(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.index++
    return token
  }

  /** End offset of the last consumed token. */
  private lastEnd(): number {
    return this.index === 0 ? 0 : this.tokens[this.index - 1].end
  }

  private isKeyword(keyword: Keyword, offset = 0): boolean {
    const token = this.peek(offset)
    return token.kind === 'keyword' && token.value === keyword
  }

  private isOperator(operator: Operator, offset = 0): boolean {
    const token = this.peek(offset)
    return token.kind === 'operator' && token.value === operator
  }

  private expectOperator(operator: Operator, expected: string[]): Token {
    if (!this.isOperator(operator)) this.unexpected(expected)
    return this.advance()
  }

  private span(start: number): Span {
    return { start, end: this.lastEnd() }
  }

  // ---- grammar, loosest first

  private or(): Ast {
    return this.logicChain('or', () => this.and())
  }

  private and(): Ast {
    return this.logicChain('and', () => this.not())
  }

  /** `operand {op operand}`, left-associative: 且 / 或 chains. */
  private logicChain(op: 'and' | 'or', operand: () => Ast): Ast {
    let left = operand()
    while (this.isKeyword(op)) {
      const opSpan = this.advance()
      const right = operand()
      left = { kind: 'logic', op, left, right, opSpan, span: { start: left.span.start, end: right.span.end } }
    }
    return left
  }

  private not(): Ast {
    if (this.isKeyword('not')) {
      const start = this.advance().start
      const operand = this.not()
      return { kind: 'not', operand, span: this.span(start) }
    }
    return this.predicate()
  }

  private predicate(): Ast {
    const left = this.additive()
    const result = this.predicateAfter(left)
    if (result !== left && this.startsPredicate()) {
      const token = this.peek()
      this.fail(token, '比较和判断不能连写（如 1 < x < 5），请用“且”或“或”连接，如 x > 1 且 x < 5', [
        '“且”',
        '“或”',
      ])
    }
    return result
  }

  private startsPredicate(): boolean {
    const token = this.peek()
    if (token.kind === 'operator') return COMPARE_OPS.has(token.value)
    if (token.kind !== 'keyword') return false
    return [
      'in',
      'notIn',
      'between',
      'notBetween',
      'contains',
      'notContains',
      'startsWith',
      'endsWith',
      'matches',
      'isEmpty',
      'notEmpty',
      'is',
    ].includes(token.value)
  }

  /** The one comparison or predicate after `left`, or `left` itself when none follows. */
  private predicateAfter(left: Ast): Ast {
    const token = this.peek()
    const start = left.span.start
    if (token.kind === 'operator' && COMPARE_OPS.has(token.value)) {
      this.advance()
      const right = this.additive()
      return {
        kind: 'compare',
        op: token.value as CompareOp,
        left,
        right,
        opSpan: token,
        span: this.span(start),
      }
    }
    if (token.kind !== 'keyword') return left
    let negated = false
    let keyword = token.value
    if (
      keyword === 'not' &&
      this.peek(1).kind === 'keyword' &&
      NEGATABLE.has(this.peek(1).value as Keyword)
    ) {
      this.advance()
      negated = true
      keyword = this.peek().value as Keyword
    }
    switch (keyword) {
      case 'in':
      case 'notIn':
        this.advance()
        return this.inRest(left, negated || keyword === 'notIn', { start: token.start, end: this.lastEnd() })
      case 'between':
      case 'notBetween': {
        this.advance()
        const low = this.additive()
        if (!this.isKeyword('and') && !this.isKeyword('with')) this.unexpected(['“和”', '“and”'])
        this.advance()
        const high = this.additive()
        if (this.isKeyword('betweenEnd')) this.advance()
        const opSpan = { start: token.start, end: token.end }
        return {
          kind: 'between',
          operand: left,
          low,
          high,
          negated: negated || keyword === 'notBetween',
          opSpan,
          span: this.span(start),
        }
      }
      case 'contains':
      case 'notContains':
      case 'startsWith':
      case 'endsWith':
      case 'matches': {
        const opToken = this.advance()
        const right = this.additive()
        return {
          kind: 'predicate',
          op: TEXT_PREDICATES[keyword] as TextPredicate,
          negated: negated || keyword === 'notContains',
          left,
          right,
          opSpan: { start: token.start, end: opToken.end },
          span: this.span(start),
        }
      }
      case 'isEmpty':
      case 'notEmpty':
        this.advance()
        return {
          kind: 'isEmpty',
          operand: left,
          negated: keyword === 'notEmpty',
          opSpan: token,
          span: this.span(start),
        }
      case 'is': {
        this.advance()
        const not = this.isKeyword('not')
        if (not) this.advance()
        if (!this.isKeyword('null')) this.unexpected(not ? ['“null”'] : ['“null”', '“not null”'])
        this.advance()
        return {
          kind: 'isEmpty',
          operand: left,
          negated: not,
          opSpan: this.span(token.start),
          span: this.span(start),
        }
      }
      default:
        return left
    }
  }

  /** After `in` / `属于`: a parenthesised list, or one (multi-valued) operand. */
  private inRest(operand: Ast, negated: boolean, opSpan: Span): Ast {
    const start = operand.span.start
    if (!this.isOperator('(')) {
      const item = this.additive()
      return { kind: 'in', operand, items: [item], list: false, negated, opSpan, span: this.span(start) }
    }
    this.advance()
    const items = [this.or()]
    while (this.isOperator(',')) {
      this.advance()
      items.push(this.or())
    }
    this.expectOperator(')', ['“,”', '“)”'])
    return { kind: 'in', operand, items, list: true, negated, opSpan, span: this.span(start) }
  }

  private additive(): Ast {
    let left = this.multiplicative()
    while (this.isOperator('+') || this.isOperator('-')) {
      const op = this.advance()
      const right = this.multiplicative()
      left = {
        kind: 'arithmetic',
        op: op.value as ArithmeticOp,
        left,
        right,
        opSpan: op,
        span: { start: left.span.start, end: right.span.end },
      }
    }
    return left
  }

  private multiplicative(): Ast {
    let left = this.unary()
    while (this.isOperator('*') || this.isOperator('/') || this.isOperator('%')) {
      const op = this.advance()
      const right = this.unary()
      left = {
        kind: 'arithmetic',
        op: op.value as ArithmeticOp,
        left,
        right,
        opSpan: op,
        span: { start: left.span.start, end: right.span.end },
      }
    }
    return left
  }

  private unary(): Ast {
    if (this.isOperator('-')) {
      const start = this.advance().start
      const operand = this.unary()
      return { kind: 'negate', operand, span: this.span(start) }
    }
    if (this.isOperator('+')) {
      this.advance()
      return this.unary()
    }
    return this.primary()
  }

  private primary(): Ast {
    const token = this.peek()
    switch (token.kind) {
      case 'number':
        this.advance()
        return { kind: 'number', value: token.value, span: token }
      case 'string':
        this.advance()
        return { kind: 'string', value: token.value, span: token }
      case 'date':
        this.advance()
        return { kind: 'date', value: token.value, span: token }
      case 'keyword':
        if (token.value === 'true' || token.value === 'false') {
          this.advance()
          return { kind: 'boolean', value: token.value === 'true', span: token }
        }
        if (token.value === 'null') {
          this.advance()
          return { kind: 'null', span: token }
        }
        // 属于(x, 集合) is also a function.
        if (token.value === 'in' && this.isOperator('(', 1)) return this.call(token)
        break
      case 'param':
        this.advance()
        return { kind: 'param', name: token.value, span: token }
      case 'name':
        if (!token.bracketed && this.isOperator('(', 1)) return this.call(token)
        this.advance()
        return { kind: 'name', name: token.value, bracketed: token.bracketed, span: token }
      case 'operator':
        if (token.value === '(') {
          this.advance()
          const inner = this.or()
          this.expectOperator(')', ['“)”'])
          // The parenthesised span is the inner node's: errors point at the content.
          return inner
        }
        break
    }
    return this.unexpected(VALUE_EXPECTED)
  }

  private call(nameToken: Token): Ast {
    this.advance()
    this.advance() // (
    const args: Ast[] = []
    if (this.peek().kind === 'end') this.unexpected(['参数', '“)”'])
    if (!this.isOperator(')')) {
      args.push(this.or())
      while (this.isOperator(',')) {
        this.advance()
        args.push(this.or())
      }
    }
    this.expectOperator(')', args.length === 0 ? ['参数', '“)”'] : ['“,”', '“)”'])
    return {
      kind: 'call',
      name: nameToken.text,
      nameSpan: { start: nameToken.start, end: nameToken.end },
      args,
      span: this.span(nameToken.start),
    }
  }

  // ---- errors

  private unexpected(expected: string[]): never {
    const token = this.peek()
    let detail = `此处应为${listAlternatives(expected)}，${token.kind === 'end' ? '但表达式已结束' : `实际为${quote(token.text)}`}`
    // `应当逮捕情形包含 '…'`: the keyword hides in the name before the unexpected token, or in it.
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined
    const glued =
      (token.kind === 'name' && !token.bracketed ? gluedKeyword(token.value) : undefined) ??
      (previous?.kind === 'name' && !previous.bracketed ? gluedKeyword(previous.value) : undefined)
    if (glued !== undefined) detail += `（关键字${quote(glued)}前后需要空格）`
    return this.fail(token, detail, expected)
  }

  private fail(span: Span, detail: string, expected: string[]): never {
    throw new ExprSyntaxError(makeError(this.source, { start: span.start, end: span.end }, detail, expected))
  }
}

/** A Chinese operator word a name starts (or else ends) with (`且前科`, `审结日期为空`), for a "需要空格" hint. */
function gluedKeyword(name: string): string | undefined {
  const longer = CHINESE_OPERATOR_WORDS.filter((word) => name.length > word.length)
  return longer.find((word) => name.startsWith(word)) ?? longer.find((word) => name.endsWith(word))
}
