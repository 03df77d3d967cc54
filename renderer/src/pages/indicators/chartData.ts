/**
 * Data for the three charts, from the engine's results: the trend (monthly values and the same
 * months a year earlier), the ranking bars (units sorted best first by the indicator's direction)
 * and the 组合评价 scatter (units on two indicators). Which units: the peers of the selected unit (its
 * subordinates for the 省院), or every 市院 / 基层院.
 */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { IndicatorResult, SeriesPoint } from '../../../../shared/ipc/indicator-contract.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { shortUnitName } from './unitTree.ts'

export type UnitGroup = 'peers' | 'city' | 'county'

export const UNIT_GROUPS: readonly { group: UnitGroup; label: string }[] = [
  { group: 'peers', label: '同级院' },
  { group: 'city', label: '全部市院' },
  { group: 'county', label: '全部基层院' },
]

/** The units a chart compares. `peers` of the 省院 are its 市院 (it has no peers of its own). */
export function groupUnits(units: readonly UnitSummary[], selected: string, group: UnitGroup): UnitSummary[] {
  if (group === 'city') return units.filter((u) => u.level === 'city')
  if (group === 'county') return units.filter((u) => u.level === 'county')
  const unit = units.find((u) => u.code === selected)
  if (!unit) return []
  if (unit.parent === null) return units.filter((u) => u.parent === unit.code)
  return units.filter((u) => u.parent === unit.parent && u.level === unit.level)
}

export interface TrendPoint {
  month: string
  /** 24年7月 */
  label: string
  value: number | null
  lastYear: number | null
  /** Forecast (anomaly/forecast): the expected value and its interval; the last actual month starts both. */
  expected?: number | null
  band?: [number, number] | null
}

const monthLabel = (month: string) => `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月`

export function trendPoints(points: readonly SeriesPoint[]): TrendPoint[] {
  return points.map((p) => ({
    month: p.month,
    label: monthLabel(p.month),
    value: finiteOrNull(p.value),
    lastYear: finiteOrNull(p.lastYear),
  }))
}

/** The months after 'YYYY-MM', n of them. */
function monthAfter(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * The trend with the forecast appended: only when the forecast continues the chart (its first month is
 * the month after the chart's last, and that last month has a value), so a chart of an earlier period
 * is left alone (returned unchanged, `ahead` 0). The last actual month carries `expected` and a
 * zero-width band so the dashed line and the band start from it; a forecast month's 上年同期 is the
 * chart's value twelve months earlier.
 */
export function withForecast(
  points: readonly TrendPoint[],
  forecast: readonly { month: string; expected: number | null; lower: number | null; upper: number | null }[],
): { points: TrendPoint[]; ahead: number } {
  const last = points[points.length - 1]
  if (
    !last ||
    last.value === null ||
    forecast.length === 0 ||
    forecast[0].month !== monthAfter(last.month, 1)
  )
    return { points: [...points], ahead: 0 }
  const byMonth = new Map(points.map((p) => [p.month, p.value]))
  const out: TrendPoint[] = points.map((p) => ({ ...p, expected: null, band: null }))
  out[out.length - 1] = { ...out[out.length - 1], expected: last.value, band: [last.value, last.value] }
  for (const f of forecast) {
    const expected = finiteOrNull(f.expected)
    const lower = finiteOrNull(f.lower)
    const upper = finiteOrNull(f.upper)
    out.push({
      month: f.month,
      label: monthLabel(f.month),
      value: null,
      lastYear: byMonth.get(monthAfter(f.month, -12)) ?? null,
      expected,
      band: lower !== null && upper !== null ? [lower, upper] : null,
    })
  }
  return { points: out, ahead: forecast.length }
}

const finiteOrNull = (value: number | null | undefined) =>
  value != null && Number.isFinite(value) ? value : null

export interface Bar {
  code: string
  name: string
  value: number
  selected: boolean
}

/** Mean of the values present; null when none. */
export function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v))
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length
}

/**
 * The average a chart draws: the engine's peer average when the units are one peer group (same
 * 上级院), so the chart agrees with the matrix colours; else the mean of their values.
 */
export function groupAverage(
  results: ReadonlyMap<string, IndicatorResult>,
  units: readonly UnitSummary[],
): number | null {
  const parents = new Set(units.map((u) => u.parent))
  if (parents.size === 1) {
    for (const unit of units) {
      const average = finiteOrNull(results.get(unit.code)?.peerAverage)
      if (average !== null) return average
    }
  }
  return mean(units.map((u) => finiteOrNull(results.get(u.code)?.value)))
}

/**
 * Bars of the units that have a value, best first: 正向 highest first, 反向 lowest first, 区间 by
 * distance from the average (closest first). Units without a value are counted in `missing`.
 */
export function rankingBars(
  results: ReadonlyMap<string, IndicatorResult>,
  units: readonly UnitSummary[],
  direction: Direction,
  selected: string,
): { bars: Bar[]; average: number | null; missing: number } {
  const bars: Bar[] = []
  let missing = 0
  for (const unit of units) {
    const value = finiteOrNull(results.get(unit.code)?.value)
    if (value === null) missing++
    else bars.push({ code: unit.code, name: shortUnitName(unit), value, selected: unit.code === selected })
  }
  const average = groupAverage(results, units)
  const key = (bar: Bar) =>
    direction === 'up' ? -bar.value : direction === 'down' ? bar.value : Math.abs(bar.value - (average ?? 0))
  bars.sort((a, b) => key(a) - key(b) || (a.code < b.code ? -1 : 1))
  return { bars, average, missing }
}

export interface ScatterPoint {
  code: string
  name: string
  x: number
  y: number
  selected: boolean
}

/** Units with both values; averages over the plotted units. */
export function scatterPoints(
  xResults: ReadonlyMap<string, IndicatorResult>,
  yResults: ReadonlyMap<string, IndicatorResult>,
  units: readonly UnitSummary[],
  selected: string,
): { points: ScatterPoint[]; averageX: number | null; averageY: number | null } {
  const points: ScatterPoint[] = []
  for (const unit of units) {
    const x = finiteOrNull(xResults.get(unit.code)?.value)
    const y = finiteOrNull(yResults.get(unit.code)?.value)
    if (x === null || y === null) continue
    points.push({ code: unit.code, name: shortUnitName(unit), x, y, selected: unit.code === selected })
  }
  return { points, averageX: mean(points.map((p) => p.x)), averageY: mean(points.map((p) => p.y)) }
}

/** Results by indicator, each keyed by unit code. */
export function resultsByIndicator(results: readonly IndicatorResult[]) {
  const map = new Map<string, Map<string, IndicatorResult>>()
  for (const result of results) {
    let units = map.get(result.indicator)
    if (!units) map.set(result.indicator, (units = new Map()))
    units.set(result.unit, result)
  }
  return map
}

/** Results keyed `unit indicator`, for the matrix. */
export const cellKey = (unit: string, indicator: string) => `${unit} ${indicator}`

export function indexResults(results: readonly IndicatorResult[]) {
  return new Map(results.map((r) => [cellKey(r.unit, r.indicator), r]))
}

/** The pair read with an indicator in 组合评价: its first `pairs` entry that exists, else the next indicator. */
export function defaultPair(
  indicator: { id: string; pairs?: readonly string[] } | undefined,
  all: readonly { id: string }[],
): string | null {
  if (!indicator) return null
  const ids = new Set(all.map((i) => i.id))
  const pair = indicator.pairs?.find((id) => ids.has(id) && id !== indicator.id)
  if (pair) return pair
  return all.find((i) => i.id !== indicator.id)?.id ?? null
}
