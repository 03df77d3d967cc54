/**
 * The 审查起诉 stage of a case: each suspect's outcome, the trial procedure, and the dates within the
 * statutory limits (one month, 15 more days when extended, restarted after each 退回补充侦查 of at most
 * a month; 速裁 10 days), then the first-instance trial.
 */
import { nextWorkday, workdayOnOrBefore } from './calendar.ts'
import type { CaseContext, DemoCase, ProsecutionStage } from './case-types.ts'
import { isPropertyCharge } from './charge-groups.ts'
import type { Charge } from './distributions.ts'
import { decideMeasure, decideOutcome, judge, recommend, type DecisionContext } from './outcomes.ts'
import type { Person } from './persons.ts'
import { logistic, Weighted, type Random } from './random.ts'
import { fromDayNumber } from '../../../shared/values/date.ts'

const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4))

/** Re-qualifications at 审查起诉 or trial, within the same rule groups (R044, R061). */
export const ALTERNATIVES: Record<string, string> = {
  盗窃罪: '诈骗罪',
  诈骗罪: '盗窃罪',
  抢夺罪: '盗窃罪',
  开设赌场罪: '赌博罪',
  赌博罪: '开设赌场罪',
  帮助信息网络犯罪活动罪: '掩饰、隐瞒犯罪所得、犯罪所得收益罪',
  '掩饰、隐瞒犯罪所得、犯罪所得收益罪': '帮助信息网络犯罪活动罪',
  寻衅滋事罪: '聚众斗殴罪',
  聚众斗殴罪: '寻衅滋事罪',
}
const FAST_DAYS = new Weighted([2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 4, 6, 9, 12, 14, 16, 17, 20])

export function prosecutionStage(
  ctx: CaseContext,
  decisions: DecisionContext,
  c: DemoCase,
  persons: Person[],
  accepted: number,
): ProsecutionStage {
  const { random, intercepts } = ctx
  const rates = ctx.rates[c.unit.index]
  const main = c.charges[0]
  const year = yearOf(accepted)
  const u = random.next()
  const handedOver = u < 0.002 ? '改变管辖' : u < 0.004 ? '同意移送单位撤回' : ''
  for (const person of persons) {
    decideMeasure(random, person, main)
    person.amounts = amountsFor(random, main)
    if (handedOver) person.outcome = handedOver
    else decideOutcome(decisions, person, main, accepted, year)
  }
  const prosecuted = persons.filter((p) => p.outcome === '起诉')
  for (const person of prosecuted) person.recommendation = recommend(decisions, person)
  const procedure = chooseProcedure(ctx, c, persons, prosecuted)

  const returns: [number, number, number, number] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN]
  let concluded: number
  if (procedure === '速裁程序') {
    concluded = workdayOnOrBefore(accepted + FAST_DAYS.pick(random), accepted + 1)
  } else {
    let start = accepted
    let notResubmitted = false
    if (!handedOver && random.chance(logistic(intercepts.returned + rates.returned))) {
      returns[0] = workdayOnOrBefore(accepted + random.int(10, 30), accepted + 1)
      if (random.chance(0.12)) notResubmitted = true
      else {
        returns[1] = workdayOnOrBefore(returns[0] + random.int(12, 31), returns[0] + 1)
        start = returns[1]
        if (random.chance(0.15)) {
          returns[2] = workdayOnOrBefore(returns[1] + random.int(10, 30), returns[1] + 1)
          returns[3] = workdayOnOrBefore(returns[2] + random.int(12, 31), returns[2] + 1)
          start = returns[3]
        }
      }
    }
    // 退查后未重报: the case closes the day after the month of supplementary investigation ran out.
    concluded = notResubmitted ? returns[0] + 32 : workdayOnOrBefore(start + reviewDays(random), start + 1)
    if (notResubmitted) {
      for (const person of persons) {
        person.outcome = '退查后未重报'
        person.plea = false
        person.recommendation = null
      }
    }
  }
  const stage: ProsecutionStage = {
    caseNumber: '',
    name: '',
    persons,
    charges: c.charges.filter((charge) => persons.some((p) => p.charges.includes(charge))),
    accepted,
    concluded,
    returns,
    finalCharge: main.name,
    changed: false,
    procedure: persons.some((p) => p.outcome === '起诉') ? procedure : '',
    hearing: Number.NaN,
    judged: Number.NaN,
    receipt: Number.NaN,
  }
  if (ALTERNATIVES[main.name] && random.chance(0.02)) {
    stage.finalCharge = ALTERNATIVES[main.name]
    stage.changed = true
  }
  if (stage.procedure) trial(ctx, decisions, stage)
  return stage
}

