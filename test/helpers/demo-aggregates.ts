/**
 * Monthly and quarterly aggregates of a demo province by unit, as an analyst would compute them
 * (indicators.md formulas, by person), and the test of whether a manifest anomaly shows in them.
 */
import type { Row } from '../../electron/engine/demo/clean-check.ts'
import type { Anomaly } from '../../electron/engine/demo/anomalies.ts'
import { unitCodeFromCaseNumber } from '../../electron/engine/import/unit-code.ts'
import type { DemoData } from './demo-rows.ts'

const month = (date: string) => date.slice(0, 7)
const quarter = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
const unitOf = (row: Row) => unitCodeFromCaseNumber(row['部门受案号'])!

/** Count of rows per unit and period (`key` maps a row to its period, or null to skip it). */
export function countBy(
  rows: readonly Row[],
  key: (row: Row) => string | null,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const period = key(row)
    if (period === null) continue
    const unit = unitOf(row)
    const byPeriod = counts.get(unit) ?? new Map<string, number>()
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + 1)
    counts.set(unit, byPeriod)
  }
  return counts
}

/** A rate per unit for one period: numerator / denominator over the rows whose period matches. */
export function rateByUnit(
  rows: readonly Row[],
  period: (row: Row) => string | null,
  wanted: string,
  counts: (row: Row) => { num: boolean; den: boolean },
): Map<string, { num: number; den: number }> {
  const rates = new Map<string, { num: number; den: number }>()
  for (const row of rows) {
    if (period(row) !== wanted) continue
    const c = counts(row)
    if (!c.den) continue
    const unit = unitOf(row)
    const r = rates.get(unit) ?? { num: 0, den: 0 }
    r.den++
    if (c.num) r.num++
    rates.set(unit, r)
  }
  return rates
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]
}

export interface Visibility {
  visible: boolean
  value: number
  baseline: number
}

/**
 * Whether an anomaly shows in the aggregates: a change is ≥ 2× (or ≤ ½) the unit's median month; a
 * blank month has no 受理 at all in a unit that normally has some; an outlier quarter lies more than
 * two standard deviations from the mean of the other 基层院 with at least 8 persons that quarter.
 */
export function anomalyVisibility(
  data: DemoData,
  anomaly: Anomaly,
  counties: ReadonlySet<string>,
): Visibility {
  const arrests = data.rows['010101']
  const prosecutions = data.rows['020101']
  const inner = (m: string) => m > data.manifest.from && m <= data.manifest.to && m !== anomaly.period
  if (anomaly.kind === 'change' || anomaly.kind === 'blank') {
    const tables =
      anomaly.indicator === '审查逮捕受理人数'
        ? [arrests]
        : anomaly.indicator === '审查起诉受理人数'
          ? [prosecutions]
          : [arrests, prosecutions]
    const monthly = new Map<string, number>()
    for (const rows of tables) {
      for (const [m, n] of countBy(rows, (r) => month(r['受理日期'])).get(anomaly.unit) ?? [])
        monthly.set(m, (monthly.get(m) ?? 0) + n)
    }
    const value = monthly.get(anomaly.period) ?? 0
    const baseline = median([...monthly.entries()].filter(([m]) => inner(m)).map(([, n]) => n))
    const visible =
      anomaly.kind === 'blank'
        ? value === 0 && baseline > 0
        : anomaly.direction === 'up'
          ? value >= 2 * baseline
          : value <= 0.5 * baseline
    return { visible, value, baseline }
  }
  const concluded = (r: Row) => (r['审结日期'] ? quarter(r['审结日期']) : null)
  const rates =
    anomaly.indicator === '不诉率'
      ? rateByUnit(prosecutions, concluded, anomaly.period, (r) => ({
          num: r['审结处理情况'].endsWith('不起诉'),
          den: r['审结处理情况'] === '起诉' || r['审结处理情况'].endsWith('不起诉'),
        }))
      : rateByUnit(prosecutions, concluded, anomaly.period, (r) => ({
          num: r['审查起诉阶段检察机关适用认罪认罚'] === '是',
          den: true,
        }))
  const own = rates.get(anomaly.unit)
  const peers = [...rates.entries()]
    .filter(([unit, r]) => unit !== anomaly.unit && counties.has(unit) && r.den >= 8)
    .map(([, r]) => r.num / r.den)
  const mean = peers.reduce((s, x) => s + x, 0) / peers.length
  const sd = Math.sqrt(peers.reduce((s, x) => s + (x - mean) ** 2, 0) / peers.length)
  const value = own ? own.num / own.den : Number.NaN
  const visible = anomaly.direction === 'up' ? value > mean + 2 * sd : value < mean - 2 * sd
  return { visible, value, baseline: mean }
}
