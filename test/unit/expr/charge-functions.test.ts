import { describe, expect, it } from 'vitest'
import {
  compileExpression,
  evaluate,
  holds,
  toSql,
  type ExprField,
  type Ir,
} from '../../../shared/expr/index.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

const FIELDS: ExprField[] = [
  ...CASE_FIELDS,
  { name: '移送案由', type: 'code', column: 'c20' },
  { name: '出生日期', type: 'date', column: 'c21' },
]

function compile(text: string): Ir {
  const result = compileExpression(text, FIELDS)
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.ir
}

function messages(text: string): string[] {
  const result = compileExpression(text, FIELDS)
  return result.ok ? [] : result.errors.map((error) => error.message)
}

describe('属于罪名类别', () => {
  it.each([
    ["属于罪名类别(审结案由, '侵犯财产罪')", '盗窃罪', true],
    ["属于罪名类别(审结案由, '第五章')", '诈骗罪', true],
    ["属于罪名类别(审结案由, '侵犯财产罪')", '故意伤害罪', false],
    ["属于罪名类别(审结案由, '侵犯公民人身权利、民主权利罪', '侵犯财产罪')", '故意伤害罪', true],
    ["属于罪名类别(审结案由, '职务犯罪')", '贪污罪', true],
    ["属于罪名类别(审结案由, '职务犯罪')", '滥用职权罪', true],
    ["属于罪名类别(审结案由, '侵犯知识产权罪')", '假冒注册商标罪', true],
    ["属于罪名类别(审结案由, '恐怖活动犯罪')", '帮助恐怖活动罪', true],
    ["属于罪名类别(审结案由, '伤亡类犯罪')", '交通肇事罪', true],
    ["属于罪名类别(审结案由, '伤亡类犯罪')", '抢劫罪', false],
    // Former names and the system's annotated form count with the current charge.
    ["属于罪名类别(审结案由, '侵犯公民人身权利、民主权利罪')", '强制猥亵、侮辱妇女罪', true],
    [
      "属于罪名类别(审结案由, '侵犯公民人身权利、民主权利罪')",
      '强制猥亵、侮辱罪（原强制猥亵、侮辱妇女罪）',
      true,
    ],
    ["属于罪名类别(审结案由, '破坏社会主义市场经济秩序罪')", '骗购外汇罪', true],
    ["属于罪名类别(审结案由, '侵犯财产罪')", '不是罪名', false],
  ])('%s with 审结案由 = %s → %s', (text, charge, expected) => {
    expect(holds(compile(text), { 审结案由: charge })).toBe(expected)
  })

  it('tests every item of a set, and is unknown for an empty charge', () => {
    const ir = compile("属于罪名类别(移送其他案由, '侵犯财产罪')")
    expect(holds(ir, { 移送其他案由: '["危险驾驶罪","盗窃罪"]' })).toBe(true)
    expect(holds(ir, { 移送其他案由: '["危险驾驶罪"]' })).toBe(false)
    expect(evaluate(compile("属于罪名类别(审结案由, '侵犯财产罪')"), { 审结案由: null })).toBe(null)
  })

  it('compiles to an IN list of bound names', () => {
    const sql = toSql(compile("属于罪名类别(审结案由, '恐怖活动犯罪')"))
    expect(sql.text).toBe(`("c11" IN (${Array(7).fill('?').join(', ')}))`)
    expect(sql.values).toContain('组织、领导、参加恐怖组织罪')
  })

  it('names a group only as a quoted literal it knows', () => {
    expect(messages("属于罪名类别(审结案由, '侵犯财产')")).toEqual([
      '第 1 行第 14 列：未知的罪名类别“侵犯财产”。是否为：侵犯财产罪？',
    ])
    expect(messages('属于罪名类别(审结案由, 前科)')[0]).toContain('应为带引号的罪名类别')
    expect(messages("属于罪名类别(批捕人数, '侵犯财产罪')")[0]).toContain('应为文本或多值')
  })
})

describe('罪名类别', () => {
  it.each([
    ['盗窃罪', '侵犯财产罪'],
    ['危险驾驶罪', '危害公共安全罪'],
    ['受贿罪', '贪污贿赂罪'],
    ['非法获取公民个人信息罪', '侵犯公民人身权利、民主权利罪'],
    ['不是罪名', null],
    [null, null],
  ])('%s → %s', (charge, chapter) => {
    expect(evaluate(compile('罪名类别(审结案由)'), { 审结案由: charge })).toBe(chapter)
  })
})

describe('并集 and 周岁', () => {
  it('并集 merges texts and sets without blanks or duplicates, sorted, never null', () => {
    const ir = compile('并集(审结案由, 移送其他案由, 前科)')
    expect(evaluate(ir, { 审结案由: '盗窃罪', 移送其他案由: '["诈骗罪","盗窃罪",""]', 前科: null })).toEqual([
      '盗窃罪',
      '诈骗罪',
    ])
    expect(evaluate(ir, {})).toEqual([])
    expect(
      holds(compile('非 (并集(审结案由, 移送其他案由) 属于 并集(移送案由, 应当逮捕情形))'), {
        审结案由: '盗窃罪',
        移送其他案由: '["诈骗罪"]',
        移送案由: '盗窃罪',
        应当逮捕情形: '[]',
      }),
    ).toBe(true)
  })

  it.each([
    ['2000-03-01', '2018-02-28', 17],
    ['2000-03-01', '2018-03-01', 18],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    [null, '2018-03-01', null],
  ])('周岁(%s, %s) = %s', (birth, day, age) => {
    expect(evaluate(compile('周岁(出生日期, 审结日期)'), { 出生日期: birth, 审结日期: day })).toBe(age)
  })
})
