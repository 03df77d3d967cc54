/**
 * Case and cross-stage rules re-check more than the changed records: a change to one person of a
 * case re-checks the whole case, a change to a person's 审查逮捕 record re-checks their 一审公诉 ones.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ARREST_BASE,
  caseNumber,
  dictionaryHeaders,
  PROSECUTION_BASE,
  type Row,
} from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

type Kind = '010101' | '020101'

async function importRows(ws: ReturnType<typeof testWorkspace>, kind: Kind, name: string, rows: Row[]) {
  const headers = dictionaryHeaders(kind)
  const file = await writeCsv(path.join(ws.dir, name), [
    headers,
    ...rows.map((r) => headers.map((h) => r[h] ?? '')),
  ])
  return (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
}

async function statuses(ws: ReturnType<typeof testWorkspace>, rule: string) {
  const page = await ws.call('flags/page', { filter: { rules: [rule] }, startRow: 0, endRow: 50 })
  return Object.fromEntries(page.rows.map((r) => [r.key.嫌疑人编号, r.status]))
}

describe('incremental case and cross-stage rules', () => {
  it('re-checks every person of a case when one of them changes', async () => {
    const ws = testWorkspace()
    const person = (id: string, plea: string): Row => ({
      ...PROSECUTION_BASE,
      部门受案号: caseNumber('020101', 1),
      嫌疑人编号: id,
      审查起诉阶段检察机关适用认罪认罚: plea,
      审判阶段适用认罪认罚情况: plea === '是' ? '均适用' : '审查起诉未适用',
    })
    await importRows(ws, '020101', 'p1.csv', [person('A', '否'), person('B', '否')])
    await ws.call('flags/run', { rules: ['R066'] })
    expect(await statuses(ws, 'R066')).toEqual({ A: 'open', B: 'open' })
    await importRows(ws, '020101', 'p2.csv', [person('B', '是')])
    expect(await ws.call('flags/run', { rules: ['R066'] })).toMatchObject({ rechecked: 2, rectified: 2 })
    expect(await statuses(ws, 'R066')).toEqual({ A: 'rectified', B: 'rectified' })
  })

  it('re-checks a person’s 一审公诉 records when their 审查逮捕 record changes', async () => {
    const ws = testWorkspace()
    const arrest = (corrected: string): Row => ({
      ...ARREST_BASE,
      部门受案号: caseNumber('010101', 1),
      嫌疑人编号: 'P1',
      '是否为审捕阶段要求提请（移送）逮捕的犯罪嫌疑人': corrected,
    })
    await importRows(ws, '010101', 'a1.csv', [arrest('是')])
    await importRows(ws, '020101', 'p1.csv', [
      { ...PROSECUTION_BASE, 部门受案号: caseNumber('020101', 1), 嫌疑人编号: 'P1' },
      { ...PROSECUTION_BASE, 部门受案号: caseNumber('020101', 2), 嫌疑人编号: 'P2' },
    ])
    await ws.call('flags/run', { rules: ['R022', 'R054'] })
    expect(await statuses(ws, 'R022')).toEqual({ P1: 'open' })
    expect(await statuses(ws, 'R054')).toEqual({ P1: 'open' })
    const page = await ws.call('flags/page', { filter: { rules: ['R054'] }, startRow: 0, endRow: 1 })
    expect(page.rows[0].message).toBe(
      `审查逮捕阶段（${caseNumber('010101', 1)}）批准逮捕，起诉时审结前强制措施却为「取保候审」`,
    )

    await importRows(ws, '010101', 'a2.csv', [arrest('否')])
    expect(await ws.call('flags/run', { rules: ['R022', 'R054'] })).toMatchObject({
      rechecked: 1,
      rectified: 1,
    })
    expect(await statuses(ws, 'R022')).toEqual({ P1: 'rectified' })
    expect(await statuses(ws, 'R054')).toEqual({ P1: 'open' })
  })

  it('flags duplicate record keys and clears them when a re-import leaves one', async () => {
    const ws = testWorkspace()
    const row = { ...ARREST_BASE, 部门受案号: caseNumber('010101', 1), 嫌疑人编号: 'D1' }
    await importRows(ws, '010101', 'a1.csv', [
      row,
      { ...row, 嫌疑人姓名: '同键另一人' },
      { ...row, 嫌疑人编号: 'D2' },
    ])
    await ws.call('flags/run', { rules: ['F14'] })
    expect(await statuses(ws, 'F14')).toEqual({ D1: 'open' })
    await importRows(ws, '010101', 'a2.csv', [{ ...row, 嫌疑人姓名: '更正后' }])
    expect(await ws.call('flags/run', { rules: ['F14'] })).toMatchObject({ rectified: 1 })
  })
})
