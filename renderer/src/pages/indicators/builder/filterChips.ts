/**
 * A measure's filter as chips: each chip is one field, one operator and its value(s), and the chips
 * combine with 且. The filter itself is stored as expression text (the model's `filter`), so this
 * module translates both ways: chips → text (values quoted as the language wants, field names in
 * brackets when they have symbols) and text → chips, which gives null for anything that is not a
 * plain 且-chain of the predicates below (或, 非, functions, field-to-field comparisons …); the builder
 * then shows that filter as a raw expression.
 */
import type { FieldType } from '../../../../../shared/domain/fields.ts'
import type { Ast } from '../../../../../shared/expr/ast.ts'
import { parse, writtenName } from '../../../../../shared/expr/index.ts'

export type ChipOperator =
  | 'eq'
  | 'ne'
  | 'in'
  | 'notIn'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'contains'
  | 'notContains'
  | 'anyOf'
  | 'empty'
  | 'notEmpty'

/** What a chip needs to know about a field (a DatasetField fits). */
export interface ChipField {
  name: string
  type: FieldType
  values?: readonly string[]
}

export interface FilterChip {
  field: string
  /** The field's type when the chip was made: decides quoting and the value control. */
  type: FieldType
  op: ChipOperator
  /** Values as typed or chosen: one for most operators, several for 属于 / 包含任一, none for 为空. */
  values: string[]
}

const ANY_OF = '包含任一'

const OPERATORS: Readonly<Record<FieldType, readonly ChipOperator[]>> = {
  code: ['eq', 'ne', 'in', 'notIn', 'empty', 'notEmpty'],
  text: ['eq', 'ne', 'in', 'notIn', 'contains', 'notContains', 'empty', 'notEmpty'],
  set: ['contains', 'notContains', 'anyOf', 'empty', 'notEmpty'],
  integer: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'empty', 'notEmpty'],
  decimal: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'empty', 'notEmpty'],
  date: ['eq', 'lt', 'le', 'gt', 'ge', 'empty', 'notEmpty'],
  boolean: ['eq', 'empty', 'notEmpty'],
}

const LABELS: Readonly<Record<ChipOperator, string>> = {
  eq: '等于',
  ne: '不等于',
  in: '属于',
  notIn: '不属于',
  gt: '>',
  ge: '≥',
  lt: '<',
  le: '≤',
  contains: '包含',
  notContains: '不包含',
  anyOf: '包含任一',
  empty: '为空',
  notEmpty: '不为空',
}

const DATE_LABELS: Partial<Record<ChipOperator, string>> = {
  lt: '早于',
  le: '不晚于',
  gt: '晚于',
  ge: '不早于',
}

/** The operators a field of this type offers, in menu order. */
export const operatorsFor = (type: FieldType): readonly ChipOperator[] => OPERATORS[type] ?? OPERATORS.text

/** 等于, 属于, 早于 (dates), 为 (是/否 fields) … */
export function operatorLabel(op: ChipOperator, type: FieldType): string {
  if (type === 'date') return DATE_LABELS[op] ?? LABELS[op]
  if (type === 'boolean' && op === 'eq') return '为'
  return LABELS[op]
}

