/**
 * 异常预警: the warnings of a period (anomaly/list) for every indicator × unit or one 市院 and its
 * 基层院, filtered by kind, severity and indicator theme/tag; a selected warning opens its detail —
 * explanation, the trend with the forecast, and the root cause (anomaly/explain) with the records behind
 * each part — and can be acknowledged with a note (anomaly/acknowledge). Thresholds: anomaly/settings.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Acknowledgement, AnomalyWarning } from '../../../../shared/ipc/anomaly-contract.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { periodLabel } from '../indicators/indicatorText.ts'
import { defaultPeriod } from '../indicators/periodPicker.ts'
import { useOptionalApiData } from '../indicators/useOptionalApiData.ts'
import { AcknowledgeDialog } from './AcknowledgeDialog.tsx'
import { AlertDetail } from './AlertDetail.tsx'
import { AlertList } from './AlertList.tsx'
import { AlertsToolbar } from './AlertsToolbar.tsx'
import { countWarnings, filterWarnings, INITIAL_FILTERS, withAcknowledgements } from './alertsView.ts'
import type { AlertFilters } from './alertsView.ts'
import { ThresholdsDialog } from './ThresholdsDialog.tsx'

/** The most warnings one request returns (the engine's cap is 10,000). */
const LIST_LIMIT = 2000

interface AlertsState {
  period: string | null
  /** A 市院 whose 基层院 are included; null: every unit. */
  unit: string | null
  filters: AlertFilters
  selected: string | null
}

/** The view survives a visit to another page and back (module state, not persisted). */
let remembered: AlertsState = { period: null, unit: null, filters: INITIAL_FILTERS, selected: null }

export function AlertsPage() {
  const [version, setVersion] = useState(0)
  const list = useApiData('indicator/list', {}, version)
  const units = useApiData('units/list', {})
  const indicators = list.data
  const unitList = units.data
  return (
    <div className="page alerts-page" data-testid="page-alerts">
      <h1 className="page-title">异常预警</h1>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      <ErrorMessage error={units.error} onRetry={units.reload} />
      {(!indicators || !unitList) && !list.error && !units.error && <p className="muted">正在读取指标库…</p>}
      {indicators && unitList && unitList.length === 0 && (
        <div className="notice-empty" data-testid="alerts-empty">
          工作区还没有单位层级。请先在 <a href="#/import">数据导入</a> 导入案卡数据，或创建演示数据。
        </div>
      )}
      {indicators && unitList && unitList.length > 0 && (
        <WarningCentre
          indicators={indicators}
          units={unitList}
          onSettingsSaved={() => setVersion((n) => n + 1)}
          refreshKey={version}
        />
      )}
    </div>
  )
}

interface WarningCentreProps {
  indicators: readonly IndicatorSummary[]
  units: readonly UnitSummary[]
  refreshKey: number
  onSettingsSaved: () => void
}

