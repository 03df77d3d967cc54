/**
 * The detectors' decisions on plain numbers: given a figure (value, numerator, denominator) and what
 * it is compared with, whether it is a warning, too small a sample to say (样本过少), or nothing. The
 * engine (electron/engine/anomalies) supplies the figures from the pre-aggregated indicators.
 *
 * A candidate is alarmed only when the difference is both large (the practical threshold: 百分点 for
 * rates, % otherwise) and unusual — beyond the unit's own usual fluctuation and the sampling noise of
 * its figures (`z`) — and stands for at least `minSample` records. Either test alone floods a
 * province: small units swing by 20% every month, large ones move significantly by a fraction of a
 * 百分点, and one case of a dozen suspects moves a rare rate by ten 百分点.
 */
import { isRateUnit, type DisplayUnit } from '../indicators/model.ts'
import type { Thresholds } from './model.ts'
import { cappedZ, clampProportion, median, robustSigma } from './stats.ts'

/** rate: % and ‰ (changes in 百分点); count: 件 and 人; other: days, ratios. */
export type ValueKind = 'rate' | 'count' | 'other'

export const valueKindOf = (unit: DisplayUnit): ValueKind =>
  isRateUnit(unit) ? 'rate' : unit === '件' || unit === '人' ? 'count' : 'other'

/**
 * The sampling model of a figure:
 * - binomial: numerator records are among the denominator's (不起诉人数 / 审查起诉审结人数: the same
 *   dataset, dated alike);
 * - ratio: numerator and denominator are separate flows (批捕人数 / 起诉人数, 退查 by 退查日期 over
 *   受理 by 受理日期): the noise of a ratio of two counts, larger;
 * - poisson: a count;
 * - mean: an average of days — skewed, and shared by the persons of one case: σ of the mean is taken
 *   as the mean × √(2 / n) (a standard deviation about the mean, two persons per case);
 * - none: nothing known (medians, sums of rates): only the unit's usual fluctuation counts.
 */
export type Sampling = 'binomial' | 'ratio' | 'poisson' | 'mean' | 'none'

export const defaultSampling = (kind: ValueKind): Sampling =>
  kind === 'rate' ? 'binomial' : kind === 'count' ? 'poisson' : 'none'

/** One figure: value in display units (34.2 for 34.2%), numerator and denominator as computed. */
export interface Obs {
  value: number | null
  numerator: number | null
  denominator: number | null
}

export type Status = 'alarm' | 'small' | 'none'

/** What the small-sample guard reads: a rate's or an average's denominator, a count itself. */
export function sampleSize(kind: ValueKind, obs: Obs): number | null {
  if (kind === 'count') return obs.value
  return obs.denominator
}

/** A figure is empty: a count of 0, a rate without denominator. */
export function isEmpty(kind: ValueKind, obs: Obs): boolean {
  const sample = sampleSize(kind, obs)
  return sample === 0 || (sample === null && obs.value === null && kind !== 'other')
}

/** Numerator and denominator are usable counts (0 ≤ a, 0 < n). */
function counted(obs: Obs): boolean {
  return obs.numerator !== null && obs.denominator !== null && obs.denominator > 0 && obs.numerator >= 0
}

/** A count on the log scale its noise is judged on. */
export const logCount = (n: number) => Math.log(Math.max(0, n) + 0.5)

/** Design effect of an average of days (see Sampling). */
const MEAN_DEFF = 2

/**
 * Sampling standard error of a figure in display units, evaluated at `at` (the value it is compared
 * with: the binomial noise of a rate depends on the rate), or null when the model says nothing.
 */
