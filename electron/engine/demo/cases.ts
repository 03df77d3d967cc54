/**
 * Cases of one 基层院 and the 市院 above it: new cases per month (seasonality and anomalies come in
 * through the allocation), their charges and suspects, and whether they pass through 审查逮捕 (7 days
 * at most) before 审查起诉 (prosecution-stage.ts).
 */
import { fromDayNumber } from '../../../shared/values/date.ts'
import { nextWorkday, pickDay, workdayOnOrBefore, type Month } from './calendar.ts'
import { injuryText, ipVictimFields, launderingText, victimText } from './case-facts.ts'
import type { CaseContext, DemoCase } from './case-types.ts'
import type { DemoUnit } from './hierarchy.ts'
import { departmentFor } from './hierarchy.ts'
import { decideArrest, type DecisionContext } from './outcomes.ts'
import { createPerson, type Person } from './persons.ts'
import { prosecutionStage } from './prosecution-stage.ts'
import { logistic, Weighted } from './random.ts'

export type { ArrestStage, CaseContext, CaseFacts, DemoCase, ProsecutionStage } from './case-types.ts'

/** Charges that often come as the second charge of a case; never one that changes a rule's group. */
const COMPANIONS = [
  '妨害公务罪',
  '寻衅滋事罪',
  '赌博罪',
  '伪造、变造、买卖国家机关公文、证件、印章罪',
  '帮助信息网络犯罪活动罪',
  '妨害信用卡管理罪',
]
/** Days from 受理 to 审结 in 审查逮捕: most cases use most of the seven days. */
const ARREST_DAYS = new Weighted([1, 2, 3, 4, 5, 6, 7], [2, 4, 8, 12, 18, 24, 32])

/** New cases of a county unit for one month, until `persons` suspects are reached. */
export function newCases(
  ctx: CaseContext,
  county: DemoUnit,
  month: Month,
  persons: number,
  forcedDirect: number,
): DemoCase[] {
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
    const offence =
      entry - (main.detentionOnly ? random.int(10, 60) : Math.min(500, Math.round(random.lognormal(50, 0.8))))
    const people: Person[] = []
    for (let i = 0; i < size; i++) {
      people.push(
        createPerson(
          { random, homeArea: county.code, areas: ctx.areas, offence },
          charges,
          i === 0,
          size > 1,
        ),
      )
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

const logitOf = (p: number) =>
  Math.log(Math.min(0.999, Math.max(0.001, p)) / (1 - Math.min(0.999, Math.max(0.001, p))))
const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4))

function decisionContext(ctx: CaseContext, unit: DemoUnit): DecisionContext {
  return {
    random: ctx.random,
    intercepts: ctx.intercepts,
    rates: ctx.rates[unit.index],
    anomalies: ctx.anomalies,
    unit: unit.index,
  }
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
    c.arrest = {
      caseNumber: '',
      name: '',
      accepted,
      concluded,
      executed,
      receipt: executed + random.int(0, 2),
    }
    for (const person of c.persons) decideArrest(decisions, person, main, yearOf(accepted))
    proceeding = c.persons.filter((p) => p.proceeds)
    if (proceeding.length === 0) return
    // 侦查羁押期限 is two months after arrest (longer when extended); suspects on bail take longer.
    const lag = proceeding.some((p) => p.arrest === 'approved')
      ? random.chance(0.9)
        ? random.int(15, 58)
        : random.int(60, 120)
      : Math.min(330, Math.max(20, Math.round(random.lognormal(75, 0.5))))
    received = acceptOn(ctx, c.unit, concluded + lag)
  }
  c.prosecution = prosecutionStage(ctx, decisions, c, proceeding, received)
}