/** How many values the operator takes. */
export function valueArity(op: ChipOperator): 'none' | 'one' | 'many' {
  if (op === 'empty' || op === 'notEmpty') return 'none'
  if (op === 'in' || op === 'notIn' || op === 'anyOf') return 'many'
  return 'one'
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether one value is acceptable for a field of the type (numbers parse, dates are YYYY-MM-DD …). */
export function validValue(value: string, type: FieldType): boolean {
  switch (type) {
    case 'integer':
    case 'decimal':
      return value.trim() !== '' && Number.isFinite(Number(value.trim()))
    case 'date':
      return DATE.test(value.trim())
    case 'boolean':
      return value === '是' || value === '否'
    default:
      return value !== ''
  }
}

/** A chip that can be written as text: an operator its type offers and the values it needs. */
export function chipComplete(chip: FilterChip): boolean {
  if (!operatorsFor(chip.type).includes(chip.op)) return false
  const arity = valueArity(chip.op)
  if (arity === 'none') return true
  if (chip.values.length === 0 || !chip.values.every((value) => validValue(value, chip.type))) return false
  return arity === 'many' || chip.values.length === 1
}

/** `'不批准逮捕'`: single quotes, a quote inside written twice. */
export const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`

/** A value as a literal of the language for a field of the type. */
export function literal(value: string, type: FieldType): string {
  switch (type) {
    case 'integer':
    case 'decimal':
      return String(Number(value.trim()))
    case 'boolean':
      return value === '是' ? '是' : '否'
    case 'date':
      return quoteText(value.trim())
    default:
      return quoteText(value)
  }
}

const COMPARE_TEXT: Partial<Record<ChipOperator, string>> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
}

/** One chip as a predicate; null when it is not complete. */
export function chipToExpression(chip: FilterChip): string | null {
  if (!chipComplete(chip)) return null
  const field = writtenName(chip.field)
  const values = chip.values.map((value) => literal(value, chip.type))
  switch (chip.op) {
    case 'empty':
      return `${field} 为空`
    case 'notEmpty':
      return `${field} 不为空`
    case 'in':
      return `${field} 属于 (${values.join(', ')})`
    case 'notIn':
      return `${field} 不属于 (${values.join(', ')})`
    case 'contains':
      return `${field} 包含 ${values[0]}`
    case 'notContains':
      return `${field} 不包含 ${values[0]}`
    case 'anyOf':
      return `${ANY_OF}(${field}, ${values.join(', ')})`
    default:
      return `${field} ${COMPARE_TEXT[chip.op]} ${values[0]}`
  }
}

/**
 * The filter text of the chips, joined with 且; incomplete chips (no value chosen yet) are left out.
 *
 * @example chipsToExpression([{ field: '审结处理结果', type: 'code', op: 'eq', values: ['不批准逮捕'] }])
 *   === "审结处理结果 = '不批准逮捕'"
 */
export function chipsToExpression(chips: readonly FilterChip[]): string {
  return chips
    .map(chipToExpression)
    .filter((text): text is string => text !== null)
    .join(' 且 ')
}

/** The chip as the analyst reads it: `审结处理结果 属于 批准逮捕、不批准逮捕`. */
export function chipLabel(chip: FilterChip): string {
  const op = operatorLabel(chip.op, chip.type)
  if (valueArity(chip.op) === 'none') return `${chip.field} ${op}`
  const values = chip.values.length > 0 ? chip.values.join('、') : '（未选择）'
  return `${chip.field} ${op} ${values}`
}

/**
 * The chips of a filter, or null when the text is not a 且-chain of supported predicates over the
 * given fields (then the builder shows the raw expression). Empty text is no chips.
 *
 * @example expressionToChips("审结处理结果 = '不批准逮捕' 且 是否未成年人 = 是", fields)
 *   → [{ field: '审结处理结果', type: 'code', op: 'eq', values: ['不批准逮捕'] },
 *      { field: '是否未成年人', type: 'boolean', op: 'eq', values: ['是'] }]
 */
export function expressionToChips(text: string, fields: readonly ChipField[]): FilterChip[] | null {
  if (text.trim() === '') return []
  const parsed = parse(text)
  if (!parsed.ok) return null
  const byName = new Map(fields.map((field) => [field.name, field]))
  const chips: FilterChip[] = []
  for (const term of conjuncts(parsed.ast)) {
    const chip = chipOf(term, byName)
    if (chip === null) return null
    chips.push(chip)
  }
  return chips
}

function conjuncts(ast: Ast): Ast[] {
  return ast.kind === 'logic' && ast.op === 'and' ? [...conjuncts(ast.left), ...conjuncts(ast.right)] : [ast]
}

const COMPARE_OPS: Readonly<Record<string, ChipOperator>> = {
  '=': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'ge',
  '<': 'lt',
  '<=': 'le',
}

function chipOf(ast: Ast, fields: ReadonlyMap<string, ChipField>): FilterChip | null {
  const make = (operand: Ast, op: ChipOperator, items: readonly Ast[]): FilterChip | null => {
    const field = operand.kind === 'name' ? fields.get(operand.name) : undefined
    if (field === undefined || !operatorsFor(field.type).includes(op)) return null
    const values: string[] = []
    for (const item of items) {
      const value = valueOf(item, field.type)
      if (value === null) return null
      values.push(value)
    }
    const chip: FilterChip = { field: field.name, type: field.type, op, values }
    return chipComplete(chip) ? chip : null
  }
  switch (ast.kind) {
    case 'compare':
      return make(ast.left, COMPARE_OPS[ast.op], [ast.right])
    case 'isEmpty':
      return make(ast.operand, ast.negated ? 'notEmpty' : 'empty', [])
    case 'in':
      return ast.list ? make(ast.operand, ast.negated ? 'notIn' : 'in', ast.items) : null
    case 'predicate':
      return ast.op === 'contains'
        ? make(ast.left, ast.negated ? 'notContains' : 'contains', [ast.right])
        : null
    case 'call':
      return ast.name === ANY_OF && ast.args.length >= 2
        ? make(ast.args[0], 'anyOf', ast.args.slice(1))
        : null
    default:
      return null
  }
}

/** A literal's value as chip text, when it fits the field's type. */
function valueOf(ast: Ast, type: FieldType): string | null {
  switch (type) {
    case 'integer':
    case 'decimal':
      if (ast.kind === 'number') return String(ast.value)
      if (ast.kind === 'negate' && ast.operand.kind === 'number') return String(-ast.operand.value)
      return null
    case 'boolean':
      if (ast.kind === 'boolean') return ast.value ? '是' : '否'
      if (ast.kind === 'string' && (ast.value === '是' || ast.value === '否')) return ast.value
      return null
    case 'date':
      return (ast.kind === 'string' || ast.kind === 'date') && DATE.test(ast.value) ? ast.value : null
    default:
      return ast.kind === 'string' ? ast.value : null
  }
}
