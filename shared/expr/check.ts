/**
 * The type checker: syntax tree + dataset schema → typed IR, or Chinese errors with positions.
 *
 * It resolves field names (unknown → closest names), infers types, checks every operator and function
 * argument, coerces literals where the analyst wrote what the grid shows ('2024-01-01' against a
 * date, '是' against a yes/no field) and folds `-5` into a literal. See ir.ts for what comes out.
 */
import type { Ast } from './ast.ts'
import { checkCall, membership } from './check-call.ts'
import { literal, requireType, type CheckContext } from './check-context.ts'
import { unify } from './coerce.ts'
import { makeError, quote, type ExprError, type Span } from './errors.ts'
import { FieldNames } from './field-names.ts'
import type { Ir } from './ir.ts'
import type { ExprParameter } from './parameters.ts'
import { suggestNames } from './suggest.ts'
import { regexError } from './regex.ts'
import { FIELD_EXPR_TYPE, TYPE_NAMES, type ExprField, type ExprType } from './types.ts'

export interface CheckOptions {
  /** The type the whole expression must have, e.g. 'boolean' for rule conditions and filters. */
  expect?: ExprType
  /** Parameters `@名称` may name (a rule's tolerances); none when absent. */
  parameters?: readonly ExprParameter[]
}

export interface CheckResult {
  ir: Ir | null
  errors: ExprError[]
}

const OPERATOR_TEXT: Readonly<Record<string, string>> = {
  '!=': '!=',
  and: '且',
  or: '或',
  contains: '包含',
  startsWith: '开头是',
  endsWith: '结尾是',
  matches: '匹配',
}

/**
 * @example checkExpression(parsed, '天数差(受理日期, 审结日期) > 7', schema, { expect: 'boolean' })
 *   → { ir: { kind: 'compare', op: '>', … }, errors: [] }
 */
export function checkExpression(
  ast: Ast,
  source: string,
  schema: readonly ExprField[],
  options: CheckOptions = {},
): CheckResult {
  const checker = new Checker(source, schema, options.parameters ?? [])
  const ir = checker.check(ast)
  if (ir !== null && options.expect !== undefined && ir.type !== options.expect) {
    checker.fail(
      ast.span,
      options.expect === 'boolean'
        ? `条件的结果应为真/假，实际为${TYPE_NAMES[ir.type]}`
        : `表达式的结果应为${TYPE_NAMES[options.expect]}，实际为${TYPE_NAMES[ir.type]}`,
    )
  }
  return checker.errors.length > 0 ? { ir: null, errors: checker.errors } : { ir, errors: [] }
}

class Checker implements CheckContext {
  readonly errors: ExprError[] = []
  private readonly names: FieldNames
  private readonly fieldNames: string[]

  constructor(
    readonly source: string,
    schema: readonly ExprField[],
    private readonly parameters: readonly ExprParameter[],
  ) {
    this.names = new FieldNames(schema)
    this.fieldNames = schema.map((field) => field.name)
  }

  fail(span: Span, detail: string): null {
    this.errors.push(makeError(this.source, span, detail))
    return null
  }

  check(ast: Ast): Ir | null {
    switch (ast.kind) {
      case 'number':
        return literal('number', ast.value)
      case 'string':
        return literal('text', ast.value)
      case 'date':
        return literal('date', ast.value)
      case 'boolean':
        return literal('boolean', ast.value)
      case 'null':
        return literal('null', null)
      case 'name':
        return this.field(ast)
      case 'param':
        return this.parameter(ast)
      case 'call':
        return checkCall(this, ast, this.fieldNames)
      case 'negate':
        return this.negate(ast)
      case 'not': {
        const operand = this.check(ast.operand)
        if (operand === null || !requireType(this, operand, ast.operand, ['boolean'], '“非”之后')) return null
        return { kind: 'not', type: 'boolean', operand }
      }
      case 'arithmetic':
        return this.arithmetic(ast)
      case 'compare':
        return this.compare(ast)
      case 'logic':
        return this.logic(ast)
      case 'predicate':
        return this.negatable(this.predicate(ast), ast.negated)
      case 'in':
        return this.negatable(this.in(ast), ast.negated)
      case 'between':
        return this.negatable(this.between(ast), ast.negated)
      case 'isEmpty': {
        const operand = this.check(ast.operand)
        if (operand === null) return null
        return this.negatable({ kind: 'isEmpty', type: 'boolean', operand }, ast.negated)
      }
    }
  }

