/**
 * Analysts' own rules: saved after the checks a run would make (a rule that does not parse or names
 * no known field is refused in Chinese and never reaches a run), previewed live, run, deleted; and
 * library rules, which only take 启用 and parameter overrides.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Rule } from '../../../shared/quality/rule.ts'
import { ARREST_BASE, caseNumber, dictionaryHeaders, type Row } from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const HEADERS = dictionaryHeaders('010101')

function userRule(changes: Partial<Rule> = {}): Rule {
  return {
    id: 'U001',
    name: '审结过快',
    description: '',
    kinds: ['010101'],
    severity: 'warning',
    form: { type: 'row', condition: '天数差(受理日期, 审结日期) < @最少天数' },
    message: '{受理日期} 受理、{审结日期} 审结，不足 {@最少天数} 天',
    fields: ['受理日期', '审结日期'],
    parameters: [{ name: '最少天数', label: '最少天数', type: 'number', value: 2, unit: '天' }],
    enabled: true,
    source: 'user',
    ...changes,
  }
}

async function seeded() {
  const ws = testWorkspace()
  const rows: Row[] = [1, 2, 3].map((n) => ({
    ...ARREST_BASE,
    部门受案号: caseNumber('010101', n),
    嫌疑人编号: `X${n}`,
    ...(n === 2 ? { 审结日期: '2025-03-02', 全案_审结日期: '2025-03-02' } : {}),
  }))
  const file = await writeCsv(path.join(ws.dir, 'a.csv'), [
    HEADERS,
    ...rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
  ])
  await ws.call('dataset/import', { files: [{ path: file }] })
  return ws
}

describe('user rules', () => {
  it('validates, previews, saves, runs and deletes a rule', async () => {
    const ws = await seeded()
    expect(await ws.call('rules/validate', { rule: userRule() })).toEqual({ ok: true, errors: [] })
    const preview = await ws.call('rules/preview', { rule: userRule(), limit: 10 })
    expect(preview).toMatchObject({ hits: 1, problem: null })
    expect(preview.sample[0]).toMatchObject({
      rule: 'U001',
      message: '2025-03-01 受理、2025-03-02 审结，不足 2 天',
    })
    expect(preview.sample[0].key.嫌疑人编号).toBe('X2')
    expect(await ws.call('flags/page', { startRow: 0, endRow: 10 })).toMatchObject({ total: 0 }) // preview stores nothing

    const saved = await ws.call('rules/save', { rule: userRule() })
    expect(saved).toMatchObject({ id: 'U001', source: 'user', problem: null })
    expect(await ws.call('flags/run', { rules: ['U001'] })).toMatchObject({ newFlags: 1 })
    expect((await ws.call('rules/list', {})).find((r) => r.id === 'U001')!.hits.open).toBe(1)

    await ws.call('rules/save', {
      rule: userRule({ parameters: [{ name: '最少天数', label: '最少天数', type: 'number', value: 10 }] }),
    })
    expect(await ws.call('flags/run', { rules: ['U001'] })).toMatchObject({ newFlags: 2, rechecked: 3 })

    expect(await ws.call('rules/delete', { id: 'U001' })).toEqual({ id: 'U001' })
    expect((await ws.call('flags/page', { startRow: 0, endRow: 10 })).total).toBe(0)
    expect(await ws.failure('rules/delete', { id: 'U001' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it.each([
    [
      'a syntax error',
      '天数差(受理日期, 审结日期) <',
      '规则 U001 有误：核查条件有误：第 1 行第 18 列：此处应为',
    ],
    [
      'an unknown field',
      '审结日子 > 受理日期',
      '规则 U001 有误：核查条件有误：第 1 行第 1 列：未知字段“审结日子”。是否为：审结日期',
    ],
    ['an unknown parameter', '天数差(受理日期, 审结日期) < @天数', '未知参数“@天数”。是否为：@最少天数？'],
    ['a non-condition', '受理日期', '条件的结果应为真/假，实际为日期'],
  ])('refuses a rule with %s, in Chinese, and validate points at it', async (_, condition, message) => {
    const ws = await seeded()
    const rule = userRule({ form: { type: 'row', condition } })
    const failure = await ws.failure('rules/save', { rule })
    expect(failure.code).toBe('BAD_ARGUMENT')
    expect(failure.message).toContain(message)
    const validation = await ws.call('rules/validate', { rule })
    expect(validation.ok).toBe(false)
    expect(validation.errors[0].offset).toBeTypeOf('number')
    expect((await ws.call('rules/list', {})).map((r) => r.id)).not.toContain('U001')
    expect((await ws.call('rules/preview', { rule, limit: 5 })).problem).toContain(
      message.replace('规则 U001 有误：', ''),
    )
  })

  it('refuses a bad message placeholder or conflicting field, and accepts a field only other exports have', async () => {
    const ws = await seeded()
    expect((await ws.failure('rules/save', { rule: userRule({ message: '{审结日子}' }) })).message).toContain(
      '冲突说明第 1 个占位符「{审结日子}」有误',
    )
    expect((await ws.failure('rules/save', { rule: userRule({ fields: ['不存在'] }) })).message).toContain(
      '冲突字段“不存在”',
    )
    // 庭审程序 is a column of 020101 exports, which this 010101 export lacks: saved, and skipped at run time.
    const rule = userRule({
      id: 'U002',
      form: { type: 'row', condition: "庭审程序 = '速裁程序'" },
      message: '',
      parameters: [],
    })
    expect((await ws.call('rules/save', { rule })).problem).toBeNull()
    const summary = await ws.call('flags/run', { rules: ['U002'] })
    expect(summary.skipped).toEqual([
      { rule: 'U002', reason: '数据集「审查逮捕（010101）」缺少字段：庭审程序' },
    ])
  })

  it('lets library rules change only 启用 and parameters', async () => {
    const ws = await seeded()
    const library = (await ws.call('rules/list', {})).find((r) => r.id === 'R006')!
    const { problem: _problem, hits: _hits, ...rule } = library
    const changed = await ws.call('rules/save', {
      rule: { ...rule, enabled: false, parameters: [{ ...rule.parameters[0], value: 9 }] },
    })
    expect(changed).toMatchObject({ enabled: false, source: 'library' })
    expect(changed.parameters[0].value).toBe(9)
    const failure = await ws.failure('rules/save', {
      rule: { ...rule, form: { type: 'row', condition: '1 = 1' } },
    })
    expect(failure).toMatchObject({ code: 'CONFLICT' })
    expect(await ws.failure('rules/delete', { id: 'R006' })).toMatchObject({
      code: 'CONFLICT',
      message: '规则库中的规则 R006 不能删除，可以停用。',
    })
    expect(await ws.failure('rules/save', { rule: { ...userRule(), id: 'r1' } })).toMatchObject({
      code: 'BAD_ARGUMENT',
    })
  })
})
