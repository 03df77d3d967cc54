/**
 * Type rules of the charge-group functions (罪名类别, 属于罪名类别). Both are lowered at check time
 * into IR the backends already know (`x IN (…members…)`, a set holding any member, nested 如果), so
 * SQL and JS agree by construction and SQLite gets plain IN-lists of bound values, which it
 * evaluates fast over a million records. The groups come from resources/charges/groups.json.
 */
import type { Ast } from './ast.ts'
import { literal, requireType, type CheckContext } from './check-context.ts'
import { quote } from './errors.ts'
import type { Ir } from './ir.ts'
import { suggestNames } from './suggest.ts'
import { chapterGroups, chargeGroupNames, findChargeGroup } from '../domain/charge-groups.ts'

type CallAst = Extract<Ast, { kind: 'call' }>

/** `x` is one of `members`: IN for a charge, "any item" for a set of charges. */
function memberTest(subject: Ir, members: readonly string[]): Ir {
  const items = members.map((name) => literal('text', name))
  return subject.type === 'set'
    ? { kind: 'setHas', type: 'boolean', set: subject, items, quantifier: 'any' }
    : { kind: 'inList', type: 'boolean', operand: subject, items }
}

/** 属于罪名类别(罪名或多值, '类别', …): true when the charge (any item of a set) is in any named group. */
export function checkInChargeGroup(ctx: CheckContext, ast: CallAst, name: string): Ir | null {
  const subject = ctx.check(ast.args[0])
  if (subject === null) return null
  if (!requireType(ctx, subject, ast.args[0], ['text', 'set'], `${quote(name)}的第 1 个参数`)) return null
  const members = new Set<string>()
  for (let index = 1; index < ast.args.length; index++) {
    const arg = ast.args[index]
    if (arg.kind !== 'string') {
      return ctx.fail(arg.span, `${quote(name)}的第 ${index + 1} 个参数应为带引号的罪名类别，如 '侵犯财产罪'`)
    }
    const group = findChargeGroup(arg.value)
    if (group === undefined) return ctx.fail(arg.span, unknownGroup(arg.value))
    for (const member of group.members) members.add(member)
  }
  return memberTest(
    subject,
    [...members].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  )
}

/** 罪名类别(罪名): the chapter's name, as nested 如果 over the ten chapters; null when unknown. */
export function checkChargeGroup(ctx: CheckContext, ast: CallAst, name: string): Ir | null {
  const subject = ctx.check(ast.args[0])
  if (subject === null) return null
  if (!requireType(ctx, subject, ast.args[0], ['text'], `${quote(name)}的参数`)) return null
  let result: Ir = literal('text', null)
  for (const group of [...chapterGroups()].reverse()) {
    result = {
      kind: 'if',
      type: 'text',
      condition: memberTest(subject, group.members),
      then: literal('text', group.name),
      otherwise: result,
    }
  }
  return result
}

function unknownGroup(text: string): string {
  const names = chargeGroupNames()
  const close = suggestNames(text, names)
  const hint =
    close.length > 0
      ? `是否为：${close.join('、')}？`
      : `可用：${chapterGroups()
          .map((g) => g.name)
          .join('、')} 等`
  return `未知的罪名类别${quote(text)}。${hint}`
}
