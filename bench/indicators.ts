/**
 * Indicator benchmark (issue 5): the demo province at BENCH_INDICATOR_PERSONS suspects (default
 * 5,000,000; BENCH_INDICATOR_DB=FILE reuses a workspace that already holds a demo import), then
 *   - building the pre-aggregates from scratch (one GROUP BY scan per dataset and date field);
 *   - the whole dashboard warm: 40 indicators × all units × 36 months with 同比/环比 (indicator/monthly),
 *     and every library indicator for one period (indicator/compute, the matrix);
 *   - one indicator for one unit and period;
 *   - the same dashboard answered by plain GROUP BY scans of the records, without pre-aggregates;
 *   - the next dashboard after re-importing 10,000 changed records (folded into the aggregates).
 * Prints figures; never fails on time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { demoWorkspace } from './demo-workspace.ts'
import { computeIndicators, computeMonthly, warmIndicators } from '../electron/engine/indicators/compute.ts'
import { listIndicators } from '../electron/engine/indicators/library.ts'
import { buildCounts, resetBuildCounts } from '../electron/engine/indicators/aggregates.ts'
import { importFile } from '../electron/engine/import/run-import.ts'
import { undoImport } from '../electron/engine/import/undo.ts'
import iconv from 'iconv-lite'
import { openWorkspace, type Db } from '../electron/engine/store/database.ts'

const persons = Number(process.env.BENCH_INDICATOR_PERSONS ?? 5_000_000)
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`
const today = '2026-01-15'

function median(runs: number, work: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

function records(db: Db): number {
  const ids = db.prepare('SELECT id FROM datasets').pluck().all() as number[]
  return ids.reduce(
    (sum, id) =>
      sum +
      (db.prepare(`SELECT count(*) FROM records_${id} WHERE _superseded_by IS NULL`).pluck().get() as number),
    0,
  )
}

let dbPath = process.env.BENCH_INDICATOR_DB
let dir: string | null = null
if (!dbPath) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-indicator-bench-'))
  const generated = demoWorkspace(dir, persons)
  dbPath = generated.db
  console.log(
    `demo ${fmt(persons)} persons → ${fmt(generated.records)} records (generated and imported in ${(generated.ms / 1000).toFixed(1)} s)`,
  )
}
try {
  let db = openWorkspace(dbPath)
  const all = listIndicators(db)
  const forty = all.slice(0, 40).map((d) => d.id)
  const units = db.prepare('SELECT count(*) FROM units').pluck().get() as number
  console.log(`workspace: ${fmt(records(db))} current records, ${units} units, ${all.length} indicators`)
  const monthlyArgs = { from: '2023-01', to: '2025-12', indicators: forty, own: false, excludeFlagged: false }

  // Cold: no stored aggregates, a fresh connection (nothing in memory).
  db.exec('DELETE FROM indicator_aggregates; DELETE FROM indicator_aggregate_state')
  db.close()
  db = openWorkspace(dbPath)
  let started = performance.now()
  // As the app does it: stale aggregates built on the scan threads, then the figures.
  const window = { from: 2022 * 12, to: 2025 * 12 + 11 }
  await warmIndicators(db, dbPath, { excludeFlagged: false, windows: [window] }, today)
  computeMonthly(db, { ...monthlyArgs, indicators: all.map((d) => d.id) }, today)
  const buildMs = performance.now() - started
  const stored = db.prepare('SELECT count(*) FROM indicator_aggregates').pluck().get() as number
  console.log(
    `pre-aggregates built from scratch for all ${all.length} indicators (scan threads): ${(buildMs / 1000).toFixed(1)} s (${fmt(stored)} unit×month rows)`,
  )

  db.close()
  db = openWorkspace(dbPath)
  started = performance.now()
  computeMonthly(db, monthlyArgs, today)
  console.log(
    `first dashboard after a restart (aggregates read from the workspace): ${ms(performance.now() - started)}`,
  )

  const result = computeMonthly(db, monthlyArgs, today)
  const figures = result.rows.length * result.months.length
  const warm = median(5, () => computeMonthly(db, monthlyArgs, today))
  console.log(
    `dashboard warm: 40 indicators × ${units} units × 36 months with 同比/环比 = ${fmt(figures)} figures: ${ms(warm)} (target ≤ 300 ms)`,
  )
  const warmAll = median(3, () => computeMonthly(db, { ...monthlyArgs, indicators: undefined }, today))
  console.log(`  the same for all ${all.length} library indicators: ${ms(warmAll)}`)
  const matrix = median(5, () =>
    computeIndicators(db, { period: '2024Q3', own: false, excludeFlagged: false, withClean: false }, today),
  )
  console.log(
    `matrix warm: all ${all.length} indicators × ${units} units for 2024Q3 with 同比/环比, ranks: ${ms(matrix)}`,
  )
  const ytd = median(5, () =>
    computeIndicators(
      db,
      { period: '2024-01..2024-09', own: false, excludeFlagged: false, withClean: false },
      today,
    ),
  )
  console.log(`matrix warm, 累计 2024-01..2024-09: ${ms(ytd)}`)
  const one = median(21, () =>
    computeIndicators(
      db,
      {
        period: '2024Q3',
        indicators: ['不捕率'],
        units: ['320100'],
        own: false,
        excludeFlagged: false,
        withClean: false,
      },
      today,
    ),
  )
  console.log(`one indicator, one unit, one period (不捕率, 南京市院, 2024Q3): ${ms(one)} (target ≤ 20 ms)`)

  // The same dashboard without pre-aggregates: every measure by a GROUP BY over the records.
  db.close()
  db = openWorkspace(dbPath)
  db.exec('DELETE FROM indicator_aggregates; DELETE FROM indicator_aggregate_state')
  started = performance.now()
  computeMonthly(db, monthlyArgs, today)
  console.log(
    `the same dashboard by plain GROUP BY scans of the records (no pre-aggregates): ${ms(performance.now() - started)}`,
  )

  // The monthly routine: a re-export of 10,000 审查逮捕 records (every 10th with another outcome) is
  // imported; the next dashboard folds the changes into the stored aggregates (件 are rebuilt).
  const exportsDir = dir ? path.join(dir, 'demo') : path.join(path.dirname(dbPath), 'files')
  const arrestFile = fs.readdirSync(exportsDir).find((f) => f.includes('010101') && f.endsWith('.csv'))
  if (arrestFile) {
    const lines = iconv
      .decode(fs.readFileSync(path.join(exportsDir, arrestFile)), 'gbk')
      .split('\r\n')
      .slice(0, 10_001)
    const header = lines[0].split(',')
    const outcome = header.indexOf('审结处理结果')
    const changed = lines.map((line, i) => {
      if (i === 0 || i % 10 !== 0 || outcome < 0) return line
      const cells = line.split(',')
      cells[outcome] = cells[outcome] === '批准逮捕' ? '不批准逮捕' : '批准逮捕'
      return cells.join(',')
    })
    const reexport = path.join(os.tmpdir(), `yanpan-bench-reexport-${process.pid}.csv`)
    fs.writeFileSync(reexport, iconv.encode(changed.join('\r\n'), 'gbk'))
    const imported = await importFile(db, reexport, '审查逮捕案件010101_更正.csv', () => {})
    fs.rmSync(reexport)
    resetBuildCounts()
    started = performance.now()
    computeMonthly(db, monthlyArgs, today)
    console.log(
      `dashboard after re-importing 10,000 审查逮捕 records (${fmt(imported.updated)} updated): ${ms(performance.now() - started)}` +
        ` (${buildCounts.folded} measures folded in, ${buildCounts.full} 件 measures rebuilt)`,
    )
    undoImport(db, imported.batchId)
  }
  db.close()
} finally {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
