/**
 * What the checker's parts (operators, calls, coercions) share: the source text, recursion into
 * sub-expressions and error reporting. Errors are collected, not thrown, so one pass reports every
 * unknown field at once; a node with an error checks to `null` and its parents stay quiet about it.
 */
import type { Ast } from './ast.ts'
import type { Span } from './errors.ts'
import type { Ir } from './ir.ts'
import { TYPE_NAMES, type ExprType } from './types.ts'

export interface CheckContext {
  readonly source: string
  /** Checks a sub-expression; null when it had errors (already reported). */
  check(ast: Ast): Ir | null
  /** Reports an error at `span` (the position prefix is added) and returns null. */
  fail(span: Span, detail: string): null
}

export function literal(type: ExprType, value: number | string | boolean | null): Ir {
  return { kind: 'literal', type, value }
}

export function isTextLiteral(ir: Ir): ir is Ir & { kind: 'literal'; value: string } {
  return ir.kind === 'literal' && ir.type === 'text'
}

/** 'A、B或C' of type names. */
export function typeList(types: readonly ExprType[]): string {
  const names = types.map((type) => TYPE_NAMES[type])
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`
}

/**
 * True when `ir` has one of `allowed` types (the null literal fits anywhere); otherwise reports
 * "<what>应为<types>，实际为<type>" at the operand and returns false.
 *
 * @example requireType(ctx, ir, ast, ['number'], '“+”两边') // “+”两边应为数字，实际为文本
 */
export function requireType(
  ctx: CheckContext,
  ir: Ir,
  ast: Ast,
  allowed: readonly ExprType[],
  what: string,
): boolean {
  if (ir.type === 'null' || allowed.includes(ir.type)) return true
  ctx.fail(ast.span, `${what}应为${typeList(allowed)}，实际为${TYPE_NAMES[ir.type]}`)
  return false
}
