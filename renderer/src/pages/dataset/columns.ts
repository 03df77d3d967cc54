/**
 * Grid columns from a dataset's field metadata: filter kind by type, key fields pinned left, a 序号
 * column, set fields joined with 、, and cells whose original text differs (`_raw`) marked with a tooltip.
 */
import type { ColDef, TooltipCallbackParams, ValueFormatterParams } from 'ag-grid-community'
import type { FieldType } from '../../../../shared/domain/fields.ts'
import type { DatasetField, RecordRow } from '../../../../shared/ipc/contract.ts'
import { cellText } from '../../format/cellText.ts'
import { ROW_NUMBER_COL, SUPPORTED_OPTIONS } from './gridQuery.ts'

/** The original text of a cell when the stored value differs from the file, else undefined. */
export function rawText(row: RecordRow | undefined, field: string): string | undefined {
  const raw = row?._raw
  return raw && Object.hasOwn(raw, field) ? raw[field] : undefined
}

type FilterKind = keyof typeof SUPPORTED_OPTIONS

export function filterKindOf(type: FieldType): FilterKind {
  if (type === 'date') return 'date'
  if (type === 'integer' || type === 'decimal') return 'number'
  return 'text'
}

const FILTER_COMPONENTS: Record<FilterKind, string> = {
  text: 'agTextColumnFilter',
  number: 'agNumberColumnFilter',
  date: 'agDateColumnFilter',
}

const TYPE_WIDTHS: Partial<Record<FieldType, number>> = { date: 120, integer: 100, decimal: 110, boolean: 90 }

/** 部门受案号 reads like 苏宁鼓检捕受〔2024〕100001号: cut short it is useless as a key. */
const ROLE_WIDTHS: Partial<Record<NonNullable<DatasetField['role']>, number>> = {
  caseNumber: 230,
  suspectId: 150,
}

/** Wide enough for the Chinese header plus sort/filter icons; CJK glyphs are ~14px at 13px font size. */
export function columnWidth(field: Pick<DatasetField, 'name' | 'type' | 'role'>): number {
  const forHeader = field.name.length * 14 + 56
  const forContent = (field.role && ROLE_WIDTHS[field.role]) ?? TYPE_WIDTHS[field.type] ?? 150
  return Math.min(320, Math.max(forContent, forHeader))
}

const isKeyField = (field: DatasetField, keyFields: readonly string[]) =>
  field.isKey || keyFields.includes(field.name) || field.role === 'caseNumber' || field.role === 'suspectId'

export function fieldColumn(field: DatasetField, pinned: boolean): ColDef<RecordRow> {
  const kind = filterKindOf(field.type)
  const name = field.name
  return {
    colId: name,
    field: name,
    headerName: name,
    headerTooltip: field.description,
    width: columnWidth(field),
    pinned: pinned ? 'left' : undefined,
    type: kind === 'number' ? 'rightAligned' : undefined,
    filter: FILTER_COMPONENTS[kind],
    filterParams: {
      filterOptions: [...SUPPORTED_OPTIONS[kind]],
      maxNumConditions: 2,
      buttons: ['reset', 'apply'],
      closeOnApply: true,
      // Server-side filtering: no comparator, the engine compares 'YYYY-MM-DD' text in SQL.
      ...(kind === 'date' ? { browserDatePicker: true, minValidYear: 1900, maxValidYear: 2100 } : {}),
    },
    valueFormatter: (params: ValueFormatterParams<RecordRow>) => {
      const text = cellText(params.value, field.type)
      // A value that did not parse is stored empty: show the original text rather than a blank.
      return text === '' ? (rawText(params.data, name) ?? '') : text
    },
    cellClassRules: {
      'cell-raw': (params) => rawText(params.data, name) !== undefined,
      'cell-unparsed': (params) => params.value == null && rawText(params.data, name) !== undefined,
    },
    // `tooltip` with a callback: `tooltipValueGetter` is deprecated as of ag-grid 36.2.
    tooltip: (params: TooltipCallbackParams<RecordRow>) => {
      const raw = rawText(params.data, name)
      return raw === undefined ? undefined : `原始文本：${raw === '' ? '（空）' : raw}`
    },
  }
}

export const rowNumberColumn: ColDef<RecordRow> = {
  colId: ROW_NUMBER_COL,
  headerName: '序号',
  valueGetter: (params) => (params.node?.rowIndex != null ? params.node.rowIndex + 1 : ''),
  width: 76,
  pinned: 'left',
  lockPosition: 'left',
  sortable: false,
  filter: false,
  resizable: false,
  suppressMovable: true,
  cellClass: 'row-number',
}

/** Columns in the dataset's field order, key fields first (in key order) and pinned left. */
export function buildColumns(
  fields: readonly DatasetField[],
  keyFields: readonly string[],
): ColDef<RecordRow>[] {
  const ordered = [...fields].sort((a, b) => a.position - b.position)
  const keys = ordered
    .filter((field) => isKeyField(field, keyFields))
    .sort((a, b) => rank(keyFields, a.name) - rank(keyFields, b.name))
  const rest = ordered.filter((field) => !isKeyField(field, keyFields))
  return [
    rowNumberColumn,
    ...keys.map((field) => fieldColumn(field, true)),
    ...rest.map((field) => fieldColumn(field, false)),
  ]
}

const rank = (keyFields: readonly string[], name: string) => {
  const index = keyFields.indexOf(name)
  return index === -1 ? keyFields.length : index
}
