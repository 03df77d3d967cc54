import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FieldDefinition } from '../../../shared/domain/fields.ts'
import { compileExpression } from '../../../shared/expr/index.ts'
import {
  chipComplete,
  chipLabel,
  chipsToExpression,
  expressionToChips,
  literal,
  operatorLabel,
  operatorsFor,
  quoteText,
  type ChipField,
  type FilterChip,
} from '../../../renderer/src/pages/indicators/builder/filterChips.ts'
import { ROOT } from '../../helpers/cli.ts'

/** The real 审查逮捕 field dictionary, so chips are checked against the fields analysts pick from. */
const KIND_FIELDS: FieldDefinition[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'kinds', '010101.json'), 'utf8')) as {
    fields: FieldDefinition[]
  }
).fields

const FIELDS: ChipField[] = [
  ...KIND_FIELDS,
  { name: '涉案金额（万元）', type: 'decimal' },
  { name: "O'Brien字段", type: 'text' },
]

const compiles = (text: string) =>
  compileExpression(
    text,
    FIELDS.map((field, i) => ({ name: field.name, type: field.type, column: `c${i}` })),
    { expect: 'boolean' },
  )

const chip = (
  field: string,
  type: FilterChip['type'],
  op: FilterChip['op'],
  values: string[] = [],
): FilterChip => ({
  field,
  type,
  op,
  values,
})

describe('filter chips → expression', () => {
  it('writes a 不捕 filter as the language wants', () => {
    expect(chipsToExpression([chip('审结处理结果', 'code', 'eq', ['不批准逮捕'])])).toBe(
      "审结处理结果 = '不批准逮捕'",
    )
    expect(
      chipsToExpression([
        chip('审结处理结果', 'code', 'in', ['批准逮捕', '决定逮捕']),
        chip('是否未成年人', 'boolean', 'eq', ['是']),
        chip('作案时年龄', 'integer', 'ge', ['14']),
        chip('审结日期', 'date', 'lt', ['2024-07-01']),
        chip('不捕情形', 'set', 'contains', ['其他不捕']),
        chip('前科', 'code', 'notEmpty'),
      ]),
    ).toBe(
      "审结处理结果 属于 ('批准逮捕', '决定逮捕') 且 是否未成年人 = 是 且 作案时年龄 >= 14 且 审结日期 < '2024-07-01'" +
        " 且 不捕情形 包含 '其他不捕' 且 前科 不为空",
    )
  })

  it('quotes strings with doubled single quotes and brackets names with symbols', () => {
    expect(quoteText("O'Brien")).toBe("'O''Brien'")
    expect(chipsToExpression([chip("O'Brien字段", 'text', 'eq', ["it's"])])).toBe("[O'Brien字段] = 'it''s'")
    expect(chipsToExpression([chip('涉案金额（万元）', 'decimal', 'gt', ['1.50'])])).toBe(
      '[涉案金额（万元）] > 1.5',
    )
    expect(chipsToExpression([chip('掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形', 'text', 'empty')])).toBe(
      '[掩饰隐瞒犯罪所得、犯罪所得收益罪具体情形] 为空',
    )
  })

  it('writes every operator, and the result compiles against the 010101 fields', () => {
    const chips = [
      chip('审结处理结果', 'code', 'ne', ['批准逮捕']),
      chip('审结处理结果', 'code', 'notIn', ['批准逮捕']),
      chip('案件名称', 'text', 'contains', ['盗窃']),
      chip('案件名称', 'text', 'notContains', ['诈骗']),
      chip('不捕情形', 'set', 'notContains', ['其他不捕']),
      chip('专项活动重点工作', 'set', 'anyOf', ['涉及农资', '涉及食品安全']),
      chip('作案时年龄', 'integer', 'lt', ['-1']),
      chip('作案时年龄', 'integer', 'le', ['18']),
      chip('作案时年龄', 'integer', 'gt', ['0']),
      chip('受理日期', 'date', 'ge', ['2024-01-01']),
      chip('受理日期', 'date', 'le', ['2024-12-31']),
      chip('受理日期', 'date', 'eq', ['2024-03-05']),
      chip('是否涉外案件', 'boolean', 'eq', ['否']),
      chip('审结日期', 'date', 'empty'),
      chip('涉案金额（万元）', 'decimal', 'ne', ['0']),
    ]
    const text = chipsToExpression(chips)
    expect(text).toContain("包含任一(专项活动重点工作, '涉及农资', '涉及食品安全')")
    expect(text).toContain('作案时年龄 < -1')
    const compiled = compiles(text)
    expect(compiled.ok, JSON.stringify(!compiled.ok && compiled.errors)).toBe(true)
  })

  it('leaves out chips that are not complete', () => {
    expect(chipComplete(chip('审结处理结果', 'code', 'eq'))).toBe(false)
    expect(chipComplete(chip('作案时年龄', 'integer', 'gt', ['abc']))).toBe(false)
    expect(chipComplete(chip('审结日期', 'date', 'lt', ['2024/1/1']))).toBe(false)
    expect(chipComplete(chip('审结处理结果', 'code', 'eq', ['a', 'b']))).toBe(false)
    expect(chipComplete(chip('不捕情形', 'set', 'eq', ['其他不捕']))).toBe(false)
    expect(chipsToExpression([chip('审结处理结果', 'code', 'eq'), chip('前科', 'code', 'empty')])).toBe(
      '前科 为空',
    )
    expect(chipsToExpression([])).toBe('')
  })

  it('offers operators by field type, with date and 是/否 wording', () => {
    expect(operatorsFor('set')).toEqual(['contains', 'notContains', 'anyOf', 'empty', 'notEmpty'])
    expect(operatorsFor('boolean')).toEqual(['eq', 'empty', 'notEmpty'])
    expect(operatorsFor('code')).toContain('in')
    expect(operatorsFor('integer')).toContain('gt')
    expect(operatorLabel('lt', 'date')).toBe('早于')
    expect(operatorLabel('eq', 'boolean')).toBe('为')
    expect(operatorLabel('in', 'code')).toBe('属于')
    expect(literal('是', 'boolean')).toBe('是')
    expect(chipLabel(chip('审结处理结果', 'code', 'in', ['批准逮捕', '决定逮捕']))).toBe(
      '审结处理结果 属于 批准逮捕、决定逮捕',
    )
  })
})

