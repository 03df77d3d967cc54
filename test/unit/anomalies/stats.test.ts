/**
 * Robust statistics of the detectors (shared/anomalies/stats.ts): median, MAD, the robust σ and its
 * fallback when most values tie, robust z-scores, the tail-aware usual fluctuation of a series, and
 * the normal quantile the forecast interval uses.
 */
import { describe, expect, it } from 'vitest'
import {
  cappedZ,
  fluctuation,
  mad,
  MAD_SCALE,
  median,
  normalQuantile,
  quantile,
  robustSigma,
  robustZ,
  Z_CAP,
} from '../../../shared/anomalies/stats.ts'
import { Random } from '../../helpers/seeded-random.ts'

/** Standard normal draws (Box–Muller) from the seeded generator. */
function normals(random: Random, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const u = 1 - random.next()
    const v = random.next()
    out.push(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  }
  return out
}

describe('median and MAD', () => {
  it('take the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('does not reorder its argument', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('MAD is the median distance to the median', () => {
    // median 3; distances 2, 1, 0, 1, 97 → median 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1)
  })

  it('robust σ ignores an outlier that ruins the standard deviation', () => {
    const values = [10, 11, 9, 10, 12, 8, 10, 11, 9, 1000]
    expect(robustSigma(values)!).toBeLessThan(3)
    expect(robustSigma(values)).toBeCloseTo(MAD_SCALE * mad(values)!, 10)
  })

  it('robust σ falls back to the mean absolute deviation when more than half the values tie', () => {
    const values = [5, 5, 5, 5, 5, 5, 4, 6]
    expect(mad(values)).toBe(0)
    // mean |v − 5| = 2 / 8 = 0.25, × 1.2533
    expect(robustSigma(values)).toBeCloseTo(0.25 * 1.2533, 4)
  })

  it('robust σ estimates σ of normal data', () => {
    const values = normals(new Random(7), 4000).map((x) => 3 * x)
    expect(robustSigma(values)!).toBeGreaterThan(2.8)
    expect(robustSigma(values)!).toBeLessThan(3.2)
  })

  it('robust z of a value: distance to the median in robust σ', () => {
    const values = [10, 11, 9, 10, 12, 8, 10, 11, 9]
    const sigma = robustSigma(values)!
    expect(robustZ(10 + 3 * sigma, values)).toBeCloseTo(3, 10)
    expect(robustZ(5, [7, 7])).toBeNull() // σ = 0: no z
  })
})

describe('fluctuation (the usual month-to-month noise of a series)', () => {
  it('estimates σ of white noise around a level, whatever the level and a slow trend', () => {
    const noise = normals(new Random(11), 400)
    const series = noise.map((x, i) => 1000 + 2 * i + 5 * x)
    expect(fluctuation(series)!).toBeGreaterThan(4.3)
    expect(fluctuation(series)!).toBeLessThan(5.8)
  })

  it('is not moved by one abnormal month', () => {
    const series = normals(new Random(3), 24).map((x) => 100 + 4 * x)
    const base = fluctuation(series)!
    series[12] = 500
    expect(fluctuation(series)!).toBeLessThan(base * 1.5)
  })

  it('sees the heavier tails of a figure that jumps now and then (one large case)', () => {
    const random = new Random(5)
    const series = Array.from({ length: 24 }, () => (random.chance(0.2) ? 12 : 0.5))
    // Most months alike (MAD of the differences ≈ 0), but jumps happen: the 90th percentile keeps them.
    expect(fluctuation(series)!).toBeGreaterThan(3)
  })

  it('needs six values, ignores nulls', () => {
    expect(fluctuation([1, null, 2, 3, 2, 4])).toBeNull()
    expect(fluctuation([1, null, 2, 3, 2, 4, 3])).not.toBeNull()
  })
})

describe('quantile, normal quantile, capped z', () => {
  it('quantile interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3)
    expect(quantile([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6, 10)
    expect(quantile([], 0.5)).toBeNull()
  })

  it('normal quantiles of the usual interval levels', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5)
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5)
    expect(normalQuantile(0.9995)).toBeCloseTo(3.290527, 5)
    expect(() => normalQuantile(1)).toThrow()
  })

  it('z against zero noise is capped, never Infinity', () => {
    expect(cappedZ(5, 0)).toBe(Z_CAP)
    expect(cappedZ(-5, 0)).toBe(-Z_CAP)
    expect(cappedZ(0, 0)).toBe(0)
    expect(cappedZ(6, 2)).toBe(3)
    expect(cappedZ(6, null)).toBeNull()
  })
})
