/** One dataset: a toolbar (count, export, clear filters), the records grid and the record side panel. */
import { useCallback, useMemo, useState } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { DatasetDetail, RecordRow } from '../../../../shared/ipc/contract.ts'
import { call, unwrap } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { getApi } from '../../api/getApi.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { kindName } from '../../format/kind.ts'
import { formatCount } from '../../format/numbers.ts'
import type { DatasourceHooks } from './datasource.ts'
import { ROW_NUMBER_COL } from './gridQuery.ts'
import type { GridQueryArgs } from './gridQuery.ts'
import { DeleteDatasetButton } from './DeleteDatasetButton.tsx'
import { RecordPanel } from './RecordPanel.tsx'
import { RecordsGrid } from './RecordsGrid.tsx'
import { recordCountText, sameQuery } from './toolbarText.ts'

export function DatasetPage({ datasetId }: { datasetId: number }) {
  const detail = useApiData('dataset/get', { datasetId })
  return (
    <div className="page page-fill" data-testid="page-dataset">
      <nav className="breadcrumb">
        <a href="#/import">数据导入</a>
        <span aria-hidden="true"> / </span>
        <span>{detail.data?.name ?? '数据集'}</span>
      </nav>
      <ErrorMessage error={detail.error} onRetry={detail.reload} />
      {detail.loading && !detail.data && <p className="muted">正在读取数据集…</p>}
      {detail.data && <DatasetView dataset={detail.data} />}
    </div>
  )
}

function DatasetView({ dataset }: { dataset: DatasetDetail }) {
  const [total, setTotal] = useState<number | null>(null)
  const [query, setQuery] = useState<GridQueryArgs | null>(null)
  const [gridError, setGridError] = useState<EngineErrorData | null>(null)
  const [gridApi, setGridApi] = useState<GridApi<RecordRow> | null>(null)
  const [openRecord, setOpenRecord] = useState<number | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<EngineErrorData | null>(null)
  const [notice, setNotice] = useState('')

  const hooks = useMemo<DatasourceHooks>(
    () => ({
      onTotal: (count) => {
        setTotal(count)
        setGridError(null)
      },
      onError: setGridError,
      onQuery: (next) => setQuery((previous) => (sameQuery(previous, next) ? previous : next)),
    }),
    [],
  )
  const closePanel = useCallback(() => setOpenRecord(null), [])
  const filtered = query !== null && Object.keys(query.filters).length > 0

  const exportCsv = async () => {
    setExporting(true)
    setExportError(null)
    setNotice('')
    try {
      // Export what the analyst sees: the grid's filters and sort, its visible columns in their order.
      const fields = gridApi
        ?.getAllDisplayedColumns()
        .map((column) => column.getColId())
        .filter((id) => id !== ROW_NUMBER_COL)
      const current = query ?? { datasetId: dataset.id, filters: {}, sort: [] }
      const written = await call('records/exportCsv', { ...current, fields: fields?.slice(0, 500) })
      const saved = unwrap(await getApi().saveExport(written.file, written.name))
      if (saved.saved) setNotice(`已导出 ${formatCount(written.rows)} 条记录：${written.name}`)
    } catch (caught) {
      setExportError(toErrorData(caught))
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <header className="dataset-header">
        <h1 className="page-title">{dataset.name}</h1>
        <span className="badge">{kindName(dataset.kind)}</span>
        <span className="muted">
          {formatCount(dataset.fields.length)} 个字段
          {dataset.keyFields.length > 0 && ` · 记录键：${dataset.keyFields.join(' + ')}`}
        </span>
        <span className="toolbar-spacer" />
        <DeleteDatasetButton dataset={dataset} />
      </header>
      <div className="toolbar">
        <span className="record-count" data-testid="record-count" data-count={total ?? dataset.records}>
          {recordCountText(total ?? dataset.records, dataset.records, filtered)}
        </span>
        <span className="toolbar-spacer" />
        <span className="legend">
          <span className="raw-swatch" aria-hidden="true" />
          原始文本与存储值不同（悬停查看原文）
        </span>
        <button
          type="button"
          className="button"
          disabled={!filtered || !gridApi}
          onClick={() => gridApi?.setFilterModel(null)}
          data-testid="clear-filters"
        >
          清除筛选
        </button>
        <button
          type="button"
          className="button primary"
          disabled={exporting}
          onClick={() => void exportCsv()}
          data-testid="export-csv"
        >
          {exporting ? '正在导出…' : '导出 CSV（当前视图）'}
        </button>
      </div>
      {notice && (
        <div className="notice" role="status" data-testid="export-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={exportError} />
      <ErrorMessage error={gridError} onRetry={() => gridApi?.refreshInfiniteCache()} />
      <div className="grid-area">
        <RecordsGrid dataset={dataset} hooks={hooks} onOpenRecord={setOpenRecord} onReady={setGridApi} />
        {openRecord !== null && (
          <RecordPanel
            datasetId={dataset.id}
            recordId={openRecord}
            fields={dataset.fields}
            onClose={closePanel}
          />
        )}
      </div>
      <p className="muted small hint">双击一行查看完整记录；点击列标题排序，列标题菜单中可按条件筛选。</p>
    </>
  )
}
