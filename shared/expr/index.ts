/**
 * The expression language: one text form for rule conditions, filters, derived fields and indicator
 * formulas, with Chinese field names. text → parse → check → IR (plain data) → SQL for SQLite, or
 * evaluate in JS for one record. See CONTEXT.md for the grammar and semantics.
 *
 * @example
 *   const compiled = compileExpression('天数差(受理日期, 审结日期) > 7', fields, { expect: 'boolean' })
 *   if (compiled.ok) {
 *     const where = toSql(compiled.ir, { today: clock.today() }) // { text: '(CAST(julianday("c5") - …) > ?)', values: [7] }
 *     const flagged = holds(compiled.ir, record, { today })       // same answer for one record
 *   } else {
 *     show(compiled.errors[0].message) // '第 1 行第 5 列：未知字段“受理日”。是否为：受理日期？'
 *   }
 */
import { checkExpression, type CheckOptions } from './check.ts'
import type { ExprError } from './errors.ts'
import { writtenName } from './field-names.ts'
import type { Ir } from './ir.ts'
import { parse } from './parser.ts'
import type { ExprField, ExprType } from './types.ts'

export type { ExprError } from './errors.ts'
export type { Ir } from './ir.ts'
export type { ExprField, ExprType } from './types.ts'
export type { ExprValue, EvaluateOptions } from './evaluate.ts'
export type { SqlFragment, SqlValue, ToSqlOptions } from './to-sql.ts'
export type { FunctionHelp } from './functions.ts'
export type { ExprParameter, ParameterValues } from './parameters.ts'
export { parse } from './parser.ts'
export { toSql } from './to-sql.ts'
export { applyArithmetic, evaluate, holds } from './evaluate.ts'
export { describeFunctions } from './functions.ts'
export { referencedFields, referencedParameters, usesToday } from './walk.ts'
export { writtenName } from './field-names.ts'
export { idCardBirthDate, idCardSex, idCardValid } from './id-card.ts'

export type CompileResult = { ok: true; ir: Ir; type: ExprType } | { ok: false; errors: ExprError[] }

/**
 * Parses and type-checks an expression against a dataset's fields.
 *
 * @param options.expect the type the result must have ('boolean' for conditions and filters).
 * @example compileExpression('审结日期 < 受理日期', fields) → { ok: true, type: 'boolean', ir: { kind: 'compare', … } }
 * @example compileExpression('审结日 < 受理日期', fields).errors[0].message
 *   === '第 1 行第 1 列：未知字段“审结日”。是否为：审结日期？'
 */
export function compileExpression(
  text: string,
  schema: readonly ExprField[],
  options: CheckOptions = {},
): CompileResult {
  const parsed = parse(text)
  if (!parsed.ok)
    return { ok: false, errors: parsed.errors.map((error) => withBracketHint(error, text, schema)) }
  const checked = checkExpression(parsed.ast, text, schema, options)
  if (checked.ir === null) return { ok: false, errors: checked.errors }
  return { ok: true, ir: checked.ir, type: checked.ir.type }
}

/**
 * A field whose name has brackets or symbols, written without […], breaks the syntax somewhere in
 * the middle; the plain syntax error would not say why. Name the field and its written form.
 */
function withBracketHint(error: ExprError, text: string, schema: readonly ExprField[]): ExprError {
  const field = schema.find(
    (candidate) => writtenName(candidate.name) !== candidate.name && hasBareOccurrence(text, candidate.name),
  )
  if (field === undefined) return error
  return {
    ...error,
    message: `${error.message}（字段名含有括号等符号时须用方括号括起来：${writtenName(field.name)}）`,
  }
}

function hasBareOccurrence(text: string, name: string): boolean {
  for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + 1)) {
    if (index === 0 || !'[【［'.includes(text[index - 1])) return true
  }
  return false
}
