import { describe, expect, it } from 'vitest'
import {
  caseAggregateSnippet,
  fieldSnippet,
  functionSnippet,
  insertSnippet,
  parameterSnippet,
} from '../../../../renderer/src/pages/quality/editor/snippets.ts'

describe('snippets', () => {
  it('writes field names as the language wants', () => {
    expect(fieldSnippet('审结日期', 'row', '010101')).toEqual({ text: '审结日期' })
    expect(fieldSnippet('审查起诉阶段量刑建议（自）有期徒刑刑期', 'row', '020101').text).toBe(
      '[审查起诉阶段量刑建议（自）有期徒刑刑期]',
    )
  })

  it('names the stage in 捕诉衔接 conditions', () => {
    expect(fieldSnippet('审结日期', 'crossStage', '010101').text).toBe('逮捕.审结日期')
    expect(fieldSnippet('受理日期', 'crossStage', '020101').text).toBe('公诉.受理日期')
    expect(fieldSnippet('受理日期', 'crossStage', 'generic').text).toBe('受理日期')
  })

  it('offers case aggregates, functions with the caret inside, and parameters', () => {
    expect(caseAggregateSnippet('审结处理结果', '取值数').text).toBe('案内_审结处理结果_取值数')
    expect(functionSnippet({ name: '天数差' })).toEqual({ text: '天数差()', caret: 4 })
    expect(parameterSnippet('天数上限').text).toBe('@天数上限')
  })
})

describe('insertSnippet', () => {
  it('inserts at the caret, spacing it from a preceding name or operator', () => {
    expect(insertSnippet('受理日期 <', 6, 6, { text: '审结日期' })).toEqual({
      text: '受理日期 < 审结日期',
      caret: 11,
    })
    expect(insertSnippet('', 0, 0, { text: '审结日期' })).toEqual({ text: '审结日期', caret: 4 })
  })

  it('does not space after an opening bracket or a comma', () => {
    expect(insertSnippet('天数差()', 4, 4, { text: '受理日期' })).toEqual({
      text: '天数差(受理日期)',
      caret: 8,
    })
    expect(insertSnippet('天数差(受理日期, )', 10, 10, { text: '审结日期' }).text).toBe(
      '天数差(受理日期, 审结日期)',
    )
  })

  it('replaces the selection and places the caret inside a function', () => {
    expect(insertSnippet('x > 7', 4, 5, functionSnippet({ name: '年' }))).toEqual({
      text: 'x > 年()',
      caret: 6,
    })
  })

  it('clamps a stale selection to the text', () => {
    expect(insertSnippet('ab', 10, 12, { text: 'c' })).toEqual({ text: 'ab c', caret: 4 })
  })
})
