/**
 * Text → tokens with positions.
 *
 * - Names: runs of letters (CJK included), digits and `_` not starting with a digit (`受理日期`,
 *   `全案_审结日期`), or any text in `[…]`, `【…】` or `［…］` for names with symbols, brackets or
 *   spaces (`[审查起诉阶段量刑建议（自）有期徒刑刑期]`). A `.` between two name parts belongs to the
 *   name (`逮捕.审结日期`: the fields of a stage in rules that join two exports).
 * - Parameters: `@` and a name (`@天数上限`): a rule's named tolerance, bound as a value.
 * - Strings: '…', "…", “…”, ‘…’. A quote inside is written twice ('It''s'); there are no backslash
 *   escapes, so regular expressions read as written (匹配 '^\d{6}$').
 * - Numbers: 12, 3.5, full-width digits (１２．５). A minus sign is an operator.
 * - Dates: #2024-01-05# (any form parseDate accepts, e.g. #2024年1月5日#).
 * - Operators, with their full-width and math forms: + - * / % × ÷, = == != <> ≠, < <= ≤, > >= ≥,
 *   ( ) and the separators , ， 、.
 */
import { parseDate } from '../values/date.ts'
import { isSpaceCode } from '../values/width.ts'
import { ExprSyntaxError, makeError, quote } from './errors.ts'
import { keywordOf, type Operator, type Token } from './tokens.ts'

const NAME_START = /[\p{L}\p{Nl}_]/u
const NAME_PART = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}_]/u

const CLOSING_QUOTE: Readonly<Record<string, string>> = { "'": "'", '"': '"', '“': '”', '‘': '’' }
const CLOSING_BRACKET: Readonly<Record<string, string>> = { '[': ']', '【': '】', '［': '］' }

