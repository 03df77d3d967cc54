/**
 * Which cells of the flag grid are "in conflict". Each row may come from a different rule, so the
 * decision is per row (the flag's own `fields`), never per column.
 */
import type { FlagRow } from '../../../../shared/ipc/quality-contract.ts'

/** Record fields already shown in the fixed leading columns; not repeated among the record columns. */
export const FIXED_RECORD_FIELDS: readonly string[] = ['部门受案号', '嫌疑人编号', '嫌疑人姓名']

export function isConflicting(row: Pick<FlagRow, 'fields'> | undefined, field: string): boolean {
  return row !== undefined && row.fields.includes(field)
}

/** Engine-internal keys (`_id`, `_raw`) are not fields. */
const isFieldKey = (key: string): boolean => !key.startsWith('_') && !FIXED_RECORD_FIELDS.includes(key)

/**
 * The record columns after another block arrived: known ones keep their place, new fields are
 * appended in the order the record lists them (the engine writes records in field order).
 * Returns `known` itself when nothing is new, so React state does not change and columns stay put.
 */
export function mergeRecordFields(
  known: readonly string[],
  rows: readonly Pick<FlagRow, 'record'>[],
): string[] {
  const seen = new Set(known)
  let added: string[] | null = null
  for (const row of rows) {
    for (const key of Object.keys(row.record ?? {})) {
      if (seen.has(key) || !isFieldKey(key)) continue
      seen.add(key)
      added ??= []
      added.push(key)
    }
  }
  return added === null ? (known as string[]) : [...known, ...added]
}

/** The flagged person's name, whichever header the export used. */
export function suspectName(record: Record<string, unknown> | undefined): string {
  const value = record?.['嫌疑人姓名'] ?? record?.['犯罪嫌疑人姓名'] ?? record?.['姓名']
  return value == null ? '' : String(value)
}
