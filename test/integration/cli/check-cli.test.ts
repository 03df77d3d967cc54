import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRows } from '../../helpers/case-rows.ts'
import { runCli } from '../../helpers/cli.ts'
import { tempDir, writeCsv } from '../../helpers/workspace.ts'

describe('yanpan check (CLI)', () => {
  it('prints exactly the documented JSON, re-checks only what changed, and fails in Chinese', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'w.db')
    const rows = arrestRows(6)
    rows[2][ARREST_HEADER.indexOf('审结日期')] = '2024-12-30' // accepted 2024-03-03: 302 days (R006)
    const file = await writeCsv(path.join(dir, '审查逮捕.csv'), [ARREST_HEADER, ...rows])
    expect(runCli(['import', file, '--db', db]).code).toBe(0)

    const run = runCli(['check', '--rules', 'R006,R034', '--json', '--db', db])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      flags: [
        {
          rule: 'R006',
          dataset: '审查逮捕（010101）',
          key: { 部门受案号: rows[2][0], 嫌疑人编号: 'XYR100002' },
          severity: 'error',
          message: `受理日期 ${rows[2][ARREST_HEADER.indexOf('受理日期')]} 至审结日期 2024-12-30 共 302 天，超过 7 天`,
        },
      ],
      summary: { rules: 1, records: 6, flags: 1 },
    })

    const text = runCli(['check', '--rules', 'R006', '--db', db])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('核查完成：1 条规则，6 条记录（本次检查 0 条），待处理 1 条')

    const unknown = runCli(['check', '--rules', 'R999', '--db', db])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('错误：规则 R999 不存在。\n')
    expect(runCli(['check', '--rules', '', '--db', db]).code).toBe(2)
  })
})
