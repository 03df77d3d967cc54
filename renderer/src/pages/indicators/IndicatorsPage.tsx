/**
 * 指标分析: the indicator catalogue, the 单位 × 指标 matrix for a period, and for the focused indicator
 * and unit the detail, trend, ranking and 组合评价 charts; every figure drills down to its records.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { CellDetail } from './CellDetail.tsx'
import { cellKey, defaultPair, groupUnits, indexResults, resultsByIndicator } from './chartData.ts'
import { ComboScatter } from './ComboScatter.tsx'
import { DrillDialog } from './DrillDialog.tsx'
import type { DrillPart, DrillTarget } from './DrillDialog.tsx'
import { ExportDefinitionsDialog } from './ExportDefinitionsDialog.tsx'
import { IndicatorCatalogue } from './IndicatorCatalogue.tsx'
import { IndicatorMatrix } from './IndicatorMatrix.tsx'
import { IndicatorToolbar } from './IndicatorToolbar.tsx'
import { periodLabel } from './indicatorText.ts'
import { MatrixLegend } from './MatrixLegend.tsx'
import { defaultPeriod } from './periodPicker.ts'
import { RankingChart } from './RankingChart.tsx'
import { effectiveColumns, indicatorsToCompute, INITIAL_STATE, toggleColumn } from './selection.ts'
import type { DashboardState } from './selection.ts'
import { TrendChart } from './TrendChart.tsx'
import { orderUnits } from './unitTree.ts'
import { useOptionalApiData } from './useOptionalApiData.ts'

const NO_RESULTS: ReadonlyMap<string, IndicatorResult> = new Map()

/** The view survives a visit to the builder and back (module state, not persisted). */
let remembered: DashboardState = INITIAL_STATE

export function IndicatorsPage() {
  const [version, setVersion] = useState(0)
  const list = useApiData('indicator/list', {}, version)
  const units = useApiData('units/list', {})
  const changed = useCallback(() => setVersion((n) => n + 1), [])
  const indicators = list.data
  const unitList = units.data

  return (
    <div className="page page-fill indicators-page" data-testid="page-indicators">
      <h1 className="page-title">指标分析</h1>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      <ErrorMessage error={units.error} onRetry={units.reload} />
      {(!indicators || !unitList) && !list.error && !units.error && <p className="muted">正在读取指标库…</p>}
      {indicators && unitList && unitList.length === 0 && (
        <div className="notice-empty" data-testid="indicators-empty">
          工作区还没有单位层级。请先在 <a href="#/import">数据导入</a> 导入案卡数据，或创建演示数据。
        </div>
      )}
      {indicators && unitList && unitList.length > 0 && (
        <Dashboard indicators={indicators} units={unitList} refreshKey={version} onListChanged={changed} />
      )}
    </div>
  )
}

interface DashboardProps {
  indicators: readonly IndicatorSummary[]
  units: readonly UnitSummary[]
  refreshKey: number
  onListChanged: () => void
}

