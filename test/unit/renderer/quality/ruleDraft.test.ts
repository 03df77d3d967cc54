import { describe, expect, it } from 'vitest'
import type { Rule } from '../../../../shared/quality/rule.ts'
import {
  changedParameters,
  isDirty,
  localProblems,
  newRule,
  nextUserId,
  parseParameterValue,
  ruleOf,
  splitNames,
  withCondition,
  withFormType,
} from '../../../../renderer/src/pages/quality/editor/ruleDraft.ts'

const library: Rule = {
  id: 'R006',
  name: '审查逮捕案件审结日期错填',
  description: '',
  kinds: ['010101'],
  severity: 'warning',
  form: { type: 'row', condition: '天数差(受理日期, 审结日期) > @天数上限' },
  message: '审结日期 {审结日期} 距受理日期超过 {@天数上限} 天',
  fields: ['受理日期', '审结日期'],
  parameters: [{ name: '天数上限', label: '审查期限', type: 'number', value: 7, unit: '天' }],
  enabled: true,
  source: 'library',
}

const options = { isNew: true, existingIds: ['R006', 'U001'] }

describe('new rules', () => {
  it('take the next free U number', () => {
    expect(nextUserId([])).toBe('U001')
    expect(nextUserId(['R001', 'U001', 'U009'])).toBe('U010')
    const rule = newRule(['U001'])
    expect(rule).toMatchObject({
      id: 'U002',
      source: 'user',
      enabled: true,
      form: { type: 'row', condition: '' },
    })
  })
})

describe('local problems', () => {
  it('are none for a complete rule', () => {
    expect(localProblems({ ...library, id: 'U002', source: 'user' }, options)).toEqual([])
  })

  it('name what is missing, in Chinese', () => {
    const problems = localProblems({ ...newRule([]), id: 'u1', kinds: [] }, options)
    expect(problems).toEqual([
      '规则编号须以大写英文字母开头，由大写字母、数字、“-”“_”组成，共 2–32 位，例如 U001。',
      '请填写规则名称。',
      '请至少选择一种适用数据。',
      '请填写核查条件。',
    ])
  })

  it('catch a taken id only for new rules', () => {
    expect(localProblems({ ...library, id: 'U001' }, options)).toContain('规则编号 U001 已被使用，请换一个。')
    expect(localProblems({ ...library, id: 'U001' }, { ...options, isNew: false })).toEqual([])
  })

  it('check parameters: names, duplicates, numbers and dates', () => {
    const rule: Rule = {
      ...library,
      parameters: [
        { name: '1天', label: '', type: 'number', value: 1 },
        { name: '上限', label: '', type: 'number', value: '七' },
        { name: '上限', label: '', type: 'date', value: '2024/1/1' },
      ],
    }
    expect(localProblems(rule, { isNew: false, existingIds: [] })).toEqual([
      '参数“1天”的名称须以文字或字母开头，只含文字、字母、数字和“_”。',
      '参数“上限”的取值应为数字。',
      '参数名称“上限”重复。',
      '参数“上限”的取值应为日期，格式如 2024-01-31。',
    ])
  })

  it('do not ask for a condition in duplicate rules', () => {
    expect(localProblems({ ...library, id: 'U003', form: { type: 'duplicate' } }, options)).toEqual([])
  })
})

describe('editing', () => {
  it('keeps the condition when switching between condition forms', () => {
    const form = { type: 'row', condition: '审结日期 < 受理日期' } as const
    expect(withFormType(form, 'crossStage')).toEqual({ type: 'crossStage', condition: '审结日期 < 受理日期' })
    expect(withFormType(form, 'duplicate')).toEqual({ type: 'duplicate' })
    expect(withFormType({ type: 'duplicate' }, 'case')).toEqual({ type: 'case', condition: '' })
    expect(withCondition({ type: 'duplicate' }, 'x')).toEqual({ type: 'duplicate' })
  })

  it('splits lists of field names on the separators analysts type', () => {
    expect(splitNames('部门受案号、嫌疑人编号, 受理日期，\n 审结日期')).toEqual([
      '部门受案号',
      '嫌疑人编号',
      '受理日期',
      '审结日期',
    ])
    expect(splitNames(' ')).toEqual([])
  })

  it('parses number parameters and keeps bad input visible', () => {
    expect(parseParameterValue(' 7.5 ', 'number')).toBe(7.5)
    expect(parseParameterValue('7天', 'number')).toBe('7天')
    expect(parseParameterValue('', 'number')).toBe('')
    expect(parseParameterValue('2024-01-31', 'date')).toBe('2024-01-31')
  })
})

describe('saving', () => {
  it('sends only changed parameter values for library rules', () => {
    const draft: Rule = {
      ...library,
      parameters: [
        { ...library.parameters[0], value: 10 },
        { name: '新参数', label: '', type: 'number', value: 1 },
      ],
    }
    expect(changedParameters(library, draft)).toEqual([{ name: '天数上限', value: 10 }])
    expect(changedParameters(library, library)).toEqual([])
  })

  it('knows when the draft differs from what is saved', () => {
    expect(isDirty(library, { ...library })).toBe(false)
    expect(isDirty(library, { ...library, enabled: false })).toBe(true)
    expect(isDirty(null, library)).toBe(true)
  })

  it('strips the list’s hits and problem from a rule', () => {
    const summary = {
      ...library,
      problem: null,
      hits: { open: 1, confirmed: 0, rectified: 0, falsePositive: 0 },
    }
    expect(ruleOf(summary)).toEqual(library)
    // Fields an export may lack travel with the rule when it is saved again.
    expect(ruleOf({ ...summary, optionalFields: ['证件号码'] })).toEqual({
      ...library,
      optionalFields: ['证件号码'],
    })
  })
})
