/**
 * 组合评价: the compared units on two indicators read together (the focused one and its pair), with
 * the averages as cross-hairs splitting the plane into quadrants; clicking a point focuses the unit.
 */
import {
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { groupAverage, scatterPoints } from './chartData.ts'
import { UNIT_GROUPS } from './chartData.ts'
import type { ScatterPoint, UnitGroup } from './chartData.ts'
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE, axisName } from './chartStyle.ts'
import { valueText } from './indicatorText.ts'

interface ComboScatterProps {
  x: IndicatorSummary
  y: IndicatorSummary | undefined
  indicators: readonly IndicatorSummary[]
  onPair: (id: string) => void
  xResults: ReadonlyMap<string, IndicatorResult>
  yResults: ReadonlyMap<string, IndicatorResult>
  units: readonly UnitSummary[]
  selected: string
  /** The compared units, as chosen on the ranking chart. */
  group: UnitGroup
  onSelectUnit: (code: string) => void
}

export function ComboScatter(props: ComboScatterProps) {
  const { x, y, selected } = props
  const { points } = scatterPoints(props.xResults, props.yResults, props.units, selected)
  const averageX = groupAverage(props.xResults, props.units)
  const averageY = groupAverage(props.yResults, props.units)
  const text = (indicator: IndicatorSummary, value: number) =>
    valueText(value, indicator.unit, indicator.precision)

  return (
    <div className="chart-card" data-testid="scatter-chart" data-points={points.length}>
      <div className="chart-head">
        <h3 className="chart-title">
          组合评价
          <span className="muted small"> · {UNIT_GROUPS.find((g) => g.group === props.group)?.label}</span>
        </h3>
        <label className="pair-select small">
          <span>{x.name} × </span>
          <select
            className="select small"
            value={y?.id ?? ''}
            onChange={(event) => props.onPair(event.target.value)}
            aria-label="组合评价的第二个指标"
            data-testid="scatter-pair"
          >
            {props.indicators
              .filter((i) => i.id !== x.id)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {!y || points.length === 0 ? (
        <p className="muted small chart-empty">所选范围内没有同时具备两个指标数值的单位。</p>
      ) : (
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ top: 12, right: 24, bottom: 28, left: 12 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} />
            <XAxis
              type="number"
              dataKey="x"
              name={x.name}
              tick={AXIS_TICK}
              domain={['auto', 'auto']}
              label={{ value: axisName(x.name, x.unit), position: 'bottom', offset: 8, fontSize: 12 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={y.name}
              tick={AXIS_TICK}
              width={64}
              domain={['auto', 'auto']}
              label={{
                value: axisName(y.name, y.unit),
                angle: -90,
                position: 'insideLeft',
                fontSize: 12,
                dy: 40,
              }}
            />
            {averageX !== null && (
              <ReferenceLine
                x={averageX}
                stroke={CHART_COLORS.average}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
              />
            )}
            {averageY !== null && (
              <ReferenceLine
                y={averageY}
                stroke={CHART_COLORS.average}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
              />
            )}
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => {
                const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined
                if (!point) return null
                return (
                  <div style={{ ...TOOLTIP_STYLE, background: '#fff' }}>
                    <strong>{point.name}</strong>
                    <div>
                      {x.name}：{text(x, point.x)}
                    </div>
                    <div>
                      {y.name}：{text(y, point.y)}
                    </div>
                  </div>
                )
              }}
            />
            <Scatter
              data={points}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(data) => {
                const code = (data.payload as { code?: string } | undefined)?.code
                if (code) props.onSelectUnit(code)
              }}
            >
              {points.map((point) => (
                <Cell
                  key={point.code}
                  fill={point.selected ? CHART_COLORS.selected : CHART_COLORS.bar}
                  stroke={point.selected ? '#fff' : undefined}
                />
              ))}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      )}
      {y && averageX !== null && averageY !== null && (
        <p className="muted small chart-note">
          虚线为平均值（{text(x, averageX)}，{text(y, averageY)}
          ）；右上、左下等象限便于对照两项指标的组合表现。
        </p>
      )}
    </div>
  )
}
