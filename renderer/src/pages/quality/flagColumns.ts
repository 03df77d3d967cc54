/**
 * Columns of the flag grid: the flag's own columns (rule, severity, status, key, unit, prosecutor,
 * message, review), then the flagged record's fields. Conflicting cells get `cell-conflict`, decided
 * per row from the flag's `fields`. Only the contract's sort fields are sortable. Widths are
 * `initialWidth` so that adding record columns later does not undo the analyst's resizing.
 */
import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community'
import type { FieldType } from '../../../../shared/domain/fields.ts'
import type { FlagRow } from '../../../../shared/ipc/quality-contract.ts'
import { cellText, displaySet } from '../../format/cellText.ts'
import { formatTimestamp } from '../../format/timestamp.ts'
import { isSortable } from './flagSort.ts'
import { isConflicting, suspectName } from './highlight.ts'
import { severityName, statusName } from './qualityText.ts'

/** The type of a field in the dataset a row comes from, when known (booleans show 是/否, sets 、-joined). */
export type FieldTypeLookup = (datasetId: number, field: string) => FieldType | undefined

/** Prefix of record columns' ids, so a field named `status` can never collide with the flag's own. */
export const RECORD_COL_PREFIX = 'record:'

export function recordCellText(value: unknown, type: FieldType | undefined): string {
  return type === undefined ? displaySet(value) : cellText(value, type)
}

type Col = ColDef<FlagRow>

const textOf = (value: unknown): string => (value == null ? '' : String(value))

function flagColumn(colId: string, headerName: string, width: number, extra: Partial<Col>): Col {
  return { colId, headerName, initialWidth: width, sortable: isSortable(colId), ...extra }
}

/** A key or record column: highlighted when the row's rule names the field as conflicting. */
const conflictRules = (field: string): Col['cellClassRules'] => ({
  'cell-conflict': (params) => isConflicting(params.data, field),
})

export function flagColumns(): Col[] {
  return [
    flagColumn('rule', '规则', 220, {
      pinned: 'left',
      valueGetter: (p: ValueGetterParams<FlagRow>) => (p.data ? `${p.data.rule} ${p.data.ruleName}` : ''),
      tooltip: (p) => (p.data ? `${p.data.rule} ${p.data.ruleName}` : undefined),
    }),
    flagColumn('severity', '严重程度', 96, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => p.data?.severity,
      valueFormatter: (p: ValueFormatterParams<FlagRow>) => (p.value ? severityName(String(p.value)) : ''),
      cellClassRules: {
        'severity-error': (p) => p.data?.severity === 'error',
        'severity-warning': (p) => p.data?.severity === 'warning',
      },
    }),
    flagColumn('status', '状态', 90, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => p.data?.status,
      valueFormatter: (p: ValueFormatterParams<FlagRow>) => (p.value ? statusName(String(p.value)) : ''),
      cellClassRules: {
        'status-open': (p) => p.data?.status === 'open',
        'status-confirmed': (p) => p.data?.status === 'confirmed',
        'status-rectified': (p) => p.data?.status === 'rectified',
        'status-false-positive': (p) => p.data?.status === 'falsePositive',
      },
    }),
    flagColumn('caseNumber', '部门受案号', 230, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.key.部门受案号),
      cellClassRules: conflictRules('部门受案号'),
    }),
    flagColumn('suspectId', '嫌疑人编号', 150, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.key.嫌疑人编号),
      cellClassRules: conflictRules('嫌疑人编号'),
    }),
    flagColumn('suspectName', '嫌疑人姓名', 110, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => suspectName(p.data?.record),
      cellClassRules: conflictRules('嫌疑人姓名'),
    }),
    flagColumn('unit', '承办单位', 170, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.unit),
    }),
    flagColumn('prosecutor', '承办检察官', 110, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.prosecutor),
    }),
    flagColumn('message', '冲突说明', 340, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => p.data?.message ?? '',
      tooltip: (p) => p.data?.message || undefined,
    }),
    flagColumn('firstSeen', '首次发现', 150, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => formatTimestamp(p.data?.firstSeen),
    }),
    flagColumn('lastSeen', '最近发现', 150, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => formatTimestamp(p.data?.lastSeen),
    }),
    flagColumn('reviewer', '复核人', 90, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.reviewer),
      tooltip: (p) => (p.data?.reviewedAt ? `复核时间：${formatTimestamp(p.data.reviewedAt)}` : undefined),
    }),
    flagColumn('note', '备注', 160, {
      valueGetter: (p: ValueGetterParams<FlagRow>) => textOf(p.data?.note),
      tooltip: (p) => p.data?.note || undefined,
    }),
  ]
}

/** Wide enough for the Chinese header plus the menu icon; capped so long names do not dominate. */
const recordWidth = (name: string): number => Math.min(260, Math.max(110, name.length * 14 + 40))

export function recordColumn(field: string, typeOf: FieldTypeLookup): Col {
  return {
    colId: RECORD_COL_PREFIX + field,
    headerName: field,
    initialWidth: recordWidth(field),
    sortable: false,
    valueGetter: (p: ValueGetterParams<FlagRow>) => p.data?.record?.[field],
    valueFormatter: (p: ValueFormatterParams<FlagRow>) =>
      p.data ? recordCellText(p.value, typeOf(p.data.datasetId, field)) : '',
    cellClassRules: conflictRules(field),
  }
}

export function buildFlagColumns(recordFields: readonly string[], typeOf: FieldTypeLookup): Col[] {
  return [...flagColumns(), ...recordFields.map((field) => recordColumn(field, typeOf))]
}
