/** The records of one dataset in ag-grid's infinite row model: 200-row blocks fetched on scroll. */
import { useMemo } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi, RowDoubleClickedEvent } from 'ag-grid-community'
import type { DatasetDetail, RecordRow } from '../../../../shared/ipc/contract.ts'
import { call } from '../../api/call.ts'
import { buildColumns } from './columns.ts'
import { createDatasource } from './datasource.ts'
import type { DatasourceHooks } from './datasource.ts'
import { exposeGrid, unexposeGrid } from './exposeGrid.ts'
import { GRID_MODULES, INFINITE_GRID_PROPS } from './gridSetup.ts'

interface RecordsGridProps {
  dataset: DatasetDetail
  /** Must be stable (memoised): a new object would recreate the datasource and reset the grid. */
  hooks: DatasourceHooks
  onOpenRecord: (recordId: number) => void
  onReady: (api: GridApi<RecordRow>) => void
}

const DEFAULT_COL_DEF = {
  sortable: true,
  resizable: true,
  // The infinite model has no data to infer types from; types come from field metadata instead.
  cellDataType: false,
  minWidth: 70,
} as const

export function RecordsGrid({ dataset, hooks, onOpenRecord, onReady }: RecordsGridProps) {
  const columnDefs = useMemo(
    () => buildColumns(dataset.fields, dataset.keyFields),
    [dataset.fields, dataset.keyFields],
  )
  const datasource = useMemo(
    () => createDatasource(dataset.id, (args) => call('records/page', args), hooks),
    [dataset.id, hooks],
  )

  return (
    <div className="records-grid" data-testid="records-grid">
      <AgGridReact<RecordRow>
        {...INFINITE_GRID_PROPS}
        modules={GRID_MODULES}
        datasource={datasource}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={(params) => String(params.data._id)}
        onGridReady={(event) => {
          exposeGrid(event.api)
          onReady(event.api)
        }}
        onGridPreDestroyed={(event) => unexposeGrid(event.api)}
        onRowDoubleClicked={(event: RowDoubleClickedEvent<RecordRow>) => {
          if (event.data) onOpenRecord(event.data._id)
        }}
      />
    </div>
  )
}
