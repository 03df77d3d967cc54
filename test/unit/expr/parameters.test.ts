import { describe, expect, it } from 'vitest'
import {
  compileExpression,
  evaluate,
  holds,
  referencedParameters,
  toSql,
  type ExprParameter,
  type Ir,
} from '../../../shared/expr/index.ts'
import { tokenize } from '../../../shared/expr/lexer.ts'
import { CASE_FIELDS } from '../../helpers/expr-fields.ts'

const PARAMETERS: ExprParameter[] = [
  { name: '天数上限', type: 'number' },
  { name: '截止日', type: 'date' },
  { name: '前科值', type: 'text' },
]

function compile(text: string): Ir {
  const result = compileExpression(text, CASE_FIELDS, { parameters: PARAMETERS })
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.ir
}

function messages(text: string, parameters: ExprParameter[] = PARAMETERS): string[] {
  const result = compileExpression(text, CASE_FIELDS, { parameters })
  if (result.ok) throw new Error(`compiled: ${JSON.stringify(result.ir)}`)
  return result.errors.map((error) => error.message)
}

describe('@parameters', () => {
  it('lex as one token after @, and a bare @ is still an error', () => {
    expect(tokenize('x > @天数上限').map((t) => `${t.kind}:${t.value}`)).toEqual([
      'name:x',
      'operator:>',
      'param:天数上限',
      'end:',
    ])
    expect(() => tokenize('x > @ 1')).toThrow('无法识别的字符“@”')
  })

  it('are typed by the declarations', () => {
    expect(compile('天数差(受理日期, 审结日期) > @天数上限')).toMatchObject({
      kind: 'compare',
      right: { kind: 'param', type: 'number', name: '天数上限' },
    })
    expect(compile('审结日期 > @截止日 且 前科 = @前科值').type).toBe('boolean')
    expect(
      referencedParameters(compile('@天数上限 < 批捕人数 或 审结日期 > @截止日 或 批捕人数 > @天数上限')),
    ).toEqual(['天数上限', '截止日'])
  })

  it('report unknown names with the closest declared ones, in Chinese', () => {
    expect(messages('批捕人数 > @天数')).toEqual(['第 1 行第 8 列：未知参数“@天数”。是否为：@天数上限？'])
    expect(messages('批捕人数 > @x', [])).toEqual(['第 1 行第 8 列：未知参数“@x”：没有定义任何参数'])
    expect(messages('审结日期 > @天数上限')[0]).toContain('两边的类型不一致')
  })

  it('are bound as SQL parameters, never spliced', () => {
    const sql = toSql(compile('天数差(受理日期, 审结日期) > @天数上限'), { parameters: { 天数上限: 7 } })
    expect(sql).toEqual({ text: '(CAST(julianday("c2") - julianday("c1") AS INTEGER) > ?)', values: [7] })
    const text = toSql(compile('前科 = @前科值'), { parameters: { 前科值: "'); DROP TABLE t; --" } })
    expect(text).toEqual({ text: '("c4" = ?)', values: ["'); DROP TABLE t; --"] })
  })

  it('are passed to the JS evaluator', () => {
    const ir = compile('天数差(受理日期, 审结日期) > @天数上限')
    const record = { 受理日期: '2024-01-01', 审结日期: '2024-01-10' }
    expect(holds(ir, record, { parameters: { 天数上限: 7 } })).toBe(true)
    expect(holds(ir, record, { parameters: { 天数上限: 9 } })).toBe(false)
    expect(evaluate(compile('@截止日'), {}, { parameters: { 截止日: '2024-03-01' } })).toBe('2024-03-01')
  })

  it('must have a value of the declared type when run', () => {
    const ir = compile('批捕人数 > @天数上限')
    expect(() => toSql(ir)).toThrow('没有提供它的值')
    expect(() => toSql(ir, { parameters: { 天数上限: '7' } })).toThrow('应为数字')
    expect(() => evaluate(compile('审结日期 > @截止日'), {}, { parameters: { 截止日: '2024/3/1' } })).toThrow(
      'YYYY-MM-DD',
    )
  })
})

describe('dotted names', () => {
  it('read 逮捕.审结日期 as one name', () => {
    expect(tokenize('公诉.受理日期 < 逮捕.审结日期').map((t) => `${t.kind}:${t.value}`)).toEqual([
      'name:公诉.受理日期',
      'operator:<',
      'name:逮捕.审结日期',
      'end:',
    ])
    // A dot not followed by a name is no part of one.
    expect(() => tokenize('a.1')).toThrow('无法识别的字符“.”')
  })
})
