/**
 * The scan threads of large runs give exactly the flags of a run in this thread: rows, cases and
 * cross-stage pairs cut into id ranges, indexes built by a thread before the scans that need them.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../electron/engine/quality/run-checks.ts'
import {
  ARREST_BASE,
  caseNumber,
  dictionaryHeaders,
  PROSECUTION_BASE,
  type Row,
} from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const OPTIONS = { today: '2026-01-15', now: '2026-01-15T10:00:00+08:00' }

async function seeded() {
  const ws = testWorkspace()
  const arrests: Row[] = []
  const prosecutions: Row[] = []
  for (let n = 1; n <= 300; n++) {
    const person = `P${Math.ceil(n / 2)}`
    arrests.push({
      ...ARREST_BASE,
      部门受案号: caseNumber('010101', Math.ceil(n / 3)),
      嫌疑人编号: person + (n % 2),
      ...(n % 7 === 0 ? { 审结日期: '2025-03-12', 全案_审结日期: '2025-03-12' } : {}),
      ...(n % 11 === 0 ? { 全案_审结处理结果: '不批准逮捕' } : {}),
    })
    prosecutions.push({
      ...PROSECUTION_BASE,
      部门受案号: caseNumber('020101', Math.ceil(n / 2)),
      嫌疑人编号: person + (n % 2),
      ...(n % 5 === 0
        ? { 审查起诉阶段检察机关适用认罪认罚: '否', 审判阶段适用认罪认罚情况: '审查起诉未适用' }
        : {}),
      ...(n % 13 === 0 ? { 审结前强制措施: '逮捕' } : {}),
    })
  }
  for (const [kind, rows] of [
    ['010101', arrests],
    ['020101', prosecutions],
  ] as const) {
    const headers = dictionaryHeaders(kind)
    const file = await writeCsv(path.join(ws.dir, `${kind}.csv`), [
      headers,
      ...rows.map((r) => headers.map((h) => r[h] ?? '')),
    ])
    await ws.call('dataset/import', { files: [{ path: file }] })
  }
  return ws
}

const flags = (ws: ReturnType<typeof testWorkspace>) =>
  ws.db.prepare('SELECT rule_id, dataset_id, record_key, message FROM quality_flags ORDER BY 1, 2, 3').all()

describe('scan threads', () => {
  it('find exactly what one thread finds', async () => {
    const ws = await seeded()
    const threaded = await runChecks(ws.db, { ...OPTIONS, dbPath: ws.dbPath, threads: 2, threadedMinimum: 0 })
    const withThreads = flags(ws)
    expect(withThreads.length).toBeGreaterThan(300)
    ws.db.exec('DELETE FROM quality_flags; DELETE FROM quality_rule_state; DELETE FROM quality_dataset_state')
    const single = await runChecks(ws.db, { ...OPTIONS, dbPath: ws.dbPath, threads: 1 })
    expect(flags(ws)).toEqual(withThreads)
    expect(threaded.newFlags).toBe(single.newFlags)
  })

  it('refuses a second run while one is going on', async () => {
    const ws = await seeded()
    const first = runChecks(ws.db, { ...OPTIONS, dbPath: ws.dbPath, threads: 2, threadedMinimum: 0 })
    await expect(runChecks(ws.db, OPTIONS)).rejects.toThrow('数据质量核查正在进行')
    await first
  })
})
