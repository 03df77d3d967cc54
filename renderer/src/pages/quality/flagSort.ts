/**
 * The grid's sort model → the `flags/page` sort. Only the columns the contract can sort by are
 * sortable in the grid; their colIds are the contract's field names, so the mapping is a check.
 */
import type { SortModelItem } from 'ag-grid-community'
import type { ChannelArgs } from '../../../../shared/ipc/contract.ts'

export type FlagSort = NonNullable<ChannelArgs<'flags/page'>['sort']>
export type FlagSortField = FlagSort[number]['field']

export const SORTABLE_FIELDS: readonly FlagSortField[] = [
  'rule',
  'unit',
  'prosecutor',
  'status',
  'severity',
  'firstSeen',
  'lastSeen',
  'caseNumber',
]

/** The contract allows three sort keys. */
const MAX_SORT = 3

export const isSortable = (colId: string): colId is FlagSortField =>
  (SORTABLE_FIELDS as readonly string[]).includes(colId)

export function toFlagSort(sortModel: readonly SortModelItem[] | null | undefined): FlagSort {
  const sort: FlagSort = []
  for (const item of sortModel ?? []) {
    if (!isSortable(item.colId) || (item.sort !== 'asc' && item.sort !== 'desc')) continue
    sort.push({ field: item.colId, dir: item.sort })
  }
  return sort.slice(0, MAX_SORT)
}
