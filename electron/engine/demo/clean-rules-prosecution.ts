/**
 * Row-level rules of rules.md for 020101 (一审公诉) about 审查起诉 itself, as plain predicates for
 * clean-check.ts: R028–R048 of the CaseCheckSystem catalogue and §4.3 items 11 and 16. The trial,
 * sentencing and review-prompt rules are in clean-rules-trial.ts.
 */
import { injuryMismatch } from './clean-rules-arrest.ts'
import { allowsConditional, isPropertyCharge, isVictimCharge } from './charge-groups.ts'
import {
  blank,
  chargeSet,
  day,
  hasItem,
  isYes,
  num,
  sameSet,
  subset,
  text,
  todayOf,
  type Row,
  type RowRule,
} from './clean-rules-common.ts'

// prettier-ignore
const AMOUNTS = [
  '保证金（万元）', '审结数额（万元）', '认定造成经济损失（万元）', '挽回经济损失（万元）', '侦（调）查机关追缴款物（万元）',
  '检察机关自行查扣冻（万元）', '检察机关发现并由其他机关查扣冻（万元）', '审定数额（万元）', '洗钱数额（万元）',
  '掩饰隐瞒犯罪所得、犯罪所得收益数额（万元）', '捕诉环节犯罪嫌疑人主动退赔（万元）', '一审罚金数额（万元）', '二审罚金数额（万元）',
]
export const FINES = [
  '审查起诉阶段量刑建议（自）罚金数额',
  '审查起诉阶段量刑建议（到）罚金数额',
  '审判阶段量刑建议（自）罚金数额',
  '审判阶段量刑建议（到）罚金数额',
]
const SPECIAL = ['限定刑事责任能力人', '聋哑或盲人']
export const charge = (row: Row) => text(row, '审结案由') || text(row, '移诉案由')
export const plea = (row: Row) => text(row, '审查起诉阶段检察机关适用认罪认罚')
export const casePlea = (row: Row) => text(row, '全案_审查起诉阶段检察机关适用认罪认罚')
export const special = (row: Row) => SPECIAL.some((s) => hasItem(row, '审查认定的法定情节', s))
export const term = (row: Row, end: '自' | '到', kind: string) =>
  num(row, `审查起诉阶段量刑建议（${end}）${kind}刑期`)
export const outcome = (row: Row) => text(row, '审结处理情况')

/** 审查起诉 working time: each stretch between 受理/重报 and 退查/审结 within one month + 15 days (§4.3 item 16). */
function overlong(row: Row): boolean {
  const points = [
    day(row, '受理日期'),
    day(row, '全案_一次退查日期'),
    day(row, '全案_一次重报日期'),
    day(row, '全案_二次退查日期'),
    day(row, '全案_二次重报日期'),
  ]
  const end = day(row, '审结日期')
  if (Number.isNaN(end)) return false
  let start = points[0]
  for (let i = 1; i < points.length; i += 2) {
    const back = points[i]
    if (Number.isNaN(back)) break
    if (back - start > 45) return true
    const again = points[i + 1]
    if (Number.isNaN(again)) return false // 退查后未重报: no more working time
    if (again - back > 31) return true // 补充侦查以一个月为限
    start = again
  }
  return end - start > 45
}

