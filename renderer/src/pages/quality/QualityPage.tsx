/**
 * 数据质量: run the rule library, review the flags it raised (filter, bulk status changes with a
 * reviewer, 已核对清单), see them per rule / unit / prosecutor, and export the list.
 */
import { useCallback, useMemo, useState } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { FlagRow, RunSummary } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus } from '../../../../shared/quality/rule.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { BulkActions } from './BulkActions.tsx'
import { BulkAllAction } from './BulkAllAction.tsx'
import { ExportDialog } from './ExportDialog.tsx'
import { FlagFilterBar } from './FlagFilterBar.tsx'
import { FlagGrid } from './FlagGrid.tsx'
import type { FlagDatasourceHooks } from './flagDatasource.ts'
import { EMPTY_FILTER, isFiltered, pickValue, statsFilter, toContractFilter } from './flagFilter.ts'
import type { FlagFilterState } from './flagFilter.ts'
import { FlagPanel } from './FlagPanel.tsx'
import { QualitySidebar } from './QualitySidebar.tsx'
import { QualityToolbar } from './QualityToolbar.tsx'
import { flagCountText, updateNotice } from './qualityText.ts'
import { browserStorage, cleanReviewer, readReviewer, writeReviewer } from './reviewer.ts'
import { RunSummaryView } from './RunSummaryView.tsx'
import { useDatasetDetails } from './useDatasetDetails.ts'
import { useDebouncedValue } from './useDebouncedValue.ts'
import { WhitelistDialog } from './WhitelistDialog.tsx'

/** The filter survives a visit to the rule editor and back (module state, not persisted). */
let rememberedFilter: FlagFilterState = EMPTY_FILTER

