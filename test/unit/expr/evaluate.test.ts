import { describe, expect, it } from 'vitest'
import { compileExpression, evaluate, holds, type Ir } from '../../../shared/expr/index.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

function compile(text: string): Ir {
  const result = compileExpression(text, CASE_FIELDS)
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.ir
}

const TODAY = '2024-03-01'
const value = (text: string, record: Record<string, unknown> = {}) =>
  evaluate(compile(text), record, { today: TODAY })

describe('evaluate over one record (values as stored)', () => {
  const record = {
    受理日期: '2024-01-01',
    审结日期: '2024-01-09',
    审结处理结果: '批准逮捕',
    前科: '无',
    应当逮捕情形: '["曾经故意犯罪","可能判处十年以上有期徒刑"]',
    批捕人数: 3,
    不捕人数: 1,
    是否认罪认罚: 1,
    移送其他案由: '[]',
    审结案由: '盗窃罪',
    身份证号: '11010519491231002X',
  }

  it.each([
    ['天数差(受理日期, 审结日期)', 8],
    ['天数差(受理日期, 审结日期) > 7', true],
    ['审结日期 < 受理日期', false],
    ["审结处理结果 = '批准逮捕' 且 前科 = '无' 且 应当逮捕情形 包含 '曾经故意犯罪'", true],
    ['不捕人数 / (批捕人数 + 不捕人数)', 0.25],
    ['批捕人数 % 2', 1],
    ['年(受理日期) * 100 + 月(审结日期)', 202401],
    ['日(审结日期)', 9],
    ['是否认罪认罚', true],
    ["是否认罪认罚 = '否'", false],
    ['长度(应当逮捕情形)', 2],
    ['长度(移送其他案由)', 0],
    ['长度(审结处理结果)', 4],
    ['移送其他案由 为空', true],
    ['应当逮捕情形 为空', false],
    ["包含任一(应当逮捕情形, '累犯', '曾经故意犯罪')", true],
    ["包含全部(应当逮捕情形, '累犯', '曾经故意犯罪')", false],
    ['审结案由 属于 移送其他案由', false],
    ['移送其他案由 属于 应当逮捕情形', true],
    ["前科 包含 '无'", true],
    ["审结处理结果 开头是 '批准'", true],
    ["审结处理结果 结尾是 '逮捕'", true],
    ["审结案由 匹配 '^盗.罪$'", true],
    ['身份证校验(身份证号)', true],
    ['身份证出生日期(身份证号)', '1949-12-31'],
    ['身份证性别(身份证号)', '女'],
    ['天数差(审结日期, 今天())', 52],
    ["如果(前科 = '无', '初犯', '再犯')", '初犯'],
    ['coalesce(全案_审结日期, 审结日期)', '2024-01-09'],
    ['应当逮捕情形', ['曾经故意犯罪', '可能判处十年以上有期徒刑']],
  ])('%s → %j', (text, expected) => {
    expect(value(text, record)).toEqual(expected)
  })

  it('reads records keyed by column when asked', () => {
    expect(evaluate(compile('批捕人数 + 不捕人数'), { c6: 2, c7: 5 }, { keyBy: 'column' })).toBe(7)
  })

  it('needs today only when the expression uses it', () => {
    expect(evaluate(compile('批捕人数'), { 批捕人数: 1 })).toBe(1)
    expect(() => evaluate(compile('今天()'), {})).toThrow('没有提供今天的日期')
  })
})

describe('NULL semantics (SQL three-valued logic)', () => {
  it.each([
    // Comparisons and arithmetic with an unknown value are unknown.
    ["前科 = '无'", {}, null],
    ["前科 <> '无'", {}, null],
    ['批捕人数 + 1', {}, null],
    ['天数差(受理日期, 审结日期)', { 受理日期: '2024-01-01' }, null],
    ["前科 包含 '无'", {}, null],
    ["应当逮捕情形 包含 '累犯'", {}, null],
    ['审结案由 属于 应当逮捕情形', { 应当逮捕情形: '["累犯"]' }, null],
    // 且 is false as soon as one side is false; 或 true as soon as one side is true.
    ["前科 = '无' 且 批捕人数 > 5", { 批捕人数: 1 }, false],
    ["前科 = '无' 且 批捕人数 > 5", { 批捕人数: 9 }, null],
    ["前科 = '无' 或 批捕人数 > 5", { 批捕人数: 9 }, true],
    ["前科 = '无' 或 批捕人数 > 5", { 批捕人数: 1 }, null],
    ["非 前科 = '无'", {}, null],
    // IN: a match wins; otherwise an unknown item makes the answer unknown.
    ["前科 in ('无', 审结案由)", { 前科: '无' }, true],
    ["前科 in ('无', 审结案由)", { 前科: '有' }, null],
    ["前科 in ('无', '有')", {}, null],
    ['批捕人数 介于 1 和 不捕人数', { 批捕人数: 0 }, false],
    ['批捕人数 介于 1 和 不捕人数', { 批捕人数: 3 }, null],
    // 为空 is never unknown.
    ['前科 为空', {}, true],
    ['前科 为空', { 前科: '' }, true],
    ['前科 不为空', {}, false],
    ['应当逮捕情形 为空', { 应当逮捕情形: '[]' }, true],
    // Division by zero is empty, never Infinity or NaN; % truncates like SQLite.
    ['批捕人数 / 不捕人数', { 批捕人数: 1, 不捕人数: 0 }, null],
    ['批捕人数 % 不捕人数', { 批捕人数: 1, 不捕人数: 0 }, null],
    ['涉案金额 % 2', { 涉案金额: 5.5 }, 1],
    ['涉案金额 % 2.5', { 涉案金额: 7 }, 1],
    ['涉案金额 % 3', { 涉案金额: -7 }, -1],
    // 如果 takes the else branch when the condition is unknown.
    ["如果(前科 = '无', 1, 2)", {}, 2],
    ['coalesce(批捕人数, 不捕人数, 0)', {}, 0],
  ])('%s with %j → %j', (text, record, expected) => {
    expect(value(text, record)).toEqual(expected)
  })

  it('holds only when true', () => {
    const ir = compile("前科 <> '无'")
    expect(holds(ir, { 前科: '有' })).toBe(true)
    expect(holds(ir, { 前科: '无' })).toBe(false)
    expect(holds(ir, {})).toBe(false)
  })
})

describe('text order', () => {
  it('orders by code point like SQLite, not by UTF-16 unit', () => {
    // U+20000 is above U+FF46 as a code point, below it as UTF-16 (0xD840 < 0xFF46).
    expect(value("前科 > 'ｆ'", { 前科: '\u{20000}' })).toBe(true)
    expect(value('长度(前科)', { 前科: '\u{20000}𠀁' })).toBe(2)
  })
})
