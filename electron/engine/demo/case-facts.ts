/**
 * Free-text facts of a case card that depend on the charge: 被害人情况, 案件造成伤亡情况, the
 * 掩饰隐瞒 具体情形, the 受侵犯企业 fields, case names. Chosen so that clean records satisfy the
 * rules that read them (R008–R010, R032/R033, R076).
 */
import {
  INJURY_CHARGES,
  isIpCharge,
  isVictimCharge,
  LAUNDERING_CHARGE,
  PROPERTY_DAMAGE_ONLY,
} from './charge-groups.ts'
import type { Random } from './random.ts'

/** 被害人情况: described for 刑法分则第四、五章 charges (R008/R032), 无 otherwise. */
export function victimText(random: Random, charge: string): string {
  if (!isVictimCharge(charge)) return '无'
  if (random.chance(0.12)) return '单位被害人1个'
  return `自然人被害人${random.chance(0.75) ? 1 : random.int(2, 6)}人`
}

/** 案件造成伤亡情况: casualties for injury charges (R009/R033), 无 for every other charge. */
export function injuryText(random: Random, charge: string): string {
  if (!INJURY_CHARGES.has(charge)) return '无'
  if (charge === '交通肇事罪')
    return random.chance(0.15) ? PROPERTY_DAMAGE_ONLY : random.chance(0.7) ? '致1人死亡' : '致1人重伤'
  if (charge === '故意杀人罪' || charge === '过失致人死亡罪') return '致1人死亡'
  if (charge === '过失致人重伤罪') return '致1人重伤'
  const u = random.next()
  return u < 0.7 ? '致1人轻伤' : u < 0.85 ? `致${random.int(2, 3)}人轻伤` : '致1人重伤'
}

const LAUNDERING_FORMS = ['窝藏', '转移', '收购', '代为销售', '提供资金账户']

/** 掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形 (R010), blank for other charges. */
export function launderingText(random: Random, charge: string): string {
  return charge === LAUNDERING_CHARGE ? random.pick(LAUNDERING_FORMS) : ''
}

/** 受侵犯企业类型 / 资金来源地 / 所属国别地区 for intellectual-property charges (R076). */
export function ipVictimFields(random: Random, charge: string): [string, string, string] {
  if (!isIpCharge(charge)) return ['', '', '']
  const foreign = random.chance(0.3)
  return [
    random.pick(['民营企业', '民营企业', '外资企业', '国有企业']),
    foreign ? '境外' : '境内',
    foreign ? random.pick(['美国', '日本', '德国', '法国']) : '中国',
  ]
}

/** 案件名称 as the system writes it: 张伟盗窃案, 张伟等3人帮助信息网络犯罪活动案, 张伟盗窃、诈骗案. */
export function caseName(lead: string, persons: number, charges: readonly string[]): string {
  const label = charges
    .slice(0, 2)
    .map((c) => c.replace(/罪$/, ''))
    .join('、')
  return `${lead}${persons > 1 ? `等${persons}人` : ''}${label}案`
}
