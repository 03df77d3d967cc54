/**
 * Hand-set inputs of scripts/demo-distributions.ts: the charge mix of a realistic caseload and,
 * per charge, what the CAIL judgments cannot tell (how often a case goes through 审查逮捕, who the
 * suspects are). Every number here is an informed guess, not a statistic; the README of
 * resources/demo says so and names the published facts they were shaped to (figures.md).
 */

/** What the demo needs to know about one charge, besides its sentences. */
export interface ChargeProfile {
  name: string
  /** Share of all suspects whose main charge this is. */
  weight: number
  /** Which kind of department handles it: 普通犯罪, 重大犯罪, 经济犯罪, 职务犯罪. */
  line: 'ordinary' | 'serious' | 'economic' | 'duty'
  /** Probability that a case goes through 审查逮捕 before 审查起诉 (0: never, e.g. 危险驾驶 carries only 拘役). */
  arrest: number
  /** Probability that the 市院 (not a 基层院) handles it: cases for the 中级法院. */
  city: number
  /** Share of suspects under 18 at the time of the offence. */
  juvenile: number
  female: number
  /** Median age of adult suspects at the time of the offence. */
  age: number
  /** Share with a prior criminal record (前科 = 刑事处罚). */
  prior: number
  /** Probability that 是否利用电信或网络实施犯罪 = 是. */
  online: number
  /** Share of single-suspect cases; the rest have 2 + a geometric number with mean `extra`. */
  single: number
  extra: number
  /** Logit shifts of the province rates of 不捕, 不诉 and 认罪认罚 for this charge. */
  refuse: number
  drop: number
  plea: number
  /** Maximum penalty is 拘役 (危险驾驶罪): sentences are 拘役, never 有期徒刑, and nobody is arrested. */
  detentionOnly: boolean
  /** Median 审结数额 in 万元 for property and economic charges (lognormal, σ = 1). */
  amount: number
}

const base: Omit<ChargeProfile, 'name' | 'weight' | 'line'> = {
  arrest: 0.6,
  city: 0,
  juvenile: 0.015,
  female: 0.12,
  age: 38,
  prior: 0.15,
  online: 0,
  single: 0.75,
  extra: 1,
  refuse: 0,
  drop: 0,
  plea: 0,
  detentionOnly: false,
  amount: 0,
}
const c = (
  name: string,
  weight: number,
  line: ChargeProfile['line'],
  rest: Partial<ChargeProfile> = {},
): ChargeProfile => ({
  ...base,
  name,
  weight,
  line,
  ...rest,
})

/**
 * The head of the caseload. Shaped to the published rank order of prosecutions (醉驾 first since 2019,
 * then 盗窃, 帮信 and 诈骗; 开设赌场 fifth) and to the flows of figures.md: about half of the suspects
 * pass through 审查逮捕 (受理审查逮捕 87.3万 vs 受理审查起诉 163.3万 in 2025 1–11月).
 */
