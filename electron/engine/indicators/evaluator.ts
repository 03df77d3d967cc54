/**
 * Figures of indicators: a 口径's measures summed over a unit's records in a window, combined by its
 * formula into numerator, denominator and value. One evaluator serves one request: it compiles each
 * 口径 once, fetches the aggregates of all its measures per dataset in one go, and answers every
 * (indicator, unit, window) from the rolled-up sums.
 */
import {
  compileFormula,
  compileNumeric,
  type CompiledFormula,
  type NumericFn,
} from '../../../shared/indicators/formula.ts'
import {
  caliberOn,
  isIndicatorMeasure,
  unitScale,
  type Caliber,
  type IndicatorDefinition,
  type IndicatorMeasure,
} from '../../../shared/indicators/model.ts'
import { windowDates, type Window } from '../../../shared/indicators/period.ts'
import type { Db } from '../store/database.ts'
import { aggregatesFor, warmAggregates, type MeasureAggregate, type Variant } from './aggregates.ts'
import { loadHierarchy, type Hierarchy } from './hierarchy.ts'
import { resolveMeasure, type ResolvedMeasure } from './measures.ts'
import { rolledHistogram, rolledUp, windowMedian, windowSum, type Rolled } from './rollup.ts'

export interface Figure {
  value: number | null
  numerator: number | null
  denominator: number | null
  caliber: Caliber
  unavailable?: string
}

type MeasureSlot =
  | { type: 'record'; measure: ResolvedMeasure }
  | { type: 'indicator'; ref: IndicatorMeasure }
  | { type: 'unavailable'; reason: string }

export interface CompiledCaliber {
  formula: CompiledFormula | null
  error: string | null
  slots: Map<string, MeasureSlot>
  /** Slots in formula-argument order, and the formula's parts as functions over their values. */
  slotList: MeasureSlot[]
  valueFn: NumericFn | null
  numeratorFn: NumericFn | null
  denominatorFn: NumericFn | null
  /** The formula is one average measure (its position): numerator = total, denominator = count. */
  averageAt: number
  /** The first slot that cannot be computed, if any. */
  unavailable: string | null
}

/** Monthly figures of one indicator for one unit: index = month − from. */
export interface MonthlyFigures {
  value: (number | null)[]
  numerator: (number | null)[]
  denominator: (number | null)[]
  unavailable: string | null
}

export interface EvaluatorOptions {
  variant: Variant
  today: string
  /** Pin this 口径 id wherever an indicator has it. */
  caliber?: string
}

export class Evaluator {
  private readonly compiled = new Map<Caliber, CompiledCaliber>()
  private readonly aggregates = new Map<string, MeasureAggregate>()
  private readonly byId: Map<string, IndicatorDefinition>
  private readonly monthlyMemo = new Map<string, MonthlyFigures>()
  private readonly prefixes = new Map<string, { first: number; n: Float64Array; s: Float64Array } | null>()
  /** 口径 by definition and window end month (it depends on nothing else). */
  private readonly calibers = new Map<IndicatorDefinition, Map<number, Caliber>>()
  private hierarchyCache: Hierarchy | null = null

  constructor(
    private readonly db: Db,
    definitions: readonly IndicatorDefinition[],
    private readonly options: EvaluatorOptions,
  ) {
    this.byId = new Map(definitions.map((d) => [d.id, d]))
  }

  definition(id: string): IndicatorDefinition | undefined {
    return this.byId.get(id)
  }

  get hierarchy(): Hierarchy {
    this.hierarchyCache ??= loadHierarchy(this.db, () => this.dataUnitCodes())
    return this.hierarchyCache
  }

  /** The 口径 used for a window: the pinned one when the indicator has it, else the one in force at its end. */
  caliberFor(definition: IndicatorDefinition, w: Window): Caliber {
    let byMonth = this.calibers.get(definition)
    if (!byMonth) this.calibers.set(definition, (byMonth = new Map()))
    let caliber = byMonth.get(w.to)
    if (!caliber) {
      const pinned = this.options.caliber && definition.calibers.find((c) => c.id === this.options.caliber)
      caliber = pinned || caliberOn(definition, windowDates(w).last)
      byMonth.set(w.to, caliber)
    }
    return caliber
  }