function WarningCentre({ indicators, units, refreshKey, onSettingsSaved }: WarningCentreProps) {
  const [state, setState] = useState<AlertsState>(() => remembered)
  useEffect(() => {
    remembered = state
  }, [state])
  const update = useCallback((patch: Partial<AlertsState>) => setState((s) => ({ ...s, ...patch })), [])

  const byId = useMemo(() => new Map(indicators.map((i) => [i.id, i])), [indicators])
  const unitCode = state.unit !== null && units.some((u) => u.code === state.unit) ? state.unit : null

  // The default period needs the data's coverage: a cheap probe (one indicator, one unit) finds it.
  const fallbackPeriod = `${new Date().getFullYear() - 1}`
  const probe = useOptionalApiData(
    'indicator/compute',
    state.period === null && indicators.length > 0
      ? { period: fallbackPeriod, indicators: [indicators[0].id], units: [units[0].code] }
      : null,
  )
  const autoPeriod = probe.data
    ? defaultPeriod(probe.data.coverage, new Date())
    : probe.error || indicators.length === 0
      ? fallbackPeriod
      : null
  const period = state.period ?? autoPeriod

  const warnings = useOptionalApiData(
    'anomaly/list',
    period === null
      ? null
      : {
          period,
          ...(unitCode === null ? {} : { unit: unitCode }),
          includeAcknowledged: true,
          includeSuppressed: true,
          limit: LIST_LIMIT,
        },
    refreshKey,
  )
  // After a failed request (a period outside the data) the previous period's list is not shown under the new one.
  const result = warnings.error ? undefined : warnings.data
  const coverage = result?.coverage ?? probe.data?.coverage ?? null

  // Acknowledgements made here, applied at once (the list is not recomputed for them).
  const [acks, setAcks] = useState<ReadonlyMap<string, Acknowledgement | null>>(new Map())
  const all = useMemo(() => withAcknowledgements(result?.warnings ?? [], acks), [result, acks])
  const shown = useMemo(() => filterWarnings(all, state.filters, byId), [all, state.filters, byId])
  const counts = useMemo(() => countWarnings(all, state.filters, byId), [all, state.filters, byId])
  const selected = all.find((w) => w.id === state.selected) ?? null
  const [acknowledging, setAcknowledging] = useState<AnomalyWarning | null>(null)
  const [thresholdsOpen, setThresholdsOpen] = useState(false)
  const [notice, setNotice] = useState('')

  const acknowledged = (warning: AnomalyWarning, ack: Acknowledgement | null) => {
    setAcks((previous) => new Map(previous).set(warning.id, ack))
    setAcknowledging(null)
    setNotice(
      ack === null
        ? `已撤销对“${warning.unitName} · ${warning.name}”的确认。`
        : state.filters.showAcknowledged
          ? `已确认“${warning.unitName} · ${warning.name}”。`
          : `已确认“${warning.unitName} · ${warning.name}”，该项已从列表中隐藏（勾选“显示已确认”可查看）。`,
    )
  }

  return (
    <>
      {period === null && <p className="muted">正在确定数据覆盖的期间…</p>}
      {period !== null && (
        <AlertsToolbar
          period={period}
          coverage={coverage}
          onPeriod={(next) => {
            update({ period: next, selected: null })
            setNotice('')
          }}
          units={units}
          unit={unitCode}
          onUnit={(code) => update({ unit: code, selected: null })}
          indicators={indicators}
          filters={state.filters}
          onFilters={(filters) => update({ filters })}
          counts={counts}
          onOpenThresholds={() => setThresholdsOpen(true)}
        />
      )}
      {notice && (
        <div className="notice" role="status" data-testid="alerts-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={warnings.error} onRetry={warnings.reload} />
      {period !== null && (
        <section className="section alerts-list-section">
          <header className="section-header">
            <h2>
              预警列表<span className="period-label"> · {result?.periodLabel ?? periodLabel(period)}</span>
            </h2>
            <div className="section-actions">
              <span className="muted small" data-testid="alerts-status">
                {warnings.loading
                  ? '正在检测…'
                  : result
                    ? `检测 ${result.examined.toLocaleString('zh-CN')} 个指标数值，用时 ${(result.elapsedMs / 1000).toFixed(1)} 秒`
                    : ''}
              </span>
            </div>
          </header>
          {result && (
            <p className="muted small alerts-summary" data-testid="alerts-summary">
              {`显示 ${counts.warnings} 项预警`}
              {state.filters.showSuppressed &&
                counts.suppressed > 0 &&
                `，另列 ${counts.suppressed} 项未预警（样本过少等，灰色）`}
              {!state.filters.showAcknowledged &&
                counts.acknowledged > 0 &&
                `；${counts.acknowledged} 项已确认未显示`}
              {result.partial &&
                result.coverage &&
                `；数据覆盖至 ${result.coverage.last}，本期只比较已覆盖的月份`}
              {result.warnings.length >= LIST_LIMIT && `；仅列出最重要的 ${LIST_LIMIT} 项`}
            </p>
          )}
          <AlertList
            warnings={shown}
            months={result?.sparklineMonths ?? []}
            loading={warnings.loading}
            selected={selected?.id ?? null}
            onSelect={(warning) => update({ selected: warning.id })}
            onAcknowledge={setAcknowledging}
          />
        </section>
      )}
      {selected && result && (
        <AlertDetail
          key={selected.id}
          warning={selected}
          indicator={byId.get(selected.indicator)}
          units={units}
          coverage={result.coverage}
          onAcknowledge={() => setAcknowledging(selected)}
          onClose={() => update({ selected: null })}
        />
      )}
      {acknowledging && (
        <AcknowledgeDialog
          warning={acknowledging}
          onDone={(ack) => acknowledged(acknowledging, ack)}
          onClose={() => setAcknowledging(null)}
        />
      )}
      {thresholdsOpen && (
        <ThresholdsDialog
          indicators={indicators}
          initialIndicator={selected?.indicator ?? null}
          onSaved={() => {
            setNotice('预警阈值已保存，列表已按新阈值重新检测。')
            onSettingsSaved()
          }}
          onClose={() => setThresholdsOpen(false)}
        />
      )}
    </>
  )
}
