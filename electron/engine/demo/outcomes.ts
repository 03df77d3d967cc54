/**
 * Decisions about one suspect: 批准/不批准逮捕, 起诉 or which 不起诉, 认罪认罚, the coercive measure,
 * the sentencing recommendation and the verdict. Rates come from rates.ts (province target + unit
 * offset + charge and year shifts + anomaly shifts); everything that makes a record clean under the
 * rules is decided here together with the value (e.g. 存疑不诉 never with 认罪认罚, R039).
 */
import type { AnomalyPlan } from './anomalies.ts'
import { allowsConditional, isVictimCharge } from './charge-groups.ts'
import type { Charge } from './distributions.ts'
import type { Person, Recommendation, Verdict } from './persons.ts'
import { logistic, Weighted, type Random } from './random.ts'
import { yearShift, type Intercepts, type UnitRates } from './rates.ts'

export interface DecisionContext {
  random: Random
  intercepts: Intercepts
  rates: UnitRates
  anomalies: AnomalyPlan
  /** Index of the handling unit (anomalies are planned per unit). */
  unit: number
}

const REFUSE_REASONS = new Weighted(
  ['无社会危险性不捕', '证据不足不捕', '不构成犯罪不捕'],
  [0.72, 0.23, 0.05],
)
/** Share of refused suspects the police still transfer for prosecution, by reason. */
const PROCEEDS_AFTER_REFUSAL: Record<string, number> = {
  无社会危险性不捕: 0.92,
  证据不足不捕: 0.45,
  不构成犯罪不捕: 0.08,
}
const LENIENT_DROPS = new Weighted(
  ['其他情节轻微不起诉', '其他证据不足不起诉', '绝对不起诉', '刑事和解不起诉'],
  [0.84, 0.09, 0.02, 0.05],
)
/** Months: 有期徒刑 runs from six months to fifteen years (刑法第45条). */
const MAX_TERM = 180
/** 不起诉 that R040 expects with 认罪认罚 (相对不诉), and those R039 expects without it. */
export const PLEA_DROPS = new Set(['其他情节轻微不起诉', '附条件不起诉', '刑事和解不起诉'])

export function decideArrest(ctx: DecisionContext, person: Person, main: Charge, year: number): void {
  const { random, intercepts, rates } = ctx
  const x =
    intercepts.refuse +
    main.refuse +
    rates.refuse +
    yearShift(year, 'refuse') +
    (person.juvenile ? 1 : 0) -
    (person.prior ? 0.4 : 0)
  if (random.chance(logistic(x))) {
    person.arrest = 'refused'
    person.refuseReason = REFUSE_REASONS.pick(random)
    person.proceeds = random.chance(PROCEEDS_AFTER_REFUSAL[person.refuseReason])
  } else {
    person.arrest = 'approved'
    person.proceeds = random.chance(0.97)
  }
}

/** 起诉 or a kind of 不起诉, and 认罪认罚, for a suspect received for prosecution on `day`. */
export function decideOutcome(
  ctx: DecisionContext,
  person: Person,
  main: Charge,
  day: number,
  year: number,
): void {
  const { random, intercepts, rates, anomalies } = ctx
  if (person.refuseReason === '不构成犯罪不捕') {
    person.outcome = '绝对不起诉'
    person.plea = false
    return
  }
  const doubtful = person.refuseReason === '证据不足不捕'
  const x =
    intercepts.drop +
    main.drop +
    rates.drop +
    yearShift(year, 'drop') +
    anomalies.shift(ctx.unit, day, 'drop') +
    (person.juvenile ? 1.2 : 0) +
    (doubtful ? 1.5 : 0) -
    (person.recidivist ? 1 : 0)
  if (random.chance(logistic(x))) {
    person.outcome = dropKind(random, person, main, doubtful)
    person.plea = PLEA_DROPS.has(person.outcome)
    return
  }
  person.outcome = '起诉'
  const p =
    intercepts.plea +
    main.plea +
    rates.plea +
    anomalies.shift(ctx.unit, day, 'plea') +
    (person.juvenile ? 0.5 : 0)
  person.plea = random.chance(logistic(p))
}

