/**
 * Charge groups the data-quality rules test (rules.md "Charge groups used by rules"), for the charges
 * the demo uses: chapters of Part II of the Criminal Law come from each charge's article in
 * resources/demo/distributions.json. The generator keeps clean records consistent with them and
 * clean-check tests them, so both sides share these definitions.
 */
import { loadDistributions } from './distributions.ts'

/** Charges whose records must say who was hurt or killed (R009 / R033). */
export const INJURY_CHARGES: ReadonlySet<string> = new Set([
  '故意伤害罪',
  '故意杀人罪',
  '过失致人重伤罪',
  '过失致人死亡罪',
  '交通肇事罪',
])
/** 伤亡情况 that R009 accepts for 交通肇事罪 without casualties. */
export const PROPERTY_DAMAGE_ONLY = '仅造成财产损失'
/** Charges that cannot be committed over telecom networks (R014). */
export const DRIVING_CHARGES: ReadonlySet<string> = new Set(['危险驾驶罪', '交通肇事罪'])
export const LAUNDERING_CHARGE = '掩饰、隐瞒犯罪所得、犯罪所得收益罪'

/** Chapter (1–10) of a charge the demo knows, or 0. */
export function chapterOf(charge: string): number {
  return loadDistributions().byName.get(charge)?.chapter ?? 0
}

/** 刑法分则第四、五章: 侵犯人身权利 and 侵犯财产 — records must describe the victim (R008 / R032). */
export const isVictimCharge = (charge: string) => {
  const chapter = chapterOf(charge)
  return chapter === 4 || chapter === 5
}

/** 经济犯罪 (第三章) and 侵财 (第五章): 是否涉及追赃挽损 must be 是 (R031). */
export const isPropertyCharge = (charge: string) => {
  const chapter = chapterOf(charge)
  return chapter === 3 || chapter === 5
}

/** 侵犯知识产权罪 (第三章第七节, 第213–220条): the 受侵犯企业 fields must be filled (R076). */
export const isIpCharge = (charge: string) => {
  const article = Number.parseInt(loadDistributions().byName.get(charge)?.article ?? '', 10)
  return article >= 213 && article <= 220
}

/** 附条件不起诉 is for minors charged under chapters four to six (R028). */
export const allowsConditional = (charge: string) => {
  const chapter = chapterOf(charge)
  return chapter >= 4 && chapter <= 6
}

/** 危害国家安全 (第一章) and terrorism (第120条…): every record goes to manual review (R011). */
export const isSpecialCharge = (charge: string) => {
  const found = loadDistributions().byName.get(charge)
  return found !== undefined && (found.chapter === 1 || found.articleNumber === 120)
}
