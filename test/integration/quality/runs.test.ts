/**
 * Runs on a real workspace: first run, incremental re-check after re-importing a changed export (a
 * fixed record becomes 已整改, a new violation 待核查), review statuses surviving re-import and undo,
 * today-dependent rules, parameter changes, skipped rules.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { setClock } from '../../../electron/engine/clock.ts'
import { ARREST_BASE, caseNumber, dictionaryHeaders, type Row } from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const HEADERS = dictionaryHeaders('010101').filter((h) => !['身份证号', '出生日期', '性别'].includes(h))

function arrest(n: number, changes: Partial<Row> = {}): Row {
  return {
    ...ARREST_BASE,
    部门受案号: caseNumber('010101', n),
    嫌疑人编号: `X${n}`,
    嫌疑人姓名: `嫌疑人${n}`,
    ...changes,
  }
}

const LATE = { 审结日期: '2025-03-12', 全案_审结日期: '2025-03-12' } // 11 days: R006

async function importRows(ws: ReturnType<typeof testWorkspace>, name: string, rows: Row[]) {
  const file = await writeCsv(path.join(ws.dir, name), [
    HEADERS,
    ...rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
  ])
  const result = await ws.call('dataset/import', { files: [{ path: file }] })
  return result.imports[0]
}

async function flagOf(ws: ReturnType<typeof testWorkspace>, rule: string, n: number) {
  const page = await ws.call('flags/page', {
    filter: { rules: [rule], search: `X${n}` },
    startRow: 0,
    endRow: 10,
  })
  return page.rows.find((r) => r.key.嫌疑人编号 === `X${n}`)
}

describe('flags/run', () => {
  it('checks everything first, then only what a re-import changed; review work survives re-import and undo', async () => {
    const ws = testWorkspace()
    await importRows(ws, 'v1.csv', [arrest(1, LATE), arrest(2), arrest(3, { 不捕情形: '其他不捕' })])
    const first = await ws.call('flags/run', { rules: ['R006', 'F09'] })
    expect(first).toMatchObject({ rules: 2, records: 3, rechecked: 3, newFlags: 2, rectified: 0, flags: 2 })

    const late = (await flagOf(ws, 'R006', 1))!
    expect(late).toMatchObject({
      status: 'open',
      severity: 'error',
      message: '受理日期 2025-03-01 至审结日期 2025-03-12 共 11 天，超过 7 天',
    })
    expect(late.fields).toEqual(['受理日期', '审结日期'])
    expect(late.record['嫌疑人姓名']).toBe('嫌疑人1')
    await ws.call('flags/update', {
      ids: [late.id],
      status: 'confirmed',
      reviewer: '赵检',
      note: '已通知承办人',
    })

    // Nothing changed: nothing to re-check.
    expect(await ws.call('flags/run', { rules: ['R006', 'F09'] })).toMatchObject({
      rechecked: 0,
      newFlags: 0,
      rectified: 0,
    })

    // A newer export: record 1 fixed, record 2 now late, record 3 unchanged.
    setClock(() => new Date('2026-01-16T02:00:00Z'))
    const update = await importRows(ws, 'v2.csv', [
      arrest(1),
      arrest(2, LATE),
      arrest(3, { 不捕情形: '其他不捕' }),
    ])
    expect(update).toMatchObject({ updated: 2, unchanged: 1 })
    const second = await ws.call('flags/run', { rules: ['R006', 'F09'] })
    expect(second).toMatchObject({ rechecked: 2, newFlags: 1, rectified: 1, flags: 2 })
    const fixed = (await flagOf(ws, 'R006', 1))!
    expect(fixed).toMatchObject({ id: late.id, status: 'rectified', reviewer: '赵检', note: '已通知承办人' })
    expect(fixed.rectifiedAt).toMatch(/^2026-01-16/)
    expect(fixed.record['审结日期']).toBe('2025-03-06')
    expect(await flagOf(ws, 'R006', 2)).toMatchObject({ status: 'open' })
    const other = (await flagOf(ws, 'F09', 3))!
    expect(other.lastSeen).toBe(other.firstSeen)

    // Undo the newer export: record 1 is late again and gets its review status back; record 2's flag is rectified.
    await ws.call('import/undo', { batchId: update.batchId })
    const third = await ws.call('flags/run', { rules: ['R006', 'F09'] })
    expect(third).toMatchObject({ rechecked: 3, newFlags: 0, rectified: 1 })
    expect(await flagOf(ws, 'R006', 1)).toMatchObject({
      id: late.id,
      status: 'confirmed',
      reviewer: '赵检',
      rectifiedAt: null,
    })
    expect(await flagOf(ws, 'R006', 2)).toMatchObject({ status: 'rectified' })
  })

  it('re-checks a today-dependent rule on a new day, and every record when a parameter changes', async () => {
    const ws = testWorkspace()
    const dates = { 受理日期: '2026-01-08', 审结日期: '2026-01-13', 全案_审结日期: '2026-01-13' }
    await importRows(ws, 'v1.csv', [arrest(1, { ...dates, 执行情况: '' })])
    expect((await ws.call('flags/run', { rules: ['R007', 'R006'] })).newFlags).toBe(0)
    setClock(() => new Date('2026-01-20T02:00:00Z'))
    expect(await ws.call('flags/run', { rules: ['R007', 'R006'] })).toMatchObject({
      newFlags: 1,
      rechecked: 1,
    })
    expect((await flagOf(ws, 'R007', 1))!.message).toBe(
      '审结已 7 天，执行回执日期、执行日期或执行情况仍未填录',
    )

    const rule = await ws.call('rules/setParameter', { id: 'R006', name: '天数上限', value: 4 })
    expect(rule.parameters[0].value).toBe(4)
    expect(await ws.call('flags/run', { rules: ['R006'] })).toMatchObject({ newFlags: 1, rechecked: 1 })
    expect((await flagOf(ws, 'R006', 1))!.message).toBe(
      '受理日期 2026-01-08 至审结日期 2026-01-13 共 5 天，超过 4 天',
    )
    await ws.call('rules/setParameter', { id: 'R006', name: '天数上限', value: 7 })
    expect(await ws.call('flags/run', { rules: ['R006'] })).toMatchObject({ rectified: 1 })
    expect(
      await ws.failure('rules/setParameter', { id: 'R006', name: '天数上限', value: '七' }),
    ).toMatchObject({
      code: 'BAD_ARGUMENT',
      message: '参数“审查逮捕期限”的取值应为数字。',
    })
  })

  it('skips a rule whose fields the export lacks and says why; runs the enabled rules by default', async () => {
    const ws = testWorkspace()
    await importRows(ws, 'v1.csv', [arrest(1)])
    const summary = await ws.call('flags/run', {})
    expect(summary.skipped).toContainEqual({
      rule: 'F06',
      reason: '数据集「审查逮捕（010101）」缺少字段：身份证号',
    })
    expect(summary.skipped.map((s) => s.rule)).not.toContain('F15') // disabled: not run at all
    expect(summary.flags).toBe(0)
    await ws.call('rules/setEnabled', { id: 'R006', enabled: false })
    const rules = await ws.call('rules/list', {})
    expect(rules.find((r) => r.id === 'R006')).toMatchObject({ enabled: false, problem: null })
    expect((await ws.call('flags/run', {})).rules).toBe(summary.rules - 1)
    const failure = await ws.failure('flags/run', { rules: ['R999'] })
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: '规则 R999 不存在。' })
  })
})
