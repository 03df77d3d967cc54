import { describe, expect, it } from 'vitest'
import { compileExpression, toSql, type Ir } from '../../../shared/expr/index.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

function compile(text: string): Ir {
  const result = compileExpression(text, CASE_FIELDS)
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.ir
}

const sqlOf = (text: string, today?: string) => toSql(compile(text), { today })

describe('SQL text', () => {
  it.each([
    ['审结日期 < 受理日期', '("c2" < "c1")', []],
    ["前科 = '无'", '("c4" = ?)', ['无']],
    ["前科 != '无'", '("c4" <> ?)', ['无']],
    ['批捕人数 >= 1.5', '("c6" >= ?)', [1.5]],
    ['批捕人数 <= -2', '("c6" <= ?)', [-2]],
    ['-批捕人数 > 0', '((- "c6") > ?)', [0]],
    ['不捕人数 / (批捕人数 + 不捕人数)', '(CAST("c7" AS REAL) / ("c6" + "c7"))', []],
    ['批捕人数 * 2 - 不捕人数 % 3', '(("c6" * ?) - ("c7" % ?))', [2, 3]],
    [
      "审结处理结果 = '批准逮捕' 且 前科 = '无' 或 非 是否认罪认罚",
      '((("c3" = ?) AND ("c4" = ?)) OR (NOT "c9"))',
      ['批准逮捕', '无'],
    ],
    ['是否认罪认罚 = 是', '("c9" = ?)', [1]],
    ['是否认罪认罚 = 假', '("c9" = ?)', [0]],
    ['天数差(受理日期, 审结日期) > 7', '(CAST(julianday("c2") - julianday("c1") AS INTEGER) > ?)', [7]],
    ['年(受理日期)', 'CAST(substr("c1", 1, 4) AS INTEGER)', []],
    ['月(受理日期)', 'CAST(substr("c1", 6, 2) AS INTEGER)', []],
    ['日(受理日期)', 'CAST(substr("c1", 9, 2) AS INTEGER)', []],
    ["审结日期 < '2024-01-01'", '("c2" < ?)', ['2024-01-01']],
    ['审结日期 < #2024-01-01#', '("c2" < ?)', ['2024-01-01']],
    ['前科 为空', '("c4" IS NULL OR "c4" = ?)', ['']],
    ['受理日期 为空', '("c1" IS NULL)', []],
    ['应当逮捕情形 为空', '("c5" IS NULL OR json_array_length("c5") = 0)', []],
    ['前科 不为空', '(NOT ("c4" IS NULL OR "c4" = ?))', ['']],
    ["审结处理结果 in ('批准逮捕', '不批准逮捕')", '("c3" IN (?, ?))', ['批准逮捕', '不批准逮捕']],
    ["审结处理结果 不属于 ('批准逮捕')", '(NOT ("c3" IN (?)))', ['批准逮捕']],
    ['批捕人数 介于 1 和 5', '("c6" BETWEEN ? AND ?)', [1, 5]],
    ['批捕人数 not between 1 and 不捕人数', '(NOT ("c6" BETWEEN ? AND "c7"))', [1]],
    ["前科 包含 '刑事'", '(instr("c4", ?) > 0)', ['刑事']],
    ["前科 开头是 '刑事'", '(instr("c4", ?) = 1)', ['刑事']],
    [
      "前科 结尾是 '处罚'",
      '(CASE WHEN "c4" IS NULL OR ? IS NULL THEN NULL ELSE length(CAST("c4" AS BLOB)) >= length(CAST(? AS BLOB))' +
        ' AND coalesce(substr(CAST("c4" AS BLOB), length(CAST("c4" AS BLOB)) - length(CAST(? AS BLOB)) + 1), zeroblob(0))' +
        ' = CAST(? AS BLOB) END)',
      ['处罚', '处罚', '处罚', '处罚'],
    ],
    ["身份证号 匹配 '^\\d{17}[\\dX]$'", '("c12" REGEXP ?)', ['^\\d{17}[\\dX]$']],
    ['长度(前科)', 'length("c4")', []],
    ['长度(应当逮捕情形)', 'json_array_length("c5")', []],
    ['身份证校验(身份证号)', 'yanpan_id_valid("c12")', []],
    ['身份证出生日期(身份证号)', 'yanpan_id_birth("c12")', []],
    ['身份证性别(身份证号)', 'yanpan_id_sex("c12")', []],
    ['如果(前科 为空, 0, 1)', '(CASE WHEN ("c4" IS NULL OR "c4" = ?) THEN ? ELSE ? END)', ['', 0, 1]],
    ['coalesce(审结日期, 全案_审结日期)', 'coalesce("c2", "c13")', []],
    ['[审查起诉阶段量刑建议（自）有期徒刑刑期] > 12', '("c8" > ?)', [12]],
    ['如果(真, 空值, 1)', '(CASE WHEN ? THEN ? ELSE ? END)', [1, null, 1]],
  ])('%s', (text, expected, values) => {
    expect(sqlOf(text)).toEqual({ text: expected, values })
  })

  it("binds 今天() from the caller, never date('now')", () => {
    expect(sqlOf('天数差(审结日期, 今天()) > 4', '2024-03-01')).toEqual({
      text: '(CAST(julianday(?) - julianday("c2") AS INTEGER) > ?)',
      values: ['2024-03-01', 4],
    })
    expect(() => sqlOf('今天()')).toThrow('没有提供今天的日期')
    expect(() => sqlOf('今天()', '2024-3-1')).toThrow('YYYY-MM-DD')
  })
})

