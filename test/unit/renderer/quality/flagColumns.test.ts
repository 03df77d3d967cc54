import { describe, expect, it } from 'vitest'
import type { CellClassParams, ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import type { FieldType } from '../../../../shared/domain/fields.ts'
import type { FlagRow } from '../../../../shared/ipc/quality-contract.ts'
import {
  buildFlagColumns,
  recordCellText,
  RECORD_COL_PREFIX,
} from '../../../../renderer/src/pages/quality/flagColumns.ts'

const flag = (overrides: Partial<FlagRow> = {}): FlagRow => ({
  id: 1,
  rule: 'R006',
  ruleName: '审查逮捕案件审结日期错填',
  severity: 'error',
  status: 'open',
  datasetId: 3,
  recordId: 9,
  key: { 部门受案号: '苏宁鼓检捕受〔2024〕1号', 嫌疑人编号: 'S1' },
  unit: '鼓楼区院',
  prosecutor: '张三',
  message: '审结日期早于受理日期',
  fields: ['受理日期', '审结日期'],
  firstSeen: '2024-05-01T08:00:00Z',
  lastSeen: '2024-05-02T08:00:00Z',
  rectifiedAt: null,
  reviewer: null,
  reviewedAt: null,
  note: null,
  record: {
    嫌疑人姓名: '李四',
    受理日期: '2024-03-02',
    审结日期: '2024-03-01',
    是否认罪认罚: 1,
    移送其他案由: '["盗窃罪","诈骗罪"]',
  },
  ...overrides,
})

const byId = (cols: ColDef<FlagRow>[], id: string) => {
  const col = cols.find((c) => c.colId === id)
  if (!col) throw new Error(`no column ${id}`)
  return col
}

const value = (col: ColDef<FlagRow>, data: FlagRow) =>
  (col.valueGetter as (p: ValueGetterParams<FlagRow>) => unknown)({ data } as ValueGetterParams<FlagRow>)

const formatted = (col: ColDef<FlagRow>, data: FlagRow) => {
  const raw = value(col, data)
  const format = col.valueFormatter as ((p: ValueFormatterParams<FlagRow>) => string) | undefined
  return format ? format({ data, value: raw } as ValueFormatterParams<FlagRow>) : raw
}

const conflict = (col: ColDef<FlagRow>, data: FlagRow) => {
  const rule = (col.cellClassRules as Record<string, (p: CellClassParams<FlagRow>) => boolean>)[
    'cell-conflict'
  ]
  return rule({ data } as CellClassParams<FlagRow>)
}

const TYPES: Record<string, FieldType> = { 是否认罪认罚: 'boolean', 移送其他案由: 'set', 受理日期: 'date' }
const types = (_dataset: number, field: string): FieldType | undefined => TYPES[field]

describe('flag grid columns', () => {
  const cols = buildFlagColumns(['受理日期', '审结日期', '是否认罪认罚', '移送其他案由'], types)

  it('has the flag columns in order, then the record fields', () => {
    expect(cols.map((c) => c.headerName)).toEqual([
      '规则',
      '严重程度',
      '状态',
      '部门受案号',
      '嫌疑人编号',
      '嫌疑人姓名',
      '承办单位',
      '承办检察官',
      '冲突说明',
      '首次发现',
      '最近发现',
      '复核人',
      '备注',
      '受理日期',
      '审结日期',
      '是否认罪认罚',
      '移送其他案由',
    ])
  })

  it('makes only the contract sort fields sortable', () => {
    const sortable = cols.filter((c) => c.sortable).map((c) => c.colId)
    expect(sortable).toEqual([
      'rule',
      'severity',
      'status',
      'caseNumber',
      'unit',
      'prosecutor',
      'firstSeen',
      'lastSeen',
    ])
  })

  it('shows names for codes and reads key and record values', () => {
    const row = flag()
    expect(formatted(byId(cols, 'severity'), row)).toBe('错误')
    expect(formatted(byId(cols, 'status'), flag({ status: 'falsePositive' }))).toBe('误报')
    expect(value(byId(cols, 'rule'), row)).toBe('R006 审查逮捕案件审结日期错填')
    expect(value(byId(cols, 'caseNumber'), row)).toBe('苏宁鼓检捕受〔2024〕1号')
    expect(value(byId(cols, 'suspectName'), row)).toBe('李四')
    expect(formatted(byId(cols, `${RECORD_COL_PREFIX}是否认罪认罚`), row)).toBe('是')
    expect(formatted(byId(cols, `${RECORD_COL_PREFIX}移送其他案由`), row)).toBe('盗窃罪、诈骗罪')
  })

  it('highlights a record cell only in rows whose rule names that field', () => {
    const col = byId(cols, `${RECORD_COL_PREFIX}审结日期`)
    expect(conflict(col, flag())).toBe(true)
    expect(conflict(col, flag({ fields: ['前科'] }))).toBe(false)
    expect(conflict(byId(cols, 'caseNumber'), flag({ fields: ['部门受案号'] }))).toBe(true)
  })

  it('tolerates rows still loading', () => {
    expect(value(byId(cols, 'caseNumber'), undefined as unknown as FlagRow)).toBe('')
    expect(formatted(byId(cols, `${RECORD_COL_PREFIX}受理日期`), undefined as unknown as FlagRow)).toBe('')
  })
})

describe('recordCellText', () => {
  it('formats by type when known, else shows sets joined and values as text', () => {
    expect(recordCellText(0, 'boolean')).toBe('否')
    expect(recordCellText(['a', 'b'], undefined)).toBe('a、b')
    expect(recordCellText(null, undefined)).toBe('')
    expect(recordCellText(12, undefined)).toBe('12')
  })
})
