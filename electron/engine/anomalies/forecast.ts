/**
 * anomaly/forecast: the next months of one indicator for one unit from its own monthly history
 * (shared/anomalies/forecast.ts: seasonal mean with trend, or seasonal naive), with an interval from
 * the model's one-step-ahead errors — what the trend charts draw after the series, and the model the
 * 季节异常 detector uses.
 */
import { forecastSeries } from '../../../shared/anomalies/forecast.ts'
import { normalQuantile } from '../../../shared/anomalies/stats.ts'
import type { ForecastResult } from '../../../shared/ipc/anomaly-contract.ts'
import { unitScale } from '../../../shared/indicators/model.ts'
import { monthKey } from '../../../shared/indicators/period.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { AnomalyScan } from './scan.ts'

/** Months of history the model reads: three prior years for the seasonal mean, and the year before for its levels. */
const MODEL_MONTHS = 60

export function forecastAnomaly(
  db: Db,
  args: {
    indicator: string
    unit: string
    months: number
    history: number
    method: 'seasonalMean' | 'seasonalNaive'
    level: number
  },
  today: string,
): ForecastResult {
  const scan = new AnomalyScan(db, { today, indicators: [args.indicator], from: 0, to: 2100 * 12 })
  const [definition] = scan.selected
  const unit = scan.hierarchy.get(args.unit)
  if (!unit) throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
  if (!scan.coverage) throw new EngineError('NOT_FOUND', '工作区中还没有可用于计算指标的数据。')
  const series = scan.seriesOf(definition, unit.code)
  if (series.unavailable)
    throw new EngineError('BAD_ARGUMENT', `指标“${definition.name}”无法计算：${series.unavailable}`)
  const t = scan.thresholds(definition)
  const last = scan.coverage.last
  const first = Math.max(scan.coverage.first + t.warmupMonths, last - MODEL_MONTHS + 1)
  const values = scan.monthlyValues(series, first, last)
  const kind = scan.kind(definition)
  const forecast = forecastSeries(values, args.months, {
    method: args.method,
    additive: kind === 'rate',
    z: normalQuantile((1 + args.level) / 2),
    // Counts, days and rates cannot go below zero (a free-form 比值 formula may).
    min: kind === 'other' && definition.unit === '比值' ? undefined : 0,
    max: kind === 'rate' && scan.form(definition) === 'ratio' ? unitScale(definition.unit) : undefined,
  })
  const historyFrom = Math.max(first, last - args.history + 1)
  return {
    indicator: definition.id,
    name: definition.name,
    unit: unit.code,
    unitName: unit.name,
    displayUnit: definition.unit,
    method: forecast.method,
    level: args.level,
    sigma: forecast.sigma,
    history: scan
      .monthlyValues(series, historyFrom, last)
      .map((value, i) => ({ month: monthKey(historyFrom + i), value })),
    points: forecast.points.map((p) => ({
      month: monthKey(last + p.ahead),
      expected: p.expected,
      lower: p.lower,
      upper: p.upper,
    })),
  }
}
