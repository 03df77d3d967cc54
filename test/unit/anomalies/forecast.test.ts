/**
 * The seasonal model (shared/anomalies/forecast.ts): the expectation of a window from the same window
 * in prior years moved to today's level, and the monthly forecast with an interval from the model's
 * own one-step-ahead errors — on synthetic series whose truth is known.
 */
import { describe, expect, it } from 'vitest'
import {
  forecastSeries,
  predictAt,
  seasonalExpectation,
  trailingLevel,
} from '../../../shared/anomalies/forecast.ts'
import { Random } from '../../helpers/seeded-random.ts'

/** A monthly count: level × (1 + growth)^year × season, with Gaussian-ish noise. */
function seasonalSeries(months: number, noise: number, seed = 1, growth = 0.05): number[] {
  const random = new Random(seed)
  const season = [0.9, 0.8, 1, 1, 1.05, 1, 1, 1, 1, 0.75, 1.05, 1.25]
  return Array.from({ length: months }, (_, i) => {
    const e = (random.next() + random.next() + random.next() - 1.5) * 2 * noise
    return 200 * (1 + growth) ** (i / 12) * season[i % 12] + e
  })
}

describe('seasonalExpectation', () => {
  it('counts scale by the level ratio; rates shift by the level difference', () => {
    const counts = seasonalExpectation({
      history: [{ value: 100, level: 1000 }],
      level: 1200,
      additive: false,
    })
    expect(counts.expected).toBeCloseTo(120, 10)
    const rates = seasonalExpectation({ history: [{ value: 30, level: 25 }], level: 22, additive: true })
    expect(rates.expected).toBeCloseTo(27, 10)
  })

  it('averages years and reports their spread', () => {
    const e = seasonalExpectation({
      history: [
        { value: 100, level: null },
        { value: 110, level: null },
        { value: 90, level: null },
      ],
      level: null,
      additive: false,
    })
    expect(e).toEqual({ expected: 100, spread: 10, years: 3 })
  })

  it('a tiny base level does not blow the expectation up (ratio bounded by 4)', () => {
    const e = seasonalExpectation({ history: [{ value: 10, level: 1 }], level: 100, additive: false })
    expect(e.expected).toBe(40)
  })

  it('no history, no expectation', () => {
    expect(
      seasonalExpectation({ history: [{ value: null, level: 3 }], level: 3, additive: false }).expected,
    ).toBeNull()
  })
})

describe('forecastSeries', () => {
  it('follows the season and the trend of a clean series', () => {
    const series = seasonalSeries(48, 0)
    const truth = seasonalSeries(51, 0).slice(48)
    const f = forecastSeries(series, 3, { method: 'seasonalMean', additive: false })
    expect(f.method).toBe('seasonalMean')
    f.points.forEach((p, i) => expect(Math.abs(p.expected! - truth[i]) / truth[i]).toBeLessThan(0.03))
  })

  it('its 95% interval covers about 95% of what follows a noisy series', () => {
    let covered = 0
    let total = 0
    for (let seed = 1; seed <= 40; seed++) {
      const series = seasonalSeries(60, 12, seed)
      const history = series.slice(0, 48)
      const f = forecastSeries(history, 12, { method: 'seasonalMean', additive: false, min: 0 })
      f.points.forEach((p, i) => {
        total++
        if (series[48 + i] >= p.lower! && series[48 + i] <= p.upper!) covered++
      })
    }
    expect(covered / total).toBeGreaterThan(0.85)
    expect(covered / total).toBeLessThan(0.995)
  })

  it('widens with the horizon and respects bounds', () => {
    const f = forecastSeries(seasonalSeries(48, 10), 12, { method: 'seasonalMean', additive: false, min: 0 })
    const width = (i: number) => f.points[i].upper! - f.points[i].lower!
    expect(width(11)).toBeGreaterThan(width(0))
    const rates = forecastSeries([98, 99, 97, 99, 98, 99, 100, 98, 99, 97, 99, 98, 99, 98], 2, {
      method: 'seasonalMean',
      additive: true,
      min: 0,
      max: 100,
    })
    for (const p of rates.points) expect(p.upper!).toBeLessThanOrEqual(100)
  })

  it('seasonal naive repeats last year; a short series falls back to its mean', () => {
    const series = seasonalSeries(24, 0)
    expect(predictAt(series, 23, 1, { method: 'seasonalNaive', additive: false }).expected).toBe(series[12])
    const short = forecastSeries([10, 12, 11, 13, 12, 11, 12], 1, { method: 'seasonalMean', additive: false })
    expect(short.method).toBe('mean')
    expect(short.points[0].expected).toBeCloseTo(trailingLevel([10, 12, 11, 13, 12, 11, 12], 6)!, 10)
  })
})
