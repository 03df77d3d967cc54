/**
 * The warning centre's toolbar: period, unit scope (every unit, or one 市院 with its 基层院), kind and
 * severity chips with their counts, indicator theme/tag, 显示已确认 and 含样本过少 toggles, thresholds.
 */
import { useMemo } from 'react'
import {
  ANOMALY_KINDS,
  SEVERITIES,
  SEVERITY_NAMES,
  type AnomalyKind,
  type Severity,
} from '../../../../shared/anomalies/model.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { PeriodPicker } from '../indicators/PeriodPicker.tsx'
import { SEVERITY_TITLES, topicOptions, unitScopes } from './alertsView.ts'
import type { AlertCounts, AlertFilters } from './alertsView.ts'
import { toggleIn } from './thresholdForm.ts'

interface AlertsToolbarProps {
  period: string
  coverage: { first: string; last: string } | null
  onPeriod: (period: string) => void
  units: readonly UnitSummary[]
  unit: string | null
  onUnit: (code: string | null) => void
  indicators: readonly IndicatorSummary[]
  filters: AlertFilters
  onFilters: (filters: AlertFilters) => void
  counts: AlertCounts
  onOpenThresholds: () => void
}

const KIND_TITLES: Record<AnomalyKind, string> = {
  升降: '同比或环比变动超过阈值，且超出该院通常的波动',
  空白: '该院通常有数据，本期却为空白（或分母为0）',
  离群: '明显偏离同级院的中位数（稳健z值）',
  季节异常: '超出按该院往年同期推算的预期区间',
}

export function AlertsToolbar(props: AlertsToolbarProps) {
  const { filters, counts } = props
  const scopes = useMemo(() => unitScopes(props.units), [props.units])
  const topics = useMemo(() => topicOptions(props.indicators), [props.indicators])
  const set = (patch: Partial<AlertFilters>) => props.onFilters({ ...filters, ...patch })

  return (
    <div className="toolbar alerts-toolbar" data-testid="alerts-toolbar">
      <div className="toolbar-row">
        <PeriodPicker value={props.period} coverage={props.coverage} onChange={props.onPeriod} />
        <label className="inline-field">
          <span className="field-label">单位</span>
          <select
            className="select small"
            value={props.unit ?? ''}
            onChange={(event) => props.onUnit(event.target.value === '' ? null : event.target.value)}
            aria-label="单位范围"
            data-testid="alerts-unit"
          >
            {scopes.map((scope) => (
              <option key={scope.code ?? ''} value={scope.code ?? ''}>
                {scope.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span className="field-label">指标</span>
          <select
            className="select small topic-select"
            value={filters.topic ?? ''}
            onChange={(event) => set({ topic: event.target.value === '' ? null : event.target.value })}
            aria-label="指标主题或标签"
            data-testid="alerts-topic"
          >
            <option value="">全部指标</option>
            <optgroup label="按主题">
              {topics.themes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </optgroup>
            {topics.tags.length > 0 && (
              <optgroup label="按标签">
                {topics.tags.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button small"
          onClick={props.onOpenThresholds}
          data-testid="alerts-thresholds"
        >
          预警阈值
        </button>
      </div>
      <div className="toolbar-row">
        <span className="field-label">类型</span>
        <div className="chip-row" role="group" aria-label="预警类型">
          {ANOMALY_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={filters.kinds.includes(kind) ? 'chip on' : 'chip'}
              aria-pressed={filters.kinds.includes(kind)}
              title={KIND_TITLES[kind]}
              onClick={() => set({ kinds: toggleIn(filters.kinds, kind, ANOMALY_KINDS) })}
              data-testid={`alerts-kind-${kind}`}
              data-count={counts.byKind[kind]}
            >
              {kind}
              <span className="chip-count">{counts.byKind[kind]}</span>
            </button>
          ))}
        </div>
        <span className="field-label">程度</span>
        <div className="chip-row" role="group" aria-label="严重程度">
          {SEVERITIES.map((severity: Severity) => (
            <button
              key={severity}
              type="button"
              className={
                filters.severities.includes(severity)
                  ? `chip on sev-chip-${severity}`
                  : `chip sev-chip-${severity}`
              }
              aria-pressed={filters.severities.includes(severity)}
              title={SEVERITY_TITLES[severity]}
              onClick={() => set({ severities: toggleIn(filters.severities, severity, SEVERITIES) })}
              data-testid={`alerts-severity-${severity}`}
              data-count={counts.bySeverity[severity]}
            >
              <span className={`sev-dot sev-${severity}`} aria-hidden="true" />
              {SEVERITY_NAMES[severity]}
              <span className="chip-count">{counts.bySeverity[severity]}</span>
            </button>
          ))}
        </div>
        {(filters.kinds.length > 0 || filters.severities.length > 0 || filters.topic !== null) && (
          <button
            type="button"
            className="button link small"
            onClick={() => set({ kinds: [], severities: [], topic: null })}
          >
            清除筛选
          </button>
        )}
        <span className="toolbar-spacer" />
        <label className="check-field" title="已确认的预警默认隐藏">
          <input
            type="checkbox"
            checked={filters.showAcknowledged}
            onChange={(event) => set({ showAcknowledged: event.target.checked })}
            data-testid="alerts-show-acknowledged"
          />
          显示已确认
          {counts.acknowledged > 0 && <span className="muted small">（{counts.acknowledged}）</span>}
        </label>
        <label className="check-field" title="样本过少、基数效应等未作预警的候选项，以灰色列在最后">
          <input
            type="checkbox"
            checked={filters.showSuppressed}
            onChange={(event) => set({ showSuppressed: event.target.checked })}
            data-testid="alerts-show-suppressed"
          />
          含样本过少
          {counts.suppressed > 0 && <span className="muted small">（{counts.suppressed}）</span>}
        </label>
      </div>
    </div>
  )
}
