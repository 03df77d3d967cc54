/**
 * 归因: where a warning's change comes from (anomaly/explain) along one dimension — 下级院, 案由,
 * 承办检察官 or 案件类别 — against 同比 or 环比: the ranked contributions (a ratio split into 结构效应
 * and 比率效应) and the waterfall from the earlier value to the current one. A part opens its records.
 */
import { useState } from 'react'
import { COMPARISONS, COMPARISON_NAMES, type Comparison } from '../../../../shared/anomalies/model.ts'
import { DIMENSIONS, DIMENSION_NAMES } from '../../../../shared/ipc/anomaly-contract.ts'
import type {
  AnomalyWarning,
  ContributionItem,
  Dimension,
  ExplainResult,
} from '../../../../shared/ipc/anomaly-contract.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import { changeBetween, formatChange, formatIndicatorValue } from '../../../../shared/indicators/format.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { countText } from '../indicators/indicatorText.ts'
import { useOptionalApiData } from '../indicators/useOptionalApiData.ts'
import { deltaText, hasSubordinates, shareText } from './alertsView.ts'
import { ContributionDrillDialog } from './ContributionDrillDialog.tsx'
import { WaterfallChart } from './WaterfallChart.tsx'
import { deltaTone } from './waterfallData.ts'

interface RootCauseProps {
  warning: AnomalyWarning
  units: readonly UnitSummary[]
  direction: Direction
}

const METHOD_NOTES = {
  shiftShare:
    '比率的变动拆分为结构效应（该部分在分母中的占比变化）与比率效应（该部分自身比率的变化），两者之和为该部分的贡献。',
  difference: '各部分本期与比较期的差额，合计等于总变动。',
} as const

export function RootCause({ warning, units, direction }: RootCauseProps) {
  const withChildren = hasSubordinates(units, warning.unit)
  const [dimension, setDimension] = useState<Dimension>(withChildren ? 'unit' : 'charge')
  const [compareTo, setCompareTo] = useState<Comparison>(warning.compareTo ?? 'yoy')
  const [drill, setDrill] = useState<ContributionItem | null>(null)
  const explain = useOptionalApiData('anomaly/explain', {
    indicator: warning.indicator,
    unit: warning.unit,
    period: warning.period,
    compareTo,
    dimension,
    limit: 10,
  })
  const result =
    explain.data?.dimension === dimension && explain.data.compareTo === compareTo ? explain.data : undefined

  return (
    <div
      className="root-cause"
      data-testid="alert-explain"
      data-dimension={dimension}
      data-compare={compareTo}
    >
      <div className="root-cause-head">
        <h3 className="chart-title">归因分析</h3>
        <div className="segmented small" role="group" aria-label="归因维度">
          {DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              className={d === dimension ? 'segment on' : 'segment'}
              aria-pressed={d === dimension}
              disabled={d === 'unit' && !withChildren}
              title={d === 'unit' && !withChildren ? '该院没有下级院' : undefined}
              onClick={() => setDimension(d)}
              data-testid={`explain-dimension-${d}`}
            >
              {DIMENSION_NAMES[d]}
            </button>
          ))}
        </div>
        <div className="segmented small" role="group" aria-label="比较基准">
          {COMPARISONS.map((c) => (
            <button
              key={c}
              type="button"
              className={c === compareTo ? 'segment on' : 'segment'}
              aria-pressed={c === compareTo}
              onClick={() => setCompareTo(c)}
              data-testid={`explain-compare-${c}`}
            >
              {COMPARISON_NAMES[c]}
            </button>
          ))}
        </div>
        {explain.loading && <span className="muted small">正在分解…</span>}
      </div>
      <ErrorMessage error={explain.error} onRetry={explain.reload} />
      {result && <ExplainBody result={result} direction={direction} onDrill={setDrill} />}
      {drill && result && (
        <ContributionDrillDialog
          title={`${result.unitName} · ${result.name} · ${result.periodLabel} · ${result.dimensionLabel}：${drill.label}`}
          item={drill}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  )
}

