/**
 * The figures the detectors read, for many indicators × units × windows at once, straight from the
 * indicator engine's pre-aggregates (never re-scanning records): one Evaluator, each indicator's
 * monthly figures per unit over the months needed (Evaluator.monthly, the dashboard's fast path), and
 * any window of months as prefix sums over them when the indicator's numerator and denominator add
 * up over months (counts, ratios of counts, averages); other indicators (medians, sums of rates) ask
 * the evaluator for the window itself.
 *
 * Coverage: the months the data really covers, judged by volume — the province's monthly total of the
 * count indicators. A month with less than half the usual volume at either end (the days of January
 * an export pulled on 5 January holds, a stray 受理日期 years back) is not covered: comparing it would
 * make every unit look blank.
 */
import {
  effectiveThresholds,
  type AnomalySettings,
  type Thresholds,
} from '../../../shared/anomalies/model.ts'
import {
  logCount,
  valueKindOf,
  type Obs,
  type Sampling,
  type ValueKind,
} from '../../../shared/anomalies/detect.ts'
import { fluctuation, median } from '../../../shared/anomalies/stats.ts'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import { unitScale, type IndicatorDefinition } from '../../../shared/indicators/model.ts'
import { monthOf, type Window } from '../../../shared/indicators/period.ts'
import { selectIndicators } from '../indicators/compute.ts'
import { Evaluator } from '../indicators/evaluator.ts'
import type { Hierarchy } from '../indicators/hierarchy.ts'
import { listIndicators } from '../indicators/library.ts'
import type { Db } from '../store/database.ts'
import { Forms, type Form } from './forms.ts'
import { loadAnomalySettings } from './settings.ts'

/** One indicator's monthly figures for one unit over the scan's months, with prefix sums. */
export interface Series {
  definition: IndicatorDefinition
  unit: string
  form: Form
  value: (number | null)[]
  numerator: (number | null)[]
  denominator: (number | null)[]
  /** Prefix sums of numerator and denominator (index i = months before from + i). */
  pn: Float64Array
  pd: Float64Array
  /** Trailing levels (median month of a twelve-month window), by the window's last month. */
  levels: Map<number, number | null>
  /** Medians: the records each month's median rests on, and their prefix sums (the figure's sample). */
  counts: (number | null)[] | null
  pc: Float64Array | null
  unavailable: string | null
}

/** A volume below this share of the neighbouring months' median marks a month as not (fully) covered. */
const COVERAGE_SHARE = 0.5

export interface ScanOptions {
  today: string
  indicators?: readonly string[]
  /** The months the detectors may read (clipped to the data's coverage). */
  from: number
  to: number
}

export class AnomalyScan {
  readonly evaluator: Evaluator
  readonly hierarchy: Hierarchy
  readonly all: IndicatorSummary[]
  readonly selected: IndicatorSummary[]
  /** First and last month the data covers (by volume); null when there is none. */
  readonly coverage: { first: number; last: number } | null
  /** The months of the monthly series: coverage ∩ [options.from, options.to]. */
  readonly from: number
  readonly to: number
  private readonly settings: AnomalySettings
  private readonly thresholdCache = new Map<string, Thresholds>()
  private readonly forms: Forms
  private readonly series = new Map<IndicatorDefinition, Map<string, Series>>()
  private readonly calendar = new Map<IndicatorDefinition, number[]>()
  private readonly counters = new Map<IndicatorDefinition, IndicatorDefinition>()

  constructor(db: Db, options: ScanOptions) {
    this.all = listIndicators(db)
    this.selected = selectIndicators(this.all, options.indicators ? [...options.indicators] : undefined)
    this.settings = loadAnomalySettings(db)
    this.evaluator = new Evaluator(db, this.all, { variant: 'all', today: options.today })
    const volume = this.all.filter((d) => d.unit === '件' || d.unit === '人')
    this.forms = new Forms(this.evaluator)
    for (const definition of this.selected) {
      const counter = this.forms.sampleCounter(definition)
      if (counter) this.counters.set(definition, counter)
    }
    this.evaluator.prepare(
      [...this.selected, ...volume, ...this.counters.values()],
      [{ from: options.from, to: options.to }],
    )
    this.hierarchy = this.evaluator.hierarchy
    this.coverage = this.measureCoverage(volume)
    this.from = this.coverage ? Math.max(this.coverage.first, options.from) : options.from
    this.to = this.coverage ? Math.min(this.coverage.last, options.to) : options.to
  }