export const PROSECUTION_RULES: RowRule[] = [
  {
    id: 'R028',
    title: '非未成年人附条件不起诉，或罪名不属于刑法分则四、五、六章',
    violated: (row) =>
      outcome(row) === '附条件不起诉' &&
      (num(row, '作案时年龄') >= 18 || !allowsConditional(text(row, '审结案由'))),
  },
  {
    id: 'R029',
    title: '一审公诉案件受理时错填移送罪名',
    violated: (row, ctx) => {
      const person = chargeSet(row, '移诉案由', '移诉其他案由')
      const whole = chargeSet(row, '全案_移送案由', '全案_移送其他案由')
      return !subset(person, whole) || (ctx.caseSize === 1 && !sameSet(person, whole))
    },
  },
  {
    id: 'R030',
    title: '受理移送不起诉是否错填',
    violated: (row) => text(row, '全案_移送意见') === '移送不起诉',
  },
  {
    id: 'R031',
    title: '经济类、侵财类犯罪未填“涉及追赃挽损”',
    violated: (row) => isPropertyCharge(charge(row)) && text(row, '案件是否涉及追赃挽损') !== '是',
  },
  {
    id: 'R032',
    title: '侵犯人身、财产类案件漏填被害人情况',
    violated: (row) => isVictimCharge(text(row, '审结案由')) && ['', '无'].includes(text(row, '被害人情况')),
  },
  {
    id: 'R033',
    title: '伤亡类案件漏填（或非伤亡类案件错填）案件造成伤亡情况',
    violated: (row) => injuryMismatch(row, '审结案由'),
  },
  {
    id: 'R034',
    title: '一审公诉案件受理后超过一年未审结',
    violated: (row, ctx) => blank(row, '审结日期') && todayOf(ctx) - day(row, '受理日期') > 366,
  },
  {
    id: 'R035',
    title: '一审公诉案件审结后超过一年无判决',
    violated: (row, ctx) =>
      outcome(row) === '起诉' && todayOf(ctx) - day(row, '审结日期') > 366 && blank(row, '一审判决日期'),
  },
  {
    id: 'R036',
    title: '速裁程序超过办案时限（十日，可能判处一年以上的十五日）',
    violated: (row) => {
      if (text(row, '庭审程序') !== '速裁程序') return false
      const days = day(row, '审结日期') - day(row, '受理日期')
      const months = num(row, '一审宣告刑刑期')
      return months > 12 ? days > 15 : days > 10
    },
  },
  {
    id: 'R037',
    title: '同一犯罪嫌疑人既立案监督又纠正漏捕又纠正漏诉',
    violated: (row) =>
      ['是否立案监督对象', '是否为追诉对象', '是否为纠正漏捕的犯罪嫌疑人'].filter((f) => isYes(row, f))
        .length >= 2,
  },
  {
    id: 'R038',
    title: '退查后长期未重报且未填报退查未重报事由',
    violated: (row, ctx) => {
      const back = day(row, '全案_一次退查日期')
      return back + 31 < todayOf(ctx) && blank(row, '全案_一次重报日期') && blank(row, '一次退查后未重报事由')
    },
  },
  {
    id: 'R039',
    title: '存疑不诉、绝对不诉案件适用认罪认罚',
    violated: (row) => ['绝对不起诉', '其他证据不足不起诉'].includes(outcome(row)) && plea(row) === '是',
  },
  {
    id: 'R040',
    title: '相对不诉未适用认罪认罚',
    violated: (row) =>
      ['其他情节轻微不起诉', '附条件不起诉', '刑事和解不起诉'].includes(outcome(row)) && plea(row) === '否',
  },
  {
    id: 'R042',
    title: '万元金额填录异常（单项超过499万元，疑为按元填录）',
    violated: (row) => AMOUNTS.filter((f) => num(row, f) > 499).length === 1,
  },
  {
    id: 'R043',
    title: '撤回起诉后一个月无处理结果',
    violated: (row, ctx) => day(row, '撤回起诉日期') + 31 < todayOf(ctx) && blank(row, '撤回起诉后处理日期'),
  },
  {
    id: 'R044',
    title: '审查起诉改变侦查认定情形漏填或错填',
    violated: (row) => {
      if (blank(row, '审结案由')) return false
      const changed = text(row, '审结案由') !== text(row, '移诉案由')
      return changed !== hasItem(row, '改变移送审查起诉认定情形', '改变定性')
    },
  },
  {
    id: 'R045',
    title: '核对无罪、撤回起诉、免予刑事处罚、不负刑事责任案件',
    violated: (row) =>
      ['免予刑事处罚', '不负刑事责任', '无罪'].includes(text(row, '一审宣告刑')) ||
      !blank(row, '撤回起诉日期'),
  },
  {
    id: 'R046',
    title: '漏填提起公诉日期',
    violated: (row) => outcome(row) === '起诉' && blank(row, '提起公诉日期'),
  },
  {
    id: 'R047',
    title: '一审判决后未上诉抗诉长期不填报生效日期',
    violated: (row, ctx) =>
      todayOf(ctx) - day(row, '一审判决书收到日期') > 11 &&
      blank(row, '一审判决生效日期') &&
      blank(row, '上诉日期') &&
      blank(row, '提出抗诉日期'),
  },
  {
    id: 'R048',
    title: '全案填报裁判结果，人员裁判结果未填报',
    violated: (row) =>
      !blank(row, '全案_一审判决生效日期') &&
      (blank(row, '一审判决日期') || blank(row, '一审判决罪名/案由') || blank(row, '一审宣告刑')),
  },
  { id: 'R049', title: '提出抗诉（核对撤回抗诉日期）', violated: (row) => !blank(row, '提出抗诉日期') },
  { id: 'F16', title: '审查起诉超过办案期限且无退查记录', violated: overlong },
]
