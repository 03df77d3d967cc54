/**
 * Row-level rules of rules.md for 020101 (一审公诉) about the trial and the sentence: R051–R076 of
 * the CaseCheckSystem catalogue, §4.3 items 7, 8, 12 and 13, and the review prompts (涉医, 涉外 …)
 * that clean records never trigger.
 */
import { isIpCharge } from './charge-groups.ts'
import { blank, day, hasItem, isYes, num, text, type RowRule } from './clean-rules-common.ts'
import { casePlea, charge, FINES, outcome, plea, special, term } from './clean-rules-prosecution.ts'

export const TRIAL_RULES: RowRule[] = [
  {
    id: 'R051',
    title: '不得适用速裁程序的情形适用了速裁程序',
    violated: (row) =>
      text(row, '庭审程序') === '速裁程序' &&
      (special(row) || (casePlea(row) === '是' && plea(row) === '否') || num(row, '作案时年龄') < 18),
  },
  {
    id: 'R052',
    title: '不得适用简易程序的情形适用了简易程序',
    violated: (row) =>
      text(row, '庭审程序') === '简易程序' &&
      (special(row) || (casePlea(row) === '是' && plea(row) === '否')),
  },
  {
    id: 'R053',
    title: '速裁程序判处三年以上刑罚',
    violated: (row) =>
      text(row, '庭审程序') === '速裁程序' &&
      (num(row, '一审宣告刑刑期') > 36 || text(row, '一审宣告刑') === '无期徒刑'),
  },
  {
    id: 'R057',
    title: '审查起诉阶段与审判阶段适用认罪认罚情况矛盾',
    violated: (row) => {
      const summary = text(row, '审判阶段适用认罪认罚情况')
      if (summary === '' || blank(row, '审判阶段适用认罪认罚')) return false
      const review = plea(row) === '是'
      const trial = isYes(row, '审判阶段适用认罪认罚')
      const expected =
        review && trial
          ? '均适用'
          : !review && !trial
            ? '均未适用'
            : review
              ? '审判阶段未适用'
              : '审查起诉未适用'
      return summary !== expected
    },
  },
  {
    id: 'R058',
    title: '法院采纳量刑建议，量刑建议情况漏填',
    violated: (row) =>
      isYes(row, '是否法院采纳量刑建议') &&
      blank(row, '审查起诉阶段提出量刑建议类型') &&
      blank(row, '审判阶段提出（调整）量刑建议类型'),
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
      text(row, '庭审程序') === '速裁程序' &&
      !blank(row, '一审判决日期') &&
      text(row, '出庭日期') !== text(row, '一审判决日期') &&
      blank(row, '速裁程序转为简易程序日期') &&
      blank(row, '速裁程序转为普通程序日期'),
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
      return (
        kind === '' || (['有期徒刑', '拘役', '管制'].includes(kind) && Number.isNaN(term(row, '自', kind)))
      )
    },
  },
  {
    id: 'R068',
    title: '量刑建议罚金疑为按元填录（超过499万元）',
    violated: (row) => FINES.some((f) => num(row, f) > 499),
  },
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
      isIpCharge(charge(row)) &&
      (blank(row, '受侵犯企业类型') ||
        blank(row, '受侵犯企业资金来源地') ||
        blank(row, '受侵犯企业所属国别地区')),
  },
  {
    id: 'F07',
    title: '认罪认罚且起诉，但未提出量刑建议',
    violated: (row) =>
      plea(row) === '是' && outcome(row) === '起诉' && blank(row, '审查起诉阶段提出量刑建议类型'),
  },
  {
    id: 'F08',
    title: '未提出量刑建议，却填了是否法院采纳量刑建议',
    violated: (row) =>
      blank(row, '审查起诉阶段提出量刑建议类型') &&
      blank(row, '审判阶段提出（调整）量刑建议类型') &&
      !blank(row, '是否法院采纳量刑建议'),
  },
  {
    id: 'F11',
    title: '提起公诉日期早于受理日期',
    violated: (row) => day(row, '提起公诉日期') < day(row, '受理日期'),
  },
  {
    id: 'F12',
    title: '一审判决日期早于提起公诉日期',
    violated: (row) => day(row, '一审判决日期') < day(row, '提起公诉日期'),
  },
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
  {
    id: 'R017',
    title: '涉医、涉药核对',
    violated: (row) =>
      isYes(row, '是否涉医疗纠纷犯罪案件') ||
      isYes(row, '犯罪案件是否涉及医疗美容犯罪') ||
      isYes(row, '犯罪案件是否涉及药品和医用器材安全'),
  },
  {
    id: 'R070',
    title: '涉外、涉港澳台侨、涉政治安全核对',
    violated: (row) =>
      text(row, '涉港澳台侨犯罪案件').includes('涉') ||
      isYes(row, '是否涉外案件') ||
      isYes(row, '涉政治安全类案件'),
  },
  {
    id: 'R071',
    title: '是否影响非公经济核对',
    violated: (row) => isYes(row, '是否影响非公有制经济发展案件'),
  },
  {
    id: 'R023',
    title: '审查起诉阶段填报为追捕对象（需与审查逮捕核对）',
    violated: (row) => isYes(row, '是否为纠正漏捕的犯罪嫌疑人'),
  },
]