  thresholds(definition: IndicatorSummary): Thresholds {
    let t = this.thresholdCache.get(definition.id)
    if (!t) this.thresholdCache.set(definition.id, (t = effectiveThresholds(this.settings, definition.id)))
    return t
  }

  kind(definition: IndicatorDefinition): ValueKind {
    return valueKindOf(definition.unit)
  }

  /** Whether a window lies in the covered months after the warm-up. */
  valid(w: Window, warmup: number): boolean {
    return this.coverage !== null && w.from >= this.coverage.first + warmup && w.to <= this.coverage.last
  }

  form(definition: IndicatorDefinition): Form {
    return this.forms.of(definition)
  }

  sampling(definition: IndicatorDefinition): Sampling {
    return this.forms.sampling(definition)
  }

  /** The unit's series of an indicator (cached for the scan). */
  seriesOf(definition: IndicatorDefinition, unit: string): Series {
    let byUnit = this.series.get(definition)
    if (!byUnit) this.series.set(definition, (byUnit = new Map()))
    let s = byUnit.get(unit)
    if (s) return s
    const figures = this.evaluator.monthly(definition, unit, this.from, this.to, false)
    const length = Math.max(0, this.to - this.from + 1)
    const pn = new Float64Array(length + 1)
    const pd = new Float64Array(length + 1)
    for (let i = 0; i < length; i++) {
      pn[i + 1] = pn[i] + (figures.numerator[i] ?? 0)
      pd[i + 1] = pd[i] + (figures.denominator[i] ?? 0)
    }
    const counter = this.counters.get(definition)
    let counts: (number | null)[] | null = null
    let pc: Float64Array | null = null
    if (counter) {
      counts = this.evaluator.monthly(counter, unit, this.from, this.to, false).value
      pc = new Float64Array(length + 1)
      for (let i = 0; i < length; i++) pc[i + 1] = pc[i] + (counts[i] ?? 0)
    }
    s = {
      definition,
      unit,
      form: this.form(definition),
      value: figures.value,
      numerator: figures.numerator,
      denominator: counts ?? figures.denominator,
      pn,
      pd,
      counts,
      pc,
      levels: new Map(),
      unavailable: figures.unavailable,
    }
    byUnit.set(unit, s)
    return s
  }

  /**
   * The level of the unit's figure over a (twelve-month) window: its median month — one odd month does
   * not move it. Null when the window is not covered or has fewer than six values.
   */
  level(s: Series, w: Window, warmup: number): number | null {
    if (s.levels.has(w.to)) return s.levels.get(w.to)!
    let level: number | null = null
    if (this.valid(w, warmup)) {
      const values = this.monthlyValues(s, w.from, w.to).filter((v): v is number => v !== null)
      level = values.length >= 6 ? median(values) : null
    }
    s.levels.set(w.to, level)
    return level
  }

  /** Why the indicator cannot be computed for the unit, or null. */
  unavailable(definition: IndicatorDefinition, unit: string): string | null {
    return this.seriesOf(definition, unit).unavailable
  }

  /** Monthly values from `from` to `to` (months outside the series are null). */
  monthlyValues(s: Series, from: number, to: number): (number | null)[] {
    const out: (number | null)[] = []
    for (let m = from; m <= to; m++)
      out.push(m >= this.from && m <= this.to ? (s.value[m - this.from] ?? null) : null)
    return out
  }

  /** The figure of a window; null when the indicator cannot be computed for the unit. */
  obs(s: Series, w: Window): Obs | null {
    if (s.unavailable) return null
    if (w.from >= this.from && w.to <= this.to) {
      if (w.from === w.to) {
        const k = w.from - this.from
        return { value: s.value[k], numerator: s.numerator[k], denominator: s.denominator[k] }
      }
      if (s.form !== 'other' && this.sameCaliber(s.definition, w)) {
        const a = w.from - this.from
        const b = w.to - this.from + 1
        const numerator = s.pn[b] - s.pn[a]
        if (s.form === 'count') return { value: numerator, numerator, denominator: null }
        const denominator = s.pd[b] - s.pd[a]
        const scale = s.form === 'ratio' ? unitScale(s.definition.unit) : 1
        return { value: denominator === 0 ? null : (numerator / denominator) * scale, numerator, denominator }
      }
    }
    const figure = this.evaluator.figure(s.definition, s.unit, w, false)
    if (figure.unavailable) return null
    let denominator = figure.denominator
    if (s.pc && w.from >= this.from && w.to <= this.to)
      denominator = s.pc[w.to - this.from + 1] - s.pc[w.from - this.from]
    return { value: figure.value, numerator: figure.numerator, denominator }
  }

