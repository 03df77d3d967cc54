/**
 * The detectors over every indicator × unit for one period (a month, a quarter, a range), on the
 * figures of an AnomalyScan: 空白 first (a blank figure is not also a fall), then 升降 (同比, and
 * 环比 when configured) with the base-effect check, 季节异常 against the unit's prior years, and
 * 离群 against the peer units of the same level. The decisions are shared/anomalies/detect.ts.
 *
 * 春节 moves between January and February, so single-month counts (and days, ratios) of January or
 * February are compared as 1–2月 together, as the statistics bureaus publish them; rates are not
 * (both their parts move together).
 */
import {
  detectBlank,
  detectChange,
  detectOutlier,
  detectSeasonal,
  isBaseEffect,
  isEmpty,
  isStandingOutlier,
  medianObs,
  peerReference,
  sampleSize,
  type Expectation,
  type Lazy,
  type Obs,
  type PeerReference,
} from '../../../shared/anomalies/detect.ts'
import { seasonalExpectation, type SeasonalPoint } from '../../../shared/anomalies/forecast.ts'
import type { AnomalyKind, Comparison, Suppression, Thresholds } from '../../../shared/anomalies/model.ts'
import { median } from '../../../shared/anomalies/stats.ts'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import { isRateUnit, unitScale } from '../../../shared/indicators/model.ts'
import { monthOf, type Window } from '../../../shared/indicators/period.ts'
import type { AnomalyScan, Series } from './scan.ts'

export interface Candidate {
  definition: IndicatorSummary
  unit: UnitSummary
  kind: AnomalyKind
  /** Why it is not a warning (small sample, base effect); null for a warning. */
  suppressed: Suppression | null
  movement: 'up' | 'down' | null
  /** The window judged: the period, or January–February for a merged month. */
  window: Window
  merged: boolean
  current: Obs
  baseline: number | null
  baselineLabel: string
  compareTo: Comparison | null
  compareWindow: Window | null
  change: number | null
  z: number | null
  expected: number | null
  lower: number | null
  upper: number | null
  peers: number | null
  peerLabel: string | null
  sample: number | null
  /** The complementary rates (逮捕率 of a 不捕率 warning) that moved with it and are not listed again. */
  complements: string[]
}

const shift = (w: Window, months: number): Window => ({ from: w.from + months, to: w.to + months })
const overlaps = (a: Window, b: Window) => a.from <= b.to && b.from <= a.to
const movementOf = (delta: number | null | undefined): 'up' | 'down' | null =>
  delta === null || delta === undefined || delta === 0 ? null : delta > 0 ? 'up' : 'down'
const rank = (c: Candidate) => (c.suppressed === null ? 2 : c.suppressed === '样本过少' ? 1 : 0)

/** How many preceding windows tell what a unit "usually" has (12 months, 4 quarters, 2 years). */
const usualWindows = (length: number) => Math.min(12, Math.max(2, Math.ceil(12 / length)))

export interface DetectOptions {
  /** Units to report (all by default); peers are always the whole hierarchy's. */
  units?: readonly UnitSummary[]
}

