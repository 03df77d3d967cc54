/**
 * Derives resources/charges/groups.json from the official charge list (`charges.csv`: name and primary
 * article of the Criminal Law, see ../shared/data/README.md §3). Each charge's chapter of Part II
 * follows from its article (rules.md, "Charge groups used by rules"); the named groups the rule
 * library tests (职务犯罪, 侵犯知识产权罪, 恐怖活动犯罪, 伤亡类犯罪 …) are chapters, article ranges or
 * short explicit lists, written down here so the resource can always be rebuilt and checked.
 */
import type { ChargeGroupsFile, ChargeGroupDefinition } from '../shared/domain/charge-groups.ts'

/** Chapters of Part II (分则) by article range (rules.md). */
export const CHAPTERS = [
  { chapter: 1, name: '危害国家安全罪', from: 102, to: 113 },
  { chapter: 2, name: '危害公共安全罪', from: 114, to: 139 },
  { chapter: 3, name: '破坏社会主义市场经济秩序罪', from: 140, to: 231 },
  { chapter: 4, name: '侵犯公民人身权利、民主权利罪', from: 232, to: 262 },
  { chapter: 5, name: '侵犯财产罪', from: 263, to: 276 },
  { chapter: 6, name: '妨害社会管理秩序罪', from: 277, to: 367 },
  { chapter: 7, name: '危害国防利益罪', from: 368, to: 381 },
  { chapter: 8, name: '贪污贿赂罪', from: 382, to: 396 },
  { chapter: 9, name: '渎职罪', from: 397, to: 419 },
  { chapter: 10, name: '军人违反职责罪', from: 420, to: 451 },
] as const

const CHAPTER_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** Named groups beyond the ten chapters. */
const EXTRA_GROUPS: ChargeGroupDefinition[] = [
  {
    name: '职务犯罪',
    aliases: ['贪污贿赂和渎职犯罪'],
    description:
      '刑法分则第八章贪污贿赂罪和第九章渎职罪（R004：此类案件由检察机关或监察机关立案侦查/调查）。',
    chapters: [8, 9],
  },
  {
    name: '侵犯知识产权罪',
    aliases: ['知识产权犯罪', '第三章第七节'],
    description: '刑法分则第三章第七节，第213–220条（R076）。',
    articles: [[213, 220]],
  },
  {
    name: '恐怖活动犯罪',
    aliases: ['恐怖主义犯罪'],
    description:
      '第120条至第120条之六（组织、领导、参加恐怖组织罪至非法持有宣扬恐怖主义、极端主义物品罪）。' +
      '第311条（拒绝提供……证据罪）和第291条之一（编造、故意传播虚假恐怖信息罪）不属于恐怖活动犯罪本身，未计入（R011）。',
    articles: [[120, 120]],
  },
  {
    name: '伤亡类犯罪',
    aliases: ['伤亡类罪名'],
    description:
      'R009/R033 所称“故意伤害、故意杀人、过失致人重伤死亡、交通肇事等”：案卡应填录案件造成伤亡情况的罪名。' +
      '只列规则明文列举的五个罪名；抢劫、强奸等也可能致人伤亡，但不必然，故不列入，以免误报。',
    charges: ['故意杀人罪', '过失致人死亡罪', '故意伤害罪', '过失致人重伤罪', '交通肇事罪'],
  },
]

/**
 * Names exports may still carry, with the current name (charges.csv only lists current names; the
 * date a current name took effect is its `in_force_since`). Each old name is grouped with its current
 * one, and so is the system's annotated form `新名（原旧名）`. 帐簿/账簿 is a spelling, not a rename.
 */
