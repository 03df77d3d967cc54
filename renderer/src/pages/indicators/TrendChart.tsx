/**
 * 趋势: the focused indicator month by month for the focused unit over the 36 months ending with the
 * period, this year solid and the same months a year earlier dashed; the period itself is shaded. When
 * the chart reaches the latest month with data, the forecast of the next months (anomaly/forecast,
 * seasonal model) follows as a dashed line in a shaded interval band.
 */
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ForecastResult } from '../../../../shared/ipc/anomaly-contract.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { monthIndexOfDate, monthKey, parsePeriod } from '../../../../shared/indicators/period.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { trendPoints, withForecast } from './chartData.ts'
import type { TrendPoint } from './chartData.ts'
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE, unitLabel } from './chartStyle.ts'
import { valueText } from './indicatorText.ts'
import { TREND_MONTHS, trendWindow } from './periodPicker.ts'
import { useOptionalApiData } from './useOptionalApiData.ts'

/** Months forecast after the latest month with data. */
export const FORECAST_MONTHS = 6

const FORECAST_METHODS: Record<ForecastResult['method'], string> = {
  seasonalMean: '按往年同期均值与近期水平推算',
  seasonalNaive: '按去年同期推算',
  mean: '按近期均值推算',
}

interface TrendChartProps {
  indicator: IndicatorSummary
  unit: string
  unitName: string
  period: string
  own: boolean
  excludeFlagged: boolean
  /**
   * The chart's last month ('YYYY-MM') when later than the period's end: the warning centre runs the
   * chart up to the latest data so the forecast follows it. Ignored when earlier than the period's end.
   */
  through?: string
}

export function TrendChart(props: TrendChartProps) {
  const { indicator, unit, unitName, period, own, excludeFlagged } = props
  const months = chartWindow(period, props.through)
  const series = useOptionalApiData(
    'indicator/series',
    months && { indicator: indicator.id, unit, from: months.from, to: months.to, own, excludeFlagged },
  )
  // The model reads every record of the unit and its subordinates: no forecast for 仅本院 or 剔除存疑.
  const forecast = useOptionalApiData(
    'anomaly/forecast',
    own || excludeFlagged ? null : { indicator: indicator.id, unit, months: FORECAST_MONTHS, history: 1 },
  )
  const current =
    series.data?.indicator === indicator.id && series.data.unit === unit ? series.data : undefined
  const predicted =
    forecast.data?.indicator === indicator.id && forecast.data.unit === unit ? forecast.data : undefined
  const trend = withForecast(trendPoints(current?.points ?? []), current ? (predicted?.points ?? []) : [])
  const points = trend.points
  const ahead = points.slice(points.length - trend.ahead)
  const parsed = parsePeriod(period)
  const shade = parsed.ok
    ? {
        x1: points.find((p) => p.month === monthKey(parsed.period.from))?.label,
        x2: points.find((p) => p.month === monthKey(parsed.period.to))?.label,
      }
    : null
  const format = (value: unknown) =>
    typeof value === 'number'
      ? valueText(value, indicator.unit, indicator.precision)
      : Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number'
        ? `${valueText(value[0], indicator.unit, indicator.precision)}～${valueText(value[1], indicator.unit, indicator.precision)}`
        : '—'
  const actual = points.length - ahead.length

  return (
    <div className="chart-card" data-testid="trend-chart" data-points={actual} data-forecast={ahead.length}>
      <h3 className="chart-title">
        趋势 · {indicator.name}
        <span className="muted small">
          {' '}
          · {unitName}，近 {TREND_MONTHS} 个月{ahead.length > 0 && `及未来 ${ahead.length} 个月预测`}
        </span>
      </h3>
      <ErrorMessage error={series.error} onRetry={series.reload} />
      {series.loading && !current && <p className="muted small chart-empty">正在读取月度数据…</p>}
      {current && points.every((p) => p.value === null && p.lastYear === null) && (
        <p className="muted small chart-empty">该期间没有可计算的月度数值。</p>
      )}
      {points.length > 0 && (
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
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
            {ahead.length > 0 && (
              <Area
                type="monotone"
                dataKey="band"
                name="预测区间"
                className="forecast-band"
                stroke="none"
                fill={CHART_COLORS.forecastBand}
                connectNulls={false}
                isAnimationActive={false}
              />
            )}
            {ahead.length > 0 && (
              <Line
                type="monotone"
                dataKey="expected"
                name="预测"
                stroke={CHART_COLORS.forecast}
                strokeWidth={2}
                strokeDasharray="4 3"
                dot={{ r: 2 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      )}
      {predicted && ahead.length > 0 && (
        <ForecastNote forecast={predicted} first={ahead[0]} months={ahead.length} format={format} />
      )}
    </div>
  )
}

/** The months shown: 36 ending with the period, or with `through` when that is later. */
function chartWindow(period: string, through: string | undefined): { from: string; to: string } | null {
  const window = trendWindow(period)
  if (!window || through === undefined || !/^\d{4}-\d{2}$/.test(through) || through <= window.to)
    return window
  const to = monthIndexOfDate(`${through}-01`)
  return { from: monthKey(to - TREND_MONTHS + 1), to: through }
}

function ForecastNote(props: {
  forecast: ForecastResult
  first: TrendPoint
  months: number
  format: (value: unknown) => string
}) {
  const { forecast, first } = props
  const level = Math.round(forecast.level * 100)
  return (
    <p
      className="muted small chart-note forecast-note"
      data-testid="forecast-band"
      data-months={props.months}
    >
      <span className="forecast-swatch" aria-hidden="true" />
      预测（{FORECAST_METHODS[forecast.method]}，{level}%区间）：{first.label} 约{' '}
      {props.format(first.expected)}
      {first.band && `（${props.format(first.band)}）`}
    </p>
  )
}