  /**
   * Compiles the 口径s that windows `w` will use (and those of referenced indicators) and loads their
   * aggregates, one batch per dataset.
   */
  prepare(definitions: readonly IndicatorDefinition[], windows: readonly Window[]): void {
    for (const [datasetId, measures] of this.pending(definitions, windows))
      for (const [key, aggregate] of aggregatesFor(this.db, datasetId, this.options.variant, measures))
        this.aggregates.set(key, aggregate)
  }

  /** Builds what `prepare` would need on scan threads, leaving the engine free meanwhile. */
  async warm(
    definitions: readonly IndicatorDefinition[],
    windows: readonly Window[],
    dbPath: string,
  ): Promise<void> {
    for (const [datasetId, measures] of this.pending(definitions, windows))
      await warmAggregates(this.db, dbPath, datasetId, this.options.variant, measures)
  }

  /** Record measures of the 口径s the windows use (and of referenced indicators), by dataset. */
  private pending(
    definitions: readonly IndicatorDefinition[],
    windows: readonly Window[],
  ): Map<number, ResolvedMeasure[]> {
    const pending = new Map<number, ResolvedMeasure[]>()
    const visit = (definition: IndicatorDefinition, seen: Set<string>) => {
      if (seen.has(definition.id)) return
      seen.add(definition.id)
      for (const w of windows) {
        const compiled = this.compile(this.caliberFor(definition, w))
        for (const slot of compiled.slots.values()) {
          if (slot.type === 'record' && !this.aggregates.has(slot.measure.key)) {
            const list = pending.get(slot.measure.datasetId) ?? []
            list.push(slot.measure)
            pending.set(slot.measure.datasetId, list)
          } else if (slot.type === 'indicator') {
            const referenced = this.byId.get(slot.ref.indicator)
            if (referenced) visit(referenced, seen)
          }
        }
      }
    }
    for (const definition of definitions) visit(definition, new Set())
    return pending
  }

  compile(caliber: Caliber): CompiledCaliber {
    let compiled = this.compiled.get(caliber)
    if (compiled) return compiled
    const slots = new Map<string, MeasureSlot>()
    for (const [name, measure] of Object.entries(caliber.measures)) {
      if (isIndicatorMeasure(measure)) {
        slots.set(
          name,
          this.byId.has(measure.indicator)
            ? { type: 'indicator', ref: measure }
            : { type: 'unavailable', reason: `引用的指标“${measure.indicator}”不存在` },
        )
        continue
      }
      const resolved = resolveMeasure(this.db, measure, this.options.today)
      slots.set(
        name,
        resolved.ok
          ? { type: 'record', measure: resolved.measure }
          : { type: 'unavailable', reason: resolved.reason },
      )
    }
    const names = [...slots.keys()]
    const slotList = [...slots.values()]
    const unavailable = slotList.find((slot) => slot.type === 'unavailable')
    const formula = compileFormula(caliber.formula, names)
    const base = {
      slots,
      slotList,
      unavailable: unavailable?.type === 'unavailable' ? unavailable.reason : null,
    }
    if (!formula.ok) {
      compiled = {
        ...base,
        formula: null,
        error: `公式有误：${formula.errors[0].message}`,
        valueFn: null,
        numeratorFn: null,
        denominatorFn: null,
        averageAt: -1,
      }
    } else {
      const f = formula.formula
      const at = f.ir.kind === 'field' ? names.indexOf(f.ir.name) : -1
      const single = at >= 0 ? slotList[at] : null
      compiled = {
        ...base,
        formula: f,
        error: null,
        valueFn: compileNumeric(f.ir, names),
        numeratorFn: compileNumeric(f.numerator, names),
        denominatorFn: f.denominator === null ? null : compileNumeric(f.denominator, names),
        averageAt: single?.type === 'record' && single.measure.kind === 'avg' ? at : -1,
      }
    }
    this.compiled.set(caliber, compiled)
    return compiled
  }

