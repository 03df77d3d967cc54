/**
 * One warning in full: the engine's explanation, the figures behind it, its acknowledgement, the trend
 * with the forecast band, and the root cause of the change (RootCause).
 */
import { COMPARISON_NAMES } from '../../../../shared/anomalies/model.ts'
import type { AnomalyWarning } from '../../../../shared/ipc/anomaly-contract.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { DIRECTION_NAMES } from '../../../../shared/indicators/model.ts'
import { countText, periodLabel } from '../indicators/indicatorText.ts'
import { TrendChart } from '../indicators/TrendChart.tsx'
import {
  acknowledgementText,
  baselineText,
  changeLabel,
  deltaText,
  MOVEMENT_ARROWS,
  movementTone,
  severityText,
  severityTone,
  SEVERITY_TITLES,
  shareText,
  trendThrough,
  zText,
} from './alertsView.ts'
import { RootCause } from './RootCause.tsx'

interface AlertDetailProps {
  warning: AnomalyWarning
  indicator: IndicatorSummary | undefined
  units: readonly UnitSummary[]
  coverage: { first: string; last: string } | null
  onAcknowledge: () => void
  onClose: () => void
}

export function AlertDetail({
  warning: w,
  indicator,
  units,
  coverage,
  onAcknowledge,
  onClose,
}: AlertDetailProps) {
  const tone = severityTone(w)
  const ratio = w.denominator !== null
  return (
    <section className="section alert-detail" data-testid="alert-detail" data-id={w.id} aria-label="预警详情">
      <header className="section-header">
        <h2>
          <span className={`alert-badge tone-${tone}`} title={SEVERITY_TITLES[w.severity]}>
            {severityText(w)}
          </span>{' '}
          {w.unitName} · {w.name}
          <span className="period-label muted small">
            {' '}
            · {w.periodLabel} · {w.kind}
            {w.compareTo && `（${COMPARISON_NAMES[w.compareTo]}）`}
          </span>
        </h2>
        <div className="section-actions">
          <button type="button" className="icon-button" aria-label="关闭详情" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <p className={`alert-sentence tone-${tone}`} data-testid="alert-message">
        {w.message}
      </p>
      <div className="alert-detail-top">
        <dl className="detail-list alert-figures">
          <dt>本期</dt>
          <dd className="detail-strong">{w.display}</dd>
          <dt>比较基准</dt>
          <dd>{baselineText(w)}</dd>
          <dt>变动</dt>
          <dd className={`change-${movementTone(w)}`}>
            {w.movement && MOVEMENT_ARROWS[w.movement]}
            {changeLabel(w)}
            {zText(w) && <span className="muted small">（{zText(w)}）</span>}
          </dd>
          {w.comparePeriod && (
            <>
              <dt>比较期间</dt>
              <dd>{periodLabel(w.comparePeriod)}</dd>
            </>
          )}
          {w.window !== w.period && (
            <>
              <dt>实际比较</dt>
              <dd>{periodLabel(w.window)}</dd>
            </>
          )}
          <dt>{ratio ? '分子 / 分母' : '计数'}</dt>
          <dd>
            {countText(w.numerator)}
            {ratio && ` / ${countText(w.denominator)}`}
          </dd>
          {w.peerLabel && (
            <>
              <dt>比较对象</dt>
              <dd>
                {w.peerLabel}
                {w.peers !== null && `（${w.peers} 个）`}
              </dd>
            </>
          )}
          <dt>指标方向</dt>
          <dd>{DIRECTION_NAMES[w.direction]}</dd>
          {w.cause && (
            <>
              <dt>主要来源</dt>
              <dd>
                {w.cause.label}（{deltaText(w.cause.total, w.displayUnit, w.precision)}，占{' '}
                {shareText(w.cause.share)}）
              </dd>
            </>
          )}
        </dl>
        <div
          className="alert-ack-box"
          data-testid="alert-ack-state"
          data-acknowledged={w.acknowledged !== null}
        >
          {w.suppressed !== null ? (
            <p className="muted small">{w.suppressed}：该项未作预警，仅供参考，无需确认。</p>
          ) : w.acknowledged ? (
            <>
              <div className="alert-ack-done">✓ 已确认</div>
              <p className="small">{acknowledgementText(w.acknowledged)}</p>
              <button type="button" className="button small" onClick={onAcknowledge} data-testid="alert-ack">
                修改或撤销确认
              </button>
            </>
          ) : (
            <>
              <p className="muted small">核实原因后确认该预警并写明说明；确认后默认不再显示在列表中。</p>
              <button
                type="button"
                className="button primary"
                onClick={onAcknowledge}
                data-testid="alert-ack"
              >
                确认预警…
              </button>
            </>
          )}
        </div>
      </div>
      <div className="alert-detail-charts">
        {indicator ? (
          <TrendChart
            indicator={indicator}
            unit={w.unit}
            unitName={w.unitName}
            period={w.period}
            own={false}
            excludeFlagged={false}
            through={trendThrough(w.period, coverage?.last)}
          />
        ) : (
          <p className="muted small">指标“{w.indicator}”已不在指标库中，无法绘制趋势。</p>
        )}
      </div>
      <RootCause warning={w} units={units} direction={w.direction} />
    </section>
  )
}
