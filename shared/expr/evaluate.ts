/**
 * Evaluates the IR over one record in JS: form validation, previews and the tests that hold the SQL
 * compiler to the same answers. Null semantics are SQL's (see logic.ts), arithmetic matches SQLite's
 * (division is real division and by zero is null; % works on whole numbers like SQLite's).
 */
import { dayNumber } from '../values/date.ts'
import { idCardBirthDate, idCardSex, idCardValid } from './id-card.ts'
import type { Ir } from './ir.ts'
import { and3, compareText, compareValues, not3, or3, sqlLength, type Truth } from './logic.ts'
import { requireParameter, type ParameterValues } from './parameters.ts'
import { readStored, type ExprValue } from './record-values.ts'
import { regexMatches } from './regex.ts'
import { requireToday } from './today.ts'

export type { ExprValue } from './record-values.ts'

export interface EvaluateOptions {
  /** Today's date 'YYYY-MM-DD' for 今天(); required when the expression uses it. */
  today?: string
  /**
   * How the record is keyed: by field name (default; grid rows, forms) or by column (`c3`; rows read
   * straight from a records table).
   */
  keyBy?: 'name' | 'column'
  /** Values of the parameters (`@名称`) the expression uses. */
  parameters?: ParameterValues
}

/**
 * Value of an expression for one record (values as stored in SQLite).
 *
 * @example evaluate(ir('天数差(受理日期, 审结日期)'), { 受理日期: '2024-01-01', 审结日期: '2024-01-09' }) === 8
 */
export function evaluate(
  ir: Ir,
  record: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): ExprValue {
  return new Evaluator(record, options).value(ir)
}

/**
 * Whether a condition holds: only `true` does; false and unknown (null) do not, exactly like SQL's
 * WHERE.
 *
 * @example holds(ir("前科 = '无'"), { 前科: null }) === false
 */
export function holds(
  ir: Ir,
  record: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): boolean {
  return evaluate(ir, record, options) === true
}

class Evaluator {
  constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    private readonly options: EvaluateOptions,
  ) {}

  value(ir: Ir): ExprValue {
    switch (ir.kind) {
      case 'literal':
        return ir.value
      case 'field':
        return readStored(ir.fieldType, this.record[this.options.keyBy === 'column' ? ir.column : ir.name])
      case 'today':
        return requireToday(this.options.today)
      case 'param':
        return requireParameter(ir.name, ir.type, this.options.parameters)
      case 'negate': {
        const operand = this.number(ir.operand)
        return operand === null ? null : operand === 0 ? 0 : -operand
      }
      case 'not':
        return not3(this.truth(ir.operand))
      case 'arithmetic':
        return this.arithmetic(ir.op, this.number(ir.left), this.number(ir.right))
      case 'compare':
        return this.compare(ir.op, this.value(ir.left), this.value(ir.right))
      case 'logic': {
        const truths = ir.operands.map((operand) => this.truth(operand))
        return ir.op === 'and' ? and3(truths) : or3(truths)
      }
      case 'isEmpty':
        return isEmpty(this.value(ir.operand))
      case 'inList':
        return this.inList(this.value(ir.operand), ir.items)
      case 'between': {
        const operand = this.value(ir.operand)
        return and3([
          this.compare('>=', operand, this.value(ir.low)),
          this.compare('<=', operand, this.value(ir.high)),
        ])
      }
      case 'textTest':
        return textTest(ir.op, this.value(ir.left), this.value(ir.right))
      case 'setHas': {
        const set = this.value(ir.set) as readonly string[] | null
        const truths = ir.items.map((item) => member(set, this.value(item)))
        return ir.quantifier === 'any' ? or3(truths) : and3(truths)
      }
      case 'subset': {
        const subset = this.value(ir.subset) as readonly string[] | null
        const superset = this.value(ir.superset) as readonly string[] | null
        if (subset === null || superset === null) return null
        return subset.every((item) => superset.includes(item))
      }
      case 'call':
        return this.call(ir)
      case 'if':
        return this.truth(ir.condition) === true ? this.value(ir.then) : this.value(ir.otherwise)
      case 'coalesce':
        for (const arg of ir.args) {
          const value = this.value(arg)
          if (value !== null) return value
        }
        return null
      case 'union':
        return union(ir.args.map((arg) => this.value(arg)))
    }
  }

  private truth(ir: Ir): Truth {
    const value = this.value(ir)
    return value === null ? null : value === true
  }

  private number(ir: Ir): number | null {
    const value = this.value(ir)
    return typeof value === 'number' ? value : null
  }

  private arithmetic(op: string, left: number | null, right: number | null): number | null {
    return applyArithmetic(op, left, right)
  }

  private compare(op: string, left: ExprValue, right: ExprValue): Truth {
    if (left === null || right === null) return null
    const order = compareValues(left, right)
    switch (op) {
      case '=':
        return order === 0
      case '!=':
        return order !== 0
      case '<':
        return order < 0
      case '<=':
        return order <= 0
      case '>':
        return order > 0
      default:
        return order >= 0
    }
  }

  /** SQL IN: true on a match; otherwise unknown if the value or any item is null; else false. */
  private inList(operand: ExprValue, items: Ir[]): Truth {
    if (operand === null) return null
    let unknown = false
    for (const item of items) {
      const value = this.value(item)
      if (value === null) unknown = true
      else if (compareValues(operand, value) === 0) return true
    }
    return unknown ? null : false
  }

  private call(ir: Extract<Ir, { kind: 'call' }>): ExprValue {
    const args = ir.args.map((arg) => this.value(arg))
    const [first, second] = args
    switch (ir.fn) {
      case 'year':
        return typeof first === 'string' ? Number(first.slice(0, 4)) : null
      case 'month':
        return typeof first === 'string' ? Number(first.slice(5, 7)) : null
      case 'day':
        return typeof first === 'string' ? Number(first.slice(8, 10)) : null
      case 'daysBetween':
        return daysBetween(first, second)
      case 'length':
        if (first === null) return null
        return Array.isArray(first) ? first.length : sqlLength(String(first))
      case 'idValid':
        return idCardValid(first)
      case 'idBirthDate':
        return idCardBirthDate(first)
      case 'idSex':
        return idCardSex(first)
      case 'age':
        return ageOn(first, second)
    }
  }
}

