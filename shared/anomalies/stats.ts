/**
 * Robust statistics for the detectors: median, MAD, a robust standard deviation (1.4826 × MAD, the
 * MAD of a normal sample estimating σ; the mean absolute deviation when more than half the values tie),
 * robust z-scores, the usual fluctuation of a series, and the sampling noise of rates and counts.
 */

/** Median of the values; null for none. Does not modify its argument. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Median absolute deviation from `center` (default: the median). */
export function mad(values: readonly number[], center = median(values)): number | null {
  if (center === null || values.length === 0) return null
  return median(values.map((v) => Math.abs(v - center)))
}

/** 1.4826 × MAD makes the MAD a consistent estimator of σ for normal data. */
export const MAD_SCALE = 1.4826
/** √(π/2): the mean absolute deviation's factor to σ for normal data. */
const MEAN_AD_SCALE = 1.2533

/**
 * A robust standard deviation: 1.4826 × MAD; when more than half of the values are equal (MAD = 0,
 * common for small integers such as a median of days) 1.2533 × the mean absolute deviation instead.
 * Null for fewer than two values.
 */
export function robustSigma(values: readonly number[], center = median(values)): number | null {
  if (values.length < 2 || center === null) return null
  const m = mad(values, center)!
  if (m > 0) return MAD_SCALE * m
  const meanAd = values.reduce((sum, v) => sum + Math.abs(v - center), 0) / values.length
  return MEAN_AD_SCALE * meanAd
}

/** (x − median) / robust σ; null when σ is undefined or zero. */
export function robustZ(x: number, values: readonly number[]): number | null {
  const center = median(values)
  const sigma = robustSigma(values, center)
  if (center === null || sigma === null || sigma === 0) return null
  return (x - center) / sigma
}

/** The q-quantile (0…1) of the values, linear between order statistics; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1)
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

/** The 90th percentile of |N(0, σ)| is 1.645 σ. */
const Q90_SCALE = 1.6449

/**
 * The usual fluctuation (σ) of one value of a series, from its month-to-month differences (which
 * remove the level and any slow trend), over √2. Robust yet tail-aware: the larger of 1.4826 × MAD
 * and the 90th percentile of |difference| / 1.645 — the two agree on normal noise, but persons come
 * in cases, and a unit whose figure jumps now and then with one large case has heavier tails than
 * its MAD shows. A few abnormal months move neither. Null for fewer than six values.
 */
export function fluctuation(series: readonly (number | null)[]): number | null {
  const present = series.filter((v): v is number => v !== null && Number.isFinite(v))
  if (present.length < 6) return null
  const differences = present.slice(1).map((v, i) => v - present[i])
  const sigma = robustSigma(differences, 0)
  if (sigma === null) return null
  const tail = quantile(
    differences.map((d) => Math.abs(d)),
    0.9,
  )!
  return Math.max(sigma, tail / Q90_SCALE) / Math.SQRT2
}

/** Clamps a proportion into [0, 1]. */
export const clampProportion = (p: number) => Math.min(1, Math.max(0, p))

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** Sample standard deviation (n − 1); null for fewer than two values. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null
  const m = mean(values)!
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1))
}

/** Largest absolute z reported: a change against zero noise is "infinitely" significant, and JSON has no ∞. */
export const Z_CAP = 99

export function cappedZ(delta: number, sd: number | null): number | null {
  if (sd === null || !Number.isFinite(sd)) return null
  if (sd <= 0) return delta === 0 ? 0 : Math.sign(delta) * Z_CAP
  return Math.max(-Z_CAP, Math.min(Z_CAP, delta / sd))
}

/**
 * The standard normal quantile (inverse CDF), Acklam's rational approximation (relative error
 * < 1.2e-9): normalQuantile(0.975) ≈ 1.959964. For the two-sided interval of coverage `level`, use
 * normalQuantile((1 + level) / 2).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability out of (0, 1): ${p}`)
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    )
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  )
}
