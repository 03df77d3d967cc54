/**
 * Row-level rules of rules.md for 010101 (审查逮捕), as plain predicates for clean-check.ts:
 * R001–R019 and R025–R027 of the CaseCheckSystem catalogue, and §4.3 item 9.
 */
import {
  chapterOf,
  DRIVING_CHARGES,
  INJURY_CHARGES,
  isSpecialCharge,
  isVictimCharge,
  LAUNDERING_CHARGE,
} from './charge-groups.ts'
import {
  blank,
  chargeSet,
  day,
  hasItem,
  isYes,
  sameSet,
  subset,
  text,
  todayOf,
  type Row,
  type RowRule,
} from './clean-rules-common.ts'

const nothing = (value: string) => value === '' || value === '无'

/** R009 / R033: casualties recorded exactly for injury charges (交通肇事 with property damage only is fine). */
export function injuryMismatch(row: Row, chargeField: string): boolean {
  const charge = text(row, chargeField)
  if (charge === '') return false
  const injury = text(row, '案件造成伤亡情况')
  if (!INJURY_CHARGES.has(charge)) return !nothing(injury)
  return nothing(injury) && !(charge === '交通肇事罪' && injury.includes('财产损失'))
}

const flag = (id: string, title: string, name: string): RowRule => ({
  id,
  title,
  violated: (row) => isYes(row, name),
})

export const ARREST_RULES: RowRule[] = [
  {
    id: 'R001',
    title: '审查逮捕案件受理时错填移送罪名',
    violated: (row, ctx) => {
      const person = chargeSet(row, '涉嫌案由', '涉嫌其他案由')
      const whole = chargeSet(row, '移送案由', '移送其他案由')
      return !subset(person, whole) || (ctx.caseSize === 1 && !sameSet(person, whole))
    },
  },
  { id: 'R002', title: '是否存在其他不捕情形', violated: (row) => hasItem(row, '不捕情形', '其他不捕') },
  {
    id: 'R003',
    title: '批准逮捕案件，应当逮捕情形含“曾经故意犯罪”与前科不一致',
    violated: (row) =>
      text(row, '审结处理结果') === '批准逮捕' &&
      hasItem(row, '应当逮捕情形', '曾经故意犯罪') !== (text(row, '前科') === '刑事处罚'),
  },
  {
    id: 'R004',
    title: '普通刑事犯罪案由，侦查机关或移送单位错填为检察机关',
    violated: (row) => {
      const chapter = chapterOf(text(row, '审结案由') || text(row, '移送案由'))
      const duty = chapter === 8 || chapter === 9
      return (
        !duty &&
        (text(row, '侦查机关名称').includes('检察院') || text(row, '移送单位名称').includes('检察院'))
      )
    },
  },
  {
    id: 'R005',
    title: '逮捕案卡全案审结结果与个人审结结果矛盾',
    violated: (row, ctx) => {
      const whole = text(row, '全案_审结处理结果')
      const own = text(row, '审结处理结果')
      if (whole === '' || own === '') return false
      if (ctx.caseSize === 1) return whole !== own
      return (whole === '不批准逮捕' || whole === '不予决定逮捕') && own !== whole
    },
  },
  {
    id: 'R006',
    title: '审查逮捕案件审结日期错填（超过7日）',
    violated: (row) => day(row, '审结日期') - day(row, '受理日期') > 7,
  },
  {
    id: 'R007',
    title: '审查逮捕审结后长期未填录执行情况',
    violated: (row, ctx) =>
      todayOf(ctx) - day(row, '审结日期') > 4 &&
      (blank(row, '收到执行回执日期') || blank(row, '执行日期') || blank(row, '执行情况')),
  },
  {
    id: 'R008',
    title: '侵犯人身、财产类案件漏填被害人情况',
    violated: (row) => isVictimCharge(text(row, '审结案由')) && nothing(text(row, '被害人情况')),
  },
  {
    id: 'R009',
    title: '伤亡类案件漏填（或非伤亡类案件错填）案件造成伤亡情况',
    violated: (row) => injuryMismatch(row, '审结案由'),
  },
  {
    id: 'R010',
    title: '掩饰隐瞒犯罪所得案件漏填具体情形',
    violated: (row) =>
      text(row, '审结案由') === LAUNDERING_CHARGE && blank(row, '掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形'),
  },
  {
    id: 'R011',
    title: '核查特殊罪名（危害国家安全、恐怖活动）',
    violated: (row) =>
      [...chargeSet(row, '审结案由', '审结其他案由'), ...chargeSet(row, '移送案由', '移送其他案由')].some(
        isSpecialCharge,
      ),
  },
  {
    id: 'R012',
    title: '单一危险驾驶罪被批准逮捕',
    violated: (row) =>
      text(row, '审结案由') === '危险驾驶罪' &&
      blank(row, '审结其他案由') &&
      text(row, '审结处理结果') === '批准逮捕',
  },
  {
    id: 'R014',
    title: '危险驾驶、交通肇事案件填录为利用电信网络实施犯罪',
    violated: (row) =>
      DRIVING_CHARGES.has(text(row, '审结案由') || text(row, '涉嫌案由')) &&
      isYes(row, '是否利用电信或网络实施犯罪'),
  },
  { id: 'R015', title: '涉家庭暴力、校园暴力核对', violated: (row) => !blank(row, '犯罪涉及校园家庭暴力') },
  flag('R017', '涉医疗纠纷、医疗美容核对', '是否涉医疗纠纷犯罪案件'),
  {
    id: 'R018',
    title: '涉外、涉港澳台侨、涉政治安全核对',
    violated: (row) =>
      text(row, '涉港澳台侨犯罪案件').includes('涉') ||
      isYes(row, '是否涉外案件') ||
      isYes(row, '涉政治安全类案件'),
  },
  flag('R019', '是否影响非公经济核对', '是否影响非公有制经济发展案件'),
  flag(
    'R022',
    '审查逮捕阶段填报为纠正漏捕（需与审查起诉核对）',
    '是否为审捕阶段要求提请（移送）逮捕的犯罪嫌疑人',
  ),
  {
    id: 'R025',
    title: '黑社会性质组织犯罪核对',
    violated: (row) => isYes(row, '犯罪案件是否涉及黑社会性质组织') || isYes(row, '是否黑社会性质组织保护伞'),
  },
  {
    id: 'R026',
    title: '恶势力犯罪核对',
    violated: (row) => isYes(row, '犯罪案件是否涉及恶势力') || isYes(row, '是否恶势力保护伞'),
  },
  { id: 'R027', title: '专项活动重点工作核对', violated: (row) => !blank(row, '专项活动重点工作') },
  {
    id: 'F09',
    title: '批准逮捕却填不捕情形，或不批准逮捕却填应当逮捕情形',
    violated: (row) =>
      (text(row, '审结处理结果') === '批准逮捕' && !blank(row, '不捕情形')) ||
      (text(row, '审结处理结果') === '不批准逮捕' && !blank(row, '应当逮捕情形')),
  },
]
