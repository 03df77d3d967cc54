import { createHash } from 'node:crypto'
import type { FieldRole, FieldType } from '../../../../shared/domain/fields.ts'
import type { DatasetField } from '../../../../shared/ipc/contract.ts'
import { parseCell } from '../../../../shared/values/parse-cell.ts'
import { normalizeWidth } from '../../../../shared/values/width.ts'
import type { ColumnPlan } from '../plan-fields.ts'
import { unitCodeFromCaseNumber } from '../unit-code.ts'

const PARSE_FAILURE: Record<FieldType, string> = {
  date: '无法识别的日期',
  integer: '不是整数',
  decimal: '不是数字',
  boolean: '不是“是/否”值',
  text: '无法识别的值',
  code: '无法识别的值',
  set: '无法识别的值',
}

/** The raw-text key of cells beyond the header's last column. */
export const EXTRA_CELLS = '（表头以外的单元格）'

/**
 * How one file's rows become record values: plain data (no functions, no database), so the typing
 * thread of a large import gets the same plan as the import thread.
 */
export interface RowTyping {
  /** Fields of the dataset (slots 0 … width-1); slot `width + 3` holds a generic row's fingerprint. */
  width: number
  /** Parallel arrays, one entry per column of the file that maps to a field. */
  cellIndex: number[]
  slot: number[]
  name: string[]
  type: FieldType[]
  role: (FieldRole | undefined)[]
  /** Slot of 承办单位 when it is derived from 部门受案号 (-1 when the file carries it or cannot). */
  unitSlot: number
  caseNumberSlot: number
  /** Generic datasets (no record key) fingerprint whole rows to recognise them on re-import. */
  fingerprint: boolean
}

/** Where a row's cell-level problems go: row, field, original text, Chinese message. */
export type IssueSink = (line: number, column: string | null, text: string | null, message: string) => void

/** Slot of the fingerprint in a values array (after the fields, _batch, _row and _key). */
export const fingerprintSlot = (typing: RowTyping) => typing.width + 3

/**
 * A row's values array: the fields, then _batch, _row, _key and the fingerprint. Each thread
 * reuses one for every row (better-sqlite3 copies values when binding), so a million rows of
 * ~120 slots do not keep the garbage collector busy.
 */
export const newValues = (typing: RowTyping): unknown[] => new Array(fingerprintSlot(typing) + 1).fill(null)

export function rowTyping(fields: DatasetField[], plan: ColumnPlan[], keyed: boolean): RowTyping {
  const slotOf = new Map(fields.map((f, i) => [f.name, i]))
  const planned = new Set(plan.map((p) => p.field.name))
  return {
    width: fields.length,
    cellIndex: plan.map((p) => p.index),
    slot: plan.map((p) => slotOf.get(p.field.name)!),
    name: plan.map((p) => p.field.name),
    type: plan.map((p) => p.field.type),
    role: plan.map((p) => p.field.role),
    unitSlot: planned.has('承办单位') ? -1 : (slotOf.get('承办单位') ?? -1),
    caseNumberSlot: slotOf.get('部门受案号') ?? -1,
    fingerprint: !keyed,
  }
}

/**
 * Parses the cells of one row into `values` (all slots must be null on entry), reports cells that
 * do not parse, and returns the original texts of the cells whose stored value reads differently
 * (JSON, or null when every cell was stored as written), so nothing imported is ever lost.
 */
export function typeRow(
  typing: RowTyping,
  line: number,
  cells: string[],
  values: unknown[],
  onIssue: IssueSink,
): string | null {
  const { cellIndex, slot, type } = typing
  let raw: Record<string, string> | null = null
  for (let i = 0; i < cellIndex.length; i++) {
    const text = cells[cellIndex[i]]
    if (text === undefined || text === '') continue
    if (type[i] === 'text' || type[i] === 'code') {
      // parseCell's own text path, without a result object per cell (most cells are text).
      const value = normalizeWidth(text)
      if (value.length > 0) values[slot[i]] = value
      if (value !== text) (raw ??= {})[typing.name[i]] = text
      continue
    }
    const parsed = parseCell(type[i], text, typing.role[i])
    values[slot[i]] = parsed.value
    if (parsed.ok && parsed.canonical === text) continue
    if (!parsed.ok) onIssue(line, typing.name[i], text, `${PARSE_FAILURE[type[i]]}「${text}」，已保留原文`)
    ;(raw ??= {})[typing.name[i]] = text
  }
  if (cells.length > cellIndex.length) {
    const extra = cells.slice(cellIndex.length).filter((c) => c !== '')
    if (extra.length > 0) {
      ;(raw ??= {})[EXTRA_CELLS] = JSON.stringify(extra)
      onIssue(line, null, null, `本行比表头多出 ${extra.length} 个非空单元格，已保留原文`)
    }
  }
  if (typing.unitSlot >= 0 && typing.caseNumberSlot >= 0) {
    const caseNumber = values[typing.caseNumberSlot]
    values[typing.unitSlot] = typeof caseNumber === 'string' ? unitCodeFromCaseNumber(caseNumber) : null
  }
  if (typing.fingerprint) {
    values[fingerprintSlot(typing)] = createHash('md5')
      .update(JSON.stringify(values.slice(0, typing.width)))
      .digest('base64')
  }
  return raw && JSON.stringify(raw)
}