export const FORMER_NAMES: { name: string; current: string }[] = [
  { name: '盗窃、抢夺枪支、弹药、爆炸物罪', current: '盗窃、抢夺枪支、弹药、爆炸物、危险物质罪' },
  { name: '抢劫枪支、弹药、爆炸物罪', current: '抢劫枪支、弹药、爆炸物、危险物质罪' },
  { name: '窝藏、转移、收购、销售赃物罪', current: '掩饰、隐瞒犯罪所得、犯罪所得收益罪' },
  { name: '强制猥亵、侮辱妇女罪', current: '强制猥亵、侮辱罪' },
  { name: '非法获取公民个人信息罪', current: '侵犯公民个人信息罪' },
  { name: '出售、非法提供公民个人信息罪', current: '侵犯公民个人信息罪' },
  { name: '伪造、变造居民身份证罪', current: '伪造、变造、买卖身份证件罪' },
  { name: '盗窃、侮辱尸体罪', current: '盗窃、侮辱、故意毁坏尸体、尸骨、骨灰罪' },
  { name: '非法买卖制毒物品罪', current: '非法生产、买卖、运输制毒物品、走私制毒物品罪' },
  { name: '走私制毒物品罪', current: '非法生产、买卖、运输制毒物品、走私制毒物品罪' },
  { name: '非法生产、销售间谍专用器材罪', current: '非法生产、销售专用间谍器材、窃听、窃照专用器材罪' },
  { name: '生产、销售假药罪', current: '生产、销售、提供假药罪' },
  { name: '生产、销售劣药罪', current: '生产、销售、提供劣药罪' },
  { name: '非法采伐、毁坏国家重点保护植物罪', current: '危害国家重点保护植物罪' },
  {
    name: '非法收购、运输、加工、出售国家重点保护植物、国家重点保护植物制品罪',
    current: '危害国家重点保护植物罪',
  },
  { name: '非法猎捕、杀害珍贵、濒危野生动物罪', current: '危害珍贵、濒危野生动物罪' },
  {
    name: '非法收购、运输、出售珍贵、濒危野生动物、珍贵、濒危野生动物制品罪',
    current: '危害珍贵、濒危野生动物罪',
  },
  {
    name: '隐匿、故意销毁会计凭证、会计帐簿、财务会计报告罪',
    current: '隐匿、故意销毁会计凭证、会计账簿、财务会计报告罪',
  },
  { name: '徇私舞弊低价折股、出售国有资产罪', current: '徇私舞弊低价折股、出售公司、企业资产罪' },
]

/**
 * 骗购外汇罪 comes from the 1998 NPCSC decision, not from an article of the Criminal Law; it is a
 * foreign-exchange offence beside 逃汇罪 (第190条), so it is placed there (第三章).
 */
const DECISION_ARTICLE = 190

/** `第133条之一` → 133; a provision outside the Criminal Law → null. */
export function articleOf(provision: string): number | null {
  const match = /^第(\d+)条/.exec(provision)
  return match ? Number(match[1]) : null
}

export function chapterOf(article: number): number {
  const found = CHAPTERS.find((c) => article >= c.from && article <= c.to)
  if (found === undefined) throw new Error(`第${article}条不在刑法分则（第102–451条）之内`)
  return found.chapter
}

export function deriveChargeGroups(csv: string, sha256: string): ChargeGroupsFile {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '')
  const [header, ...rows] = lines
  if (header !== 'seq,name,primary_provision,established_by,in_force_since') {
    throw new Error(`charges.csv 表头不符：${header}`)
  }
  const since = new Map<string, string>()
  const charges = rows.map((line) => {
    const [, name, provision, , inForce] = line.split(',')
    since.set(name, inForce)
    const article = articleOf(provision) ?? DECISION_ARTICLE
    return { name, provision, article, chapter: chapterOf(article) }
  })
  const known = new Set(charges.map((c) => c.name))
  const formerNames = FORMER_NAMES.map((former) => {
    const date = since.get(former.current)
    if (date === undefined)
      throw new Error(`旧罪名“${former.name}”对应的现行罪名“${former.current}”不在 charges.csv 中`)
    return { ...former, since: date }
  })
  for (const group of EXTRA_GROUPS) {
    for (const name of group.charges ?? [])
      if (!known.has(name)) throw new Error(`罪名“${name}”不在 charges.csv 中`)
  }
  const chapters: ChargeGroupDefinition[] = CHAPTERS.map((c) => ({
    name: c.name,
    aliases: [`第${CHAPTER_NUMERALS[c.chapter - 1]}章`],
    description: `刑法分则第${CHAPTER_NUMERALS[c.chapter - 1]}章，第${c.from}–${c.to}条。`,
    chapters: [c.chapter],
  }))
  chapters[2].aliases.push('经济犯罪')
  chapters[4].aliases.push('侵财犯罪')
  return {
    source: {
      file: 'charges.csv',
      sha256,
      derivedBy: 'scripts/derive-charge-groups.ts',
    },
    chapters: CHAPTERS.map((c) => ({ ...c })),
    groups: [...chapters, ...EXTRA_GROUPS],
    formerNames,
    charges,
  }
}
