/**
 * Cases of one 基层院 and the 市院 above it: new cases per month (seasonality and anomalies come in
 * through the allocation), their charges and suspects, whether they pass through 审查逮捕 first, and
 * the dates of both stages within the statutory limits (审查逮捕 7 days; 审查起诉 one month, 15 more
 * days when extended, restarted after each 退回补充侦查 of at most a month; 速裁 10 days).
 */
import type { AnomalyPlan } from './anomalies.ts'
import { nextWorkday, pickDay, workdayOnOrBefore, type Month } from './calendar.ts'
import { caseName, injuryText, ipVictimFields, launderingText, victimText } from './case-facts.ts'
import { isPropertyCharge } from './charge-groups.ts'
import type { Charge, Distributions } from './distributions.ts'
import type { DemoUnit } from './hierarchy.ts'
import { departmentFor } from './hierarchy.ts'
import { decideArrest, decideMeasure, decideOutcome, judge, recommend, type DecisionContext } from './outcomes.ts'
import { createPerson, type Person } from './persons.ts'
import { logistic, Weighted, type Random } from './random.ts'
import type { Intercepts, UnitRates } from './rates.ts'
import { fromDayNumber } from '../../../shared/values/date.ts'

export interface ArrestStage {
  caseNumber: string
  name: string
  accepted: number
  concluded: number
  executed: number
  receipt: number
}

export interface ProsecutionStage {
  caseNumber: string
  name: string
  persons: Person[]
  /** The charges of the suspects transferred (the case's, less those only dropped suspects had). */
  charges: Charge[]
  accepted: number
  concluded: number
  /** 一次退查, 一次重报, 二次退查, 二次重报 (NaN: none). */
  returns: [number, number, number, number]
  /** Main charge at conclusion (审结案由), when 审查起诉 changed it (改变定性). */
  finalCharge: string
  changed: boolean
  procedure: '' | '速裁程序' | '简易程序' | '普通程序'
  hearing: number
  judged: number
  receipt: number
}

export interface DemoCase {
  unit: DemoUnit
  department: number
  prosecutor: string
  charges: Charge[]
  online: boolean
  persons: Person[]
  entry: number
  facts: CaseFacts
  arrest: ArrestStage | null
  prosecution: ProsecutionStage | null
}

/** Texts that describe the case as a whole, the same on every card of it. */
export interface CaseFacts {
  victim: string
  injury: string
  laundering: string
  ip: [string, string, string]
}

export interface CaseContext {
  random: Random
  distributions: Distributions
  units: DemoUnit[]
  rates: UnitRates[]
  intercepts: Intercepts
  anomalies: AnomalyPlan
  /** County codes for 身份证号 areas. */
  areas: readonly string[]
}

/** Charges that often come as the second charge of a case; never one that changes a rule's group. */
const COMPANIONS = ['妨害公务罪', '寻衅滋事罪', '赌博罪', '伪造、变造、买卖国家机关公文、证件、印章罪', '帮助信息网络犯罪活动罪', '妨害信用卡管理罪']
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
/** Days from 受理 to 审结 in 审查逮捕: most cases use most of the seven days. */
const ARREST_DAYS = new Weighted([1, 2, 3, 4, 5, 6, 7], [2, 4, 8, 12, 18, 24, 32])
const FAST_DAYS = new Weighted([2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 4, 6, 9, 12, 14, 16, 17, 20])

/** New cases of a county unit for one month, until `persons` suspects are reached. */
export function newCases(ctx: CaseContext, county: DemoUnit, month: Month, persons: number, forcedDirect: number): DemoCase[] {
  const { random, distributions } = ctx
  const cases: DemoCase[] = []
  let made = 0
  while (made < persons) {
    const main = distributions.mix.pick(random)
    const charges = [main]
    if (!main.detentionOnly && random.chance(0.06)) {
      const companion = random.pick(COMPANIONS)
      if (companion !== main.name) charges.push(distributions.byName.get(companion)!)
    }
    const wanted = random.chance(main.single) ? 1 : Math.min(20, 2 + random.geometric(main.extra))
    const size = Math.min(wanted, persons - made)
    const direct = made < persons * forcedDirect
    made += size
    const unit = random.chance(main.city) ? ctx.units[county.cityIndex] : county
    const entry = pickDay(random, month)
    const offence = entry - (main.detentionOnly ? random.int(10, 60) : Math.min(500, Math.round(random.lognormal(50, 0.8))))
    const people: Person[] = []
    for (let i = 0; i < size; i++) {
      people.push(createPerson({ random, homeArea: county.code, areas: ctx.areas, offence }, charges, i === 0, size > 1))
    }
    const juvenile = people.some((p) => p.juvenile)
    const department = departmentFor(unit, main.line, juvenile)
    const arrestChance = logistic(logitOf(main.arrest) + ctx.rates[unit.index].arrest) * (juvenile ? 0.6 : 1)
    const viaArrest = !direct && !main.detentionOnly && main.arrest > 0 && random.chance(arrestChance)
    const c: DemoCase = {
      unit,
      department,
      prosecutor: random.pick(unit.prosecutors[department]),
      charges,
      online: main.name !== '危险驾驶罪' && main.name !== '交通肇事罪' && random.chance(main.online),
      persons: people,
      entry,
      facts: {
        victim: victimText(random, main.name),
        injury: injuryText(random, main.name),
        laundering: launderingText(random, main.name),
        ip: ipVictimFields(random, main.name),
      },
      arrest: null,
      prosecution: null,
    }
    runStages(ctx, c, viaArrest)
    cases.push(c)
  }
  return cases
}