/** Single-character operators, after full-width forms are folded to ASCII. */
const SINGLE: Readonly<Record<string, Operator>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
  '%': '%',
  '=': '=',
  '<': '<',
  '>': '>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '(': '(',
  ')': ')',
  ',': ',',
  '、': ',',
}
const DOUBLE: Readonly<Record<string, Operator>> = {
  '<=': '<=',
  '>=': '>=',
  '<>': '!=',
  '!=': '!=',
  '==': '=',
}

/** Full-width ASCII forms (！ ＝ ＜ （ …) → ASCII; other characters unchanged. */
function foldWidth(char: string): string {
  const code = char.charCodeAt(0)
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char
}

function digitOf(char: string): number {
  const code = foldWidth(char).charCodeAt(0)
  return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1
}

/**
 * Splits an expression into tokens; the last one is always `end`.
 * Throws {@link ExprSyntaxError} (with a Chinese message and position) on text it cannot read.
 *
 * @example tokenize('天数差(受理日期, 审结日期) > 7').map((t) => t.kind)
 *   → ['name', 'operator', 'name', 'operator', 'name', 'operator', 'operator', 'number', 'end']
 */
export function tokenize(source: string): Token[] {
  return new Lexer(source).run()
}

class Lexer {
  private pos = 0
  private readonly tokens: Token[] = []

  constructor(private readonly source: string) {}

  run(): Token[] {
    const { source } = this
    while (true) {
      while (this.pos < source.length && isSpaceCode(source.charCodeAt(this.pos))) this.pos++
      if (this.pos >= source.length) break
      this.next()
    }
    this.push({ kind: 'end', value: '' }, source.length)
    return this.tokens
  }

  private next(): void {
    const { source } = this
    const start = this.pos
    const char = charAt(source, start)
    if (Object.hasOwn(CLOSING_QUOTE, char)) return this.string(char)
    if (Object.hasOwn(CLOSING_BRACKET, char)) return this.bracketedName(char)
    if (char === '#') return this.date()
    if (char === '@' && NAME_START.test(charAt(source, start + 1))) return this.parameter()
    if (digitOf(char) >= 0) return this.number()
    if (NAME_START.test(char)) return this.name()
    const folded = foldWidth(char)
    const pair = folded + foldWidth(charAt(source, start + char.length))
    if (Object.hasOwn(DOUBLE, pair)) {
      this.pos = start + char.length + charAt(source, start + char.length).length
      return this.push({ kind: 'operator', value: DOUBLE[pair] }, start)
    }
    if (Object.hasOwn(SINGLE, folded)) {
      this.pos = start + char.length
      return this.push({ kind: 'operator', value: SINGLE[folded] }, start)
    }
    this.fail(start, start + char.length, `无法识别的字符${quote(char)}`)
  }

  private string(open: string): void {
    const { source } = this
    const start = this.pos
    const close = CLOSING_QUOTE[open]
    let value = ''
    let index = start + 1
    while (true) {
      const end = source.indexOf(close, index)
      if (end < 0) this.fail(start, source.length, `字符串缺少结束引号${quote(close)}`)
      value += source.slice(index, end)
      if (source.startsWith(close, end + 1)) {
        // A doubled closing quote stands for the quote itself.
        value += close
        index = end + 2
        continue
      }
      this.pos = end + 1
      return this.push({ kind: 'string', value }, start)
    }
  }

  private bracketedName(open: string): void {
    const { source } = this
    const start = this.pos
    const close = CLOSING_BRACKET[open]
    const end = source.indexOf(close, start + 1)
    if (end < 0) this.fail(start, source.length, `字段名缺少结束括号${quote(close)}`)
    const value = source.slice(start + 1, end).trim()
    if (value.length === 0) this.fail(start, end + 1, `括号中的字段名为空`)
    this.pos = end + 1
    this.push({ kind: 'name', value, bracketed: true }, start)
  }

  private date(): void {
    const { source } = this
    const start = this.pos
    const end = source.indexOf('#', start + 1)
    if (end < 0) this.fail(start, source.length, '日期缺少结束的“#”，日期应写作 #2024-01-05#')
    const text = source.slice(start + 1, end)
    const value = parseDate(text, { serials: 'none' })
    if (value === null) this.fail(start, end + 1, `${quote(text)}不是有效日期，日期应写作 #2024-01-05#`)
    this.pos = end + 1
    this.push({ kind: 'date', value }, start)
  }

  private number(): void {
    const { source } = this
    const start = this.pos
    let digits = ''
    while (this.pos < source.length && digitOf(source[this.pos]) >= 0) digits += digitOf(source[this.pos++])
    let decimal = false
    if (foldWidth(source[this.pos] ?? '') === '.' && digitOf(source[this.pos + 1] ?? '') >= 0) {
      decimal = true
      digits += '.'
      this.pos++
      while (this.pos < source.length && digitOf(source[this.pos]) >= 0) digits += digitOf(source[this.pos++])
    }
    const value = Number(digits)
    if (!Number.isFinite(value) || (!decimal && !Number.isSafeInteger(value))) {
      this.fail(start, this.pos, `数字${quote(source.slice(start, this.pos))}超出范围`)
    }
    this.push({ kind: 'number', value }, start)
  }

  private name(): void {
    const { source } = this
    const start = this.pos
    this.nameRun()
    const word = source.slice(start, this.pos)
    const keyword = keywordOf(word)
    if (keyword !== undefined) this.push({ kind: 'keyword', value: keyword }, start)
    else this.push({ kind: 'name', value: word, bracketed: false }, start)
  }

  /** `@天数上限`: the name after the `@` (the caller saw that a name starts there). */
  private parameter(): void {
    const start = this.pos
    this.pos += 1
    const from = this.pos
    this.nameRun()
    this.push({ kind: 'param', value: this.source.slice(from, this.pos) }, start)
  }

  /** Advances over name characters, and over a `.` that joins two name parts (`逮捕.审结日期`). */
  private nameRun(): void {
    const { source } = this
    while (this.pos < source.length) {
      const char = charAt(source, this.pos)
      if (NAME_PART.test(char)) {
        this.pos += char.length
      } else if (char === '.' && NAME_START.test(charAt(source, this.pos + 1))) {
        this.pos += 1
      } else break
    }
  }

  private push(
    token: DistributiveOmit<Token, 'text' | 'start' | 'end' | 'line' | 'column'>,
    start: number,
  ): void {
    const { line, column } = this.position(start)
    const end = token.kind === 'end' ? start : this.pos
    this.tokens.push({ ...token, text: this.source.slice(start, end), start, end, line, column } as Token)
  }

  /** Positions are computed incrementally from the previous token, so lexing stays linear. */
  private position(offset: number): { line: number; column: number } {
    const previous = this.tokens[this.tokens.length - 1]
    const from = previous ? previous.start : 0
    let line = previous ? previous.line : 1
    let column = previous ? previous.column : 1
    for (let index = from; index < offset; index++) {
      const code = this.source.charCodeAt(index)
      if (code === 0x0a || (code === 0x0d && this.source.charCodeAt(index + 1) !== 0x0a)) {
        line++
        column = 1
      } else if (code !== 0x0d && (code < 0xdc00 || code > 0xdfff)) column++
    }
    return { line, column }
  }

  private fail(start: number, end: number, detail: string): never {
    throw new ExprSyntaxError(makeError(this.source, { start, end }, detail))
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** The whole character at an offset (two UTF-16 units for characters outside the BMP). */
function charAt(text: string, index: number): string {
  const code = text.codePointAt(index)
  return code === undefined ? '' : String.fromCodePoint(code)
}
