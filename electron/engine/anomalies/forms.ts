/**
 * How an indicator's window figure follows from its months (or from its parts): it does when its
 * numerator and denominator are sums of additive measures (persons, cases, sums, or other indicators'
 * additive parts) without constant terms — then a window's figure is Σ numerator / Σ denominator and
 * any split of the records (by unit, 案由 …) adds up to the whole.
 */
import { valueKindOf, type Sampling } from '../../../shared/anomalies/detect.ts'
import type { Ir } from '../../../shared/expr/index.ts'
import type { IndicatorDefinition, RecordMeasure } from '../../../shared/indicators/model.ts'
import type { Evaluator } from '../indicators/evaluator.ts'
import type { ResolvedMeasure } from '../indicators/measures.ts'

/**
 * How an indicator's window figure follows from its months: `ratio` Σ numerator / Σ denominator × scale,
 * `average` Σ total / Σ count, `count` Σ value; `other` (medians, sums of rates) cannot be summed.
 */
export type Form = 'ratio' | 'average' | 'count' | 'other'

export class Forms {
  private readonly cache = new Map<string, Form>()
  private readonly samplings = new Map<string, Sampling>()

  constructor(private readonly evaluator: Evaluator) {}

  of(definition: IndicatorDefinition, seen: Set<string> = new Set()): Form {
    const known = this.cache.get(definition.id)
    if (known) return known
    if (seen.has(definition.id)) return 'other'
    seen.add(definition.id)
    let form: Form | null = null
    for (const caliber of definition.calibers) {
      const f = this.caliberForm(caliber, seen)
      if (form === null) form = f
      else if (form !== f) form = 'other'
    }
    const result = form ?? 'other'
    this.cache.set(definition.id, result)
    return result
  }

  /**
   * The sampling model of an indicator's figures (shared/anomalies/detect.ts): a rate whose numerator
   * and denominator count records of one dataset by one date field is binomial (its numerator persons
   * are among the denominator's); across datasets or date fields it is a ratio of two flows.
   */
  sampling(definition: IndicatorDefinition): Sampling {
    const known = this.samplings.get(definition.id)
    if (known) return known
    const kind = valueKindOf(definition.unit)
    const form = this.of(definition)
    let sampling: Sampling = 'none'
    if (kind === 'count') sampling = 'poisson'
    else if (form === 'average') sampling = 'mean'
    else if (form === 'ratio') {
      const measures: ResolvedMeasure[] = []
      for (const caliber of definition.calibers)
        this.recordMeasures(caliber, measures, new Set([definition.id]))
      const sources = new Set(measures.map((m) => `${m.datasetId}|${m.dateColumn}`))
      sampling = kind === 'rate' && sources.size === 1 ? 'binomial' : 'ratio'
    }
    this.samplings.set(definition.id, sampling)
    return sampling
  }

  /**
   * For a median (办案天数中位数): the same records counted — a synthetic indicator whose figures are
   * the sample a median rests on, for the small-sample guard. Null for any other indicator.
   */
  sampleCounter(definition: IndicatorDefinition): IndicatorDefinition | null {
    if (this.of(definition) !== 'other') return null
    const calibers: IndicatorDefinition['calibers'] = []
    for (const caliber of definition.calibers) {
      const compiled = this.evaluator.compile(caliber)
      const ir = compiled.formula?.ir
      if (!ir || ir.kind !== 'field') return null
      const slot = compiled.slots.get(ir.name)
      if (!slot || slot.type !== 'record' || slot.measure.kind !== 'median') return null
      const declared = caliber.measures[ir.name] as RecordMeasure
      const counted: RecordMeasure = { dataset: declared.dataset, of: 'persons', date: declared.date }
      if (declared.filter) counted.filter = declared.filter
      calibers.push({ ...caliber, measures: { [ir.name]: counted }, formula: ir.name })
    }
    return { ...definition, id: `${definition.id}#样本`, unit: '人', calibers }
  }

  private recordMeasures(
    caliber: IndicatorDefinition['calibers'][number],
    out: ResolvedMeasure[],
    seen: Set<string>,
  ): void {
    for (const slot of this.evaluator.compile(caliber).slotList) {
      if (slot.type === 'record') out.push(slot.measure)
      else if (slot.type === 'indicator' && !seen.has(slot.ref.indicator)) {
        const referenced = this.evaluator.definition(slot.ref.indicator)
        if (!referenced) continue
        seen.add(referenced.id)
        for (const c of referenced.calibers) this.recordMeasures(c, out, seen)
      }
    }
  }

  private caliberForm(caliber: IndicatorDefinition['calibers'][number], seen: Set<string>): Form {
    const compiled = this.evaluator.compile(caliber)
    const formula = compiled.formula
    if (!formula) return 'other'
    if (compiled.denominatorFn === null && compiled.averageAt >= 0) return 'average'
    const additive = (name: string): boolean => {
      const slot = compiled.slots.get(name)
      if (!slot) return false
      if (slot.type === 'unavailable') return true
      if (slot.type === 'record')
        return slot.measure.kind === 'persons' || slot.measure.kind === 'cases' || slot.measure.kind === 'sum'
      const referenced = this.evaluator.definition(slot.ref.indicator)
      if (!referenced) return false
      const form = this.of(referenced, new Set(seen))
      if (slot.ref.part === 'value') return form === 'count'
      if (slot.ref.part === 'denominator') return form === 'ratio' || form === 'average'
      return form !== 'other'
    }
    if (compiled.denominatorFn !== null)
      return formula.denominator !== null &&
        homogeneous(formula.numerator, additive) &&
        homogeneous(formula.denominator, additive)
        ? 'ratio'
        : 'other'
    return homogeneous(formula.ir, additive) ? 'count' : 'other'
  }
}

/** A linear form without constant terms (a + b − 2·c): it adds up over months like its measures. */
function homogeneous(ir: Ir, additive: (name: string) => boolean): boolean {
  switch (ir.kind) {
    case 'field':
      return additive(ir.name)
    case 'negate':
      return homogeneous(ir.operand, additive)
    case 'arithmetic':
      if (ir.op === '+' || ir.op === '-')
        return homogeneous(ir.left, additive) && homogeneous(ir.right, additive)
      if (ir.op === '*')
        return (
          (constant(ir.left) && homogeneous(ir.right, additive)) ||
          (constant(ir.right) && homogeneous(ir.left, additive))
        )
      if (ir.op === '/') return constant(ir.right) && homogeneous(ir.left, additive)
      return false
    default:
      return false
  }
}

function constant(ir: Ir): boolean {
  if (ir.kind === 'literal') return typeof ir.value === 'number'
  if (ir.kind === 'negate') return constant(ir.operand)
  if (ir.kind === 'arithmetic') return constant(ir.left) && constant(ir.right)
  return false
}
