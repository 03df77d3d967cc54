/**
 * ag-grid's sort and filter models → the `records/page` query. The filter model is passed through as the
 * contract mirrors it; only what the engine cannot take is dropped: the row-number column, the empty
 * "choose an option" condition, options outside the contract (date presets) and unknown keys. Dates are
 * cut to `YYYY-MM-DD`, the form records store (ag-grid may append ` 00:00:00`).
 */
import type { SortModelItem } from 'ag-grid-community'
import type { ChannelArgs, FilterCondition } from '../../../../shared/ipc/contract.ts'

type PageArgs = ChannelArgs<'records/page'>
export type GridSort = NonNullable<PageArgs['sort']>
export type GridFilters = NonNullable<PageArgs['filters']>
export type GridQueryArgs = { datasetId: number; filters: GridFilters; sort: GridSort }

/** colId of the synthetic 序号 column: not a field, never sent to the engine. */
export const ROW_NUMBER_COL = '__row'

/** The filter options the engine implements (mirrors `filterCondition.type` in the contract). */
export const SUPPORTED_OPTIONS = {
  text: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  number: [
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ],
  date: [
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ],
} as const satisfies Record<FilterCondition['filterType'], readonly FilterCondition['type'][]>

/** The contract caps the sort at five keys. */
const MAX_SORT = 5

export function toSort(sortModel: readonly SortModelItem[] | null | undefined): GridSort {
  const sort: GridSort = []
  for (const item of sortModel ?? []) {
    if (item.colId === ROW_NUMBER_COL || (item.sort !== 'asc' && item.sort !== 'desc')) continue
    sort.push({ field: item.colId, dir: item.sort })
  }
  return sort.slice(0, MAX_SORT)
}

type Condition = GridFilters[string] & { type: string }

export function toFilters(filterModel: unknown): GridFilters {
  const filters: GridFilters = {}
  if (typeof filterModel !== 'object' || filterModel === null) return filters
  for (const [field, model] of Object.entries(filterModel as Record<string, unknown>)) {
    if (field === ROW_NUMBER_COL || typeof model !== 'object' || model === null) continue
    const filter = toColumnFilter(model as Record<string, unknown>)
    if (filter) filters[field] = filter
  }
  return filters
}

function toColumnFilter(model: Record<string, unknown>): GridFilters[string] | null {
  if (Array.isArray(model.conditions)) {
    const conditions = model.conditions
      .map((condition: unknown) =>
        typeof condition === 'object' && condition !== null
          ? toCondition(condition as Record<string, unknown>)
          : null,
      )
      .filter((condition): condition is FilterCondition => condition !== null)
    if (conditions.length === 0) return null
    if (conditions.length === 1) return conditions[0]
    return {
      filterType: conditions[0].filterType,
      operator: model.operator === 'OR' ? 'OR' : 'AND',
      conditions: conditions.slice(0, 4),
    }
  }
  return toCondition(model)
}

function toCondition(model: Record<string, unknown>): FilterCondition | null {
  const filterType = model.filterType
  if (filterType !== 'text' && filterType !== 'number' && filterType !== 'date') return null
  const options: readonly string[] = SUPPORTED_OPTIONS[filterType]
  if (typeof model.type !== 'string' || !options.includes(model.type)) return null
  const condition = { filterType, type: model.type } as Condition & FilterCondition
  if (typeof model.filter === 'string' || typeof model.filter === 'number') condition.filter = model.filter
  if (typeof model.filterTo === 'string' || typeof model.filterTo === 'number')
    condition.filterTo = model.filterTo
  if (typeof model.dateFrom === 'string') condition.dateFrom = calendarDate(model.dateFrom)
  if (typeof model.dateTo === 'string') condition.dateTo = calendarDate(model.dateTo)
  return condition
}

/** `2024-03-01 00:00:00` / `2024-03-01T00:00:00` → `2024-03-01`; anything else unchanged. */
export function calendarDate(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(value)
  return match ? match[1] : value
}
