/**
 * The seasonal model: what a unit's figure is expected to be, from its own prior years.
 *
 * Seasonal mean with trend: the same window in each of the last few years, each moved to today's
 * level — scaled by the ratio of the trailing twelve months now to the trailing twelve months then
 * (counts), or shifted by their difference (rates) — and averaged. The level ratio carries the trend;
 * averaging years damps one odd year. Seasonal naive is simply the same month a year earlier.
 *
 * The 季节异常 detector uses `seasonalExpectation` for any window (a month, a quarter, 1至9月); the
 * forecast channel uses `forecastSeries` on a monthly series, with an interval from the model's own
 * one-step-ahead errors over the history (robust σ of the residuals).
 */
import type { Expectation } from './detect.ts'
import { robustSigma, sampleSd } from './stats.ts'

export interface SeasonalPoint {
  /** The window's value that year. */
  value: number | null
  /** The trailing level before that window (12-month total or rate); null when not covered. */
  level: number | null
}

/** Bounds of a level ratio: a unit that grew fivefold is not scaled by it (a tiny base level). */
const MAX_RATIO = 4

/**
 * Expectation for a window from the same window in prior years (`history`, most recent first) and
 * the trailing level now. `additive`: rates shift by the level difference; counts scale by the ratio.
 */
export function seasonalExpectation(input: {
  history: readonly SeasonalPoint[]
  level: number | null
  additive: boolean
}): Expectation {
  const adjusted: number[] = []
  for (const point of input.history) {
    if (point.value === null || !Number.isFinite(point.value)) continue
    adjusted.push(adjust(point, input.level, input.additive))
  }
  if (adjusted.length === 0) return { expected: null, spread: null, years: 0 }
  const expected = adjusted.reduce((a, b) => a + b, 0) / adjusted.length
  return { expected, spread: sampleSd(adjusted), years: adjusted.length }
}

function adjust(point: SeasonalPoint, level: number | null, additive: boolean): number {
  const value = point.value!
  if (level === null || point.level === null) return value
  if (additive) return value + (level - point.level)
  if (point.level <= 0) return value
  const ratio = Math.min(MAX_RATIO, Math.max(1 / MAX_RATIO, level / point.level))
  return value * ratio
}

export type ForecastMethod = 'seasonalMean' | 'seasonalNaive'

export interface ForecastOptions {
  method: ForecastMethod
  /** Rates: the level shifts additively; counts and others: multiplicatively. */
  additive: boolean
  /** Prior years averaged by seasonalMean (default 3). */
  years?: number
  /** Interval half-width in σ (1.96 for 95%). */
  z?: number
  /** What values can be: no negative counts, rates within [0, 100]. */
  min?: number
  max?: number
}

export interface ForecastPoint {
  /** Months after the series' last value (1 = next month). */
  ahead: number
  expected: number | null
  lower: number | null
  upper: number | null
}

export interface Forecast {
  points: ForecastPoint[]
  /** σ of the one-step-ahead errors over the history; null when too short to say. */
  sigma: number | null
  /** The model actually used ('mean' when the series is shorter than a year plus a month). */
  method: ForecastMethod | 'mean'
  /** Number of one-step-ahead errors σ was estimated from. */
  residuals: number
}

/** Mean of the twelve values ending at `end` (inclusive); null with fewer than six present. */
export function trailingLevel(series: readonly (number | null)[], end: number): number | null {
  if (end < 0) return null
  let sum = 0
  let count = 0
  for (let i = Math.max(0, end - 11); i <= end && i < series.length; i++) {
    const v = series[i]
    if (v !== null && Number.isFinite(v)) {
      sum += v
      count++
    }
  }
  return count >= 6 ? sum / count : null
}

/** Expected value at `origin + ahead` made at `origin` (all values up to `origin` known). */
export function predictAt(
  series: readonly (number | null)[],
  origin: number,
  ahead: number,
  options: ForecastOptions,
): { expected: number | null; method: ForecastMethod | 'mean' } {
  const target = origin + ahead
  const firstLag = Math.ceil(ahead / 12)
  if (options.method === 'seasonalNaive') {
    const value = series[target - 12 * firstLag] ?? null
    if (value !== null) return { expected: value, method: 'seasonalNaive' }
  } else {
    const years = options.years ?? 3
    const level = trailingLevel(series, origin)
    const history: SeasonalPoint[] = []
    for (let k = firstLag; k < firstLag + years; k++) {
      const source = target - 12 * k
      if (source < 0) break
      history.push({ value: series[source] ?? null, level: trailingLevel(series, origin - 12 * k) })
    }
    const expectation = seasonalExpectation({ history, level, additive: options.additive })
    if (expectation.expected !== null) return { expected: expectation.expected, method: 'seasonalMean' }
  }
  return { expected: trailingLevel(series, origin), method: 'mean' }
}

/**
 * Forecast of the next `horizon` months of a monthly series (index 0 = oldest; nulls allowed), with
 * an interval from the one-step-ahead errors the same model made over the history, widening slowly
 * with the horizon (× √(1 + (h − 1) / 12)).
 */
export function forecastSeries(
  series: readonly (number | null)[],
  horizon: number,
  options: ForecastOptions,
): Forecast {
  const origin = series.length - 1
  const z = options.z ?? 1.96
  const residuals: number[] = []
  for (let t = 12; t < origin; t++) {
    const actual = series[t + 1]
    if (actual === null || actual === undefined) continue
    const predicted = predictAt(series, t, 1, options)
    if (predicted.expected !== null && predicted.method !== 'mean')
      residuals.push(actual - predicted.expected)
  }
  let sigma = residuals.length >= 6 ? robustSigma(residuals, 0) : null
  if (sigma === null) {
    const recent = series.slice(Math.max(0, origin - 11)).filter((v): v is number => v !== null)
    sigma = sampleSd(recent)
  }
  let method: Forecast['method'] = 'mean'
  const points: ForecastPoint[] = []
  for (let ahead = 1; ahead <= horizon; ahead++) {
    const predicted = predictAt(series, origin, ahead, options)
    if (ahead === 1) method = predicted.method
    const expected = predicted.expected === null ? null : clip(predicted.expected, options)
    const width = sigma === null ? null : z * sigma * Math.sqrt(1 + (ahead - 1) / 12)
    points.push({
      ahead,
      expected,
      lower: expected === null || width === null ? null : clip(predicted.expected! - width, options),
      upper: expected === null || width === null ? null : clip(predicted.expected! + width, options),
    })
  }
  return { points, sigma, method, residuals: residuals.length }
}

function clip(value: number, options: ForecastOptions): number {
  let v = value
  if (options.min !== undefined) v = Math.max(options.min, v)
  if (options.max !== undefined) v = Math.min(options.max, v)
  return v
}