/** Candidates (warnings and held-back ones) of one period window (within the scan's coverage). */
export function detectPeriod(
  scan: AnomalyScan,
  period: Window,
  options: DetectOptions = {},
): { candidates: Candidate[]; examined: number } {
  const hierarchy = scan.hierarchy
  const targets = options.units ?? hierarchy.units
  const candidates: Candidate[] = []
  let examined = 0
  const length = period.to - period.from + 1
  for (const definition of scan.selected) {
    const t = scan.thresholds(definition)
    if (!t.enabled || t.kinds.length === 0) continue
    if (!scan.valid(period, t.warmupMonths)) continue
    const kind = scan.kind(definition)
    const scale = unitScale(definition.unit)
    const sampling = scan.sampling(definition)
    const valid = (w: Window) => scan.valid(w, t.warmupMonths)
    const obs = (series: Series, w: Window) => (valid(w) ? scan.obs(series, w) : null)
    let window = period
    let merged = false
    if (kind !== 'rate' && length === 1 && monthOf(period.from) <= 2) {
      const january = period.from - (monthOf(period.from) - 1)
      const janFeb = { from: january, to: january + 1 }
      if (valid(janFeb)) {
        window = janFeb
        merged = true
      }
    }
    const wants = (k: AnomalyKind) => t.kinds.includes(k)
    // Peers' distributions per (window, peer group), for 离群 and its standing check.
    const references = new Map<string, PeerReference | null>()
    const referenceOf = (unit: UnitSummary, w: Window): PeerReference | null => {
      const group = t.peerScope === 'level' ? unit.level : `${unit.level}|${unit.parent}`
      const key = `${w.from}|${w.to}|${group}`
      if (references.has(key)) return references.get(key)!
      const values: number[] = []
      for (const peer of hierarchy.units) {
        if (peer.level !== unit.level || (t.peerScope === 'parent' && peer.parent !== unit.parent)) continue
        const o = scan.obs(scan.seriesOf(definition, peer.code), w)
        if (!o || o.value === null) continue
        const sample = sampleSize(kind, o)
        if (sample !== null && sample < t.minSample) continue
        values.push(o.value)
      }
      const reference = peerReference(values)
      references.set(key, reference)
      return reference
    }
    // Reused for every unit: no closure per unit in this loop (it runs for every figure of a province).
    const windowNoise = new LazyNoise(scan, t.warmupMonths)
    const periodNoise = merged ? new LazyNoise(scan, t.warmupMonths) : windowNoise
    for (const unit of targets) {
      const series = scan.seriesOf(definition, unit.code)
      if (series.unavailable) continue
      const now = scan.obs(series, period)
      if (!now) continue
      examined++
      windowNoise.reset(series, window)
      periodNoise.reset(series, period)

      if (wants('空白') && isEmpty(kind, now)) {
        const samples: number[] = []
        for (let j = 1; j <= usualWindows(length); j++) {
          const earlier = obs(series, shift(period, -j * length))
          const sample = earlier ? sampleSize(kind, earlier) : null
          if (sample !== null) samples.push(sample)
        }
        const usual = samples.length >= 2 ? median(samples) : null
        const blank = detectBlank(kind, now, usual, t, periodNoise)
        if (blank.status === 'alarm') {
          candidates.push(
            candidateOf(definition, unit, window, merged, now, kind, {
              window: period,
              merged: false,
              kind: '空白',
              suppressed: null,
              movement: null,
              baseline: blank.usual,
              baselineLabel: '此前通常水平',
            }),
          )
          continue
        }
      }

      const judged = merged ? obs(series, window) : now
      if (!judged) continue

      if (wants('升降')) {
        let best: Candidate | null = null
        for (const compareTo of t.compare) {
          const w1 = compareTo === 'yoy' ? window : period
          const w0 = compareTo === 'yoy' ? shift(window, -12) : shift(period, -length)
          const o0 = obs(series, w0)
          const o1 = compareTo === 'yoy' ? judged : now
          if (!o0) continue
          const noise = compareTo === 'yoy' ? windowNoise : periodNoise
          const result = detectChange({ kind, scale, sampling, current: o1, base: o0, noise, t })
          if (result.status === 'none') continue
          let suppressed: Suppression | null = result.status === 'small' ? '样本过少' : null
          if (!suppressed && compareTo === 'yoy' && baseEffect(scan, series, t, w1, w0, o1, o0, noise))
            suppressed = '基数效应'
          const candidate = candidateOf(definition, unit, window, merged, now, kind, {
            window: w1,
            merged: compareTo === 'yoy' && merged,
            current: o1,
            kind: '升降',
            suppressed,
            movement: movementOf(result.delta),
            baseline: o0.value,
            baselineLabel: compareTo === 'yoy' ? '去年同期' : '上期',
            compareTo,
            compareWindow: w0,
            change: result.change,
            z: result.z,
            sample: result.sample,
          })
          if (
            !best ||
            rank(candidate) > rank(best) ||
            (rank(candidate) === rank(best) && Math.abs(candidate.z ?? 0) > Math.abs(best.z ?? 0))
          )
            best = candidate
        }
        if (best) candidates.push(best)
      }

      if (wants('季节异常')) {
        // First without checking the prior years for odd ones (cheap), then — only for a candidate —
        // with that check, which may reveal the difference as a base effect of an odd prior year.
        const quick = expectationFor(scan, series, window, t, kind === 'rate', windowNoise, false)
        const input = { kind, scale, sampling, current: judged, noise: windowNoise, t }
        let result = quick ? detectSeasonal({ ...input, expectation: quick }) : null
        if (result && result.status !== 'none') {
          const checked = expectationFor(scan, series, window, t, kind === 'rate', windowNoise, true)
          result = checked ? detectSeasonal({ ...input, expectation: checked }) : null
        }
        if (result && result.status !== 'none')
          candidates.push(
            candidateOf(definition, unit, window, merged, now, kind, {
              current: judged,
              kind: '季节异常',
              suppressed: result.status === 'small' ? '样本过少' : null,
              movement: movementOf(result.delta),
              baseline: result.expected,
              baselineLabel: '按往年同期推算的预期',
              change: result.change,
              z: result.z,
              expected: result.expected,
              lower: result.lower,
              upper: result.upper,
            }),
          )
      }

      if (wants('离群') && kind !== 'count' && unit.parent !== null) {
        const result = detectOutlier({
          kind,
          scale,
          sampling,
          current: now,
          reference: referenceOf(unit, period),
          noise: periodNoise,
          t,
        })
        if (result.status !== 'none') {
          let suppressed: Suppression | null = result.status === 'small' ? '样本过少' : null
          if (!suppressed) {
            // The preceding twelve months (as far as covered, at least three) as one window.
            const before: Window = {
              from: Math.max(period.from - 12, scan.coverage!.first + t.warmupMonths),
              to: period.from - 1,
            }
            const earlier = before.to - before.from >= 2 ? obs(series, before) : null
            if (earlier) {
              const then = detectOutlier({
                kind,
                scale,
                sampling,
                current: earlier,
                reference: referenceOf(unit, before),
                t,
              })
              if (isStandingOutlier(result, then)) suppressed = '长期偏离'
            }
          }
          candidates.push(
            candidateOf(definition, unit, window, merged, now, kind, {
              kind: '离群',
              window: period,
              merged: false,
              suppressed,
              movement: movementOf(result.delta),
              baseline: result.center,
              baselineLabel: '同级单位中位数',
              change: result.change,
              z: result.z,
              peers: result.peers,
              peerLabel: peerLabel(scan, unit, t),
            }),
          )
        }
      }
    }
  }
  return { candidates: withoutComplements(candidates), examined }
}

