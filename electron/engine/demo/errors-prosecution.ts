/**
 * Error injections for 020101 (一审公诉) rows: the real-world slips the rules were written for
 * (罚金 in 元, 提起公诉日期 left out, 认罪认罚 flags contradicting the outcome, a 速裁 case over its
 * ten days …). See errors.ts for how they are chosen and confirmed.
 */
import { INJURY_CHARGES, isIpCharge, isPropertyCharge, isVictimCharge } from './charge-groups.ts'
import { INJECTIONS_COMMON } from './errors-common.ts'
import type { Injection, RowEditor } from './row-editor.ts'

const PLEA = '审查起诉阶段检察机关适用认罪认罚'
const CASE_PLEA = '全案_审查起诉阶段检察机关适用认罪认罚'
const outcome = (r: RowEditor) => r.get('审结处理情况')
const single = (r: RowEditor) => r.caseSize === 1
const judged = (r: RowEditor) => r.get('一审判决日期') !== ''
const times = (value: string) => String(Math.round(Number(value) * 10000))

export const INJECTIONS_PROSECUTION: Injection[] = [
  {
    rule: 'R028',
    applies: (r) => outcome(r) === '其他情节轻微不起诉' && Number(r.get('作案时年龄')) >= 18,
    apply: (r) => r.set('审结处理情况', '附条件不起诉'),
  },
  {
    rule: 'R029',
    applies: (r) => single(r) && r.get('移诉案由') !== '',
    apply: (r) =>
      r.set(
        '移诉案由',
        r.random.pick(
          ['寻衅滋事罪', '盗窃罪', '诈骗罪', '赌博罪'].filter(
            (c) => c !== r.get('全案_移送案由') && !r.get('全案_移送其他案由').includes(c),
          ),
        ),
      ),
  },
  {
    rule: 'R031',
    weight: 2,
    applies: (r) => isPropertyCharge(r.get('审结案由') || r.get('移诉案由')),
    apply: (r) => r.set('案件是否涉及追赃挽损', '否'),
  },
  {
    rule: 'R032',
    applies: (r) => isVictimCharge(r.get('审结案由')),
    apply: (r) => r.set('被害人情况', '无'),
  },
  {
    rule: 'R033',
    applies: (r) => r.get('审结案由') !== '',
    apply: (r) => r.set('案件造成伤亡情况', INJURY_CHARGES.has(r.get('审结案由')) ? '' : '致1人轻伤'),
  },
  {
    rule: 'R036',
    applies: (r) => single(r) && r.get('庭审程序') === '速裁程序' && r.day('受理日期') + 20 <= r.today,
    apply: (r) => r.setCaseDay(['审结日期', '全案_审结日期'], r.day('受理日期') + r.random.int(16, 20)),
  },
  {
    rule: 'R039',
    applies: (r) => single(r) && ['绝对不起诉', '其他证据不足不起诉'].includes(outcome(r)),
    apply: (r) => {
      r.set(PLEA, '是')
      r.set(CASE_PLEA, '是')
    },
  },
  {
    rule: 'R040',
    applies: (r) =>
      single(r) && ['其他情节轻微不起诉', '附条件不起诉', '刑事和解不起诉'].includes(outcome(r)),
    apply: (r) => {
      r.set(PLEA, '否')
      r.set(CASE_PLEA, '否')
    },
  },
  {
    rule: 'R042',
    weight: 3,
    applies: (r) => Number(r.get('审结数额（万元）')) >= 0.06,
    apply: (r) => r.set('审结数额（万元）', times(r.get('审结数额（万元）'))),
  },
  {
    rule: 'R044',
    applies: (r) => r.get('审结案由') !== '' && r.get('审结案由') === r.get('移诉案由'),
    apply: (r) => r.set('改变移送审查起诉认定情形', '改变定性'),
  },
  { rule: 'R046', weight: 2, applies: (r) => outcome(r) === '起诉', apply: (r) => r.set('提起公诉日期', '') },
  {
    rule: 'R047',
    weight: 2,
    applies: (r) => r.get('一审判决生效日期') !== '' && r.today - r.day('一审判决书收到日期') > 11,
    apply: (r) => r.set('一审判决生效日期', ''),
  },
  {
    rule: 'R048',
    applies: (r) => r.get('全案_一审判决生效日期') !== '',
    apply: (r) => r.set('一审宣告刑', ''),
  },
  {
    rule: 'R051',
    applies: (r) => r.get('庭审程序') === '速裁程序',
    apply: (r) =>
      r.set('审查认定的法定情节', [r.get('审查认定的法定情节'), '聋哑或盲人'].filter((s) => s).join('、')),
  },
  {
    rule: 'R052',
    applies: (r) => r.get('庭审程序') === '简易程序',
    apply: (r) =>
      r.set(
        '审查认定的法定情节',
        [r.get('审查认定的法定情节'), '限定刑事责任能力人'].filter((s) => s).join('、'),
      ),
  },
  {
    rule: 'R053',
    applies: (r) => r.get('庭审程序') === '速裁程序' && r.get('一审宣告刑') !== '',
    apply: (r) => {
      r.set('一审宣告刑', '有期徒刑')
      r.set('一审宣告刑刑期', '48')
    },
  },
  {
    rule: 'R057',
    applies: (r) => r.get('审判阶段适用认罪认罚情况') !== '',
    apply: (r) =>
      r.set(
        '审判阶段适用认罪认罚情况',
        r.get('审判阶段适用认罪认罚情况') === '均适用' ? '审判阶段未适用' : '均适用',
      ),
  },
  {
    rule: 'R059',
    applies: (r) => ['拘役', '有期徒刑'].includes(r.get('一审宣告刑')),
    apply: (r) => r.set('是否为单位', '是'),
  },
  {
    rule: 'R060',
    applies: (r) => r.get('庭审程序') === '速裁程序' && judged(r),
    apply: (r) => r.setCaseDay(['出庭日期'], r.day('一审判决日期') - r.random.int(1, 3)),
  },
  {
    rule: 'R061',
    applies: (r) => judged(r) && r.get('一审判决罪名/案由') === r.get('审结案由'),
    apply: (r) => r.set('裁判改变起诉情形', '改变定性'),
  },
  {
    rule: 'R066',
    applies: (r) => single(r) && r.get(CASE_PLEA) !== '',
    apply: (r) => r.set(CASE_PLEA, r.get(CASE_PLEA) === '是' ? '否' : '是'),
  },
  {
    rule: 'R067',
    applies: (r) => r.get('审查起诉阶段量刑建议刑种') !== '',
    apply: (r) => r.set('审查起诉阶段量刑建议刑种', ''),
  },
  {
    rule: 'R068',
    weight: 3,
    applies: (r) => Number(r.get('审查起诉阶段量刑建议（自）罚金数额')) >= 0.06,
    apply: (r) =>
      r.set('审查起诉阶段量刑建议（自）罚金数额', times(r.get('审查起诉阶段量刑建议（自）罚金数额'))),
  },
  {
    rule: 'R069',
    applies: (r) => r.get('审查起诉阶段提出量刑建议类型') === '幅度刑量刑建议',
    apply: (r) =>
      r.set(
        '审查起诉阶段量刑建议（到）有期徒刑刑期',
        String(Number(r.get('审查起诉阶段量刑建议（自）有期徒刑刑期')) * 2 + 2),
      ),
  },
  {
    rule: 'R072',
    applies: (r) => r.get('审查认定的法定情节').includes('累犯'),
    apply: (r) => r.set('前科', '无'),
  },
  {
    rule: 'R076',
    applies: (r) => isIpCharge(r.get('审结案由') || r.get('移诉案由')),
    apply: (r) => r.set('受侵犯企业类型', ''),
  },
  {
    rule: 'F01',
    applies: (r) => single(r) && r.get('审结日期') !== '',
    apply: (r) => r.setCaseDay(['审结日期', '全案_审结日期'], r.day('受理日期') - r.random.int(1, 5)),
  },
  {
    rule: 'F07',
    applies: (r) =>
      r.get(PLEA) === '是' &&
      outcome(r) === '起诉' &&
      r.get('审查起诉阶段提出量刑建议类型') !== '' &&
      r.get('是否法院采纳量刑建议') === '',
    apply: (r) => r.set('审查起诉阶段提出量刑建议类型', ''),
  },
  {
    rule: 'F11',
    applies: (r) => r.get('提起公诉日期') !== '',
    apply: (r) => r.setCaseDay(['提起公诉日期'], r.day('受理日期') - r.random.int(1, 10)),
  },
  {
    rule: 'F12',
    applies: (r) => single(r) && judged(r),
    apply: (r) =>
      r.setCaseDay(['一审判决日期', '全案_一审判决日期'], r.day('提起公诉日期') - r.random.int(1, 5)),
  },
  {
    rule: 'F13',
    applies: (r) =>
      r.get('审查起诉阶段提出量刑建议类型') === '确定刑量刑建议' &&
      ['有期徒刑', '拘役'].includes(r.get('审查起诉阶段量刑建议刑种')),
    apply: (r) => {
      const kind = r.get('审查起诉阶段量刑建议刑种')
      r.set(
        `审查起诉阶段量刑建议（到）${kind}刑期`,
        String(Number(r.get(`审查起诉阶段量刑建议（自）${kind}刑期`)) + 2),
      )
    },
  },
  {
    rule: 'F16',
    applies: (r) =>
      single(r) &&
      r.get('审结日期') !== '' &&
      r.get('全案_一次退查日期') === '' &&
      r.get('庭审程序') !== '速裁程序' &&
      r.day('受理日期') + 70 <= r.today,
    apply: (r) => r.setCaseDay(['审结日期', '全案_审结日期'], r.day('受理日期') + r.random.int(50, 70)),
  },
  ...INJECTIONS_COMMON,
]
