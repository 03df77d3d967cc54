/**
 * Row-level rules of rules.md for 020101 (一审公诉), as plain predicates for clean-check.ts:
 * R028–R076 of the CaseCheckSystem catalogue and §4.3 items 7, 8, 11, 12, 13, 16.
 */
import { injuryMismatch } from './clean-rules-arrest.ts'
import { allowsConditional, isIpCharge, isPropertyCharge, isVictimCharge } from './charge-groups.ts'
import { blank, chargeSet, day, hasItem, isYes, num, sameSet, subset, text, todayOf, type Row, type RowRule } from './clean-rules-common.ts'

const AMOUNTS = [
  '保证金（万元）', '审结数额（万元）', '认定造成经济损失（万元）', '挽回经济损失（万元）', '侦（调）查机关追缴款物（万元）',
  '检察机关自行查扣冻（万元）', '检察机关发现并由其他机关查扣冻（万元）', '审定数额（万元）', '洗钱数额（万元）',
  '掩饰隐瞒犯罪所得、犯罪所得收益数额（万元）', '捕诉环节犯罪嫌疑人主动退赔（万元）', '一审罚金数额（万元）', '二审罚金数额（万元）',
]
const FINES = ['审查起诉阶段量刑建议（自）罚金数额', '审查起诉阶段量刑建议（到）罚金数额', '审判阶段量刑建议（自）罚金数额', '审判阶段量刑建议（到）罚金数额']
const SPECIAL = ['限定刑事责任能力人', '聋哑或盲人']
const charge = (row: Row) => text(row, '审结案由') || text(row, '移诉案由')
const plea = (row: Row) => text(row, '审查起诉阶段检察机关适用认罪认罚')
const casePlea = (row: Row) => text(row, '全案_审查起诉阶段检察机关适用认罪认罚')
const special = (row: Row) => SPECIAL.some((s) => hasItem(row, '审查认定的法定情节', s))
const term = (row: Row, end: '自' | '到', kind: string) => num(row, `审查起诉阶段量刑建议（${end}）${kind}刑期`)
const outcome = (row: Row) => text(row, '审结处理情况')

