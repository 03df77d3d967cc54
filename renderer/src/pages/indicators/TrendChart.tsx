/**
 * 趋势: the focused indicator month by month for the focused unit over the 36 months ending with the
 * period, this year solid and the same months a year earlier dashed; the period itself is shaded.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { monthKey, parsePeriod } from '../../../../shared/indicators/period.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { trendPoints } from './chartData.ts'
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE, unitLabel } from './chartStyle.ts'
import { valueText } from './indicatorText.ts'
import { trendWindow } from './periodPicker.ts'
import { useOptionalApiData } from './useOptionalApiData.ts'

interface TrendChartProps {
  indicator: IndicatorSummary
  unit: string
  unitName: string
  period: string
  own: boolean
  excludeFlagged: boolean
}

export function TrendChart({ indicator, unit, unitName, period, own, excludeFlagged }: TrendChartProps) {
  const months = trendWindow(period)
  const series = useOptionalApiData(
    'indicator/series',
    months && { indicator: indicator.id, unit, from: months.from, to: months.to, own, excludeFlagged },
  )
  const current =
    series.data?.indicator === indicator.id && series.data.unit === unit ? series.data : undefined
  const points = trendPoints(current?.points ?? [])
  const parsed = parsePeriod(period)
  const shade = parsed.ok
    ? {
        x1: points.find((p) => p.month === monthKey(parsed.period.from))?.label,
        x2: points.find((p) => p.month === monthKey(parsed.period.to))?.label,
      }
    : null
  const format = (value: unknown) =>
    typeof value === 'number' ? valueText(value, indicator.unit, indicator.precision) : '—'

  return (
    <div className="chart-card" data-testid="trend-chart" data-points={points.length}>
      <h3 className="chart-title">
        趋势 · {indicator.name}
        <span className="muted small"> · {unitName}，近 36 个月</span>
      </h3>
      <ErrorMessage error={series.error} onRetry={series.reload} />
      {series.loading && !current && <p className="muted small chart-empty">正在读取月度数据…</p>}
      {current && points.every((p) => p.value === null && p.lastYear === null) && (
        <p className="muted small chart-empty">该期间没有可计算的月度数值。</p>
      )}
      {points.length > 0 && (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={16} />
            <YAxis
              tick={AXIS_TICK}
              width={56}
              label={{ value: unitLabel(indicator.unit), angle: -90, position: 'insideLeft', fontSize: 12 }}
            />
            {shade?.x1 && shade.x2 && (
              <ReferenceArea
                x1={shade.x1}
                x2={shade.x2}
                fill={CHART_COLORS.period}
                ifOverflow="extendDomain"
              />
            )}
            <Tooltip formatter={(value, name) => [format(value), name]} contentStyle={TOOLTIP_STYLE} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              type="monotone"
              dataKey="value"
              name="本期"
              stroke={CHART_COLORS.current}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="lastYear"
              name="上年同期"
              stroke={CHART_COLORS.lastYear}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  )
}