export function samplingSe(sampling: Sampling, obs: Obs, scale: number, at = obs.value): number | null {
  if (at === null || sampling === 'none') return null
  switch (sampling) {
    case 'poisson':
      return Math.sqrt(Math.max(Math.abs(at), 1))
    case 'mean':
      return obs.denominator !== null && obs.denominator > 0
        ? Math.abs(at) * Math.sqrt(MEAN_DEFF / obs.denominator)
        : null
    case 'binomial': {
      if (!counted(obs)) return null
      const p = clampProportion(at / scale)
      return scale * Math.sqrt((p * (1 - p)) / obs.denominator!)
    }
    case 'ratio': {
      if (!counted(obs)) return null
      const r = Math.max(0, at / scale)
      const expected = Math.max(r * obs.denominator!, 1)
      return scale * r * Math.sqrt(1 / expected + 1 / obs.denominator!) || scale / obs.denominator!
    }
  }
}

/**
 * How many records a difference stands for: a rate's numerator beyond what the reference rate gives
 * on the same denominator (persons decided otherwise), a count's difference; null for days and ratios.
 */
export function recordsBehind(
  kind: ValueKind,
  current: Obs,
  reference: number,
  scale: number,
): number | null {
  if (kind === 'count') return current.value === null ? null : Math.abs(current.value - reference)
  if (kind === 'rate' && counted(current))
    return Math.abs(current.numerator! - current.denominator! * (reference / scale))
  return null
}

/**
 * Events a rate rests on at the reference rate: n·p for a ratio, n·min(p, 1 − p) for a proportion —
 * the textbook condition (np ≥ 10) for judging a rate by its normal approximation at all. A rate of
 * 0.5% on 200 persons rests on one event: one case decides it.
 */
export function expectedEvents(sampling: Sampling, obs: Obs, at: number, scale: number): number | null {
  if ((sampling !== 'binomial' && sampling !== 'ratio') || !counted(obs)) return null
  const p = clampProportion(at / scale)
  return obs.denominator! * (sampling === 'binomial' ? Math.min(p, 1 - p) : p)
}

const tooSmall = (t: Pick<Thresholds, 'minSample'>, ...sizes: (number | null)[]) =>
  sizes.some((size) => size !== null && size < t.minSample)

/** A value computed on first use (the usual fluctuation: needed only for a difference large enough to matter). */
export interface Lazy {
  value(): number | null
}
export type Noise = number | null | Lazy | (() => number | null)

const resolve = (noise: Noise | undefined): number | null =>
  typeof noise === 'function'
    ? noise()
    : typeof noise === 'object' && noise !== null
      ? noise.value()
      : (noise ?? null)

/**
 * How large a difference is, as the reports state it: 百分点 for rates, % of the reference otherwise
 * (null when the reference is 0), and whether it reaches the practical threshold.
 */
export function practicalSize(
  kind: ValueKind,
  delta: number,
  reference: number,
  t: Pick<Thresholds, 'changeRate' | 'changeRelative' | 'minSample'>,
): { change: number | null; large: boolean } {
  if (kind === 'rate') return { change: delta, large: Math.abs(delta) >= t.changeRate }
  if (reference === 0) return { change: null, large: Math.abs(delta) >= Math.max(1, t.minSample) }
  const change = (delta / Math.abs(reference)) * 100
  return { change, large: Math.abs(change) >= t.changeRelative }
}

interface Common {
  kind: ValueKind
  scale: number
  /** Default: binomial for rates, Poisson for counts, none otherwise. */
  sampling?: Sampling
  /**
   * The unit's usual fluctuation of one window's value, or a function computing it (called only when
   * needed). Counts: of ln(count + ½) — counts fluctuate in proportion to their size (working days,
   * persons per case), and a fall to a tenth is as plain as a fivefold rise.
   */
  noise?: Noise
  t: Thresholds
}

export interface ChangeResult {
  status: Status
  /** value − base value, in display units. */
  delta: number | null
  /** 百分点 for rates, % otherwise. */
  change: number | null
  /** delta over the noise of a difference; null when the noise is unknown. */
  z: number | null
  /** The smaller of the two samples (rates, averages) or the larger count; null when unknown. */
  sample: number | null
  /** Records the change stands for (recordsBehind); null when unknown. */
  records: number | null
}

