/**
 * The flags in ag-grid's infinite row model (200-row blocks from flags/page). Record columns are added
 * as blocks reveal new fields, since rows of different rules come from different datasets.
 */
import { useCallback, useMemo, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi } from 'ag-grid-community'
import type { FlagFilter, FlagRow } from '../../../../shared/ipc/quality-contract.ts'
import { call } from '../../api/call.ts'
import { buildFlagColumns } from './flagColumns.ts'
import type { FieldTypeLookup } from './flagColumns.ts'
import { createFlagDatasource } from './flagDatasource.ts'
import type { FlagDatasourceHooks } from './flagDatasource.ts'
import { INFINITE_GRID_PROPS } from '../dataset/gridSetup.ts'
import { FLAG_GRID_MODULES, FLAG_ROW_SELECTION } from './flagGridSetup.ts'
import { exposeFlagGrid, unexposeFlagGrid } from './exposeFlagGrid.ts'
import { mergeRecordFields } from './highlight.ts'

interface FlagGridProps {
  filter: FlagFilter
  typeOf: FieldTypeLookup
  /** Must be stable (memoised): a new object would rebuild the datasource and reset the grid. */
  hooks: FlagDatasourceHooks
  onOpen: (flag: FlagRow) => void
  onSelection: (flags: FlagRow[]) => void
  onReady: (api: GridApi<FlagRow>) => void
}

const DEFAULT_COL_DEF = {
  resizable: true,
  // The infinite model has no data to infer types from, and every column formats its own values.
  cellDataType: false,
  minWidth: 60,
} as const

const SELECTION_COLUMN = { pinned: 'left', width: 44, maxWidth: 44 } as const

export function FlagGrid({ filter, typeOf, hooks, onOpen, onSelection, onReady }: FlagGridProps) {
  const [recordFields, setRecordFields] = useState<string[]>([])
  const columnDefs = useMemo(() => buildFlagColumns(recordFields, typeOf), [recordFields, typeOf])
  const filterJson = JSON.stringify(filter)

  const datasource = useMemo(
    () =>
      createFlagDatasource(JSON.parse(filterJson) as FlagFilter, (args) => call('flags/page', args), {
        ...hooks,
        onRows: (rows) => {
          setRecordFields((known) => mergeRecordFields(known, rows))
          hooks.onRows(rows)
        },
      }),
    [filterJson, hooks],
  )

  const onSelectionChanged = useCallback(
    (event: { api: GridApi<FlagRow> }) => onSelection(event.api.getSelectedRows()),
    [onSelection],
  )

  return (
    <div className="records-grid flag-grid" data-testid="flag-grid">
      <AgGridReact<FlagRow>
        {...INFINITE_GRID_PROPS}
        modules={FLAG_GRID_MODULES}
        datasource={datasource}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        rowSelection={FLAG_ROW_SELECTION}
        selectionColumnDef={SELECTION_COLUMN}
        getRowId={(params) => String(params.data.id)}
        onGridReady={(event) => {
          exposeFlagGrid(event.api)
          onReady(event.api)
        }}
        onGridPreDestroyed={(event) => unexposeFlagGrid(event.api)}
        onSelectionChanged={onSelectionChanged}
        onRowDoubleClicked={(event) => {
          if (event.data) onOpen(event.data)
        }}
      />
    </div>
  )
}
