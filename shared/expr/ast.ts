/**
 * Syntax tree of an expression, straight from the parser: names are not resolved and nothing is
 * typed yet (that is the checker's job, which turns it into the IR). Every node keeps its span so
 * checker errors can point at the text.
 */
import type { Span } from './errors.ts'

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%'
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>='
export type TextPredicate = 'contains' | 'startsWith' | 'endsWith' | 'matches'

export type Ast =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'date'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'name'; name: string; bracketed: boolean; span: Span }
  /** `@天数上限`: a rule parameter, typed and bound by the checker's `parameters` option. */
  | { kind: 'param'; name: string; span: Span }
  | { kind: 'call'; name: string; nameSpan: Span; args: Ast[]; span: Span }
  | { kind: 'negate'; operand: Ast; span: Span }
  | { kind: 'not'; operand: Ast; span: Span }
  | { kind: 'arithmetic'; op: ArithmeticOp; left: Ast; right: Ast; opSpan: Span; span: Span }
  | { kind: 'compare'; op: CompareOp; left: Ast; right: Ast; opSpan: Span; span: Span }
  | { kind: 'logic'; op: 'and' | 'or'; left: Ast; right: Ast; opSpan: Span; span: Span }
  /** `x 包含 y`, `x 开头是 y` …; `negated` for 不包含 / not contains. */
  | {
      kind: 'predicate'
      op: TextPredicate
      negated: boolean
      left: Ast
      right: Ast
      opSpan: Span
      span: Span
    }
  /**
   * `x in (a, b)` / `x 属于 (a, b)`: `list` true. `x 属于 多值字段` (no parentheses): `list` false and
   * one item. A parenthesised single item may still be a multi-valued field: the checker decides.
   */
  | { kind: 'in'; operand: Ast; items: Ast[]; list: boolean; negated: boolean; opSpan: Span; span: Span }
  | { kind: 'between'; operand: Ast; low: Ast; high: Ast; negated: boolean; opSpan: Span; span: Span }
  /** `x 为空` / `x is null`; `negated` for 不为空 / is not null. */
  | { kind: 'isEmpty'; operand: Ast; negated: boolean; opSpan: Span; span: Span }