/**
 * 升降: the change from `base` to `current`. The noise of a difference is √2 × the usual fluctuation,
 * or the sampling noise of the two figures when that is larger.
 */
export function detectChange(input: Common & { current: Obs; base: Obs }): ChangeResult {
  const { kind, current, base, t, scale } = input
  const sampling = input.sampling ?? defaultSampling(kind)
  const none: ChangeResult = {
    status: 'none',
    delta: null,
    change: null,
    z: null,
    sample: null,
    records: null,
  }
  if (current.value === null || base.value === null) return none
  const delta = current.value - base.value
  const { change, large } = practicalSize(kind, delta, base.value, t)
  const n1 = sampleSize(kind, current)
  const n0 = sampleSize(kind, base)
  const sample =
    kind === 'count' ? Math.max(n1 ?? 0, n0 ?? 0) : n1 === null || n0 === null ? (n1 ?? n0) : Math.min(n1, n0)
  const records = recordsBehind(kind, current, base.value, scale)
  if (!large) return { ...none, delta, change, sample, records }
  const candidates: number[] = []
  const noise = resolve(input.noise)
  if (noise !== null) candidates.push(Math.SQRT2 * noise)
  let judged = delta
  if (kind === 'count') {
    judged = logCount(current.value) - logCount(base.value)
    // Poisson noise of ln n is 1/√μ; under "no change" both counts share μ = their mean.
    const pooled = (Math.max(0, current.value) + Math.max(0, base.value)) / 2
    candidates.push(Math.sqrt(2 / (pooled + 0.5)))
  } else if (sampling === 'binomial' && counted(current) && counted(base)) {
    // Pooled: under "no change" both windows share one rate.
    const pooled =
      ((current.numerator! + base.numerator!) / (current.denominator! + base.denominator!)) * scale
    const s1 = samplingSe(sampling, current, scale, pooled)
    const s0 = samplingSe(sampling, base, scale, pooled)
    if (s1 !== null && s0 !== null) candidates.push(Math.hypot(s1, s0))
  } else {
    const s1 = samplingSe(sampling, current, scale)
    const s0 = samplingSe(sampling, base, scale)
    if (s1 !== null && s0 !== null) candidates.push(Math.hypot(s1, s0))
  }
  const z = candidates.length === 0 ? null : cappedZ(judged, Math.max(...candidates))
  const significant = z !== null && Math.abs(z) >= t.zChange
  const reference =
    counted(current) && counted(base)
      ? ((current.numerator! + base.numerator!) / (current.denominator! + base.denominator!)) * scale
      : base.value
  const events = [current, base].map((o) => expectedEvents(sampling, o, reference, scale))
  const status: Status = !significant ? 'none' : tooSmall(t, sample, records, ...events) ? 'small' : 'alarm'
  return { status, delta, change, z, sample, records }
}

export interface BlankResult {
  status: Status
  /** The unit's usual sample (median over the preceding windows). */
  usual: number | null
}

/**
 * 空白: a count of 0 or a rate without denominator, where the unit usually has at least
 * `blankBaseline` (median of the preceding windows' samples, `usual`). For a count, the fall to 0
 * must also stand out from the unit's usual fluctuation (log scale, as for 升降): a unit that has
 * 10 one month and 2 the next can have none.
 */
export function detectBlank(
  kind: ValueKind,
  current: Obs,
  usual: number | null,
  t: Thresholds,
  noise?: Noise,
): BlankResult {
  if (!isEmpty(kind, current) || usual === null || usual < t.blankBaseline || usual <= 0)
    return { status: 'none', usual }
  if (kind === 'count') {
    const sigma = resolve(noise)
    if (sigma !== null && sigma > 0 && (logCount(usual) - logCount(0)) / (Math.SQRT2 * sigma) < t.zChange)
      return { status: 'none', usual }
  }
  return { status: 'alarm', usual }
}