  private negatable(ir: Ir | null, negated: boolean): Ir | null {
    return ir !== null && negated ? { kind: 'not', type: 'boolean', operand: ir } : ir
  }

  private field(ast: Extract<Ast, { kind: 'name' }>): Ir | null {
    const field = this.names.resolve(ast.name)
    if (field === undefined) return this.fail(ast.span, this.names.unknownMessage(ast.name, ast.bracketed))
    return {
      kind: 'field',
      type: FIELD_EXPR_TYPE[field.type],
      name: field.name,
      column: field.column,
      fieldType: field.type,
    }
  }

  private parameter(ast: Extract<Ast, { kind: 'param' }>): Ir | null {
    const declared = this.parameters.find((parameter) => parameter.name === ast.name)
    if (declared !== undefined) return { kind: 'param', type: declared.type, name: declared.name }
    const names = this.parameters.map((parameter) => parameter.name)
    if (names.length === 0) return this.fail(ast.span, `未知参数${quote(`@${ast.name}`)}：没有定义任何参数`)
    const close = suggestNames(ast.name, names)
    const hint = close.length > 0 ? close : names
    return this.fail(
      ast.span,
      `未知参数${quote(`@${ast.name}`)}。${close.length > 0 ? '是否为' : '可用参数'}：${hint.map((name) => `@${name}`).join('、')}${close.length > 0 ? '？' : ''}`,
    )
  }

  private negate(ast: Extract<Ast, { kind: 'negate' }>): Ir | null {
    const operand = this.check(ast.operand)
    if (operand === null || !requireType(this, operand, ast.operand, ['number'], '负号之后')) return null
    // Fold -5 so the bound parameter is -5, not (- ?).
    if (operand.kind === 'literal' && typeof operand.value === 'number') {
      return literal('number', operand.value === 0 ? 0 : -operand.value)
    }
    return { kind: 'negate', type: 'number', operand }
  }

  /** Checks both operands; null if either failed. */
  private operands(ast: { left: Ast; right: Ast }): [Ir, Ir] | null {
    const left = this.check(ast.left)
    const right = this.check(ast.right)
    return left === null || right === null ? null : [left, right]
  }

  private arithmetic(ast: Extract<Ast, { kind: 'arithmetic' }>): Ir | null {
    const pair = this.operands(ast)
    if (pair === null) return null
    const [left, right] = pair
    const what = `${quote(ast.op)}两边`
    if (ast.op === '+' && left.type === 'text' && right.type === 'text') {
      return this.fail(ast.opSpan, '文本不能相加')
    }
    if (ast.op === '-' && left.type === 'date' && right.type === 'date') {
      return this.fail(ast.opSpan, '日期不能直接相减，相差天数请用 天数差(开始日期, 结束日期)')
    }
    if (!requireType(this, left, ast.left, ['number'], what)) return null
    if (!requireType(this, right, ast.right, ['number'], what)) return null
    return { kind: 'arithmetic', type: 'number', op: ast.op, left, right }
  }

  private compare(ast: Extract<Ast, { kind: 'compare' }>): Ir | null {
    const pair = this.operands(ast)
    if (pair === null) return null
    const op = quote(OPERATOR_TEXT[ast.op] ?? ast.op)
    if (pair.some((ir) => ir.kind === 'literal' && ir.type === 'null')) {
      return this.fail(ast.opSpan, `不能用${op}与空值比较（结果总是未知），判断是否为空请用“为空”或“不为空”`)
    }
    const unified = unify(this, pair, [ast.left, ast.right])
    if (unified === null) return null
    if (!unified.ok) {
      const [left, right] = pair
      const hint =
        left.type === 'text' && right.kind === 'literal' && right.type === 'number'
          ? `；若要写编码或文字，请加引号，如 '${ast.right.kind === 'number' ? sourceText(this.source, ast.right.span) : ''}'`
          : ''
      return this.fail(
        ast.opSpan,
        `${op}两边的类型不一致：左边是${TYPE_NAMES[left.type]}，右边是${TYPE_NAMES[right.type]}${hint}`,
      )
    }
    if (unified.type === 'set') {
      return this.fail(ast.opSpan, `多值字段不能用${op}比较，请用“包含”“属于”或 包含任一(…)`)
    }
    if (unified.type === 'boolean' && ast.op !== '=' && ast.op !== '!=') {
      return this.fail(ast.opSpan, `真/假值只能用“=”或“!=”比较`)
    }
    const [left, right] = unified.items
    return { kind: 'compare', type: 'boolean', op: ast.op, left, right }
  }

