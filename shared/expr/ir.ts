/**
 * The typed intermediate representation: what the checker produces and what `toSql` and `evaluate`
 * consume. Plain JSON-serialisable data (no classes, no functions, no spans), so it can be stored,
 * sent over IPC and compared in tests. Every node carries its result type.
 *
 * Fields are referenced by name *and* resolved column; the SQL compiler only ever emits the column,
 * after validating it, never the analyst's text. Negated forms (不为空, 不属于, not between, 不包含)
 * are `not` nodes around the positive form, so each backend implements each test once.
 *
 * Planned: aggregate measures for indicator formulas (`count`, `sum`, `countDistinct`, each with an
 * optional row filter) will be one more node kind, `{ kind: 'aggregate', fn, arg?, where? }`, whose
 * `arg`/`where` are row-level IR like everything here; the checker will take an "aggregate context"
 * option that requires field references to sit inside an aggregate. Nothing below needs to change.
 */
import type { FieldType } from '../domain/fields.ts'
import type { ExprType } from './types.ts'

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%'
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>='

/** Scalar functions that map straight onto one SQL expression and one JS function. */
export type FunctionName =
  /** 年(日期) → number */
  | 'year'
  /** 月(日期) → number */
  | 'month'
  /** 日(日期) → number */
  | 'day'
  /** 天数差(a, b) → days from a to b (b − a) */
  | 'daysBetween'
  /** 长度(文本) → characters; 长度(多值) → items */
  | 'length'
  /** 身份证校验(文本) → boolean (GB 11643) */
  | 'idValid'
  /** 身份证出生日期(文本) → date */
  | 'idBirthDate'
  /** 身份证性别(文本) → '男' | '女' */
  | 'idSex'
  /** 周岁(出生日期, 日期) → full years of age on that day */
  | 'age'

export type Ir =
  | { kind: 'literal'; type: ExprType; value: number | string | boolean | null }
  | { kind: 'field'; type: ExprType; name: string; column: string; fieldType: FieldType }
  /** 今天(): bound from the caller's clock (`today` option), never SQLite's date('now'). */
  | { kind: 'today'; type: 'date' }
  /** `@天数上限`: a rule parameter, bound from the caller's `parameters` option like 今天(). */
  | { kind: 'param'; type: ExprType; name: string }
  | { kind: 'negate'; type: 'number'; operand: Ir }
  | { kind: 'not'; type: 'boolean'; operand: Ir }
  | { kind: 'arithmetic'; type: 'number'; op: ArithmeticOp; left: Ir; right: Ir }
  | { kind: 'compare'; type: 'boolean'; op: CompareOp; left: Ir; right: Ir }
  | { kind: 'logic'; type: 'boolean'; op: 'and' | 'or'; operands: Ir[] }
  /** 为空: null; also '' for text and [] for sets. Never unknown. */
  | { kind: 'isEmpty'; type: 'boolean'; operand: Ir }
  | { kind: 'inList'; type: 'boolean'; operand: Ir; items: Ir[] }
  | { kind: 'between'; type: 'boolean'; operand: Ir; low: Ir; high: Ir }
  | {
      kind: 'textTest'
      type: 'boolean'
      op: 'contains' | 'startsWith' | 'endsWith' | 'matches'
      left: Ir
      right: Ir
    }
  /** Items in a multi-valued `set`: any of them (包含任一, 包含, 属于) or all of them (包含全部). */
  | { kind: 'setHas'; type: 'boolean'; set: Ir; items: Ir[]; quantifier: 'any' | 'all' }
  /** Every item of `subset` is in `superset` (多值 属于 多值, 多值 包含 多值). */
  | { kind: 'subset'; type: 'boolean'; subset: Ir; superset: Ir }
  | { kind: 'call'; type: ExprType; fn: FunctionName; args: Ir[] }
  | { kind: 'if'; type: ExprType; condition: Ir; then: Ir; otherwise: Ir }
  | { kind: 'coalesce'; type: ExprType; args: Ir[] }
  /** 并集(a, b, …): the items of text values and sets, without blanks and duplicates, sorted; never null. */
  | { kind: 'union'; type: 'set'; args: Ir[] }

export type IrKind = Ir['kind']