function Dashboard({ indicators, units, refreshKey, onListChanged }: DashboardProps) {
  const [state, setState] = useState<DashboardState>(() => remembered)
  useEffect(() => {
    remembered = state
  }, [state])
  const update = useCallback((patch: Partial<DashboardState>) => setState((s) => ({ ...s, ...patch })), [])

  const ids = useMemo(() => indicators.map((i) => i.id), [indicators])
  const byId = useMemo(() => new Map(indicators.map((i) => [i.id, i])), [indicators])
  const rows = useMemo(() => orderUnits(units), [units])
  const columns = effectiveColumns(state.columns, indicators)
  const focusId =
    state.indicator !== null && byId.has(state.indicator) ? state.indicator : (columns[0] ?? ids[0])
  const focus = focusId === undefined ? undefined : byId.get(focusId)
  const unitCode =
    state.unit !== null && units.some((u) => u.code === state.unit) ? state.unit : rows[0].unit.code
  const pairId =
    state.pair !== null && byId.has(state.pair) && state.pair !== focusId
      ? state.pair
      : defaultPair(focus, indicators)
  const pair = pairId === null ? undefined : byId.get(pairId)

  // The default period needs the data's coverage: a cheap probe (one indicator, one unit) finds it.
  const fallbackPeriod = `${new Date().getFullYear() - 1}`
  const probe = useOptionalApiData(
    'indicator/compute',
    state.period === null && ids.length > 0
      ? { period: fallbackPeriod, indicators: [ids[0]], units: [rows[0].unit.code] }
      : null,
  )
  const autoPeriod = probe.data
    ? defaultPeriod(probe.data.coverage, new Date())
    : probe.error
      ? fallbackPeriod
      : null
  const period = state.period ?? autoPeriod

  const computeIds = indicatorsToCompute(columns, [focusId ?? null, pairId], ids)
  const compute = useOptionalApiData(
    'indicator/compute',
    period !== null && computeIds.length > 0
      ? {
          period,
          indicators: computeIds,
          own: state.own,
          excludeFlagged: state.excludeFlagged,
          withClean: state.withClean,
        }
      : null,
    refreshKey,
  )
  const computed = compute.data
  const coverage = computed?.coverage ?? probe.data?.coverage ?? null
  const results = useMemo(() => indexResults(computed?.results ?? []), [computed])
  const byIndicator = useMemo(() => resultsByIndicator(computed?.results ?? []), [computed])
  const focusResults = byIndicator.get(focusId ?? '') ?? NO_RESULTS
  const pairResults = byIndicator.get(pairId ?? '') ?? NO_RESULTS
  const focusResult = focusId === undefined ? undefined : results.get(cellKey(unitCode, focusId))
  const margins = state.withClean ? state.margins : null

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(
    () => new Set(rows.filter((r) => r.depth > 0 && r.children > 0).map((r) => r.unit.code)),
  )
  const [drill, setDrill] = useState<DrillTarget | null>(null)
  const [notice, setNotice] = useState('')
  const [actionError, setActionError] = useState<EngineErrorData | null>(null)
  const [savingDirection, setSavingDirection] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)
  const [deleting, setDeleting] = useState<IndicatorSummary | null>(null)
  const [deleteBusy, setDeleteBusy] = useState(false)
  const [exportOpen, setExportOpen] = useState(false)

  const unitName = units.find((u) => u.code === unitCode)?.name ?? unitCode
  const compared = useMemo(() => groupUnits(units, unitCode, state.group), [units, unitCode, state.group])

  const focusUnit = (code: string) => {
    update({ unit: code })
    // A unit focused from a chart shows in the matrix even when its 市院 is collapsed.
    const parent = units.find((u) => u.code === code)?.parent
    if (parent && collapsed.has(parent)) setCollapsed(new Set([...collapsed].filter((c) => c !== parent)))
  }
  const focusIndicator = (id: string) =>
    update({ indicator: id, columns: columns.includes(id) ? columns : [...columns, id] })
  const openDrill = (result: IndicatorResult, part: DrillPart) => {
    update({ unit: result.unit, indicator: result.indicator })
    setDrill({ result, part })
  }
  const closeDrill = useCallback(() => setDrill(null), [])
  const fail = (caught: unknown) => {
    setActionError(toErrorData(caught))
    setNotice('')
  }

  const setDirection = async (id: string, direction: Direction | null) => {
    setSavingDirection(id)
    try {
      await call('indicator/setDirection', { id, direction })
      onListChanged()
    } catch (caught) {
      fail(caught)
    } finally {
      setSavingDirection(null)
    }
  }

  const importFile = async (file: File) => {
    setImporting(true)
    setActionError(null)
    try {
      const { saved } = await call('indicator/import', { text: await file.text() })
      setNotice(
        `已从 ${file.name} 导入 ${saved.length} 个指标定义${saved.length ? `：${saved.join('、')}` : ''}`,
      )
      onListChanged()
    } catch (caught) {
      fail(caught)
    } finally {
      setImporting(false)
    }
  }

  const deleteIndicator = async (indicator: IndicatorSummary) => {
    setDeleteBusy(true)
    try {
      await call('indicator/delete', { id: indicator.id })
      setNotice(`已删除指标“${indicator.name}”`)
      setActionError(null)
      update({ columns: columns.filter((c) => c !== indicator.id) })
      onListChanged()
    } catch (caught) {
      fail(caught)
    } finally {
      setDeleteBusy(false)
      setDeleting(null)
    }
  }

  const columnIndicators = columns.map((id) => byId.get(id)).filter((i): i is IndicatorSummary => !!i)
  const allCollapsible = rows.filter((r) => r.depth > 0 && r.children > 0).map((r) => r.unit.code)

  return (
    <>
      {period === null && <p className="muted">正在确定数据覆盖的期间…</p>}
      {period !== null && (
        <IndicatorToolbar
          period={period}
          coverage={coverage}
          onPeriod={(next) => update({ period: next })}
          own={state.own}
          onOwn={(own) => update({ own })}
          excludeFlagged={state.excludeFlagged}
          onExcludeFlagged={(excludeFlagged) => update({ excludeFlagged })}
          withClean={state.withClean}
          onWithClean={(withClean) => update({ withClean })}
          margins={state.margins}
          onMargins={(next) => update({ margins: next })}
          importing={importing}
          onImportFile={(file) => void importFile(file)}
          onOpenExport={() => setExportOpen(true)}
        />
      )}
      {notice && (
        <div className="notice" role="status" data-testid="indicators-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={actionError} />
      <div className="indicators-body">
        <IndicatorCatalogue
          indicators={indicators}
          columns={columns}
          focus={focusId ?? null}
          onToggleColumn={(id) => update({ columns: toggleColumn(columns, id) })}
          onFocus={focusIndicator}
          onSetDirection={(id, direction) => void setDirection(id, direction)}
          savingDirection={savingDirection}
          onDelete={setDeleting}
        />
        <div className="indicators-main">
          <ErrorMessage error={compute.error} onRetry={compute.reload} />
          <section className="section matrix-section">
            <header className="section-header">
              <h2>
                单位 × 指标
                {period !== null && <span className="period-label"> · {periodLabel(period)}</span>}
                {state.own && <span className="muted small">（仅本院）</span>}
                {state.excludeFlagged && <span className="muted small">（已剔除存疑数据）</span>}
              </h2>
              <div className="section-actions">
                <span className="muted small" data-testid="compute-status">
                  {period === null || compute.loading
                    ? '正在计算…'
                    : computed
                      ? `${computed.results.length} 项，用时 ${computed.elapsedMs} 毫秒`
                      : ''}
                </span>
                <button type="button" className="button link small" onClick={() => setCollapsed(new Set())}>
                  全部展开
                </button>
                <button
                  type="button"
                  className="button link small"
                  onClick={() => setCollapsed(new Set(allCollapsible))}
                >
                  收起基层院
                </button>
              </div>
            </header>
            {coverage && computed?.results.some((r) => r.partial) && (
              <p className="muted small coverage-note">
                数据覆盖 {coverage.first} 至 {coverage.last}；标 * 的数值所在期间超出覆盖范围，可能不完整。
              </p>
            )}
            {columnIndicators.length === 0 ? (
              <p className="muted">请在左侧指标目录中勾选要比较的指标。</p>
            ) : (
              <div className={compute.loading && computed ? 'matrix-layout stale' : 'matrix-layout'}>
                <IndicatorMatrix
                  rows={rows}
                  collapsed={collapsed}
                  onToggleCollapsed={(code) =>
                    setCollapsed(
                      collapsed.has(code)
                        ? new Set([...collapsed].filter((c) => c !== code))
                        : new Set([...collapsed, code]),
                    )
                  }
                  columns={columnIndicators}
                  results={results}
                  focusUnit={unitCode}
                  focusIndicator={focusId ?? null}
                  margins={margins}
                  onFocusUnit={focusUnit}
                  onFocusIndicator={focusIndicator}
                  onOpenCell={(result) => openDrill(result, 'numerator')}
                />
                <CellDetail indicator={focus} result={focusResult} margins={margins} onDrill={openDrill} />
              </div>
            )}
            <MatrixLegend withClean={state.withClean} />
          </section>
          {focus && period !== null && (
            <div className="chart-grid">
              <TrendChart
                indicator={focus}
                unit={unitCode}
                unitName={unitName}
                period={period}
                own={state.own}
                excludeFlagged={state.excludeFlagged}
              />
              <RankingChart
                indicator={focus}
                results={focusResults}
                units={compared}
                selected={unitCode}
                group={state.group}
                onGroup={(group) => update({ group })}
                onSelectUnit={focusUnit}
              />
              <ComboScatter
                x={focus}
                y={pair}
                indicators={indicators}
                onPair={(id) => update({ pair: id })}
                xResults={focusResults}
                yResults={pairResults}
                units={compared}
                selected={unitCode}
                group={state.group}
                onSelectUnit={focusUnit}
              />
            </div>
          )}
        </div>
      </div>
      {drill && (
        <DrillDialog
          key={`${drill.result.unit} ${drill.result.indicator} ${drill.part}`}
          target={drill}
          own={state.own}
          excludeFlagged={state.excludeFlagged}
          onClose={closeDrill}
        />
      )}
      {exportOpen && (
        <ExportDefinitionsDialog
          indicators={indicators}
          columns={columns}
          onDone={setNotice}
          onClose={() => setExportOpen(false)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="删除指标"
          confirmLabel="删除"
          busy={deleteBusy}
          onConfirm={() => void deleteIndicator(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            确定删除自定义指标“{deleting.name}”（{deleting.id}）吗？删除后可用导入定义恢复（如已导出）。
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