  /** The figure of an indicator for a unit (with its subordinate units unless `own`) and window. */
  figure(
    definition: IndicatorDefinition,
    unit: string,
    w: Window,
    own: boolean,
    stack: string[] = [],
  ): Figure {
    const caliber = this.caliberFor(definition, w)
    const empty = (unavailable: string): Figure => ({
      value: null,
      numerator: null,
      denominator: null,
      caliber,
      unavailable,
    })
    if (stack.includes(definition.id))
      return empty(`指标之间循环引用：${[...stack, definition.id].join(' → ')}`)
    const compiled = this.compile(caliber)
    if (!compiled.formula) return empty(compiled.error ?? '公式有误')
    if (compiled.unavailable) return empty(compiled.unavailable)
    const values: (number | null)[] = new Array(compiled.slotList.length)
    let total: { n: number; s: number } | null = null
    for (let i = 0; i < compiled.slotList.length; i++) {
      const slot = compiled.slotList[i]
      if (slot.type === 'indicator') {
        const referenced = this.byId.get(slot.ref.indicator)!
        const figure = this.figure(referenced, unit, w, own, [...stack, definition.id])
        if (figure.unavailable) return empty(figure.unavailable)
        values[i] = figure[slot.ref.part]
      } else if (slot.type === 'record') {
        const m = slot.measure
        if (m.kind === 'median') values[i] = this.median(m, unit, w, own)
        else {
          const sum = this.sum(m, unit, w, own)
          values[i] = measureValue(m.kind, sum.n, sum.s)
          if (i === compiled.averageAt) total = sum
        }
      }
    }
    return { ...combine(compiled, values, total, unitScale(definition.unit)), caliber }
  }

  /**
   * Figures of every month from..to (single-month windows), the dashboard's bulk path: 口径 chosen
   * per month, measure sums read straight from the prefix arrays, referenced indicators memoised.
   */
  monthly(
    definition: IndicatorDefinition,
    unit: string,
    from: number,
    to: number,
    own: boolean,
    stack: string[] = [],
  ): MonthlyFigures {
    const memoKey = `${definition.id}|${unit}|${own}|${from}|${to}`
    const memo = this.monthlyMemo.get(memoKey)
    if (memo) return memo
    const length = to - from + 1
    const out: MonthlyFigures = {
      value: new Array(length).fill(null),
      numerator: new Array(length).fill(null),
      denominator: new Array(length).fill(null),
      unavailable: null,
    }
    if (stack.includes(definition.id)) {
      out.unavailable = `指标之间循环引用：${[...stack, definition.id].join(' → ')}`
      return out
    }
    const scale = unitScale(definition.unit)
    for (let k = 0; k < length; k++) {
      const m = from + k
      const caliber = this.caliberFor(definition, { from: m, to: m })
      const compiled = this.compile(caliber)
      const problem = compiled.formula ? compiled.unavailable : (compiled.error ?? '公式有误')
      if (problem) {
        out.unavailable = problem
        continue
      }
      const values: (number | null)[] = new Array(compiled.slotList.length)
      let total: { n: number; s: number } | null = null
      let failed = false
      for (let i = 0; i < compiled.slotList.length; i++) {
        const slot = compiled.slotList[i]
        if (slot.type === 'indicator') {
          const referenced = this.monthly(this.byId.get(slot.ref.indicator)!, unit, from, to, own, [
            ...stack,
            definition.id,
          ])
          if (referenced.unavailable) {
            out.unavailable = referenced.unavailable
            failed = true
            break
          }
          values[i] = referenced[slot.ref.part][k]
        } else if (slot.type === 'record') {
          const measure = slot.measure
          if (measure.kind === 'median') {
            values[i] = this.median(measure, unit, { from: m, to: m }, own)
            continue
          }
          // One month of the prefix sums, read directly: this loop runs for every figure of the dashboard.
          const prefix = this.prefixOf(measure, unit, own)
          let n = 0
          let sum = 0
          if (prefix) {
            const at = m - prefix.first
            if (at >= 0 && at < prefix.n.length - 1) {
              n = prefix.n[at + 1] - prefix.n[at]
              sum = prefix.s[at + 1] - prefix.s[at]
            }
          }
          values[i] = measureValue(measure.kind, n, sum)
          if (i === compiled.averageAt) total = { n, s: sum }
        }
      }
      if (failed) continue
      const figure = combine(compiled, values, total, scale)
      out.value[k] = figure.value
      out.numerator[k] = figure.numerator
      out.denominator[k] = figure.denominator
    }
    this.monthlyMemo.set(memoKey, out)
    return out
  }

