/** The records behind one measure, in the dataset's columns (infinite row model over `records/page`). */
import { useMemo, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { RecordRow } from '../../../../shared/ipc/contract.ts'
import type { MeasureScope } from '../../../../shared/ipc/indicator-contract.ts'
import { call } from '../../api/call.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatCount } from '../../format/numbers.ts'
import { buildColumns } from '../dataset/columns.ts'
import { GRID_MODULES, INFINITE_GRID_PROPS } from '../dataset/gridSetup.ts'
import { createDrillDatasource } from './drillDatasource.ts'
import type { DrillHooks } from './drillDatasource.ts'

const DEFAULT_COL_DEF = { sortable: true, resizable: true, cellDataType: false, minWidth: 70 } as const

export function DrillGrid({ datasetId, scope }: { datasetId: number; scope: MeasureScope }) {
  const dataset = useApiData('dataset/get', { datasetId })
  const [total, setTotal] = useState<number | null>(null)
  const [gridError, setGridError] = useState<EngineErrorData | null>(null)
  const hooks = useMemo<DrillHooks>(
    () => ({
      onTotal: (count) => {
        setTotal(count)
        setGridError(null)
      },
      onError: setGridError,
    }),
    [],
  )
  const scopeJson = JSON.stringify(scope)
  const datasource = useMemo(
    () =>
      createDrillDatasource(
        datasetId,
        JSON.parse(scopeJson) as MeasureScope,
        (args) => call('records/page', args),
        hooks,
      ),
    [datasetId, scopeJson, hooks],
  )
  const columnDefs = useMemo(
    () => (dataset.data ? buildColumns(dataset.data.fields, dataset.data.keyFields) : []),
    [dataset.data],
  )

  return (
    <div className="drill-grid-wrap">
      <div className="drill-grid-head">
        <span className="record-count" data-testid="drill-count" data-count={total ?? ''}>
          {total === null ? '正在读取记录…' : `共 ${formatCount(total)} 条记录`}
        </span>
        {dataset.data && <span className="muted small">数据集：{dataset.data.name}</span>}
      </div>
      <ErrorMessage error={dataset.error} onRetry={dataset.reload} />
      <ErrorMessage error={gridError} />
      <div className="drill-grid" data-testid="drill-grid">
        {dataset.data && (
          <AgGridReact<RecordRow>
            {...INFINITE_GRID_PROPS}
            modules={GRID_MODULES}
            datasource={datasource}
            columnDefs={columnDefs}
            defaultColDef={DEFAULT_COL_DEF}
            getRowId={(params) => String(params.data._id)}
          />
        )}
      </div>
    </div>
  )
}
