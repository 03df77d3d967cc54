/**
 * The desktop app runs the engine from esbuild bundles (scripts/build-electron.mjs), not from source:
 * engine-worker.cjs, with the typing thread of large imports and the scan threads of indicators
 * started from the bundles beside it. These tests build the bundles into a folder inside the clone
 * (as `npm start` does when Electron is installed, where node_modules holds exceljs too), run them
 * under plain Node and compare what they do with the engine run from source.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setClock } from '../../../electron/engine/clock.ts'
import { createWorkerHost } from '../../../electron/engine/host/worker-host.ts'
import type { EngineHost } from '../../../electron/engine/host/types.ts'
import { openWorkspace } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import ExcelJS from '../../../electron/engine/xlsx/exceljs.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../../shared/ipc/contract.ts'
import { ARREST_HEADER, arrestRows } from '../../helpers/case-rows.ts'
import { JIANGSU } from '../../helpers/indicator-data.ts'
import { tempDir, testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const root = path.resolve(import.meta.dirname, '../../..')
const out = path.join(root, 'test-output', `bundles-${process.pid}`)

/** Past the head the import thread reads itself, so the rest goes through the typing thread. */
const CSV_ROWS = 12_000
/** Enough 3-byte characters for exceljs's zip chunks to end inside characters many times. */
const XLSX_ROWS = 6_000

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--out', out], {
    cwd: root,
    stdio: 'pipe',
  })
}, 120_000)
afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

async function call<C extends Channel>(
  host: EngineHost,
  channel: C,
  args: ChannelArgs<C>,
): Promise<ChannelResults[C]> {
  const envelope = await host.call(channel, args)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value as ChannelResults[C]
}

async function writeChineseXlsx(file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
  const sheet = writer.addWorksheet('明细')
  sheet.addRow(['部门受案号', '案由', '备注', '受理日期']).commit()
  const texts = [
    '危险驾驶罪',
    '帮助信息网络犯罪活动罪',
    '走私、贩卖、运输、制造毒品罪',
    '𠮷野家',
    '第一检察部',
  ]
  for (let i = 0; i < XLSX_ROWS; i++)
    sheet
      .addRow([
        `宁检诉受[2024]320102${String(i).padStart(5, '0')}号`,
        texts[i % texts.length],
        texts[(i * 3) % texts.length].repeat(1 + (i % 4)),
        new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      ])
      .commit()
  sheet.commit()
  await writer.commit()
}

describe('the bundled engine', () => {
  it('loads beside a node_modules holding exceljs and imports, pages and computes like the source engine', async () => {
    const dir = tempDir()
    const csv = await writeCsv(
      path.join(dir, '审查逮捕.csv'),
      [ARREST_HEADER, ...arrestRows(CSV_ROWS)],
      'gbk',
    )
    expect(fs.statSync(csv).size).toBeGreaterThan(1 << 20) // its typing thread starts with the import
    const xlsx = path.join(dir, '明细.xlsx')
    await writeChineseXlsx(xlsx)

    const source = testWorkspace()
    saveUnits(source.db, JIANGSU)
    const dbPath = path.join(dir, 'bundled.db')
    const setup = openWorkspace(dbPath)
    saveUnits(setup, JIANGSU)
    setup.close()
    const bundled = await createWorkerHost({
      dbPath,
      mode: 'cli',
      workerFile: path.join(out, 'engine-worker.cjs'),
    })
    try {
      const files = { files: [{ path: csv }, { path: xlsx }] }
      const fromSource = await call(source.host, 'dataset/import', files)
      const fromBundle = await call(bundled, 'dataset/import', files)
      expect(fromBundle).toEqual(fromSource)
      expect(fromBundle.imports.map((i) => i.rows)).toEqual([CSV_ROWS, XLSX_ROWS])

      for (const { datasetId, rows } of fromBundle.imports) {
        for (const startRow of [0, rows - 200]) {
          const page = { datasetId, startRow, endRow: startRow + 200 }
          const expected = await call(source.host, 'records/page', page)
          expect(await call(bundled, 'records/page', page)).toEqual(expected)
        }
      }
      // Multi-byte text read through the bundled (fixed) exceljs stream parser, not "��".
      const last = await call(bundled, 'records/page', {
        datasetId: fromBundle.imports[1].datasetId,
        startRow: XLSX_ROWS - 1,
        endRow: XLSX_ROWS,
      })
      expect(last.rows[0]).toMatchObject({
        案由: '第一检察部',
        备注: '走私、贩卖、运输、制造毒品罪'.repeat(4),
      })

      // Stale aggregates are built on scan threads, started here from quality-scan-worker.cjs.
      const compute = { period: '2024', indicators: ['不捕率'], units: ['320100'] }
      const figures = await call(bundled, 'indicator/compute', compute)
      expect(figures.results[0].value).not.toBeNull()
      const expected = await call(source.host, 'indicator/compute', compute)
      expect({ ...figures, elapsedMs: 0 }).toEqual({ ...expected, elapsedMs: 0 })
    } finally {
      await bundled.close()
    }
  }, 120_000)

  it('creates the demo, runs the rule library and the anomaly scan, and writes a Word report', async () => {
    const source = testWorkspace()
    // Rules on time limits count from today: both engines on the real clock.
    setClock(() => new Date())
    const bundled = await createWorkerHost({
      dbPath: path.join(tempDir(), 'bundled.db'),
      mode: 'cli',
      workerFile: path.join(out, 'engine-worker.cjs'),
    })
    try {
      const demo = { persons: 2000, from: '2025-01', to: '2025-12', seed: 5 }
      const counts = (r: { imports: { kind: string; rows: number; inserted: number }[] }) =>
        r.imports.map(({ kind, rows, inserted }) => ({ kind, rows, inserted }))
      expect(counts(await call(bundled, 'demo/create', demo))).toEqual(
        counts(await call(source.host, 'demo/create', demo)),
      )

      const run = await call(bundled, 'flags/run', {})
      expect(run.flags).toBeGreaterThan(0)
      expect({ ...run, ms: 0 }).toEqual({ ...(await call(source.host, 'flags/run', {})), ms: 0 })
      expect(await call(bundled, 'flags/stats', {})).toEqual(await call(source.host, 'flags/stats', {}))

      const scan = { period: '2025-09', unit: '320100' }
      const warnings = (await call(bundled, 'anomaly/list', scan)).warnings
      expect(warnings).toEqual((await call(source.host, 'anomaly/list', scan)).warnings)

      const exported = await call(bundled, 'report/export', {
        template: 'quarterly',
        period: '2025Q3',
        unit: '320100',
      })
      expect(exported.charts).toBeGreaterThan(0)
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(bundled.exportDir, exported.file)))
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
      expect(text).toContain('南京市人民检察院2025年第三季度业务数据分析研判报告')
    } finally {
      await bundled.close()
    }
  }, 180_000)
})
