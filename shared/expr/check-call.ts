/**
 * Type rules of function calls (the vocabulary and help text are in functions.ts).
 */
import type { Ast } from './ast.ts'
import { literal, requireType, type CheckContext } from './check-context.ts'
import { checkChargeGroup, checkInChargeGroup } from './check-charges.ts'
import { coerceLiteral, unify } from './coerce.ts'
import { quote } from './errors.ts'
import { writtenName } from './field-names.ts'
import { findFunction, functionNames, type FunctionSpec } from './functions.ts'
import type { Ir } from './ir.ts'
import { suggestNames } from './suggest.ts'
import { TYPE_NAMES, type ExprType } from './types.ts'
import { parseDate } from '../values/date.ts'

type CallAst = Extract<Ast, { kind: 'call' }>

/**
 * @param fieldNames every field name, to spot a field with brackets in its name written without
 *   the […] it needs (`量刑建议（自）` reads as a call of 量刑建议).
 */
export function checkCall(ctx: CheckContext, ast: CallAst, fieldNames: readonly string[]): Ir | null {
  const spec = findFunction(ast.name)
  if (spec === undefined) return unknownFunction(ctx, ast, fieldNames)
  const count = ast.args.length
  if (count < spec.minArgs || count > spec.maxArgs) {
    const wanted =
      spec.minArgs === spec.maxArgs
        ? `${spec.minArgs} 个参数`
        : count < spec.minArgs
          ? `至少 ${spec.minArgs} 个参数`
          : `至多 ${spec.maxArgs} 个参数`
    return ctx.fail(ast.span, `${quote(spec.name)}需要${wanted}，实际为 ${count} 个：${spec.signature}`)
  }
  if (spec.id === 'date') return dateLiteral(ctx, ast)
  if (spec.id === 'today') return { kind: 'today', type: 'date' }
  if (spec.id === 'chargeGroup') return checkChargeGroup(ctx, ast, spec.name)
  if (spec.id === 'inChargeGroup') return checkInChargeGroup(ctx, ast, spec.name)

  const args: Ir[] = []
  for (const arg of ast.args) {
    const ir = ctx.check(arg)
    if (ir === null) return null
    args.push(ir)
  }
  /** Checks argument `index` against `types`, coercing a text literal first. */
  const argument = (index: number, types: readonly ExprType[]): boolean => {
    const coerced = coerceLiteral(ctx, args[index], ast.args[index], types[0])
    if (coerced === null) return false
    args[index] = coerced
    return requireType(ctx, coerced, ast.args[index], types, `${quote(spec.name)}的第 ${index + 1} 个参数`)
  }

  switch (spec.id) {
    case 'year':
    case 'month':
    case 'day':
      return argument(0, ['date']) ? { kind: 'call', type: 'number', fn: spec.id, args } : null
    case 'daysBetween':
      return argument(0, ['date']) && argument(1, ['date'])
        ? { kind: 'call', type: 'number', fn: 'daysBetween', args }
        : null
    case 'length':
      return argument(0, ['text', 'set']) ? { kind: 'call', type: 'number', fn: 'length', args } : null
    case 'idValid':
      return argument(0, ['text']) ? { kind: 'call', type: 'boolean', fn: 'idValid', args } : null
    case 'idBirthDate':
      return argument(0, ['text']) ? { kind: 'call', type: 'date', fn: 'idBirthDate', args } : null
    case 'idSex':
      return argument(0, ['text']) ? { kind: 'call', type: 'text', fn: 'idSex', args } : null
    case 'age':
      return argument(0, ['date']) && argument(1, ['date'])
        ? { kind: 'call', type: 'number', fn: 'age', args }
        : null
    case 'union':
      for (let index = 0; index < args.length; index++) if (!argument(index, ['text', 'set'])) return null
      return { kind: 'union', type: 'set', args }
    case 'if':
      return checkIf(ctx, spec, ast, args)
    case 'coalesce':
      return checkCoalesce(ctx, spec, ast, args)
    case 'containsAny':
    case 'containsAll': {
      if (!argument(0, ['set'])) return null
      for (let index = 1; index < args.length; index++) if (!argument(index, ['text'])) return null
      const quantifier = spec.id === 'containsAny' ? 'any' : 'all'
      return { kind: 'setHas', type: 'boolean', set: args[0], items: args.slice(1), quantifier }
    }
    case 'belongsTo':
      if (!argument(0, ['text', 'set']) || !argument(1, ['set'])) return null
      return membership(args[0], args[1])
  }
}

/** `x 属于 集合`: an item in a set, or (set 属于 set) a subset. */
export function membership(item: Ir, set: Ir): Ir {
  return item.type === 'set'
    ? { kind: 'subset', type: 'boolean', subset: item, superset: set }
    : { kind: 'setHas', type: 'boolean', set, items: [item], quantifier: 'any' }
}

function checkIf(ctx: CheckContext, spec: FunctionSpec, ast: CallAst, args: Ir[]): Ir | null {
  if (!requireType(ctx, args[0], ast.args[0], ['boolean'], `${quote(spec.name)}的第 1 个参数（条件）`))
    return null
  const unified = unify(ctx, args.slice(1), ast.args.slice(1))
  if (unified === null) return null
  if (!unified.ok) {
    return ctx.fail(
      ast.args[1 + unified.badIndex].span,
      `${quote(spec.name)}的两个结果类型应一致：一个是${TYPE_NAMES[unified.type]}，此处是${TYPE_NAMES[args[1 + unified.badIndex].type]}`,
    )
  }
  const [then, otherwise] = unified.items
  return { kind: 'if', type: unified.type, condition: args[0], then, otherwise }
}

function checkCoalesce(ctx: CheckContext, spec: FunctionSpec, ast: CallAst, args: Ir[]): Ir | null {
  const unified = unify(ctx, args, ast.args)
  if (unified === null) return null
  if (!unified.ok) {
    return ctx.fail(
      ast.args[unified.badIndex].span,
      `${quote(spec.name)}的各参数类型应一致：前面是${TYPE_NAMES[unified.type]}，此处是${TYPE_NAMES[args[unified.badIndex].type]}`,
    )
  }
  return { kind: 'coalesce', type: unified.type, args: unified.items }
}

function dateLiteral(ctx: CheckContext, ast: CallAst): Ir | null {
  const arg = ast.args[0]
  if (arg.kind !== 'string') {
    return ctx.fail(arg.span, `${quote('日期')}的参数应为带引号的日期，如 日期('2024-01-05')`)
  }
  const date = parseDate(arg.value, { serials: 'none' })
  if (date === null) return ctx.fail(arg.span, `${quote(arg.value)}不是有效日期，日期应写作 '2024-01-05'`)
  return literal('date', date)
}

function unknownFunction(ctx: CheckContext, ast: CallAst, fieldNames: readonly string[]): null {
  // `量刑建议（自）…` lexes as a call of 量刑建议: the analyst meant a field whose name has brackets.
  const field = fieldNames.find((name) => name.length > ast.name.length && name.startsWith(ast.name))
  if (field !== undefined) {
    return ctx.fail(ast.span, `字段名中含有括号等符号时，请用方括号括起来：${writtenName(field)}`)
  }
  const close = suggestNames(ast.name, functionNames())
  const hint = close.length > 0 ? `是否为：${close.map((name) => `${name}()`).join('、')}？` : ''
  return ctx.fail(ast.nameSpan, `未知函数${quote(ast.name)}。${hint}`)
}