/**
 * Money in 万元 for property and economic charges: 审结数额 (lognormal around the charge's median,
 * capped well below the 499 that R042/R068 read as a 元-for-万元 slip), the loss, what was recovered,
 * seized by the police and refunded by the suspect.
 */
function amountsFor(random: Random, main: Charge): number[] | null {
  if (main.amount <= 0 && !isPropertyCharge(main.name)) return null
  const amount = round2(Math.min(400, Math.max(0.05, random.lognormal(main.amount || 1, 1))))
  const loss = round2(amount * (0.6 + 0.4 * random.next()))
  const recovered = round2(loss * random.next())
  const seized = round2(recovered * 0.6 * random.next())
  return [amount, loss, recovered, seized, round2(recovered - seized)]
}
const round2 = (x: number) => Math.round(x * 100) / 100

/** 审查起诉 working days before 审结: mostly within the month, 7 % extended by up to 15 days. */
function reviewDays(random: Random): number {
  if (random.chance(0.07)) return random.int(31, 45)
  return Math.min(30, Math.max(3, Math.round(random.lognormal(15, 0.55))))
}

/**
 * 速裁 needs every prosecuted suspect to plead, be an adult without special circumstances and face
 * at most three years (R051, R053); 简易 excludes special circumstances and cases where some plead
 * and others do not (R052). 市院 cases go to the 中级法院 in 普通程序.
 */
function chooseProcedure(
  ctx: CaseContext,
  c: DemoCase,
  persons: Person[],
  prosecuted: Person[],
): ProsecutionStage['procedure'] {
  if (prosecuted.length === 0) return ''
  if (c.unit.level !== 'county') return '普通程序'
  const { random, intercepts } = ctx
  const rates = ctx.rates[c.unit.index]
  const fastOk = prosecuted.every(
    (p) =>
      p.plea &&
      !p.juvenile &&
      !p.special &&
      p.plan.kind !== '无期徒刑' &&
      (p.recommendation ? p.recommendation.to : p.plan.months) <= 36,
  )
  if (fastOk && random.chance(logistic(intercepts.fastTrack + rates.fastTrack))) return '速裁程序'
  const casePlea = persons.some((p) => p.plea)
  const simpleOk = prosecuted.every((p) => !p.special && !(casePlea && !p.plea) && p.plan.kind !== '无期徒刑')
  return simpleOk && random.chance(0.55) ? '简易程序' : '普通程序'
}

function trial(ctx: CaseContext, decisions: DecisionContext, stage: ProsecutionStage): void {
  const { random } = ctx
  const from = stage.concluded
  if (stage.procedure === '速裁程序') {
    stage.judged = nextWorkday(from + random.int(3, 10))
    stage.hearing = stage.judged // 速裁: sentenced at the hearing (R060)
  } else if (stage.procedure === '简易程序') {
    stage.judged = nextWorkday(from + random.int(8, 20))
    stage.hearing = random.chance(0.8) ? stage.judged : Math.max(from + 1, stage.judged - random.int(1, 7))
  } else {
    stage.judged = nextWorkday(from + Math.min(180, Math.max(15, Math.round(random.lognormal(40, 0.5)))))
    stage.hearing = stage.judged - random.int(0, Math.min(30, stage.judged - from - 1))
  }
  stage.receipt = stage.judged + random.int(0, 4)
  const retried = random.chance(0.01) ? ALTERNATIVES[stage.finalCharge] : undefined
  for (const person of stage.persons) {
    if (person.outcome !== '起诉') continue
    // Every suspect of a case shares its main charge, so the verdict starts from the case's 审结案由.
    person.verdict = judge(decisions, person, stage.procedure === '速裁程序', retried ?? stage.finalCharge)
    person.trialPlea = person.plea ? random.chance(0.98) : random.chance(0.1)
    person.appealed = random.chance(person.trialPlea ? 0.03 : 0.2)
    if (person.appealed) person.appealDay = stage.receipt + random.int(1, 10)
  }
}