function dropKind(random: Random, person: Person, main: Charge, doubtful: boolean): string {
  const light = person.plan.kind !== '无期徒刑' && person.plan.months <= 12
  if (person.juvenile && allowsConditional(main.name) && light && random.chance(0.55)) return '附条件不起诉'
  if (doubtful && random.chance(0.6)) return '其他证据不足不起诉'
  const kind = LENIENT_DROPS.pick(random)
  // 刑事和解 is for offences against persons and property with a victim to reconcile with.
  return kind === '刑事和解不起诉' && !isVictimCharge(main.name) ? '其他情节轻微不起诉' : kind
}

/** 审结前强制措施 and 保证金 (万元). */
export function decideMeasure(random: Random, person: Person, main: Charge): void {
  if (person.arrest === 'approved' || main.line === 'duty') person.measure = '逮捕'
  else if (person.arrest === 'refused') person.measure = '取保候审'
  else {
    const u = random.next()
    person.measure = u < 0.9 ? '取保候审' : u < 0.93 && !main.detentionOnly ? '监视居住' : '未采取强制措施'
  }
  if (person.measure === '取保候审' && random.chance(0.3))
    person.bail = random.pick([0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5])
}

/**
 * A recommendation for a suspect to be prosecuted: always with 认罪认罚 (刑诉法第176条), sometimes
 * without. 幅度刑 only for 有期徒刑 of at least 6 months, its upper end within 4/3 of the lower (R069).
 */
export function recommend(ctx: DecisionContext, person: Person): Recommendation | null {
  const { random, intercepts, rates } = ctx
  if (!person.plea && !random.chance(0.4)) return null
  const plan = person.plan
  if (plan.kind === '无期徒刑')
    return { type: '确定刑量刑建议', kind: '无期徒刑', from: 0, to: 0, fine: plan.fine }
  const fixed = person.plea ? random.chance(logistic(intercepts.fixed + rates.fixed)) : random.chance(0.3)
  if (fixed || plan.kind !== '有期徒刑')
    return { type: '确定刑量刑建议', kind: plan.kind, from: plan.months, to: plan.months, fine: plan.fine }
  const to = plan.months + Math.max(1, Math.floor(plan.months / 4))
  // 有期徒刑 ends at fifteen years: a range that would pass it is a fixed recommendation instead.
  if (to > MAX_TERM)
    return { type: '确定刑量刑建议', kind: plan.kind, from: plan.months, to: plan.months, fine: plan.fine }
  return { type: '幅度刑量刑建议', kind: '有期徒刑', from: plan.months, to, fine: plan.fine }
}

const MISSES = [-2, -1, 1, 2, 3, 4]

/** The first-instance verdict: the recommendation when the court adopts it, near it when not. */
export function judge(ctx: DecisionContext, person: Person, fastTrack: boolean, charge: string): Verdict {
  const { random, intercepts, rates } = ctx
  const rec = person.recommendation
  const plan = person.plan
  if (!rec) return { kind: plan.kind, months: plan.months, fine: plan.fine, charge, adopted: null }
  if (rec.kind === '无期徒刑') return { kind: '无期徒刑', months: 0, fine: rec.fine, charge, adopted: true }
  if (random.chance(logistic(intercepts.adopted + rates.adopted))) {
    const months = rec.type === '确定刑量刑建议' ? rec.from : random.int(rec.from, rec.to)
    return { kind: rec.kind, months, fine: rec.fine, charge, adopted: true }
  }
  let months = rec.from + random.pick(MISSES)
  months = rec.kind === '拘役' ? Math.min(6, Math.max(1, months)) : Math.min(MAX_TERM, Math.max(6, months))
  if (fastTrack) months = Math.min(36, months)
  const fine = rec.fine > 0 ? Math.round(rec.fine * (0.8 + random.next() * 0.7) * 100) / 100 : 0
  return { kind: rec.kind, months, fine, charge, adopted: false }
}