const logitOf = (p: number) => Math.log(Math.min(0.999, Math.max(0.001, p)) / (1 - Math.min(0.999, Math.max(0.001, p))))
const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4))

function decisionContext(ctx: CaseContext, unit: DemoUnit): DecisionContext {
  return { random: ctx.random, intercepts: ctx.intercepts, rates: ctx.rates[unit.index], anomalies: ctx.anomalies, unit: unit.index }
}

/** Acceptance on a working day, never inside the unit's blank month. */
function acceptOn(ctx: CaseContext, unit: DemoUnit, day: number): number {
  return nextWorkday(ctx.anomalies.shiftOutOfBlank(unit.index, nextWorkday(day)))
}

function runStages(ctx: CaseContext, c: DemoCase, viaArrest: boolean): void {
  const { random } = ctx
  const decisions = decisionContext(ctx, c.unit)
  const main = c.charges[0]
  let proceeding = c.persons
  let received = acceptOn(ctx, c.unit, c.entry)
  if (viaArrest) {
    const accepted = received
    const concluded = workdayOnOrBefore(accepted + ARREST_DAYS.pick(random), accepted)
    const executed = concluded + (random.chance(0.6) ? 0 : 1)
    c.arrest = { caseNumber: '', name: '', accepted, concluded, executed, receipt: executed + random.int(0, 2) }
    for (const person of c.persons) decideArrest(decisions, person, main, yearOf(accepted))
    proceeding = c.persons.filter((p) => p.proceeds)
    if (proceeding.length === 0) return
    // 侦查羁押期限 is two months after arrest (longer when extended); suspects on bail take longer.
    const lag = proceeding.some((p) => p.arrest === 'approved')
      ? random.chance(0.9) ? random.int(15, 58) : random.int(60, 120)
      : Math.min(330, Math.max(20, Math.round(random.lognormal(75, 0.5))))
    received = acceptOn(ctx, c.unit, concluded + lag)
  }
  c.prosecution = prosecutionStage(ctx, decisions, c, proceeding, received)
}

function prosecutionStage(ctx: CaseContext, decisions: DecisionContext, c: DemoCase, persons: Person[], accepted: number): ProsecutionStage {
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
function chooseProcedure(ctx: CaseContext, c: DemoCase, persons: Person[], prosecuted: Person[]): ProsecutionStage['procedure'] {
  if (prosecuted.length === 0) return ''
  if (c.unit.level !== 'county') return '普通程序'
  const { random, intercepts } = ctx
  const rates = ctx.rates[c.unit.index]
  const fastOk = prosecuted.every(
    (p) => p.plea && !p.juvenile && !p.special && p.plan.kind !== '无期徒刑' && (p.recommendation ? p.recommendation.to : p.plan.months) <= 36,
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

/**
 * Numbers in order of receipt, per handling unit and year: 嫌疑人编号 (unit code + year + 6 digits)
 * when the suspect first enters, 部门受案号 per stage ({院简称}捕受 / 诉受[年]{单位编码}{5 digits}号).
 */
export function assignNumbers(unit: DemoUnit, cases: DemoCase[]): { arrests: DemoCase[]; prosecutions: DemoCase[] } {
  const byEntry = [...cases].sort((a, b) => a.entry - b.entry)
  const serial = new Map<string, number>()
  const next = (key: string) => {
    const n = (serial.get(key) ?? 0) + 1
    serial.set(key, n)
    return n
  }
  for (const c of byEntry) {
    const year = yearOf(c.entry)
    for (const person of c.persons) person.suspectId = `${unit.code}${year}${String(next(`p${year}`)).padStart(6, '0')}`
  }
  const arrests = cases.filter((c) => c.arrest).sort((a, b) => a.arrest!.accepted - b.arrest!.accepted)
  for (const c of arrests) {
    const year = yearOf(c.arrest!.accepted)
    c.arrest!.caseNumber = `${unit.shortName}捕受[${year}]${unit.code}${String(next(`a${year}`)).padStart(5, '0')}号`
    c.arrest!.name = caseName(c.persons[0].name, c.persons.length, c.charges.map((ch) => ch.name))
  }
  const prosecutions = cases.filter((c) => c.prosecution).sort((a, b) => a.prosecution!.accepted - b.prosecution!.accepted)
  for (const c of prosecutions) {
    const stage = c.prosecution!
    const year = yearOf(stage.accepted)
    stage.caseNumber = `${unit.shortName}诉受[${year}]${unit.code}${String(next(`s${year}`)).padStart(5, '0')}号`
    stage.name = caseName(stage.persons[0].name, stage.persons.length, stage.charges.map((ch) => ch.name))
  }
  return { arrests, prosecutions }
}