  private aggregateOf(m: ResolvedMeasure): MeasureAggregate | undefined {
    if (!this.aggregates.has(m.key)) {
      // Not prepared (a 口径 used only by a window outside `prepare`): fetch its aggregates now.
      for (const [key, aggregate] of aggregatesFor(this.db, m.datasetId, this.options.variant, [m]))
        this.aggregates.set(key, aggregate)
    }
    return this.aggregates.get(m.key)
  }

  /** A unit's prefix sums of a measure (null: no records), cached per request. */
  private prefixOf(
    m: ResolvedMeasure,
    unit: string,
    own: boolean,
  ): { first: number; n: Float64Array; s: Float64Array } | null {
    const key = `${m.key}|${unit}|${own}`
    let prefix = this.prefixes.get(key)
    if (prefix === undefined) {
      const aggregate = this.aggregateOf(m)
      const rolled = aggregate ? rolledUp(aggregate, this.hierarchy) : null
      const arrays = rolled ? (own ? rolled.own : rolled.rolled).get(unit) : undefined
      prefix = rolled && arrays ? { first: rolled.first, n: arrays.n, s: arrays.s } : null
      this.prefixes.set(key, prefix)
    }
    return prefix
  }

  private sum(m: ResolvedMeasure, unit: string, w: Window, own: boolean): { n: number; s: number } {
    const aggregate = this.aggregateOf(m)
    const rolled: Rolled | null = aggregate ? rolledUp(aggregate, this.hierarchy) : null
    return rolled ? windowSum(rolled, unit, own, w) : { n: 0, s: 0 }
  }

  private median(m: ResolvedMeasure, unit: string, w: Window, own: boolean): number | null {
    const aggregate = this.aggregateOf(m)
    return aggregate ? windowMedian(rolledHistogram(aggregate, this.hierarchy), unit, own, w) : null
  }

  /** Months with data in the aggregates read so far: the coverage a partial period is judged by. */
  coverage(): { first: number; last: number } | null {
    let first = Infinity
    let last = -Infinity
    for (const aggregate of this.aggregates.values()) {
      for (const months of aggregate.cells.values())
        for (const [month, cell] of months)
          if (cell.n !== 0) {
            first = Math.min(first, month)
            last = Math.max(last, month)
          }
      for (const months of aggregate.values.values())
        for (const month of months.keys()) {
          first = Math.min(first, month)
          last = Math.max(last, month)
        }
    }
    return first <= last ? { first, last } : null
  }

  private dataUnitCodes(): string[] {
    const codes = new Set<string>()
    for (const aggregate of this.aggregates.values())
      for (const code of [...aggregate.cells.keys(), ...aggregate.values.keys()]) codes.add(code)
    return [...codes]
  }
}

const measureValue = (kind: string, n: number, s: number): number | null =>
  kind === 'persons' || kind === 'cases' ? n : kind === 'sum' ? s : n > 0 ? s / n : null

/**
 * Numerator, denominator and value from the measure values: a ratio is scaled to the display unit
 * (× 100 for %), an empty or zero denominator gives null; a lone average reports its total and count.
 */
function combine(
  compiled: CompiledCaliber,
  values: (number | null)[],
  total: { n: number; s: number } | null,
  scale: number,
): Omit<Figure, 'caliber'> {
  if (compiled.denominatorFn === null) {
    if (total)
      return { value: total.n > 0 ? total.s / total.n : null, numerator: total.s, denominator: total.n }
    const value = compiled.valueFn!(values)
    return { value, numerator: value, denominator: null }
  }
  const numerator = compiled.numeratorFn!(values)
  const denominator = compiled.denominatorFn(values)
  const value =
    numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * scale
  return { value, numerator, denominator }
}
