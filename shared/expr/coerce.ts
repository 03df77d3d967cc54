/**
 * Literal coercion, so analysts can write what they see in the grid: `审结日期 < '2024-01-01'`
 * (a string compared with a date is read as a date) and `是否认罪认罚 = '是'` (a string compared with
 * a yes/no field is read as 是/否). Only literals are coerced, at compile time, with a Chinese error
 * when the text is not a date or yes/no; values in the data are never converted implicitly.
 */
import type { Ast } from './ast.ts'
import { quote } from './errors.ts'
import { literal, isTextLiteral, type CheckContext } from './check-context.ts'
import type { Ir } from './ir.ts'
import type { ExprType } from './types.ts'
import { parseBoolean } from '../values/boolean.ts'
import { parseDate } from '../values/date.ts'

/** Converts a text literal to a date or boolean literal when `target` asks for one; else returns `ir`. */
export function coerceLiteral(ctx: CheckContext, ir: Ir, ast: Ast, target: ExprType): Ir | null {
  if (!isTextLiteral(ir)) return ir
  if (target === 'date') {
    const date = parseDate(ir.value, { serials: 'none' })
    if (date === null) return ctx.fail(ast.span, `${quote(ir.value)}不是有效日期，日期应写作 '2024-01-05'`)
    return literal('date', date)
  }
  if (target === 'boolean') {
    const flag = parseBoolean(ir.value)
    if (flag === null) return ctx.fail(ast.span, `${quote(ir.value)}不是是/否值，应为 是 或 否`)
    return literal('boolean', flag === 1)
  }
  return ir
}

export type Unified =
  { ok: true; items: Ir[]; type: ExprType } | { ok: false; badIndex: number; type: ExprType }

/**
 * Brings operands that must share a type (the two sides of `=`, the values of `in`, both results of
 * 如果) to one type: the first operand that is not a text literal or 空值 decides, text literals are
 * coerced towards it, and 空值 fits anything. Returns null when a coercion failed (reported), or
 * `{ ok: false, badIndex }` for the caller to word the mismatch.
 *
 * @example unify(ctx, [审结日期, '2024-01-01']) → { ok: true, type: 'date', items: [审结日期, #2024-01-01#] }
 */
export function unify(ctx: CheckContext, irs: Ir[], asts: Ast[]): Unified | null {
  const decider = irs.find((ir) => ir.type !== 'null' && !isTextLiteral(ir))
  const type = decider?.type ?? (irs.some((ir) => ir.type !== 'null') ? 'text' : 'null')
  const items: Ir[] = []
  for (let index = 0; index < irs.length; index++) {
    const item = coerceLiteral(ctx, irs[index], asts[index], type)
    if (item === null) return null
    items.push(item)
  }
  const badIndex = items.findIndex((item) => item.type !== type && item.type !== 'null')
  return badIndex >= 0 ? { ok: false, badIndex, type } : { ok: true, items, type }
}