  /**
   * The province's calendar profile of a count indicator: for each calendar month, the mean over the
   * years of the root's month against its centred twelve-month mean. Holidays (国庆, 劳动节) and the
   * year-end push move every unit's counts alike; dividing the profile out keeps a unit's usual
   * fluctuation from counting the calendar as noise. (A profile, not the root's realized months:
   * those would also divide out the province's own fluctuation.)
   */
  private calendarFactors(definition: IndicatorDefinition): number[] {
    let factors = this.calendar.get(definition)
    if (factors) return factors
    const root = this.seriesOf(definition, this.hierarchy.root).value
    const ratios: number[][] = Array.from({ length: 12 }, () => [])
    root.forEach((v, i) => {
      const window = root.slice(Math.max(0, i - 6), i + 6).filter((x): x is number => x !== null && x > 0)
      if (v === null || v <= 0 || window.length < 12) return
      ratios[monthOf(this.from + i) - 1].push(v / (window.reduce((a, b) => a + b, 0) / window.length))
    })
    const profile = ratios.map((list) =>
      list.length === 0 ? 1 : list.reduce((a, b) => a + b, 0) / list.length,
    )
    factors = root.map((_, i) => profile[monthOf(this.from + i) - 1])
    this.calendar.set(definition, factors)
    return factors
  }

  private sameCaliber(definition: IndicatorDefinition, w: Window): boolean {
    if (definition.calibers.length === 1) return true
    return (
      this.evaluator.caliberFor(definition, { from: w.from, to: w.from }) ===
      this.evaluator.caliberFor(definition, { from: w.to, to: w.to })
    )
  }

  /**
   * The usual fluctuation (σ) of the unit's figure over a window like `w`, from the (up to) 24 monthly
   * values before it, ÷ √length for a window of several months. Counts on the log scale, after the
   * province's calendar profile is divided out (see calendarFactors).
   */
  noise(s: Series, w: Window, warmup: number): number | null {
    if (!this.coverage) return null
    const first = Math.max(this.from, this.coverage.first + warmup, w.from - 24)
    let values = this.monthlyValues(s, first, w.from - 1)
    if (this.kind(s.definition) === 'count') {
      const factors = this.calendarFactors(s.definition)
      values = values.map((v, i) => (v === null ? null : logCount(v / factors[first + i - this.from])))
    }
    const sigma = fluctuation(values)
    if (sigma === null) return null
    return sigma / Math.sqrt(w.to - w.from + 1)
  }

  private measureCoverage(volume: IndicatorSummary[]): { first: number; last: number } | null {
    const raw = this.evaluator.coverage()
    if (!raw) return null
    const from = Math.max(raw.first, raw.last - 119)
    if (volume.length === 0) return { first: from, last: raw.last }
    const length = raw.last - from + 1
    const totals = new Array<number>(length).fill(0)
    for (const definition of volume) {
      const figures = this.evaluator.monthly(definition, this.hierarchy.root, from, raw.last, false)
      if (figures.unavailable) continue
      figures.value.forEach((v, i) => (totals[i] += v ?? 0))
    }
    const covered = (i: number, neighbours: number[]) => {
      const usual = median(neighbours.filter((v) => v > 0))
      return totals[i] > 0 && (usual === null || totals[i] >= COVERAGE_SHARE * usual)
    }
    let last = length - 1
    while (last >= 0 && !covered(last, totals.slice(Math.max(0, last - 12), last))) last--
    if (last < 0) return null
    let first = 0
    while (first < last && !covered(first, totals.slice(first + 1, first + 13))) first++
    return { first: from + first, last: from + last }
  }
}
