import { describe, expect, it } from 'vitest'
import { compileExpression, describeFunctions, type ExprField } from '../../../shared/expr/index.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

/** The fields the help examples mention. */
const HELP_FIELDS: ExprField[] = [
  ...CASE_FIELDS,
  { name: '审查认定的法定情节', type: 'set', column: 'c20' },
  { name: '出生日期', type: 'date', column: 'c21' },
  { name: '性别', type: 'code', column: 'c22' },
  { name: '作案时年龄', type: 'integer', column: 'c23' },
  { name: '涉嫌案由', type: 'code', column: 'c24' },
  { name: '涉嫌其他案由', type: 'set', column: 'c25' },
  { name: '移送案由', type: 'code', column: 'c26' },
]

describe('describeFunctions', () => {
  const help = describeFunctions()

  it('lists every function with a Chinese signature, description and example', () => {
    expect(help.map((entry) => entry.name)).toEqual([
      '年',
      '月',
      '日',
      '天数差',
      '今天',
      '日期',
      '如果',
      '首个非空',
      '长度',
      '包含任一',
      '包含全部',
      '属于',
      '身份证校验',
      '身份证出生日期',
      '身份证性别',
      '周岁',
      '并集',
      '罪名类别',
      '属于罪名类别',
    ])
    for (const entry of help) {
      expect(entry.signature.startsWith(`${entry.name}(`)).toBe(true)
      expect(entry.description).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it.each(describeFunctions().map((entry) => [entry.name, entry.example]))(
    '%s: the example compiles (%s)',
    (_, example) => {
      const result = compileExpression(example, HELP_FIELDS)
      expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([])
    },
  )

  it('accepts the English aliases', () => {
    for (const text of [
      'year(受理日期)',
      'IF(前科 为空, 1, 2)',
      'coalesce(批捕人数, 0)',
      'len(前科)',
      'today()',
    ]) {
      expect(compileExpression(text, CASE_FIELDS).ok).toBe(true)
    }
  })
})