/** Days from a to b; null when either is null or (corrupt data) not a real date, as julianday() gives. */
function daysBetween(a: ExprValue, b: ExprValue): number | null {
  if (typeof a !== 'string' || typeof b !== 'string') return null
  try {
    return dayNumber(b) - dayNumber(a)
  } catch {
    return null
  }
}

/** 周岁: full years from `birth` to `day`, as the SQL does it on 'YYYY-MM-DD' text. */
function ageOn(birth: ExprValue, day: ExprValue): number | null {
  if (typeof birth !== 'string' || typeof day !== 'string') return null
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4))
  return compareText(day.slice(5, 10), birth.slice(5, 10)) < 0 ? years - 1 : years
}

/** 并集: distinct non-blank items of texts and sets, sorted by code point like SQLite's ORDER BY. */
function union(values: readonly ExprValue[]): string[] {
  const items = new Set<string>()
  for (const value of values) {
    if (value === null) continue
    for (const item of Array.isArray(value) ? value : [String(value)]) if (item !== '') items.add(item)
  }
  return [...items].sort(compareText)
}

/** 为空: null, empty text or an empty set. Never unknown. */
function isEmpty(value: ExprValue): boolean {
  if (value === null || value === '') return true
  return Array.isArray(value) && value.length === 0
}

function member(set: readonly string[] | null, item: ExprValue): Truth {
  if (set === null || item === null) return null
  return set.includes(String(item))
}

function textTest(op: string, left: ExprValue, right: ExprValue): Truth {
  if (typeof left !== 'string' || typeof right !== 'string') return null
  switch (op) {
    case 'contains':
      return left.includes(right)
    case 'startsWith':
      return left.startsWith(right)
    case 'endsWith':
      return left.endsWith(right)
    default:
      return regexMatches(right, left)
  }
}

/** Arithmetic with SQLite's rules: NULL in, NULL out; x / 0 and x % 0 are NULL; % on whole numbers. */
export function applyArithmetic(op: string, left: number | null, right: number | null): number | null {
  if (left === null || right === null) return null
  switch (op) {
    case '+':
      return left + right
    case '-':
      return left - right
    case '*':
      return left * right
    case '/':
      // SQLite: x / 0 is NULL. Never Infinity or NaN (an empty base shows "—").
      return right === 0 ? null : left / right
    default: {
      // SQLite's % truncates both operands to integers first: 7 % 2.5 = 1, 5.5 % 2 = 1.
      const divisor = Math.trunc(right)
      if (divisor === 0) return null
      const remainder = Math.trunc(left) % divisor
      return remainder === 0 ? 0 : remainder
    }
  }
}