export interface OutlierResult {
  status: Status
  /** Peers' median and robust σ, and the unit's robust z among them. */
  center: number | null
  sigma: number | null
  z: number | null
  delta: number | null
  change: number | null
  peers: number
  records: number | null
}

/** The peers' distribution an outlier is judged against: median and robust σ (MAD-based). */
export interface PeerReference {
  center: number
  sigma: number | null
  count: number
}

/** Median and robust σ of the peers' values (null for none). */
export function peerReference(values: readonly number[]): PeerReference | null {
  const center = median(values)
  if (center === null) return null
  return { center, sigma: robustSigma(values, center), count: values.length }
}

/**
 * 离群: the unit's value against its peers (those with an adequate sample; median and MAD are robust
 * to the unit's own value among them): robust z over median and MAD, the practical threshold on the
 * distance to the median, and the unit's own noise — sampling and usual fluctuation (a small or
 * erratic unit far from the median by chance is not a finding). Counts are not compared (units
 * differ in size); needs five peers.
 */
export function detectOutlier(
  input: Common & { current: Obs; reference: PeerReference | null },
): OutlierResult {
  const { kind, current, reference, t, scale } = input
  const none: OutlierResult = {
    status: 'none',
    center: reference?.center ?? null,
    sigma: reference?.sigma ?? null,
    z: null,
    delta: null,
    change: null,
    peers: reference?.count ?? 0,
    records: null,
  }
  if (kind === 'count' || current.value === null || reference === null || reference.count < 5) return none
  const { center, sigma } = reference
  const delta = current.value - center
  if (sigma === null) return { ...none, delta }
  const { change, large } = practicalSize(kind, delta, center, t)
  if (!large) return { ...none, delta, change }
  const z = cappedZ(delta, sigma)
  let significant = z !== null && Math.abs(z) >= t.zPeer
  if (significant) {
    const own: number[] = []
    const noise = resolve(input.noise)
    if (noise !== null) own.push(noise)
    const se = samplingSe(input.sampling ?? defaultSampling(kind), current, scale, center)
    if (se !== null) own.push(se)
    if (own.length > 0) {
      const sampling = cappedZ(delta, Math.max(...own))
      significant = sampling !== null && Math.abs(sampling) >= t.zPeer
    }
  }
  const records = recordsBehind(kind, current, center, scale)
  const events = expectedEvents(input.sampling ?? defaultSampling(kind), current, center, scale)
  const status: Status = !significant
    ? 'none'
    : tooSmall(t, sampleSize(kind, current), records, events)
      ? 'small'
      : 'alarm'
  return { ...none, status, z, delta, change, records }
}

/**
 * 长期偏离: an outlier whose unit already sat apart from its peers over the preceding months, the same
 * way and by at least half as much — a standing difference of the unit (its caseload, its practice),
 * not news of this period. It is reported when it starts, not every period after.
 */
export function isStandingOutlier(now: OutlierResult, before: OutlierResult): boolean {
  if (now.delta === null || before.delta === null || before.center === null) return false
  return (
    Math.sign(before.delta) === Math.sign(now.delta) && Math.abs(before.delta) >= 0.5 * Math.abs(now.delta)
  )
}

/** A seasonal expectation for a window (forecast.ts): mean over prior years and their spread. */
export interface Expectation {
  expected: number | null
  /** Standard deviation of the prior years' (level-adjusted) values; null for fewer than two. */
  spread: number | null
  /** Prior years used. */
  years: number
}

export interface SeasonalResult {
  status: Status
  expected: number | null
  /** expected ± zSeason × σ, clipped to what the unit can show (no negative counts, rates ≤ 100%). */
  lower: number | null
  upper: number | null
  z: number | null
  delta: number | null
  change: number | null
  records: number | null
}