// prettier-ignore
export const CASELOAD: ChargeProfile[] = [
  c('危险驾驶罪', 0.2, 'ordinary', { arrest: 0, juvenile: 0, female: 0.05, age: 38, prior: 0.06, single: 1, drop: 0.7, plea: 1.2, detentionOnly: true }),
  c('盗窃罪', 0.12, 'ordinary', { arrest: 0.6, juvenile: 0.16, female: 0.1, age: 34, prior: 0.32, single: 0.8, extra: 0.8, refuse: 0.2, amount: 0.6 }),
  c('帮助信息网络犯罪活动罪', 0.085, 'ordinary', { arrest: 0.6, juvenile: 0.08, female: 0.18, age: 25, prior: 0.05, online: 1, single: 0.55, extra: 1.5, refuse: 0.4, drop: 0.3, amount: 2 }),
  c('诈骗罪', 0.075, 'ordinary', { arrest: 0.75, juvenile: 0.04, female: 0.18, age: 33, prior: 0.12, online: 0.65, single: 0.55, extra: 2, amount: 8 }),
  c('开设赌场罪', 0.04, 'ordinary', { arrest: 0.65, juvenile: 0.005, female: 0.12, age: 38, prior: 0.12, online: 0.5, single: 0.45, extra: 2, amount: 20 }),
  c('故意伤害罪', 0.04, 'ordinary', { arrest: 0.6, juvenile: 0.09, female: 0.05, age: 40, prior: 0.14, single: 0.7, extra: 0.8, drop: 0.5 }),
  c('寻衅滋事罪', 0.032, 'ordinary', { arrest: 0.7, juvenile: 0.18, female: 0.04, age: 31, prior: 0.3, single: 0.55, extra: 1.2 }),
  c('掩饰、隐瞒犯罪所得、犯罪所得收益罪', 0.03, 'ordinary', { arrest: 0.5, juvenile: 0.05, female: 0.16, age: 28, prior: 0.1, online: 0.5, single: 0.7, extra: 1, amount: 3 }),
  c('走私、贩卖、运输、制造毒品罪', 0.025, 'serious', { arrest: 0.92, city: 0.08, juvenile: 0.02, female: 0.12, age: 37, prior: 0.35, single: 0.65, extra: 0.8, refuse: -1.2, drop: -2, plea: -0.4 }),
  c('交通肇事罪', 0.022, 'ordinary', { arrest: 0.12, juvenile: 0.003, female: 0.05, age: 43, prior: 0.04, single: 1, drop: 0.6, plea: 0.8 }),
  c('妨害信用卡管理罪', 0.015, 'economic', { arrest: 0.5, juvenile: 0.03, female: 0.15, age: 27, prior: 0.06, online: 0.3, single: 0.6, extra: 1.2, amount: 1 }),
  c('侵犯公民个人信息罪', 0.012, 'ordinary', { arrest: 0.55, juvenile: 0.02, female: 0.2, age: 30, prior: 0.05, online: 0.85, single: 0.55, extra: 1.5 }),
  c('非法吸收公众存款罪', 0.01, 'economic', { arrest: 0.6, city: 0.1, female: 0.3, age: 46, prior: 0.04, single: 0.35, extra: 3, refuse: -0.3, plea: -0.3, amount: 60 }),
  c('赌博罪', 0.01, 'ordinary', { arrest: 0.25, female: 0.15, age: 45, prior: 0.1, online: 0.3, single: 0.5, extra: 1.5, amount: 5 }),
  c('聚众斗殴罪', 0.009, 'ordinary', { arrest: 0.7, juvenile: 0.18, female: 0.02, age: 24, prior: 0.2, single: 0.2, extra: 3 }),
  c('袭警罪', 0.006, 'ordinary', { arrest: 0.55, female: 0.04, age: 38, prior: 0.15, single: 0.9 }),
  c('妨害公务罪', 0.004, 'ordinary', { arrest: 0.45, female: 0.06, age: 40, prior: 0.12, single: 0.85 }),
  c('容留他人吸毒罪', 0.006, 'serious', { arrest: 0.6, female: 0.22, age: 41, prior: 0.45, single: 0.85 }),
  c('组织、领导传销活动罪', 0.006, 'economic', { arrest: 0.6, city: 0.1, female: 0.3, age: 41, online: 0.4, single: 0.3, extra: 3, amount: 50 }),
  c('生产、销售有毒、有害食品罪', 0.006, 'economic', { arrest: 0.35, female: 0.3, age: 46, prior: 0.04, single: 0.7, amount: 2 }),
  c('合同诈骗罪', 0.008, 'economic', { arrest: 0.7, city: 0.05, female: 0.12, age: 42, prior: 0.1, single: 0.75, amount: 40 }),
  c('信用卡诈骗罪', 0.008, 'economic', { arrest: 0.5, female: 0.2, age: 36, prior: 0.08, single: 0.9, amount: 5 }),
  c('虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪', 0.008, 'economic', { arrest: 0.4, city: 0.1, female: 0.25, age: 45, prior: 0.03, single: 0.6, extra: 1.5, amount: 80 }),
  c('非法捕捞水产品罪', 0.008, 'ordinary', { arrest: 0.05, female: 0.02, age: 52, prior: 0.05, single: 0.6, extra: 1, drop: 0.4, plea: 0.6, amount: 0.2 }),
  c('污染环境罪', 0.005, 'economic', { arrest: 0.3, female: 0.1, age: 48, prior: 0.03, single: 0.6, extra: 1 }),
  c('强奸罪', 0.007, 'serious', { arrest: 0.9, city: 0.02, juvenile: 0.1, female: 0, age: 33, prior: 0.15, single: 0.95, refuse: -1, drop: -1.5, plea: -0.8 }),
  c('抢劫罪', 0.005, 'serious', { arrest: 0.92, city: 0.05, juvenile: 0.2, female: 0.03, age: 27, prior: 0.3, single: 0.5, extra: 0.8, refuse: -1.4, drop: -2, plea: -0.3, amount: 0.3 }),
  c('故意杀人罪', 0.0015, 'serious', { arrest: 0.96, city: 0.85, juvenile: 0.02, female: 0.12, age: 42, prior: 0.1, single: 0.9, refuse: -2.5, drop: -3, plea: -1.5 }),
  c('非法拘禁罪', 0.004, 'ordinary', { arrest: 0.65, juvenile: 0.05, female: 0.08, age: 33, prior: 0.18, single: 0.4, extra: 1.5 }),
  c('非国家工作人员受贿罪', 0.003, 'economic', { arrest: 0.3, female: 0.15, age: 42, prior: 0.02, single: 0.9, amount: 15 }),
  c('职务侵占罪', 0.006, 'economic', { arrest: 0.45, female: 0.2, age: 38, prior: 0.05, single: 0.9, amount: 12 }),
  c('假冒注册商标罪', 0.003, 'economic', { arrest: 0.45, female: 0.15, age: 38, prior: 0.04, single: 0.6, extra: 1, amount: 30 }),
  c('销售假冒注册商标的商品罪', 0.004, 'economic', { arrest: 0.35, female: 0.3, age: 36, prior: 0.04, online: 0.4, single: 0.7, amount: 10 }),
  c('拒不执行判决、裁定罪', 0.006, 'ordinary', { arrest: 0.15, female: 0.15, age: 45, prior: 0.05, single: 1, drop: 0.5, plea: 0.4 }),
  c('非法狩猎罪', 0.003, 'ordinary', { arrest: 0.05, female: 0.01, age: 50, prior: 0.05, single: 0.7, drop: 0.4 }),
  c('猥亵儿童罪', 0.003, 'serious', { arrest: 0.85, female: 0, age: 45, prior: 0.08, single: 1, refuse: -1.2, drop: -1.5, plea: -0.5 }),
  c('抢夺罪', 0.002, 'ordinary', { arrest: 0.65, juvenile: 0.1, female: 0.05, age: 30, prior: 0.3, single: 0.8, amount: 0.3 }),
  c('受贿罪', 0.003, 'duty', { arrest: 0, city: 0.3, female: 0.1, age: 52, prior: 0, single: 1, plea: 0.3, amount: 60 }),
  c('贪污罪', 0.002, 'duty', { arrest: 0, city: 0.3, female: 0.15, age: 50, prior: 0, single: 0.9, plea: 0.3, amount: 40 }),
  c('引诱、容留、介绍卖淫罪', 0.004, 'ordinary', { arrest: 0.6, female: 0.35, age: 40, prior: 0.15, single: 0.7, extra: 1 }),
  c('非法经营罪', 0.005, 'economic', { arrest: 0.45, city: 0.05, female: 0.15, age: 42, prior: 0.05, single: 0.6, extra: 1.2, amount: 30 }),
  c('敲诈勒索罪', 0.004, 'ordinary', { arrest: 0.7, juvenile: 0.05, female: 0.1, age: 33, prior: 0.2, single: 0.6, extra: 1, amount: 2 }),
  c('伪造、变造、买卖国家机关公文、证件、印章罪', 0.003, 'ordinary', { arrest: 0.4, female: 0.2, age: 38, prior: 0.08, single: 0.8 }),
  c('过失致人死亡罪', 0.001, 'ordinary', { arrest: 0.2, female: 0.08, age: 45, prior: 0.03, single: 1, drop: 0.4, plea: 0.5 }),
  c('故意毁坏财物罪', 0.002, 'ordinary', { arrest: 0.45, juvenile: 0.05, female: 0.06, age: 36, prior: 0.15, single: 0.8, amount: 1 }),
  c('窝藏、包庇罪', 0.002, 'ordinary', { arrest: 0.35, female: 0.3, age: 38, prior: 0.05, single: 0.9 }),
  c('非法采矿罪', 0.002, 'economic', { arrest: 0.3, female: 0.03, age: 48, prior: 0.05, single: 0.6, extra: 1, amount: 20 }),
  c('滥用职权罪', 0.001, 'duty', { arrest: 0, city: 0.2, female: 0.1, age: 50, prior: 0, single: 0.9, plea: 0.3 }),
]

