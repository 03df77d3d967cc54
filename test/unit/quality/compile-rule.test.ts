import { describe, expect, it } from 'vitest'
import { compileRule } from '../../../electron/engine/quality/compile-rule.ts'
import type { Target } from '../../../electron/engine/quality/targets.ts'
import type { Rule } from '../../../shared/quality/rule.ts'

/** A 010101 dataset with a few of the dictionary's fields. */
const TARGET: Target = {
  id: 1,
  name: '审查逮捕（010101）',
  kind: '010101',
  fields: ['部门受案号', '嫌疑人编号', '受理日期', '审结日期', '犯罪案件是否涉及黑社会性质组织'].map(
    (name, i) => ({
      name,
      type: name.endsWith('日期')
        ? ('date' as const)
        : name.startsWith('犯罪')
          ? ('boolean' as const)
          : ('text' as const),
      column: `c${i + 1}`,
      position: i + 1,
      isKey: i < 2,
    }),
  ),
  columns: { caseNumber: 'c1', suspectId: 'c2', suspectName: null, unit: null, prosecutor: null },
}

const rule = (changes: Partial<Rule>): Rule => ({
  id: 'U001',
  name: '测试',
  description: '',
  kinds: ['010101'],
  severity: 'error',
  form: { type: 'row', condition: '审结日期 < 受理日期' },
  message: '{审结日期}',
  fields: ['审结日期'],
  parameters: [],
  enabled: true,
  source: 'user',
  ...changes,
})

describe('compileRule', () => {
  it('compiles a row rule with its message placeholders and notes whether it reads today', () => {
    const outcome = compileRule(rule({ message: '{审结日期} 早于 {受理日期}，今天 {今天()}' }), TARGET, null)
    expect(outcome.status).toBe('ok')
    if (outcome.status !== 'ok') return
    expect(outcome.check.condition).toMatchObject({ kind: 'compare', op: '<' })
    expect(outcome.check.placeholders).toHaveLength(3)
    expect(outcome.check.usesToday).toBe(true)
  })

  it('skips a rule naming a field this export lacks, but reads a missing optional field as 空值', () => {
    expect(
      compileRule(rule({ form: { type: 'row', condition: '是否黑社会性质组织保护伞 = 是' } }), TARGET, null),
    ).toEqual({
      status: 'skipped',
      reason: '数据集「审查逮捕（010101）」缺少字段：是否黑社会性质组织保护伞',
    })
    const optional = compileRule(
      rule({
        form: {
          type: 'row',
          condition: '犯罪案件是否涉及黑社会性质组织 = 是 或 是否黑社会性质组织保护伞 = 是',
        },
        optionalFields: ['是否黑社会性质组织保护伞'],
      }),
      TARGET,
      null,
    )
    expect(optional.status).toBe('ok')
    if (optional.status !== 'ok') return
    expect(JSON.stringify(optional.check.condition)).toContain(
      '{"kind":"literal","type":"boolean","value":null}',
    )
  })

  it('calls a field no dictionary knows, a bad placeholder or a bad parameter a problem', () => {
    expect(
      compileRule(rule({ form: { type: 'row', condition: '不存在的字段 > 1' } }), TARGET, null),
    ).toMatchObject({
      status: 'problem',
      reason: expect.stringContaining('未知字段“不存在的字段”'),
    })
    expect(compileRule(rule({ message: '{审结日期 <}' }), TARGET, null)).toMatchObject({ status: 'problem' })
    expect(
      compileRule(
        rule({ parameters: [{ name: 'x', label: 'x', type: 'number', value: '七' }] }),
        TARGET,
        null,
      ),
    ).toMatchObject({ status: 'problem', reason: '参数“@x”的取值应为数字' })
  })

  it('gives case rules their aggregates and cross-stage rules the other stage', () => {
    const caseRule = compileRule(
      rule({ form: { type: 'case', condition: '案内人数 > 1 且 案内_审结日期_取值数 > 1' } }),
      TARGET,
      null,
    )
    expect(caseRule.status === 'ok' && caseRule.check.aggregates.map((a) => a.kind)).toEqual([
      'count',
      'distinct',
    ])
    expect(
      compileRule(
        rule({ kinds: ['020101'], form: { type: 'crossStage', condition: '公诉.受理日期 < 逮捕.审结日期' } }),
        TARGET,
        null,
      ),
    ).toEqual({
      status: 'skipped',
      reason: '缺少一审公诉（020101）数据，无法按嫌疑人编号关联',
    })
  })
})