/**
 * 季节异常: the value against the expectation from the unit's own prior years. σ is the largest of the
 * usual fluctuation (inflated by the uncertainty of a mean over `years` years), the prior years'
 * spread, and the sampling noise at the expected level.
 */
export function detectSeasonal(input: Common & { current: Obs; expectation: Expectation }): SeasonalResult {
  const { kind, current, expectation, t, scale } = input
  const none: SeasonalResult = {
    status: 'none',
    expected: expectation.expected,
    lower: null,
    upper: null,
    z: null,
    delta: null,
    change: null,
    records: null,
  }
  const expected = expectation.expected
  if (expected === null || expectation.years < 1 || current.value === null) return none
  const delta = current.value - expected
  const { change, large } = practicalSize(kind, delta, expected, t)
  if (!large) return { ...none, delta, change }
  const candidates: number[] = []
  const noise = resolve(input.noise)
  if (noise !== null) candidates.push(noise * Math.sqrt(1 + 1 / expectation.years))
  const count = kind === 'count'
  // Counts on the log scale: the spread and the Poisson noise relative to the expected level.
  if (expectation.spread !== null)
    candidates.push(count ? expectation.spread / (Math.max(0, expected) + 0.5) : expectation.spread)
  const se = count
    ? Math.sqrt(1 / (Math.max(0, expected) + 0.5))
    : samplingSe(input.sampling ?? defaultSampling(kind), current, scale, expected)
  if (se !== null) candidates.push(se)
  if (candidates.length === 0) return { ...none, delta, change }
  const sd = Math.max(...candidates)
  const z = cappedZ(count ? logCount(current.value) - logCount(expected) : delta, sd)
  let lower = count ? Math.exp(logCount(expected) - t.zSeason * sd) - 0.5 : expected - t.zSeason * sd
  let upper = count ? Math.exp(logCount(expected) + t.zSeason * sd) - 0.5 : expected + t.zSeason * sd
  if (kind !== 'other' || expected >= 0) lower = Math.max(0, lower)
  if (kind === 'rate' && input.sampling !== 'ratio' && counted(current)) upper = Math.min(scale, upper)
  const records = recordsBehind(kind, current, expected, scale)
  const events = expectedEvents(input.sampling ?? defaultSampling(kind), current, expected, scale)
  // A count's sample is the larger of what it is and what it was expected to be (a fall to 1 is no small sample).
  const sample = count ? Math.max(current.value, expected) : sampleSize(kind, current)
  const significant = z !== null && Math.abs(z) >= t.zSeason
  const status: Status = !significant ? 'none' : tooSmall(t, sample, records, events) ? 'small' : 'alarm'
  return { status, expected, lower, upper, z, delta, change, records }
}

/**
 * 基数效应: a 同比 change that comes from last year's window, not this one — the current value is in
 * line with the windows just before it (no change there), while the base stood apart from its own
 * neighbours the other way, by at least half the change. Such a change is true but not an anomaly of
 * this period: the base's period had it.
 */
export function isBaseEffect(
  input: Common & {
    current: Obs
    /** The windows just before the current one (median figure). */
    recent: Obs
    base: Obs
    /** The base window's neighbours (median figure). */
    baseNeighbours: Obs
  },
): boolean {
  const { current, recent, base, baseNeighbours, ...common } = input
  if (current.value === null || base.value === null || baseNeighbours.value === null) return false
  const change = current.value - base.value
  const odd = base.value - baseNeighbours.value
  if (Math.sign(odd) !== -Math.sign(change) || Math.abs(odd) < 0.5 * Math.abs(change)) return false
  return detectChange({ ...common, current, base: recent }).status === 'none'
}

/** Median figure of several (value, numerator and denominator each the median of theirs). */
export function medianObs(list: readonly Obs[]): Obs {
  const pick = (key: keyof Obs) => median(list.map((o) => o[key]).filter((v): v is number => v !== null))
  return { value: pick('value'), numerator: pick('numerator'), denominator: pick('denominator') }
}