describe('SQL for multi-valued fields', () => {
  it('tests one item with json_each, after a cheap instr on the JSON text, keeping a NULL set unknown', () => {
    expect(sqlOf("应当逮捕情形 包含 '曾经故意犯罪'")).toEqual({
      text:
        '(CASE WHEN "c5" IS NULL THEN NULL WHEN instr("c5", ?) = 0 THEN 0 WHEN instr("c5", ?) = 0 THEN 1' +
        ' ELSE ? IN (SELECT value FROM json_each("c5")) END)',
      values: ['"曾经故意犯罪"', '\\"', '曾经故意犯罪'],
    })
  })

  it('scans once for 包含任一 of literals', () => {
    expect(sqlOf("包含任一(移送其他案由, '盗窃罪', '诈骗罪')")).toEqual({
      text:
        '(CASE WHEN "c10" IS NULL THEN NULL WHEN max(0, instr("c10", ?), instr("c10", ?)) = 0 THEN 0' +
        ' WHEN instr("c10", ?) = 0 THEN 1 ELSE EXISTS (SELECT 1 FROM json_each("c10") WHERE value IN (?, ?)) END)',
      values: ['"盗窃罪"', '"诈骗罪"', '\\"', '盗窃罪', '诈骗罪'],
    })
  })

  it('combines members for 包含全部 and for non-literal items', () => {
    expect(sqlOf("包含全部(应当逮捕情形, '累犯', 审结案由)")).toEqual({
      text:
        '((CASE WHEN "c5" IS NULL THEN NULL WHEN instr("c5", ?) = 0 THEN 0 WHEN instr("c5", ?) = 0 THEN 1' +
        ' ELSE ? IN (SELECT value FROM json_each("c5")) END)' +
        ' AND (CASE WHEN "c5" IS NULL OR "c11" IS NULL THEN NULL ELSE "c11" IN (SELECT value FROM json_each("c5")) END))',
      values: ['"累犯"', '\\"', '累犯'],
    })
  })

  it('compares the items of 并集 directly, texts with texts, without building the union', () => {
    expect(sqlOf('并集(审结案由) 属于 并集(前科, 移送其他案由)')).toEqual({
      text:
        '(((coalesce("c11", ?) = ? OR coalesce("c11" IN ("c4"), 0)' +
        ' OR ("c10" IS NOT NULL AND "c10" <> ? AND coalesce("c11" IN (SELECT value FROM json_each("c10")), 0)))))',
      values: ['', '', '[]'],
    })
  })

  it('tests a subset with NOT EXISTS', () => {
    expect(sqlOf('应当逮捕情形 属于 移送其他案由')).toEqual({
      text:
        '(CASE WHEN "c5" IS NULL OR "c10" IS NULL THEN NULL ELSE NOT EXISTS (SELECT 1 FROM json_each("c5")' +
        ' WHERE value NOT IN (SELECT value FROM json_each("c10"))) END)',
      values: [],
    })
  })
})

describe('identifiers', () => {
  it('emits only validated columns, never the field name', () => {
    const ir = compile('[审查起诉阶段量刑建议（自）有期徒刑刑期] > 1')
    expect(toSql(ir).text).not.toContain('量刑')
  })

  it('refuses a column the engine did not generate', () => {
    const forged: Ir = {
      kind: 'field',
      type: 'text',
      name: 'x',
      column: 'c1"; DROP TABLE t; --',
      fieldType: 'text',
    }
    expect(() => toSql(forged)).toThrow('不允许的列名')
    expect(() => toSql({ ...forged, column: 'name' })).toThrow('不允许的列名')
    expect(toSql({ ...forged, column: '_batch' }).text).toBe('"_batch"')
  })
})