/** Defaults for the long tail of charges taken from the CAIL sample in proportion to their counts. */
export function TAIL_DEFAULTS(chapter: number): Omit<ChargeProfile, 'name' | 'weight'> {
  if (chapter === 8 || chapter === 9)
    return { ...base, line: 'duty', arrest: 0, city: 0.2, age: 48, prior: 0, single: 0.9 }
  return {
    ...base,
    line: chapter === 3 ? 'economic' : 'ordinary',
    arrest: 0.55,
    juvenile: 0.01,
    age: 40,
    prior: 0.1,
  }
}

/**
 * Left out of the tail: unit crimes (their defendants are 单位, which rule R059 treats specially),
 * terrorism and state secrets (R011 asks for a manual check of every such record), military charges.
 */
export const EXCLUDED_FROM_TAIL = new Set([
  '单位受贿罪',
  '私分国有资产罪',
  '编造、故意传播虚假恐怖信息罪',
  '非法获取国家秘密罪',
  '过失损坏武器装备、军事设施、军事通信罪',
  // Its records would carry 犯罪案件是否涉及黑社会性质组织 = 是, which R025 sends to manual review.
  '组织、领导、参加黑社会性质组织罪',
])

/** CAIL2018 labels renamed after 2015 (charges.txt is the list in force since 2024-03-01). */
export const CAIL_RENAMES: Record<string, string> = {
  '伪造、变造居民身份证罪': '伪造、变造、买卖身份证件罪',
  '强制猥亵、侮辱妇女罪': '强制猥亵、侮辱罪',
  '非法采伐、毁坏国家重点保护植物罪': '危害国家重点保护植物罪',
  '非法收购、运输、加工、出售国家重点保护植物、国家重点保护植物制品罪': '危害国家重点保护植物罪',
  非法获取公民个人信息罪: '侵犯公民个人信息罪',
  '生产、销售假药罪': '生产、销售、提供假药罪',
  '隐匿、故意销毁会计凭证、会计帐簿、财务会计报告罪': '隐匿、故意销毁会计凭证、会计账簿、财务会计报告罪',
  '非法收购、运输、出售珍贵、濒危野生动物、珍贵、濒危野生动物制品罪': '危害珍贵、濒危野生动物罪',
  '盗窃、抢夺枪支、弹药、爆炸物罪': '盗窃、抢夺枪支、弹药、爆炸物、危险物质罪',
  非法买卖制毒物品罪: '非法生产、买卖、运输制毒物品、走私制毒物品罪',
}