export function QualityPage() {
  const [reviewerText, setReviewerText] = useState(() => readReviewer(browserStorage()))
  const reviewer = cleanReviewer(reviewerText)
  const [filter, setFilter] = useState<FlagFilterState>(() => rememberedFilter)
  const search = useDebouncedValue(filter.search, 300)
  const effective = useMemo(() => ({ ...filter, search }), [filter, search])
  const contractFilter = useMemo(() => toContractFilter(effective), [effective])

  const [version, setVersion] = useState(0)
  const rules = useApiData('rules/list', {}, version)
  const stats = useApiData('flags/stats', { filter: statsFilter(effective) }, version)
  const datasets = useDatasetDetails()

  const [gridApi, setGridApi] = useState<GridApi<FlagRow> | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [gridError, setGridError] = useState<EngineErrorData | null>(null)
  const [selected, setSelected] = useState<FlagRow[]>([])
  const [openFlag, setOpenFlag] = useState<FlagRow | null>(null)

  const [running, setRunning] = useState(false)
  const [summary, setSummary] = useState<RunSummary | null>(null)
  const [notice, setNotice] = useState('')
  const [actionError, setActionError] = useState<EngineErrorData | null>(null)
  const [toggling, setToggling] = useState<string | null>(null)
  const [panelBusy, setPanelBusy] = useState(false)
  const [dialog, setDialog] = useState<'whitelist' | 'export' | null>(null)

  const hooks = useMemo<FlagDatasourceHooks>(
    () => ({
      onTotal: (count) => {
        setTotal(count)
        setGridError(null)
      },
      // The open flag follows fresh data (status, reviewer) when its row is fetched again.
      onRows: (rows) => setOpenFlag((open) => (open && rows.find((row) => row.id === open.id)) ?? open),
      onError: setGridError,
    }),
    [],
  )

  const changeFilter = (next: FlagFilterState) => {
    rememberedFilter = next
    setFilter(next)
    setSelected([])
  }

  /** After anything that changes flags: counts, rule hits and the grid's rows. */
  const refresh = useCallback(() => {
    setVersion((n) => n + 1)
    setSelected([])
    gridApi?.deselectAll()
    gridApi?.refreshInfiniteCache()
  }, [gridApi])

  const report = (message: string) => {
    setNotice(message)
    setActionError(null)
    refresh()
  }
  const fail = (error: EngineErrorData) => {
    setActionError(error)
    setNotice('')
  }

  const runRules = async () => {
    setRunning(true)
    setNotice('')
    setActionError(null)
    try {
      setSummary(await call('flags/run', {}))
      refresh()
    } catch (caught) {
      fail(toErrorData(caught))
    } finally {
      setRunning(false)
    }
  }

  const toggleRule = async (id: string, enabled: boolean) => {
    setToggling(id)
    try {
      await call('rules/setEnabled', { id, enabled })
      rules.reload()
    } catch (caught) {
      fail(toErrorData(caught))
    } finally {
      setToggling(null)
    }
  }

  const setFlagStatus = async (flag: FlagRow, status: FlagStatus) => {
    setPanelBusy(true)
    try {
      const { updated } = await call('flags/update', { ids: [flag.id], status, reviewer })
      report(updateNotice(status, updated))
    } catch (caught) {
      fail(toErrorData(caught))
    } finally {
      setPanelBusy(false)
    }
  }

  const changeReviewer = (text: string) => {
    setReviewerText(text)
    writeReviewer(browserStorage(), text)
  }

  const ruleNames = useMemo(
    () => new Map((rules.data ?? []).map((rule) => [rule.id, rule.name])),
    [rules.data],
  )
  // Stable, so an Escape that closes the panel does not re-subscribe (and so skip) an open dialog's listener.
  const closePanel = useCallback(() => setOpenFlag(null), [])
  const closeDialog = useCallback(() => setDialog(null), [])
  const filtered = isFiltered(effective)

  return (
    <div className="page page-fill quality-page" data-testid="page-quality">
      <h1 className="page-title">数据质量</h1>
      <QualityToolbar
        running={running}
        onRun={() => void runRules()}
        reviewer={reviewerText}
        onReviewerChange={changeReviewer}
        onOpenWhitelist={() => setDialog('whitelist')}
        onOpenExport={() => setDialog('export')}
      />
      {summary && <RunSummaryView summary={summary} ruleNames={ruleNames} onClose={() => setSummary(null)} />}
      {notice && (
        <div className="notice" role="status" data-testid="quality-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={actionError} />
      <div className="quality-body">
        <QualitySidebar
          rules={rules.data}
          rulesError={rules.error}
          onRetryRules={rules.reload}
          stats={stats.data}
          statsError={stats.error}
          filter={filter}
          onPickRule={(id, additive) =>
            changeFilter({ ...filter, rules: pickValue(filter.rules, id, additive) })
          }
          onPickUnit={(unit, additive) =>
            changeFilter({ ...filter, units: pickValue(filter.units, unit, additive) })
          }
          onPickProsecutor={(name, additive) =>
            changeFilter({ ...filter, prosecutors: pickValue(filter.prosecutors, name, additive) })
          }
          onToggleRule={(id, enabled) => void toggleRule(id, enabled)}
          toggling={toggling}
        />
        <section className="quality-main" aria-label="疑点记录">
          <FlagFilterBar
            filter={filter}
            onChange={changeFilter}
            rules={rules.data ?? []}
            stats={stats.data}
          />
          <div className="flag-count-line">
            <span className="record-count" data-testid="flag-count" data-count={total ?? ''}>
              {total !== null ? flagCountText(total, filtered) : gridError ? '未能读取疑点' : '正在读取疑点…'}
            </span>
            <span className="toolbar-spacer" />
            <span className="legend">
              <span className="conflict-swatch" aria-hidden="true" />
              冲突字段
            </span>
            <BulkAllAction
              reviewer={reviewer}
              filter={contractFilter}
              total={total}
              onDone={report}
              onError={fail}
            />
          </div>
          <BulkActions selected={selected} reviewer={reviewer} onDone={report} onError={fail} />
          <ErrorMessage error={gridError} onRetry={() => gridApi?.refreshInfiniteCache()} />
          <div className="grid-area">
            <FlagGrid
              filter={contractFilter}
              typeOf={datasets.typeOf}
              hooks={hooks}
              onOpen={setOpenFlag}
              onSelection={setSelected}
              onReady={setGridApi}
            />
            {openFlag !== null && (
              <FlagPanel
                key={openFlag.id}
                flag={openFlag}
                dataset={datasets.details.get(openFlag.datasetId)}
                onSetStatus={reviewer === '' ? null : (status) => void setFlagStatus(openFlag, status)}
                busy={panelBusy}
                onClose={closePanel}
              />
            )}
          </div>
          <p className="muted small hint">勾选疑点后批量更改状态；双击一行查看完整记录；点击列标题排序。</p>
        </section>
      </div>
      {dialog === 'whitelist' && <WhitelistDialog onChanged={refresh} onClose={closeDialog} />}
      {dialog === 'export' && (
        <ExportDialog filter={contractFilter} filtered={filtered} onDone={setNotice} onClose={closeDialog} />
      )}
    </div>
  )
}
