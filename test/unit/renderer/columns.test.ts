import { describe, expect, it } from 'vitest'
import type { ColDef, TooltipCallbackParams, ValueFormatterParams } from 'ag-grid-community'
import type { DatasetField, RecordRow } from '../../../shared/ipc/contract.ts'
import {
  buildColumns,
  columnWidth,
  filterKindOf,
  rawText,
} from '../../../renderer/src/pages/dataset/columns.ts'
import { ROW_NUMBER_COL } from '../../../renderer/src/pages/dataset/gridQuery.ts'

const field = (
  name: string,
  type: DatasetField['type'],
  position: number,
  extra: Partial<DatasetField> = {},
) => ({ name, type, position, column: `c${position}`, isKey: false, ...extra }) satisfies DatasetField

const fields: DatasetField[] = [
  field('受理日期', 'date', 3),
  field('嫌疑人编号', 'text', 2, { isKey: true, role: 'suspectId' }),
  field('移送其他案由', 'set', 5),
  field('部门受案号', 'text', 1, { isKey: true, role: 'caseNumber' }),
  field('涉案金额', 'decimal', 4),
]

const format = (col: ColDef<RecordRow>, value: unknown, data?: RecordRow) =>
  (col.valueFormatter as (p: ValueFormatterParams<RecordRow>) => string)({
    value,
    data,
  } as ValueFormatterParams<RecordRow>)

describe('buildColumns', () => {
  const columns = buildColumns(fields, ['部门受案号', '嫌疑人编号'])

  it('starts with 序号, then key fields in key order pinned left, then the rest by position', () => {
    expect(columns.map((c) => c.colId)).toEqual([
      ROW_NUMBER_COL,
      '部门受案号',
      '嫌疑人编号',
      '受理日期',
      '涉案金额',
      '移送其他案由',
    ])
    expect(columns.slice(0, 3).every((c) => c.pinned === 'left')).toBe(true)
    expect(columns.slice(3).every((c) => c.pinned === undefined)).toBe(true)
  })

  it('uses the field name as header and field', () => {
    const date = columns.find((c) => c.colId === '受理日期')
    expect(date?.headerName).toBe('受理日期')
    expect(date?.field).toBe('受理日期')
  })

  it('chooses the filter by type', () => {
    const filterOf = (name: string) => columns.find((c) => c.colId === name)?.filter
    expect(filterOf('受理日期')).toBe('agDateColumnFilter')
    expect(filterOf('涉案金额')).toBe('agNumberColumnFilter')
    expect(filterOf('部门受案号')).toBe('agTextColumnFilter')
    expect(columns[0].filter).toBe(false)
  })

  it('joins set fields with 、 and falls back to the original text for unparsed values', () => {
    const set = columns.find((c) => c.colId === '移送其他案由')!
    expect(format(set, '["盗窃罪","诈骗罪"]')).toBe('盗窃罪、诈骗罪')
    const date = columns.find((c) => c.colId === '受理日期')!
    expect(format(date, null, { _id: 1, _raw: { 受理日期: '2024年13月' } })).toBe('2024年13月')
    expect(format(date, '2024-03-01', { _id: 1 })).toBe('2024-03-01')
  })

  it('shows the original text as a tooltip only where _raw has the field', () => {
    const date = columns.find((c) => c.colId === '受理日期')!
    const tooltip = (data: RecordRow) =>
      (date.tooltip as (p: TooltipCallbackParams<RecordRow>) => unknown)({
        data,
      } as TooltipCallbackParams<RecordRow>)
    expect(tooltip({ _id: 1, _raw: { 受理日期: '2024/3/1' } })).toBe('原始文本：2024/3/1')
    expect(tooltip({ _id: 1, _raw: { 涉案金额: 'x' } })).toBeUndefined()
    expect(tooltip({ _id: 1 })).toBeUndefined()
  })
})

describe('column helpers', () => {
  it('maps field types to filter kinds', () => {
    expect(filterKindOf('date')).toBe('date')
    expect(filterKindOf('integer')).toBe('number')
    expect(filterKindOf('decimal')).toBe('number')
    expect(filterKindOf('code')).toBe('text')
    expect(filterKindOf('set')).toBe('text')
  })

  it('sizes columns for their Chinese header, within bounds', () => {
    expect(columnWidth({ name: '案号', type: 'integer' })).toBe(100)
    expect(columnWidth({ name: '是否适用认罪认罚从宽制度', type: 'boolean' })).toBe(12 * 14 + 56)
    expect(columnWidth({ name: '很'.repeat(40), type: 'text' })).toBe(320)
    expect(columnWidth({ name: '部门受案号', type: 'text', role: 'caseNumber' })).toBe(230)
  })

  it('reads raw text only for own keys', () => {
    expect(rawText({ _id: 1, _raw: { a: '' } }, 'a')).toBe('')
    expect(rawText({ _id: 1, _raw: {} }, 'toString')).toBeUndefined()
    expect(rawText(undefined, 'a')).toBeUndefined()
  })
})
