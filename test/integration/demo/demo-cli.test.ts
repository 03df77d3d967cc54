import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../electron/engine/demo/generate.ts'
import { runCli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/workspace.ts'

const digest = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((n) => [
        n,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, n)))
          .digest('hex'),
      ]),
  )

describe('yanpan demo', () => {
  it('writes the same bytes whatever the time zone of the machine', async () => {
    const dir = tempDir()
    const args = ['--persons', '1200', '--from', '2024-07', '--to', '2025-06', '--seed', '9']
    const la = runCli(['demo', '--out', path.join(dir, 'la'), ...args, '--json'], {
      TZ: 'America/Los_Angeles',
    })
    expect(la.code, la.stderr).toBe(0)
    const summary = JSON.parse(la.stdout)
    expect(summary).toMatchObject({
      seed: 9,
      persons: 1200,
      from: '2024-07',
      to: '2025-06',
      exportDate: '2025-07-05',
    })
    expect(summary.errors).toBeGreaterThan(0)
    const shanghai = runCli(['demo', '--out', path.join(dir, 'sh'), ...args, '--json'], {
      TZ: 'Asia/Shanghai',
    })
    expect(shanghai.code, shanghai.stderr).toBe(0)
    await generateDemo({
      out: path.join(dir, 'here'),
      persons: 1200,
      from: '2024-07',
      to: '2025-06',
      seed: 9,
    })
    const expected = digest(path.join(dir, 'here'))
    expect(Object.keys(expected)).toHaveLength(9) // 2 kinds × 2 years × (csv + xlsx) + manifest.json
    expect(digest(path.join(dir, 'la'))).toEqual(expected)
    expect(digest(path.join(dir, 'sh'))).toEqual(expected)
  })

  it('imports into the workspace given with --db, one batch per file', () => {
    const dir = tempDir()
    const db = path.join(dir, 'w.db')
    const made = runCli([
      'demo',
      '--db',
      db,
      '--persons',
      '800',
      '--from',
      '2025-01',
      '--to',
      '2025-06',
      '--format',
      'csv',
    ])
    expect(made.code, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/已导入工作区/)
    expect(fs.readdirSync(path.join(dir, 'w-files', 'demo')).sort()).toEqual([
      'manifest.json',
      '一审公诉案件020101表1行19列受理合计（人）_2025.csv',
      '审查逮捕案件010101表1行4列受理合计（人）_2025.csv',
    ])
    const batches = JSON.parse(runCli(['batches', '--db', db, '--json']).stdout) as { dataset: string }[]
    expect(batches.map((b) => b.dataset).sort()).toEqual(['一审公诉（020101）', '审查逮捕（010101）'])
  })

  it('refuses bad options with a message and exit code 2', () => {
    const bad = runCli(['demo', '--out', tempDir(), '--from', '2025-13'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--from/)
    expect(runCli(['demo', '--out', tempDir(), '--format', 'pdf']).code).toBe(2)
    expect(runCli(['help']).stdout).toMatch(/demo \[--db 文件\]/)
  })
})
