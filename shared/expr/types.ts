/**
 * Value types of expressions, and how dataset field types map onto them.
 */
import type { FieldType } from '../domain/fields.ts'

/**
 * - `number`: integer and decimal fields, arithmetic, counts;
 * - `text`: text and code fields, strings;
 * - `date`: calendar dates, 'YYYY-MM-DD';
 * - `boolean`: conditions and yes/no fields (three-valued: true, false or null = unknown);
 * - `set`: multi-valued fields (JSON arrays of text in SQLite);
 * - `null`: the literal 空值 / null, compatible with every other type.
 */
export type ExprType = 'number' | 'text' | 'date' | 'boolean' | 'set' | 'null'

/** A field an expression may refer to: its name as the analyst writes it, its type, its column. */
export interface ExprField {
  name: string
  type: FieldType
  /** Column in the records table: `c1`, `c2` … (or an engine column such as `_batch`). */
  column: string
}

export const FIELD_EXPR_TYPE: Readonly<Record<FieldType, ExprType>> = {
  integer: 'number',
  decimal: 'number',
  date: 'date',
  boolean: 'boolean',
  text: 'text',
  code: 'text',
  set: 'set',
}

/** Chinese names of types, for messages. */
export const TYPE_NAMES: Readonly<Record<ExprType, string>> = {
  number: '数字',
  text: '文本',
  date: '日期',
  boolean: '真/假',
  set: '多值',
  null: '空值',
}
