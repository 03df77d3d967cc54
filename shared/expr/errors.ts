/**
 * Errors of the expression language: where (offset into the text, 1-based line and column) and what,
 * in Chinese, because they are shown to the analyst next to the rule editor.
 */

export interface ExprError {
  /** Full message with its position, e.g. '第 1 行第 12 列：此处应为“)”，实际为“且”'. */
  message: string
  /** UTF-16 offset into the expression text (what editors and `String.prototype.slice` use). */
  offset: number
  /** Length of the offending text in UTF-16 units (0 at the end of the text). */
  length: number
  /** 1-based line. */
  line: number
  /** 1-based column, counted in characters (code points) so it matches what the analyst sees. */
  column: number
  /** What would have been accepted here (for completion and tests), e.g. ['“)”']. Empty when not a syntax error. */
  expected: string[]
}

/** A text span [start, end) in UTF-16 offsets. */
export interface Span {
  start: number
  end: number
}

/**
 * 1-based line and column of an offset. Columns count code points: a character outside the BMP
 * (rare ideographs in names) is one column, not two.
 *
 * @example positionAt('a\nbc', 3) → { line: 2, column: 2 }
 */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let index = 0; index < offset && index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 0x0a) {
      line++
      column = 1
    } else if (code === 0x0d && source.charCodeAt(index + 1) !== 0x0a) {
      line++
      column = 1
    } else if (code === 0x0d) {
      // \r\n: the \n that follows starts the new line.
    } else if (code < 0xdc00 || code > 0xdfff) {
      column++ // a low surrogate belongs to the character before it
    }
  }
  return { line, column }
}

/**
 * Builds an error with its position prefix.
 *
 * @example makeError('a 且', { start: 2, end: 3 }, '此处应为数字') .message === '第 1 行第 3 列：此处应为数字'
 */
export function makeError(source: string, span: Span, detail: string, expected: string[] = []): ExprError {
  const { line, column } = positionAt(source, span.start)
  return {
    message: `第 ${line} 行第 ${column} 列：${detail}`,
    offset: span.start,
    length: Math.max(0, span.end - span.start),
    line,
    column,
    expected,
  }
}

/** Thrown inside the lexer and parser, caught at their entry points: syntax errors stop at the first one. */
export class ExprSyntaxError extends Error {
  constructor(readonly error: ExprError) {
    super(error.message)
  }
}

/** “text”, shortened so a long field name or string does not swamp the message. */
export function quote(text: string): string {
  const chars = [...text]
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text}”`
}

/**
 * Joins alternatives the way Chinese lists them: 'A、B或C'.
 *
 * @example listAlternatives(['字段名', '数字', '“(”']) === '字段名、数字或“(”'
 */
export function listAlternatives(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`
}