/**
 * 不捕率 and 逮捕率 (不诉率 and 起诉率 …) are one figure read from both ends: on the same denominator
 * their values add up to 100%. A warning on one is a warning on the other; the later indicator (in
 * library order) is folded into the first, which names it.
 */
function withoutComplements(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = []
  const groups = new Map<string, Candidate[]>()
  for (const c of candidates) {
    const denominator = c.current.denominator
    if (
      c.suppressed !== null ||
      denominator === null ||
      c.current.value === null ||
      !isRateUnit(c.definition.unit)
    ) {
      kept.push(c)
      continue
    }
    const key = `${c.unit.code}|${c.kind}|${c.window.from}|${c.window.to}|${c.compareTo}|${denominator}`
    const group = groups.get(key) ?? []
    const scale = unitScale(c.definition.unit)
    const twin = group.find((g) => Math.abs(g.current.value! + c.current.value! - scale) < 1e-6 * scale)
    if (twin) {
      twin.complements.push(c.definition.name)
      continue
    }
    group.push(c)
    groups.set(key, group)
    kept.push(c)
  }
  return kept
}

function candidateOf(
  definition: IndicatorSummary,
  unit: UnitSummary,
  window: Window,
  merged: boolean,
  current: Obs,
  kind: ReturnType<AnomalyScan['kind']>,
  patch: Pick<Candidate, 'kind' | 'suppressed' | 'movement' | 'baseline' | 'baselineLabel'> &
    Partial<Candidate>,
): Candidate {
  return {
    definition,
    unit,
    window,
    merged,
    current,
    compareTo: null,
    compareWindow: null,
    change: null,
    z: null,
    expected: null,
    lower: null,
    upper: null,
    peers: null,
    peerLabel: null,
    sample: sampleSize(kind, current),
    complements: [],
    ...patch,
  }
}

/** A unit's usual fluctuation over a window, computed on first use and kept for the unit. */
class LazyNoise implements Lazy {
  private series: Series | null = null
  private window: Window = { from: 0, to: 0 }
  private cached: number | null | undefined

  constructor(
    private readonly scan: AnomalyScan,
    private readonly warmup: number,
  ) {}

  reset(series: Series, window: Window): void {
    this.series = series
    this.window = window
    this.cached = undefined
  }

