/**
 * The review side: paging with filters and sort, counts by rule / unit / prosecutor, bulk status
 * changes by filter, and the whitelist (已核对清单) suppressing flags in later runs.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARREST_BASE, dictionaryHeaders, type Row } from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const HEADERS = dictionaryHeaders('010101')
const LATE = { 审结日期: '2025-03-12', 全案_审结日期: '2025-03-12' }

function arrest(n: number, unit: string, prosecutor: string, changes: Partial<Row> = {}): Row {
  return {
    ...ARREST_BASE,
    部门受案号: `检捕受[2025]${unit}${String(n).padStart(5, '0')}号`,
    嫌疑人编号: `X${n}`,
    嫌疑人姓名: `嫌疑人${n}`,
    承办检察官: prosecutor,
    ...changes,
  }
}

async function seeded() {
  const ws = testWorkspace()
  ws.db
    .exec(`INSERT INTO units (code, name, level, parent) VALUES ('320100', '南京市人民检察院', 'city', NULL),
    ('320102', '南京市玄武区人民检察院', 'county', '320100'), ('320105', '南京市建邺区人民检察院', 'county', '320100'),
    ('320200', '无锡市人民检察院', 'city', NULL), ('320205', '无锡市锡山区人民检察院', 'county', '320200')`)
  const rows = [
    arrest(1, '320102', '甲', LATE),
    arrest(2, '320102', '甲', { ...LATE, 不捕情形: '其他不捕' }),
    arrest(3, '320105', '乙', LATE),
    arrest(4, '320205', '丙', { 不捕情形: '其他不捕' }),
    arrest(5, '320205', '丙'),
  ]
  const file = await writeCsv(path.join(ws.dir, 'a.csv'), [
    HEADERS,
    ...rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
  ])
  await ws.call('dataset/import', { files: [{ path: file }] })
  await ws.call('flags/run', { rules: ['R006', 'F09'] })
  return ws
}

describe('flag review', () => {
  it('pages flags with filters, search and sort, with the record fields', async () => {
    const ws = await seeded()
    const all = await ws.call('flags/page', { startRow: 0, endRow: 100 })
    expect(all.total).toBe(5)
    expect(all.rows.map((r) => `${r.rule}:${r.key.嫌疑人编号}`)).toEqual([
      'F09:X2',
      'F09:X4',
      'R006:X1',
      'R006:X2',
      'R006:X3',
    ])
    const nanjing = await ws.call('flags/page', { filter: { units: ['320100'] }, startRow: 0, endRow: 100 })
    expect(nanjing.rows.map((r) => r.unit)).toEqual(['320102', '320102', '320102', '320105'])
    const searched = await ws.call('flags/page', { filter: { search: '嫌疑人3' }, startRow: 0, endRow: 100 })
    expect(searched.rows.map((r) => r.key.嫌疑人编号)).toEqual(['X3'])
    const sorted = await ws.call('flags/page', {
      filter: { rules: ['R006'] },
      sort: [{ field: 'prosecutor', dir: 'desc' }],
      startRow: 1,
      endRow: 3,
    })
    expect(sorted).toMatchObject({ total: 3 })
    expect(sorted.rows.map((r) => r.prosecutor)).toEqual(['甲', '乙'])
    expect(sorted.rows[0].record['承办检察官']).toBe('甲')
    expect(sorted.rows[0].ruleName).toBe('审查逮捕案件审结日期错填')
  })

  it('counts by rule, unit (with its name) and prosecutor', async () => {
    const ws = await seeded()
    const stats = await ws.call('flags/stats', {})
    expect(stats.totals).toEqual({ open: 5, confirmed: 0, rectified: 0, falsePositive: 0, total: 5 })
    expect(stats.byRule.map((r) => [r.rule, r.severity, r.total])).toEqual([
      ['F09', 'error', 2],
      ['R006', 'error', 3],
    ])
    expect(stats.byUnit.find((u) => u.unit === '320102')).toMatchObject({
      unitName: '南京市玄武区人民检察院',
      total: 3,
    })
    expect(stats.byProsecutor.find((p) => p.prosecutor === '丙')).toMatchObject({ unit: '320205', total: 1 })
  })

  it('changes statuses in bulk by filter, with reviewer, time and note', async () => {
    const ws = await seeded()
    const { updated } = await ws.call('flags/update', {
      filter: { rules: ['R006'], units: ['320102'] },
      status: 'falsePositive',
      reviewer: '钱检',
      note: '系统时限另有规定',
    })
    expect(updated).toBe(2)
    const page = await ws.call('flags/page', {
      filter: { statuses: ['falsePositive'] },
      startRow: 0,
      endRow: 10,
    })
    expect(page.rows.map((r) => [r.key.嫌疑人编号, r.reviewer, r.note])).toEqual([
      ['X1', '钱检', '系统时限另有规定'],
      ['X2', '钱检', '系统时限另有规定'],
    ])
    expect(page.rows[0].reviewedAt).toMatch(/^2026-01-15/)
    expect(await ws.failure('flags/update', { status: 'open', reviewer: '钱检' })).toMatchObject({
      code: 'BAD_ARGUMENT',
    })
  })

  it('whitelists (rule, record key): the flag goes and later runs do not raise it until it is removed', async () => {
    const ws = await seeded()
    const target = (
      await ws.call('flags/page', { filter: { rules: ['F09'], search: 'X4' }, startRow: 0, endRow: 1 })
    ).rows[0]
    expect(
      await ws.call('whitelist/add', { flagIds: [target.id], reviewer: '孙检', note: '原始卷宗核实无误' }),
    ).toEqual({ added: 1 })
    const list = await ws.call('whitelist/list', {})
    expect(list).toEqual([
      expect.objectContaining({
        rule: 'F09',
        key: '检捕受[2025]32020500004号 / X4',
        reviewer: '孙检',
        note: '原始卷宗核实无误',
      }),
    ])
    const again = await ws.call('flags/run', { rules: ['F09'] })
    expect(again.flags).toBe(1)
    expect((await ws.call('flags/page', { filter: { search: 'X4' }, startRow: 0, endRow: 10 })).total).toBe(0)

    await ws.call('whitelist/remove', { ids: [list[0].id] })
    expect(await ws.call('flags/run', { rules: ['F09'] })).toMatchObject({ newFlags: 1, flags: 2 })
  })
})
