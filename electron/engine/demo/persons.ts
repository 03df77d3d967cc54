/**
 * Suspects: who they are (name, sex, birth date, 身份证号 consistent with both, age at the offence,
 * prior record, statutory circumstances) and the sentence their charge would typically bring, drawn
 * from the CAIL2018-derived distribution of the charge. Stage decisions are filled in by outcomes.ts.
 */
import { dayNumberOf, daysInMonth, fromDayNumber } from '../../../shared/values/date.ts'
import type { Charge } from './distributions.ts'
import { sampleFine } from './distributions.ts'
import { makeIdCard } from './id-card.ts'
import { personName } from './names.ts'
import type { Random } from './random.ts'

export type Sex = '男' | '女'
export type SentenceKind = '有期徒刑' | '拘役' | '无期徒刑'

/** The sentence a suspect's conduct would bring: what recommendations and verdicts start from. */
export interface Plan {
  kind: SentenceKind
  /** Months (0 for 无期徒刑). */
  months: number
  /** 罚金 in 万元 (0: none). */
  fine: number
}

export interface Person {
  suspectId: string
  name: string
  sex: Sex
  birth: string
  idCard: string
  /** 作案时年龄 */
  age: number
  juvenile: boolean
  prior: boolean
  recidivist: boolean
  /** 限定刑事责任能力人 / 聋哑或盲人: no 速裁 or 简易 (R051, R052). */
  special: boolean
  /** 审查认定的法定情节, 、-joined. */
  circumstances: string
  /** Own charges, main first (a subset of the case's). */
  charges: Charge[]
  plan: Plan
  /** Decisions, filled by outcomes.ts. */
  arrest: 'none' | 'approved' | 'refused'
  refuseReason: string
  proceeds: boolean
  outcome: string
  plea: boolean
  trialPlea: boolean
  measure: string
  bail: number
  amount: number
  recommendation: Recommendation | null
  verdict: Verdict | null
  appealed: boolean
  /** 上诉日期 (NaN: none). */
  appealDay: number
  /** 审结数额, 认定造成经济损失, 挽回经济损失, 侦（调）查机关追缴款物, 捕诉环节主动退赔 (万元), or null. */
  amounts: number[] | null
}

export interface Recommendation {
  type: '确定刑量刑建议' | '幅度刑量刑建议'
  kind: SentenceKind
  from: number
  to: number
  fine: number
}

export interface Verdict {
  kind: SentenceKind
  months: number
  fine: number
  charge: string
  adopted: boolean | null
}

/** Charges for which 14- and 15-year-olds are criminally responsible (刑法第17条第2款). */
const YOUNG_LIABLE = new Set([
  '故意杀人罪',
  '故意伤害罪',
  '强奸罪',
  '抢劫罪',
  '走私、贩卖、运输、制造毒品罪',
  '放火罪',
])

export interface PersonContext {
  random: Random
  /** County codes for 身份证号 area codes: mostly the suspect's home county, some from elsewhere in the province. */
  homeArea: string
  areas: readonly string[]
  offence: number
}

export function createPerson(
  ctx: PersonContext,
  caseCharges: Charge[],
  lead: boolean,
  accomplices: boolean,
): Person {
  const { random } = ctx
  const main = caseCharges[0]
  const sex: Sex = random.chance(main.female) ? '女' : '男'
  const juvenile = random.chance(main.juvenile)
  const age = juvenile
    ? YOUNG_LIABLE.has(main.name)
      ? random.int(14, 17)
      : random.int(16, 17)
    : Math.min(80, 18 + Math.round(random.lognormal(main.age - 18, 0.45)))
  const birth = birthFor(random, ctx.offence, age)
  const area = random.chance(0.7) ? ctx.homeArea : random.pick(ctx.areas)
  const sequence = random.int(0, 499) * 2 + (sex === '男' ? 1 : 0)
  const prior = random.chance(juvenile ? 0.02 : main.prior)
  const recidivist = prior && !juvenile && random.chance(0.35)
  const special = !juvenile && random.chance(0.003)
  const charges = lead ? caseCharges : [main, ...caseCharges.slice(1).filter(() => random.chance(0.5))]
  return {
    suspectId: '',
    name: personName(random, sex),
    sex,
    birth,
    idCard: makeIdCard(area, birth, sequence),
    age,
    juvenile,
    prior,
    recidivist,
    special,
    circumstances: circumstances(random, { recidivist, juvenile, special, accomplice: accomplices && !lead }),
    charges,
    plan: planSentence(random, main, juvenile),
    arrest: 'none',
    refuseReason: '',
    proceeds: true,
    outcome: '',
    plea: false,
    trialPlea: false,
    measure: '',
    bail: 0,
    amount: 0,
    recommendation: null,
    verdict: null,
    appealed: false,
    appealDay: Number.NaN,
    amounts: null,
  }
}

/** A birth date at which the person is exactly `age` on `day`. */
function birthFor(random: Random, day: number, age: number): string {
  const ymd = fromDayNumber(day)
  const year = Number(ymd.slice(0, 4))
  const month = Number(ymd.slice(5, 7))
  const dom = Number(ymd.slice(8, 10))
  const anniversary = (y: number) => dayNumberOf(y, month, Math.min(dom, daysInMonth(y, month)))
  const earliest = anniversary(year - age - 1) + 1
  const latest = anniversary(year - age)
  return fromDayNumber(random.int(earliest, latest))
}

/** Age in whole years on `day` of someone born on `birth` (both 'YYYY-MM-DD'). */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4))
  return day.slice(5) < birth.slice(5) ? years - 1 : years
}

function circumstances(
  random: Random,
  who: { recidivist: boolean; juvenile: boolean; special: boolean; accomplice: boolean },
): string {
  const items: string[] = []
  if (who.recidivist) items.push('累犯')
  if (random.chance(0.22)) items.push('自首')
  else if (random.chance(0.45)) items.push('坦白')
  if (who.accomplice && random.chance(0.4)) items.push('从犯')
  if (who.juvenile) items.push('未成年人')
  if (who.special) items.push(random.chance(0.6) ? '限定刑事责任能力人' : '聋哑或盲人')
  return items.join('、')
}

/**
 * The typical sentence: months from the charge's distribution (lighter for minors); under six months
 * is 拘役 (有期徒刑 starts at six), exactly six either; 危险驾驶罪 is always 拘役 with a fine.
 */
function planSentence(random: Random, charge: Charge, juvenile: boolean): Plan {
  const fine = Math.min(300, sampleFine(random, charge, charge.detentionOnly))
  if (!charge.detentionOnly && !juvenile && random.chance(charge.lifeShare))
    return { kind: '无期徒刑', months: 0, fine }
  let months = charge.months.pick(random)
  if (juvenile) months = Math.max(1, Math.round(months * 0.6))
  if (charge.detentionOnly) return { kind: '拘役', months: Math.min(6, months), fine }
  const kind = months < 6 || (months === 6 && random.chance(0.5)) ? '拘役' : '有期徒刑'
  return { kind, months: Math.min(months, 180), fine }
}
