/**
 * 排名: the focused indicator across the compared units, best first by its direction, bars tinted by
 * their deviation from the average (drawn as a reference line); the focused unit in the accent colour.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { rankingBars } from './chartData.ts'
import type { UnitGroup } from './chartData.ts'
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from './chartStyle.ts'
import { deviationColor } from './deviationColor.ts'
import { valueText } from './indicatorText.ts'
import { UnitGroupSwitch } from './UnitGroupSwitch.tsx'

interface RankingChartProps {
  indicator: IndicatorSummary
  results: ReadonlyMap<string, IndicatorResult>
  units: readonly UnitSummary[]
  selected: string
  group: UnitGroup
  onGroup: (group: UnitGroup) => void
  onSelectUnit: (code: string) => void
}

const TONE_FILLS = {
  good: '#66a36a',
  bad: '#d46a6a',
  range: '#5b8fd1',
  neutral: CHART_COLORS.bar,
  none: CHART_COLORS.bar,
}
const BAR_HEIGHT = 20
const ORDER_NOTES = { up: '由高到低', down: '由低到高', range: '按接近平均值排列' } as const

export function RankingChart(props: RankingChartProps) {
  const { indicator, results, selected } = props
  const { bars, average, missing } = rankingBars(results, props.units, indicator.effectiveDirection, selected)
  const format = (value: unknown) =>
    typeof value === 'number' ? valueText(value, indicator.unit, indicator.precision) : '—'
  const height = Math.max(160, bars.length * BAR_HEIGHT + 48)

  return (
    <div className="chart-card" data-testid="ranking-chart" data-bars={bars.length}>
      <div className="chart-head">
        <h3 className="chart-title">
          排名 · {indicator.name}
          <span className="muted small">
            {' '}
            · {ORDER_NOTES[indicator.effectiveDirection]}
            {average !== null && `，平均 ${format(average)}`}
          </span>
        </h3>
        <UnitGroupSwitch value={props.group} onChange={props.onGroup} />
      </div>
      {bars.length === 0 ? (
        <p className="muted small chart-empty">所选范围内没有可比较的数值。</p>
      ) : (
        <div className="chart-scroll">
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
              <XAxis type="number" tick={AXIS_TICK} orientation="top" />
              <YAxis type="category" dataKey="name" tick={AXIS_TICK} width={120} interval={0} />
              <Tooltip formatter={(value) => [format(value), indicator.name]} contentStyle={TOOLTIP_STYLE} />
              {average !== null && (
                <ReferenceLine
                  x={average}
                  stroke={CHART_COLORS.average}
                  strokeDasharray="4 3"
                  strokeWidth={2}
                />
              )}
              <Bar
                dataKey="value"
                isAnimationActive={false}
                barSize={14}
                cursor="pointer"
                onClick={(data) => {
                  const code = (data.payload as { code?: string } | undefined)?.code
                  if (code) props.onSelectUnit(code)
                }}
                label={{ position: 'right', fontSize: 11, fill: '#646a73', formatter: format }}
              >
                {bars.map((bar) => (
                  <Cell
                    key={bar.code}
                    fill={
                      bar.selected
                        ? CHART_COLORS.selected
                        : TONE_FILLS[
                            deviationColor(
                              indicator.effectiveDirection,
                              average === null ? null : bar.value - average,
                              average,
                            ).tone
                          ]
                    }
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {missing > 0 && <p className="muted small">另有 {missing} 个单位无数值，未列出。</p>}
    </div>
  )
}