  private logic(ast: Extract<Ast, { kind: 'logic' }>): Ir | null {
    const pair = this.operands(ast)
    if (pair === null) return null
    const what = `${quote(OPERATOR_TEXT[ast.op])}两边`
    if (!requireType(this, pair[0], ast.left, ['boolean'], what)) return null
    if (!requireType(this, pair[1], ast.right, ['boolean'], what)) return null
    // a 且 b 且 c is one n-ary node: shorter SQL, same three-valued result.
    const operands = pair.flatMap((ir) => (ir.kind === 'logic' && ir.op === ast.op ? ir.operands : [ir]))
    return { kind: 'logic', type: 'boolean', op: ast.op, operands }
  }

  private predicate(ast: Extract<Ast, { kind: 'predicate' }>): Ir | null {
    const pair = this.operands(ast)
    if (pair === null) return null
    const [left, right] = pair
    const op = quote(OPERATOR_TEXT[ast.op])
    // A set on the left (or an unknown left with a set on the right) makes 包含 membership.
    if (ast.op === 'contains' && (left.type === 'set' || (left.type === 'null' && right.type === 'set'))) {
      if (!requireType(this, right, ast.right, ['text', 'set'], `${op}之后`)) return null
      return membership(right, left)
    }
    if (!requireType(this, left, ast.left, ast.op === 'contains' ? ['text', 'set'] : ['text'], `${op}之前`)) {
      return null
    }
    if (!requireType(this, right, ast.right, ['text'], `${op}之后`)) return null
    if (ast.op === 'matches' && right.kind === 'literal' && typeof right.value === 'string') {
      const problem = regexError(right.value)
      if (problem !== null) return this.fail(ast.right.span, `正则表达式写法有误（${problem}）`)
    }
    return { kind: 'textTest', type: 'boolean', op: ast.op, left, right }
  }

  private in(ast: Extract<Ast, { kind: 'in' }>): Ir | null {
    const operand = this.check(ast.operand)
    const items = ast.items.map((item) => this.check(item))
    if (operand === null || items.some((item) => item === null)) return null
    const checked = items as Ir[]
    // `x 属于 多值字段` / `x in (多值字段)`: membership, not a list of values.
    const single = checked.length === 1 ? checked[0].type : undefined
    if (single === 'set' || (single === 'null' && operand.type === 'set')) {
      if (!requireType(this, operand, ast.operand, ['text', 'set'], '“属于”之前')) return null
      return membership(operand, checked[0])
    }
    const unified = unify(this, [operand, ...checked], [ast.operand, ...ast.items])
    if (unified === null) return null
    if (!unified.ok) {
      const bad = [operand, ...checked][unified.badIndex]
      const badAst = [ast.operand, ...ast.items][unified.badIndex]
      return this.fail(
        badAst.span,
        `“属于”的值与字段类型不一致：应为${TYPE_NAMES[unified.type]}，此处是${TYPE_NAMES[bad.type]}`,
      )
    }
    if (unified.type === 'set') {
      return this.fail(ast.opSpan, '多值字段请用 包含任一(字段, 值1, 值2…) 判断是否含有其中某项')
    }
    const [value, ...list] = unified.items
    return { kind: 'inList', type: 'boolean', operand: value, items: list }
  }

  private between(ast: Extract<Ast, { kind: 'between' }>): Ir | null {
    const parts = [ast.operand, ast.low, ast.high].map((part) => this.check(part))
    if (parts.some((part) => part === null)) return null
    const asts = [ast.operand, ast.low, ast.high]
    const unified = unify(this, parts as Ir[], asts)
    if (unified === null) return null
    if (!unified.ok) {
      return this.fail(
        asts[unified.badIndex].span,
        `“介于”两端应与比较的值类型一致：应为${TYPE_NAMES[unified.type]}，此处是${TYPE_NAMES[(parts as Ir[])[unified.badIndex].type]}`,
      )
    }
    if (!['number', 'date', 'text', 'null'].includes(unified.type)) {
      return this.fail(ast.opSpan, `“介于”只适用于数字、日期或文本，此处是${TYPE_NAMES[unified.type]}`)
    }
    const [operand, low, high] = unified.items
    return { kind: 'between', type: 'boolean', operand, low, high }
  }
}

function sourceText(source: string, span: Span): string {
  return source.slice(span.start, span.end)
}
