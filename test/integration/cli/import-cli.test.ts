import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRows } from '../../helpers/case-rows.ts'
import { runCli } from '../../helpers/cli.ts'
import { tempDir, writeCsv } from '../../helpers/workspace.ts'

describe('yanpan import (CLI)', () => {
  it('prints the documented JSON and exits 0', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'w.db')
    const rows = arrestRows(12)
    rows[3][ARREST_HEADER.indexOf('审结日期')] = '2024.13.01'
    const file = await writeCsv(path.join(dir, '审查逮捕.csv'), [ARREST_HEADER, ...rows], 'gb18030')
    const run = runCli(['import', file, '--json', '--db', db])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out).toEqual({
      imports: [
        {
          file: '审查逮捕.csv',
          dataset: '审查逮捕（010101）',
          kind: '010101',
          rows: 12,
          inserted: 12,
          updated: 0,
          unchanged: 0,
          rejected: 0,
          errors: [{ row: 5, column: '审结日期', message: expect.stringContaining('2024.13.01') }],
        },
      ],
    })
    // Same workspace through YANPAN_DB: the batch is listed.
    const batches = runCli(['batches', '--json'], { YANPAN_DB: db })
    expect(JSON.parse(batches.stdout)[0]).toMatchObject({
      file: '审查逮捕.csv',
      rows: 12,
      status: 'committed',
    })
  })

  it('exits non-zero with a Chinese message naming the file on failure', () => {
    const dir = tempDir()
    const bad = path.join(dir, '损坏.xlsx')
    fs.writeFileSync(bad, 'PK\u0003\u0004 this is not really a zip')
    const run = runCli(['import', bad, '--db', path.join(dir, 'w.db')])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toMatch(/^错误：.*损坏\.xlsx/)
    const none = runCli(['import', '--db', path.join(dir, 'w.db')])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('请指定要导入的文件')
  })
})