function ExplainBody({
  result,
  direction,
  onDrill,
}: {
  result: ExplainResult
  direction: Direction
  onDrill: (item: ContributionItem) => void
}) {
  const unit = result.displayUnit
  const precision = result.precision
  const value = (v: number | null) => formatIndicatorValue(v, unit, precision)
  const relative = result.method === 'difference' ? changeBetween(result.after, result.before, unit) : null
  const items = result.other ? [...result.contributions, result.other] : result.contributions
  return (
    <>
      <p className="root-cause-summary" data-testid="explain-summary">
        {result.comparePeriodLabel} {value(result.before)} → {result.periodLabel} {value(result.after)}，变动{' '}
        <strong
          className={`change-${result.change === null ? 'neutral' : deltaTone(result.change, direction)}`}
        >
          {deltaText(result.change, unit, precision)}
        </strong>
        {relative !== null && `（${formatChange(relative, '%', 1)}）`}
        <span className="muted small">
          {' '}
          · 按{result.dimensionLabel}
          {result.fields.length > 0 && `（${[...new Set(result.fields.map((f) => f.field))].join('、')}）`}
          分解，用时 {result.elapsedMs} 毫秒
        </span>
      </p>
      {items.length === 0 ? (
        <p className="muted small">没有可分解的部分（两个期间都没有记录）。</p>
      ) : (
        <div className="root-cause-body">
          <ContributionTable result={result} items={items} direction={direction} onDrill={onDrill} />
          <WaterfallChart result={result} direction={direction} />
        </div>
      )}
      <p className="muted small">{METHOD_NOTES[result.method]}点击某一项可查看本期构成该项的记录。</p>
    </>
  )
}

function ContributionTable({
  result,
  items,
  direction,
  onDrill,
}: {
  result: ExplainResult
  items: readonly ContributionItem[]
  direction: Direction
  onDrill: (item: ContributionItem) => void
}) {
  const shift = result.method === 'shiftShare'
  const { displayUnit: unit, precision } = result
  const level = (side: ContributionItem['before']) =>
    shift ? formatIndicatorValue(side.value, unit, precision) : countText(side.numerator)
  const sample = (side: ContributionItem['before']) =>
    shift ? `（${countText(side.numerator)}/${countText(side.denominator)}）` : ''
  return (
    <div className="table-scroll contribution-scroll">
      <table
        className="data-table contribution-table"
        data-testid="contribution-table"
        data-method={result.method}
        data-display-unit={unit}
      >
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{result.dimensionLabel}</th>
            <th className="num" title={shift ? '比较期的数值（分子/分母）' : undefined}>
              {result.compareTo === 'yoy' ? '去年同期' : '上期'}
            </th>
            <th className="num" title={shift ? '本期的数值（分子/分母）' : undefined}>
              本期
            </th>
            {shift && <th className="num">结构效应</th>}
            {shift && <th className="num">比率效应</th>}
            <th className="num">贡献</th>
            <th className="num">占变动</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const drillable = item.scopes.length > 0
            return (
              <tr
                key={item.key}
                className={drillable ? 'drillable' : 'other'}
                onClick={() => drillable && onDrill(item)}
                title={drillable ? '查看本期构成该项的记录' : undefined}
                data-testid={`contribution-row-${index}`}
                data-key={item.key}
                data-scopes={item.scopes.length}
                data-after-numerator={item.after.numerator}
              >
                <td className="num muted">{item.key === '__other__' ? '' : index + 1}</td>
                <td className="contribution-label">
                  {drillable ? (
                    <button
                      type="button"
                      className="button link"
                      onClick={(event) => {
                        event.stopPropagation()
                        onDrill(item)
                      }}
                    >
                      {item.label || '（空白）'}
                    </button>
                  ) : (
                    item.label || '（空白）'
                  )}
                </td>
                <td className="num nowrap">
                  {level(item.before)}
                  <span className="muted small">{sample(item.before)}</span>
                </td>
                <td className="num nowrap">
                  {level(item.after)}
                  <span className="muted small">{sample(item.after)}</span>
                </td>
                {shift && <td className="num nowrap">{deltaText(item.mix, unit, precision)}</td>}
                {shift && <td className="num nowrap">{deltaText(item.rate, unit, precision)}</td>}
                <td className={`num nowrap strong change-${deltaTone(item.total, direction)}`}>
                  {deltaText(item.total, unit, precision)}
                </td>
                <td className="num nowrap">
                  <ShareBar share={item.share} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The share of the change as a number with a small bar (negative: worked against the change). */
function ShareBar({ share }: { share: number | null }) {
  const width = share === null ? 0 : Math.min(100, Math.abs(share) * 100)
  return (
    <span className="share-cell">
      <span className="share-bar" aria-hidden="true">
        <span
          className={share !== null && share < 0 ? 'share-fill against' : 'share-fill'}
          style={{ width: `${width}%` }}
        />
      </span>
      {shareText(share)}
    </span>
  )
}
