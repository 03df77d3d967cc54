/**
 * A report chart (ChartSpec of the built model) as recharts data: one row per category with a key per
 * series for line and bar charts, slices for a pie; value texts in the chart's unit and decimals; and
 * the layout (bars turn horizontal when there are many units to name).
 */
import type { ChartSpec } from '../../../../shared/reports/report-model.ts'

/** Series colours, close to what Word's default chart styles print well in grey too. */
export const REPORT_CHART_COLORS = [
  '#9b1c1f',
  '#3b6ea5',
  '#c9a227',
  '#5b8c5a',
  '#8a5a9b',
  '#d9822b',
  '#4f9da6',
  '#7f7f7f',
] as const

export const seriesColor = (index: number): string => REPORT_CHART_COLORS[index % REPORT_CHART_COLORS.length]

/** The data key of the i-th series (series names may repeat or contain dots recharts would read as paths). */
export const seriesKey = (index: number): string => `s${index}`

export type ChartRow = { category: string } & Record<string, number | null | string>

export function chartRows(chart: ChartSpec): ChartRow[] {
  return chart.categories.map((category, row) => {
    const entry: ChartRow = { category }
    chart.series.forEach((series, i) => {
      const value = series.values[row]
      entry[seriesKey(i)] = typeof value === 'number' && Number.isFinite(value) ? value : null
    })
    return entry
  })
}

export interface PieSlice {
  name: string
  value: number
  color: string
}

/** The first series as slices; empty and non-positive parts are left out (a pie cannot draw them). */
export function pieSlices(chart: ChartSpec): PieSlice[] {
  const series = chart.series[0]
  if (!series) return []
  return chart.categories.flatMap((name, i) => {
    const value = series.values[i]
    return typeof value === 'number' && Number.isFinite(value) && value > 0
      ? [{ name, value, color: seriesColor(i) }]
      : []
  })
}

/** “23.1%”, “134人”, “4.7天”; '—' for a gap. */
export function chartValueText(value: unknown, chart: Pick<ChartSpec, 'valueUnit' | 'decimals'>): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—'
  const unit = chart.valueUnit === '比值' ? '' : chart.valueUnit
  return `${value.toFixed(Math.max(0, Math.min(6, chart.decimals)))}${unit}`
}

/** Whether the chart has any value to draw. */
export const hasValues = (chart: ChartSpec): boolean =>
  chart.series.some((series) => series.values.some((v) => typeof v === 'number' && Number.isFinite(v)))

/** More categories than this and bar charts are drawn horizontally, one unit per line. */
export const HORIZONTAL_BARS_FROM = 14

export interface ChartLayout {
  horizontal: boolean
  /** Pixels. */
  height: number
}

export function chartLayout(chart: ChartSpec): ChartLayout {
  if (chart.type === 'bar' && chart.categories.length >= HORIZONTAL_BARS_FROM) {
    const perRow = chart.stacked ? 20 : 12 + 10 * Math.max(1, chart.series.length)
    return { horizontal: true, height: Math.min(1600, 70 + chart.categories.length * perRow) }
  }
  return { horizontal: false, height: chart.type === 'pie' ? 300 : 320 }
}

/** Whether to print values on the chart (the model asks for it; too many points would be noise). */
export function showLabels(chart: ChartSpec): boolean {
  if (!chart.labels) return false
  const points = chart.categories.length * (chart.stacked ? 1 : Math.max(1, chart.series.length))
  return points <= 40
}