describe('expression → filter chips', () => {
  it('reads a 且-chain of supported predicates', () => {
    expect(expressionToChips("审结处理结果 = '不批准逮捕' 且 是否未成年人 = 是", FIELDS)).toEqual([
      chip('审结处理结果', 'code', 'eq', ['不批准逮捕']),
      chip('是否未成年人', 'boolean', 'eq', ['是']),
    ])
    expect(expressionToChips('审结日期 >= #2024-01-01# and 作案时年龄 < 18', FIELDS)).toEqual([
      chip('审结日期', 'date', 'ge', ['2024-01-01']),
      chip('作案时年龄', 'integer', 'lt', ['18']),
    ])
    expect(expressionToChips("是否未成年人 = '否' 且 前科 为空 且 审结日期 不为空", FIELDS)).toEqual([
      chip('是否未成年人', 'boolean', 'eq', ['否']),
      chip('前科', 'code', 'empty'),
      chip('审结日期', 'date', 'notEmpty'),
    ])
    expect(expressionToChips('[涉案金额（万元）] != -2.5', FIELDS)).toEqual([
      chip('涉案金额（万元）', 'decimal', 'ne', ['-2.5']),
    ])
  })

  it('reads 属于 lists, 包含 and 包含任一', () => {
    expect(expressionToChips("审结处理结果 不属于 ('批准逮捕'、'决定逮捕')", FIELDS)).toEqual([
      chip('审结处理结果', 'code', 'notIn', ['批准逮捕', '决定逮捕']),
    ])
    expect(
      expressionToChips("不捕情形 不包含 '其他不捕' 且 包含任一(专项活动重点工作, '涉及农资')", FIELDS),
    ).toEqual([
      chip('不捕情形', 'set', 'notContains', ['其他不捕']),
      chip('专项活动重点工作', 'set', 'anyOf', ['涉及农资']),
    ])
  })

  it('gives no chips for empty text', () => {
    expect(expressionToChips('', FIELDS)).toEqual([])
    expect(expressionToChips('   ', FIELDS)).toEqual([])
  })

  it('gives null for anything the chips cannot show', () => {
    for (const text of [
      "审结处理结果 = '不批准逮捕' 或 前科 = '无'",
      "非 审结处理结果 = '不批准逮捕'",
      '天数差(受理日期, 审结日期) > 7',
      '受理日期 < 审结日期',
      "未知字段 = '1'",
      "审结处理结果 = '",
      '作案时年龄 = 空值',
      "作案时年龄 = '18'",
      "审结处理结果 > '批准逮捕'",
      "不捕情形 = '其他不捕'",
      '审结日期 < 20240101',
      '作案时年龄 介于 14 和 18',
      "案件名称 开头是 '张'",
      "'不批准逮捕' = 审结处理结果",
      '审结处理结果 = @结果',
      "审结处理结果 = ''",
    ]) {
      expect(expressionToChips(text, FIELDS), text).toBeNull()
    }
  })

  it('round-trips chips → text → chips, and text → chips → text for canonical text', () => {
    const chips = [
      chip('审结处理结果', 'code', 'in', ['批准逮捕', "带'引号"]),
      chip('是否未成年人', 'boolean', 'eq', ['否']),
      chip('作案时年龄', 'integer', 'ge', ['14']),
      chip('涉案金额（万元）', 'decimal', 'lt', ['0.5']),
      chip('审结日期', 'date', 'le', ['2024-12-31']),
      chip('不捕情形', 'set', 'anyOf', ['其他不捕', '无社会危险性']),
      chip("O'Brien字段", 'text', 'contains', ['x']),
      chip('前科', 'code', 'notEmpty'),
    ]
    const text = chipsToExpression(chips)
    expect(expressionToChips(text, FIELDS)).toEqual(chips)
    expect(chipsToExpression(expressionToChips(text, FIELDS)!)).toBe(text)
    // Hand-written spacing and quotes read the same and come back canonical.
    expect(
      chipsToExpression(expressionToChips('审结处理结果="不批准逮捕"  且  前科 为空', FIELDS) ?? []),
    ).toBe("审结处理结果 = '不批准逮捕' 且 前科 为空")
  })
})
