/**
 * Error injections for 010101 (审查逮捕) rows. See errors.ts for how they are chosen and confirmed.
 */
import { DRIVING_CHARGES, INJURY_CHARGES, isVictimCharge, LAUNDERING_CHARGE } from './charge-groups.ts'
import { INJECTIONS_COMMON } from './errors-common.ts'
import type { Injection } from './row-editor.ts'

const OTHER_CHARGES = ['寻衅滋事罪', '盗窃罪', '诈骗罪', '故意伤害罪', '赌博罪']

export const INJECTIONS_ARREST: Injection[] = [
  {
    rule: 'R001',
    applies: (r) => r.caseSize === 1 && r.get('涉嫌案由') !== '',
    apply: (r) =>
      r.set(
        '涉嫌案由',
        r.random.pick(
          OTHER_CHARGES.filter((c) => c !== r.get('移送案由') && !r.get('移送其他案由').includes(c)),
        ),
      ),
  },
  {
    rule: 'R002',
    applies: (r) => r.get('审结处理结果') === '不批准逮捕',
    apply: (r) => r.set('不捕情形', '其他不捕'),
  },
  {
    rule: 'R003',
    applies: (r) => r.get('审结处理结果') === '批准逮捕' && r.get('前科') === '刑事处罚',
    apply: (r) => r.set('前科', '无'),
  },
  {
    rule: 'R004',
    applies: () => true,
    apply: (r) => r.set(r.random.chance(0.5) ? '移送单位名称' : '侦查机关名称', r.unitName),
  },
  {
    rule: 'R006',
    weight: 2,
    applies: (r) => r.caseSize === 1 && r.get('审结日期') !== '' && r.day('受理日期') + 15 <= r.today,
    apply: (r) => r.setCaseDay(['审结日期', '全案_审结日期'], r.day('受理日期') + r.random.int(8, 15)),
  },
  {
    rule: 'R007',
    weight: 2,
    applies: (r) => r.get('执行情况') !== '' && r.today - r.day('审结日期') > 4,
    apply: (r) => {
      for (const field of ['收到执行回执日期', '执行日期', '执行情况']) r.set(field, '')
    },
  },
  {
    rule: 'R008',
    applies: (r) => isVictimCharge(r.get('审结案由')),
    apply: (r) => r.set('被害人情况', '无'),
  },
  {
    rule: 'R009',
    applies: (r) => r.get('审结案由') !== '',
    apply: (r) => r.set('案件造成伤亡情况', INJURY_CHARGES.has(r.get('审结案由')) ? '' : '致1人轻伤'),
  },
  {
    rule: 'R010',
    applies: (r) => r.get('审结案由') === LAUNDERING_CHARGE,
    apply: (r) => r.set('掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形', ''),
  },
  {
    rule: 'R014',
    applies: (r) => DRIVING_CHARGES.has(r.get('涉嫌案由')),
    apply: (r) => r.set('是否利用电信或网络实施犯罪', '是'),
  },
  {
    rule: 'F01',
    applies: (r) => r.caseSize === 1 && r.get('审结日期') !== '',
    apply: (r) => r.setCaseDay(['审结日期', '全案_审结日期'], r.day('受理日期') - r.random.int(1, 5)),
  },
  {
    rule: 'F09',
    applies: (r) => r.get('审结处理结果') !== '',
    apply: (r) =>
      r.get('审结处理结果') === '批准逮捕'
        ? r.set('不捕情形', '无社会危险性不捕')
        : r.set('应当逮捕情形', '曾经故意犯罪'),
  },
  ...INJECTIONS_COMMON,
]