/** 审查起诉 working time: each stretch between 受理/重报 and 退查/审结 within one month + 15 days (§4.3 item 16). */
function overlong(row: Row): boolean {
  const points = [day(row, '受理日期'), day(row, '全案_一次退查日期'), day(row, '全案_一次重报日期'), day(row, '全案_二次退查日期'), day(row, '全案_二次重报日期')]
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
    violated: (row) => outcome(row) === '附条件不起诉' && (num(row, '作案时年龄') >= 18 || !allowsConditional(text(row, '审结案由'))),
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
  { id: 'R030', title: '受理移送不起诉是否错填', violated: (row) => text(row, '全案_移送意见') === '移送不起诉' },
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
  { id: 'R033', title: '伤亡类案件漏填（或非伤亡类案件错填）案件造成伤亡情况', violated: (row) => injuryMismatch(row, '审结案由') },
  {
    id: 'R034',
    title: '一审公诉案件受理后超过一年未审结',
    violated: (row, ctx) => blank(row, '审结日期') && todayOf(ctx) - day(row, '受理日期') > 366,
  },
  {
    id: 'R035',
    title: '一审公诉案件审结后超过一年无判决',
    violated: (row, ctx) => outcome(row) === '起诉' && todayOf(ctx) - day(row, '审结日期') > 366 && blank(row, '一审判决日期'),
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
    violated: (row) => ['是否立案监督对象', '是否为追诉对象', '是否为纠正漏捕的犯罪嫌疑人'].filter((f) => isYes(row, f)).length >= 2,
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
    violated: (row) => ['其他情节轻微不起诉', '附条件不起诉', '刑事和解不起诉'].includes(outcome(row)) && plea(row) === '否',
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
    violated: (row) => ['免予刑事处罚', '不负刑事责任', '无罪'].includes(text(row, '一审宣告刑')) || !blank(row, '撤回起诉日期'),
  },
  { id: 'R046', title: '漏填提起公诉日期', violated: (row) => outcome(row) === '起诉' && blank(row, '提起公诉日期') },
  {
    id: 'R047',
    title: '一审判决后未上诉抗诉长期不填报生效日期',
    violated: (row, ctx) =>
      todayOf(ctx) - day(row, '一审判决书收到日期') > 11 &&
      blank(row, '一审判决生效日期') && blank(row, '上诉日期') && blank(row, '提出抗诉日期'),
  },
  {
    id: 'R048',
    title: '全案填报裁判结果，人员裁判结果未填报',
    violated: (row) =>
      !blank(row, '全案_一审判决生效日期') && (blank(row, '一审判决日期') || blank(row, '一审判决罪名/案由') || blank(row, '一审宣告刑')),
  },
  { id: 'R049', title: '提出抗诉（核对撤回抗诉日期）', violated: (row) => !blank(row, '提出抗诉日期') },
  {
    id: 'R051',
    title: '不得适用速裁程序的情形适用了速裁程序',
    violated: (row) =>
      text(row, '庭审程序') === '速裁程序' && (special(row) || (casePlea(row) === '是' && plea(row) === '否') || num(row, '作案时年龄') < 18),
  },
  {
    id: 'R052',
    title: '不得适用简易程序的情形适用了简易程序',
    violated: (row) => text(row, '庭审程序') === '简易程序' && (special(row) || (casePlea(row) === '是' && plea(row) === '否')),
  },
  {
    id: 'R053',
    title: '速裁程序判处三年以上刑罚',
    violated: (row) => text(row, '庭审程序') === '速裁程序' && (num(row, '一审宣告刑刑期') > 36 || text(row, '一审宣告刑') === '无期徒刑'),
  },
  {
    id: 'R057',
    title: '审查起诉阶段与审判阶段适用认罪认罚情况矛盾',
    violated: (row) => {
      const summary = text(row, '审判阶段适用认罪认罚情况')
      if (summary === '' || blank(row, '审判阶段适用认罪认罚')) return false
      const review = plea(row) === '是'
      const trial = isYes(row, '审判阶段适用认罪认罚')
      const expected = review && trial ? '均适用' : !review && !trial ? '均未适用' : review ? '审判阶段未适用' : '审查起诉未适用'
      return summary !== expected
    },
  },
  {
    id: 'R058',
    title: '法院采纳量刑建议，量刑建议情况漏填',
    violated: (row) =>
      isYes(row, '是否法院采纳量刑建议') && blank(row, '审查起诉阶段提出量刑建议类型') && blank(row, '审判阶段提出（调整）量刑建议类型'),
  },
  {
    id: 'R059',
    title: '单位犯罪判处拘役或有期徒刑',
    violated: (row) => isYes(row, '是否为单位') && ['拘役', '有期徒刑'].includes(text(row, '一审宣告刑')),
  },
  {
    id: 'R060',
    title: '速裁程序出庭日期与一审判决日期不是同一日',
    violated: (row) =>
      text(row, '庭审程序') === '速裁程序' && !blank(row, '一审判决日期') && text(row, '出庭日期') !== text(row, '一审判决日期') &&
      blank(row, '速裁程序转为简易程序日期') && blank(row, '速裁程序转为普通程序日期'),
  },
  {
    id: 'R061',
    title: '审结罪名与判决罪名不一致时裁判改变起诉情形应填“改变定性”',
    violated: (row) => {
      if (blank(row, '一审判决罪名/案由') || blank(row, '审结案由')) return false
      const changed = text(row, '一审判决罪名/案由') !== text(row, '审结案由')
      return changed !== hasItem(row, '裁判改变起诉情形', '改变定性')
    },
  },
  {
    id: 'R066',
    title: '检察机关适用认罪认罚人卡与全案矛盾',
    violated: (row, ctx) => {
      if (casePlea(row) === '' || plea(row) === '') return false
      if (ctx.caseSize === 1) return casePlea(row) !== plea(row)
      return casePlea(row) === '否' && plea(row) === '是'
    },
  },
  {
    id: 'R067',
    title: '提出量刑建议，但漏填具体刑种、刑期',
    violated: (row) => {
      if (blank(row, '审查起诉阶段提出量刑建议类型')) return false
      const kind = text(row, '审查起诉阶段量刑建议刑种')
      return kind === '' || (['有期徒刑', '拘役', '管制'].includes(kind) && Number.isNaN(term(row, '自', kind)))
    },
  },
  { id: 'R068', title: '量刑建议罚金疑为按元填录（超过499万元）', violated: (row) => FINES.some((f) => num(row, f) > 499) },
  {
    id: 'R069',
    title: '幅度刑量刑建议幅度过宽',
    violated: (row) =>
      text(row, '审查起诉阶段提出量刑建议类型') === '幅度刑量刑建议' &&
      ['有期徒刑', '拘役', '管制'].some((kind) => term(row, '到', kind) * 0.75 > term(row, '自', kind)),
  },
  {
    id: 'R072',
    title: '审结认定累犯，但前科填“无”',
    violated: (row) => hasItem(row, '审查认定的法定情节', '累犯') && text(row, '前科') !== '刑事处罚',
  },
  {
    id: 'R076',
    title: '知识产权类案件漏填受侵害情况',
    violated: (row) =>
      isIpCharge(charge(row)) && (blank(row, '受侵犯企业类型') || blank(row, '受侵犯企业资金来源地') || blank(row, '受侵犯企业所属国别地区')),
  },
  {
    id: 'F07',
    title: '认罪认罚且起诉，但未提出量刑建议',
    violated: (row) => plea(row) === '是' && outcome(row) === '起诉' && blank(row, '审查起诉阶段提出量刑建议类型'),
  },
  {
    id: 'F08',
    title: '未提出量刑建议，却填了是否法院采纳量刑建议',
    violated: (row) => blank(row, '审查起诉阶段提出量刑建议类型') && blank(row, '审判阶段提出（调整）量刑建议类型') && !blank(row, '是否法院采纳量刑建议'),
  },
  { id: 'F11', title: '提起公诉日期早于受理日期', violated: (row) => day(row, '提起公诉日期') < day(row, '受理日期') },
  { id: 'F12', title: '一审判决日期早于提起公诉日期', violated: (row) => day(row, '一审判决日期') < day(row, '提起公诉日期') },
  {
    id: 'F13',
    title: '确定刑量刑建议起止不同，或幅度刑量刑建议起止相同',
    violated: (row) => {
      const type = text(row, '审查起诉阶段提出量刑建议类型')
      const kind = text(row, '审查起诉阶段量刑建议刑种')
      const from = term(row, '自', kind)
      const to = term(row, '到', kind)
      if (Number.isNaN(from) || Number.isNaN(to)) return false
      return (type === '确定刑量刑建议' && from !== to) || (type === '幅度刑量刑建议' && from === to)
    },
  },
  { id: 'F16', title: '审查起诉超过办案期限且无退查记录', violated: overlong },
  {
    id: 'R017',
    title: '涉医、涉药核对',
    violated: (row) =>
      isYes(row, '是否涉医疗纠纷犯罪案件') || isYes(row, '犯罪案件是否涉及医疗美容犯罪') || isYes(row, '犯罪案件是否涉及药品和医用器材安全'),
  },
  {
    id: 'R070',
    title: '涉外、涉港澳台侨、涉政治安全核对',
    violated: (row) => text(row, '涉港澳台侨犯罪案件').includes('涉') || isYes(row, '是否涉外案件') || isYes(row, '涉政治安全类案件'),
  },
  { id: 'R071', title: '是否影响非公经济核对', violated: (row) => isYes(row, '是否影响非公有制经济发展案件') },
  { id: 'R023', title: '审查起诉阶段填报为追捕对象（需与审查逮捕核对）', violated: (row) => isYes(row, '是否为纠正漏捕的犯罪嫌疑人') },
]