  value(): number | null {
    if (this.cached === undefined)
      this.cached = this.series ? this.scan.noise(this.series, this.window, this.warmup) : null
    return this.cached
  }
}

/** 全省基层院, 全省市院; with peers under the same 上级院: 南京市各基层院. */
function peerLabel(scan: AnomalyScan, unit: UnitSummary, t: Thresholds): string {
  const levelName = unit.level === 'city' ? '市院' : '基层院'
  if (t.peerScope === 'level') return `全省${levelName}`
  const parent = unit.parent ? scan.hierarchy.get(unit.parent) : undefined
  const area = parent ? parent.name.replace(/人民检察院$/, '') : '同一上级院'
  return `${area}各${levelName}`
}

/**
 * A window's neighbours: up to three windows of its length before and after it, and the same window a
 * year before — not overlapping `avoid`. Their median is its usual level even when the window sits
 * inside a longer abnormal stretch (a quarter of odd months).
 */
function neighbourWindows(w: Window, avoid: readonly Window[]): Window[] {
  const length = w.to - w.from + 1
  return [-1, 1, -2, 2, -3, 3]
    .map((j) => shift(w, j * length))
    .concat([shift(w, -12)])
    .filter((n) => !avoid.some((a) => overlaps(n, a)))
}

/**
 * 基数效应: last year's window stood out from its own neighbours while this one is in line with the
 * windows just before it.
 */
function baseEffect(
  scan: AnomalyScan,
  series: Series,
  t: Thresholds,
  w1: Window,
  w0: Window,
  current: Obs,
  base: Obs,
  noise: Lazy,
): boolean {
  const length = w1.to - w1.from + 1
  const figure = (w: Window) => (scan.valid(w, t.warmupMonths) ? scan.obs(series, w) : null)
  const present = (list: (Obs | null)[]) => list.filter((o): o is Obs => o !== null && o.value !== null)
  const recent = present([1, 2, 3].map((j) => figure(shift(w1, -j * length))))
  const neighbours = present(neighbourWindows(w0, [w1, w0]).map(figure))
  if (recent.length < 2 || neighbours.length < 3) return false
  return isBaseEffect({
    kind: scan.kind(series.definition),
    scale: unitScale(series.definition.unit),
    sampling: scan.sampling(series.definition),
    t,
    noise,
    current,
    recent: medianObs(recent),
    base,
    baseNeighbours: medianObs(neighbours),
  })
}

/**
 * The seasonal expectation of a window from the same window in up to three prior years, each moved
 * to the current level (the trailing twelve months' median month now against then: a median, so one
 * odd month does not move the level). A prior year whose window stood out from its own neighbours is
 * left out (it would be a base effect); so are years whose trailing months are not covered when the
 * current level is known. Without any level-adjusted year, two plain prior years are needed.
 */
export function expectationFor(
  scan: AnomalyScan,
  series: Series,
  window: Window,
  t: Thresholds,
  additive: boolean,
  noise: Lazy,
  checkOddYears: boolean,
): Expectation | null {
  const figure = (w: Window) => (scan.valid(w, t.warmupMonths) ? scan.obs(series, w) : null)
  const kind = scan.kind(series.definition)
  const scale = unitScale(series.definition.unit)
  const trailing: Window = { from: window.from - 12, to: window.from - 1 }
  const level = scan.level(series, trailing, t.warmupMonths)
  const points: SeasonalPoint[] = []
  for (let k = 1; k <= 3; k++) {
    const w = shift(window, -12 * k)
    const earlier = figure(w)
    if (!earlier) break
    if (earlier.value === null) continue
    if (checkOddYears) {
      const around = neighbourWindows(w, [window, w])
        .map(figure)
        .filter((o): o is Obs => o !== null && o.value !== null)
      if (around.length >= 3) {
        const odd = detectChange({
          kind,
          scale,
          sampling: scan.sampling(series.definition),
          current: earlier,
          base: medianObs(around),
          noise,
          t,
        })
        if (odd.status !== 'none') continue
      }
    }
    points.push({ value: earlier.value, level: scan.level(series, shift(trailing, -12 * k), t.warmupMonths) })
  }
  const adjusted = level === null ? [] : points.filter((p) => p.level !== null)
  if (adjusted.length > 0) return seasonalExpectation({ history: adjusted, level, additive })
  if (points.length < 2) return null
  return seasonalExpectation({ history: points, level: null, additive })
}