/**
 * Sentences (months → judgments) for charges with fewer than 30 CAIL judgments, shaped to common
 * sentencing practice for each charge; `fine` is a typical 罚金 in 元 (0: rarely fined).
 */
// prettier-ignore
export const HAND_TERMS: Record<string, { months: [number, number][]; fine: number }> = {
  帮助信息网络犯罪活动罪: { months: [[4, 5], [5, 5], [6, 20], [7, 12], [8, 18], [9, 10], [10, 10], [12, 12], [15, 4], [18, 3], [24, 1]], fine: 5000 },
  开设赌场罪: { months: [[6, 8], [8, 8], [10, 10], [12, 14], [18, 12], [24, 10], [30, 6], [36, 10], [48, 6], [60, 8], [72, 4], [84, 2]], fine: 20000 },
  '掩饰、隐瞒犯罪所得、犯罪所得收益罪': { months: [[4, 6], [6, 16], [7, 8], [8, 12], [10, 10], [12, 14], [18, 8], [24, 6], [36, 6], [48, 3]], fine: 5000 },
  妨害信用卡管理罪: { months: [[8, 6], [10, 8], [12, 16], [14, 8], [18, 10], [24, 10], [30, 4], [36, 8], [48, 2]], fine: 20000 },
  侵犯公民个人信息罪: { months: [[6, 10], [8, 10], [10, 8], [12, 14], [18, 10], [24, 8], [36, 10], [48, 4]], fine: 10000 },
  非法吸收公众存款罪: { months: [[12, 6], [18, 8], [24, 10], [30, 8], [36, 14], [48, 8], [60, 8], [84, 4], [120, 2]], fine: 50000 },
  赌博罪: { months: [[3, 6], [4, 6], [6, 14], [8, 10], [10, 8], [12, 10], [18, 6], [24, 4], [36, 2]], fine: 10000 },
  聚众斗殴罪: { months: [[6, 6], [8, 8], [10, 10], [12, 14], [18, 12], [24, 10], [30, 6], [36, 8], [48, 4], [60, 2]], fine: 0 },
  袭警罪: { months: [[3, 8], [4, 8], [5, 6], [6, 16], [8, 10], [10, 6], [12, 8], [18, 4], [24, 2]], fine: 0 },
  妨害公务罪: { months: [[3, 8], [4, 8], [5, 6], [6, 16], [8, 10], [10, 6], [12, 8], [18, 4], [24, 2]], fine: 0 },
  '组织、领导传销活动罪': { months: [[12, 6], [18, 8], [24, 10], [36, 12], [48, 8], [60, 8], [84, 4], [120, 2]], fine: 50000 },
  非法捕捞水产品罪: { months: [[3, 6], [4, 8], [6, 14], [8, 8], [10, 6], [12, 6]], fine: 5000 },
  非法拘禁罪: { months: [[6, 10], [8, 8], [10, 8], [12, 12], [18, 8], [24, 6], [36, 6]], fine: 0 },
  职务侵占罪: { months: [[6, 6], [12, 10], [18, 10], [24, 10], [36, 10], [48, 6], [60, 6], [84, 4]], fine: 30000 },
  销售假冒注册商标的商品罪: { months: [[6, 8], [8, 8], [12, 12], [18, 10], [24, 8], [36, 10], [48, 4]], fine: 30000 },
  '拒不执行判决、裁定罪': { months: [[4, 6], [6, 12], [8, 10], [10, 8], [12, 10], [18, 6], [24, 4], [36, 2]], fine: 0 },
  抢夺罪: { months: [[6, 8], [8, 8], [10, 8], [12, 10], [18, 8], [24, 6], [36, 6], [48, 2]], fine: 5000 },
  受贿罪: { months: [[12, 4], [24, 6], [36, 10], [48, 8], [60, 8], [84, 6], [120, 6], [144, 4], [180, 2]], fine: 200000 },
  贪污罪: { months: [[12, 4], [24, 6], [36, 10], [48, 8], [60, 8], [84, 6], [120, 6], [144, 4], [180, 2]], fine: 200000 },
  '引诱、容留、介绍卖淫罪': { months: [[6, 8], [8, 8], [10, 8], [12, 12], [18, 10], [24, 8], [36, 8], [48, 4], [60, 2]], fine: 5000 },
  非法经营罪: { months: [[6, 6], [10, 8], [12, 10], [18, 10], [24, 8], [36, 10], [48, 6], [60, 6]], fine: 50000 },
  敲诈勒索罪: { months: [[6, 8], [8, 8], [10, 8], [12, 12], [18, 10], [24, 8], [36, 8], [48, 6], [60, 2]], fine: 10000 },
  '伪造、变造、买卖国家机关公文、证件、印章罪': { months: [[6, 8], [8, 8], [10, 8], [12, 12], [18, 8], [24, 6], [36, 4]], fine: 5000 },
  过失致人死亡罪: { months: [[12, 8], [18, 8], [24, 10], [36, 12], [48, 6], [60, 4], [84, 2]], fine: 0 },
  故意毁坏财物罪: { months: [[4, 6], [6, 14], [8, 10], [10, 8], [12, 10], [18, 6], [24, 4], [36, 2]], fine: 0 },
  非法采矿罪: { months: [[6, 6], [10, 8], [12, 10], [18, 10], [24, 8], [36, 10], [48, 4]], fine: 50000 },
}
