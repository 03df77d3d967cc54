/**
 * The focused figure in full: value, numerator and denominator (each opens its records), 口径,
 * 同比/环比, rank among peers, peer average, and how much flagged data moves it.
 */
import type {
  Comparison,
  IndicatorResult,
  IndicatorSummary,
} from '../../../../shared/ipc/indicator-contract.ts'
import { DIRECTION_NAMES } from '../../../../shared/indicators/model.ts'
import { deviationText } from './deviationColor.ts'
import type { DrillPart } from './DrillDialog.tsx'
import {
  changeIsGood,
  changeText,
  countText,
  periodLabel,
  qualityAlert,
  rankText,
  resultText,
  valueText,
} from './indicatorText.ts'
import type { QualityMargins } from './indicatorText.ts'

interface CellDetailProps {
  indicator: IndicatorSummary | undefined
  result: IndicatorResult | undefined
  margins: QualityMargins | null
  onDrill: (result: IndicatorResult, part: DrillPart) => void
}

export function CellDetail({ indicator, result, margins, onDrill }: CellDetailProps) {
  if (!indicator) return <aside className="cell-detail muted">请在左侧选择指标。</aside>
  if (!result) {
    return (
      <aside className="cell-detail" data-testid="cell-detail">
        <h3>{indicator.name}</h3>
        <p className="muted small">点击矩阵中的数值查看详情。</p>
      </aside>
    )
  }
  const { unit, precision } = indicator
  const direction = indicator.effectiveDirection
  const alert = margins ? qualityAlert(result, unit, margins) : null
  const ratio = result.denominator !== null
  return (
    <aside className="cell-detail" data-testid="cell-detail" aria-label="指标详情">
      <div className="detail-unit">{result.unitName}</div>
      <h3>
        {result.name}
        <span className="muted small"> · {result.periodLabel}</span>
      </h3>
      {result.unavailable ? (
        <div className="error-message">无法计算：{result.unavailable}</div>
      ) : (
        <>
          <div className="detail-value" data-testid="detail-value">
            {resultText(result)}
            {result.partial && <span className="partial-note">数据不完整</span>}
          </div>
          <dl className="detail-list">
            <dt>{ratio ? '分子' : '计数'}</dt>
            <dd>
              <button
                type="button"
                className="button link"
                onClick={() => onDrill(result, 'numerator')}
                data-testid="detail-numerator"
              >
                {countText(result.numerator)}
              </button>
            </dd>
            {ratio && (
              <>
                <dt>分母</dt>
                <dd>
                  <button
                    type="button"
                    className="button link"
                    onClick={() => onDrill(result, 'denominator')}
                    data-testid="detail-denominator"
                  >
                    {countText(result.denominator)}
                  </button>
                </dd>
              </>
            )}
            <dt>口径</dt>
            <dd>{result.caliberName}</dd>
            <dt>方向</dt>
            <dd>{DIRECTION_NAMES[direction]}</dd>
            <dt>同比</dt>
            <dd>
              <ComparisonText comparison={result.yoy} indicator={indicator} />
            </dd>
            <dt>环比</dt>
            <dd>
              <ComparisonText comparison={result.mom} indicator={indicator} />
            </dd>
            <dt>排名</dt>
            <dd data-testid="detail-rank">{rankText(result.rank, result.peers)}</dd>
            <dt>同级平均</dt>
            <dd>
              {valueText(result.peerAverage, unit, precision)}
              <div className="muted small">
                {deviationText(direction, result.deviation, result.peerAverage, unit)}
              </div>
            </dd>
            {result.clean && (
              <>
                <dt>剔除存疑后</dt>
                <dd>
                  {valueText(result.clean.value, unit, precision)}
                  {alert ? (
                    <div className="quality-note">⚠ {alert}</div>
                  ) : (
                    <div className="muted small">存疑数据对该值影响在阈值以内</div>
                  )}
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </aside>
  )
}

function ComparisonText({ comparison, indicator }: { comparison: Comparison; indicator: IndicatorSummary }) {
  const good = changeIsGood(comparison, indicator.effectiveDirection)
  const className = good === null ? '' : good ? 'change-good' : 'change-bad'
  return (
    <>
      <span className={className}>{changeText(comparison, indicator.precision)}</span>
      <div className="muted small">
        {periodLabel(comparison.period)}：{valueText(comparison.value, indicator.unit, indicator.precision)}
      </div>
    </>
  )
}
