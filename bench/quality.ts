/**
 * Data-quality benchmark (issue 4): the demo province at BENCH_QUALITY_PERSONS suspects (default
 * 1,000,000), imported, then
 *   - every enabled rule over every record, batched (one pass per dataset and source), on the scan
 *     threads and on one thread, against each rule run as its own full scan (rules/s);
 *   - recall and precision per rule against the demo's manifest of injected errors;
 *   - the incremental re-check after a re-import that changes 1% of the records.
 * Prints figures; never fails on time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setClock, nowIso } from '../electron/engine/clock.ts'
import { loadFields } from '../electron/engine/datasets/dataset-store.ts'
import { recordsTable } from '../electron/engine/datasets/records-table.ts'
import { readManifest, type DemoManifest } from '../electron/engine/demo/manifest.ts'
import { createLocalHost } from '../electron/engine/host/local-host.ts'
import { planChecks } from '../electron/engine/quality/plan.ts'
import { runChecks, chooseRules } from '../electron/engine/quality/run-checks.ts'
import { scanThreads } from '../electron/engine/quality/scan-pool.ts'
import { scanHits } from '../electron/engine/quality/scan.ts'
import { sourceOf } from '../electron/engine/quality/sources.ts'
import { loadTargets } from '../electron/engine/quality/targets.ts'
import type { Db } from '../electron/engine/store/database.ts'
import { demoWorkspace } from './demo-workspace.ts'

const persons = Number(process.env.BENCH_QUALITY_PERSONS ?? 1_000_000)
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function resetFlags(db: Db): void {
  db.exec('DELETE FROM quality_flags; DELETE FROM quality_rule_state; DELETE FROM quality_dataset_state')
}

/** Recall and precision per rule: a flag is right when the manifest injected that rule's error there (or the error trips that rule too). */
function accuracy(db: Db, manifest: DemoManifest): void {
  const kinds = new Map(
    (db.prepare('SELECT id, kind FROM datasets').all() as { id: number; kind: string }[]).map((d) => [
      d.id,
      d.kind,
    ]),
  )
  const flagged = new Map<string, Set<string>>()
  for (const f of db
    .prepare('SELECT rule_id, dataset_id, case_number, suspect_id FROM quality_flags')
    .iterate() as Iterable<{
    rule_id: string
    dataset_id: number
    case_number: string
    suspect_id: string
  }>) {
    const set = flagged.get(f.rule_id) ?? new Set()
    set.add(`${kinds.get(f.dataset_id)}|${f.case_number}|${f.suspect_id}`)
    flagged.set(f.rule_id, set)
  }
  const injected = new Map<string, Set<string>>()
  const expected = new Map<string, Set<string>>()
  for (const e of manifest.errors) {
    const key = `${e.kind}|${e.部门受案号}|${e.嫌疑人编号}`
    injected.set(e.rule, (injected.get(e.rule) ?? new Set()).add(key))
    for (const rule of [e.rule, ...e.alsoViolates])
      expected.set(rule, (expected.get(rule) ?? new Set()).add(key))
  }
  console.log('  rule   injected  found  recall   flags  precision')
  let found = 0
  let total = 0
  for (const rule of [...injected.keys()].sort()) {
    const want = injected.get(rule)!
    const got = flagged.get(rule) ?? new Set<string>()
    const hit = [...want].filter((k) => got.has(k)).length
    const right = [...got].filter((k) => expected.get(rule)?.has(k)).length
    found += hit
    total += want.size
    console.log(
      `  ${rule.padEnd(6)} ${String(want.size).padStart(8)} ${String(hit).padStart(6)} ${((100 * hit) / want.size).toFixed(1).padStart(6)}% ${String(got.size).padStart(7)} ${got.size ? ((100 * right) / got.size).toFixed(1).padStart(8) + '%' : '       —'}`,
    )
  }
  console.log(
    `  all injected errors: ${fmt(total)}, found by their rule: ${fmt(found)} (${((100 * found) / total).toFixed(1)}%)`,
  )
  const other = [...flagged]
    .filter(([rule]) => !injected.has(rule))
    .map(([rule, keys]) => `${rule} ${keys.size}`)
  console.log(`  rules without injected errors (review prompts and the like), flags: ${other.join(', ')}`)
}

/** 1% of each dataset's current records, re-exported with a changed 案件名称, as one CSV per dataset. */
function changedExports(db: Db, dir: string): string[] {
  const files: string[] = []
  for (const { id, name } of db.prepare('SELECT id, name FROM datasets').all() as {
    id: number
    name: string
  }[]) {
    const fields = loadFields(db, id).filter((f) => f.source !== 'derived')
    const rows = db
      .prepare(
        `SELECT ${fields.map((f) => `"${f.column}"`).join(', ')} FROM "${recordsTable(id)}" WHERE _superseded_by IS NULL AND _id % 100 = 7`,
      )
      .raw(true)
      .all() as unknown[][]
    const text = (value: unknown, type: string): string => {
      if (value === null || value === undefined) return ''
      if (type === 'boolean') return value === 1 ? '是' : '否'
      if (type === 'set') return (JSON.parse(value as string) as string[]).join('、')
      return String(value)
    }
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)
    const nameAt = fields.findIndex((f) => f.name === '案件名称')
    const lines = [fields.map((f) => quote(f.name)).join(',')]
    for (const row of rows) {
      const cells = row.map((value, i) => text(value, fields[i].type))
      cells[nameAt] = `${cells[nameAt]}（更正）`
      lines.push(cells.map(quote).join(','))
    }
    const file = path.join(dir, `${name}-更新.csv`)
    fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n')
    files.push(file)
  }
  return files
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-quality-bench-'))
try {
  const generated = demoWorkspace(dir, persons)
  const dbPath = generated.db
  const manifest = readManifest(path.join(dir, 'demo'))
  const records = generated.records
  console.log(
    `demo ${fmt(persons)} persons → ${fmt(records)} records, ${fmt(manifest.errors.length)} injected errors (generated and imported in ${seconds(generated.ms)})`,
  )
  const host = createLocalHost(dbPath)
  const db = host.ctx.db
  let started: number
  // Rules that count days from 今天() see the day the exports were pulled, as the manifest does.
  setClock(() => new Date(`${manifest.exportDate}T12:00:00`))
  const today = nowIso().slice(0, 10)
  const threads = scanThreads()

  resetFlags(db)
  started = performance.now()
  const summary = await runChecks(db, { today, now: nowIso(), dbPath, threads })
  const batchedMs = performance.now() - started
  console.log(
    `all ${summary.rules} enabled rules over ${fmt(summary.records)} records, batched, ${threads} scan thread(s): ${seconds(batchedMs)}` +
      ` (${(summary.rules / (batchedMs / 1000)).toFixed(1)} rules/s, ${fmt(summary.records / (batchedMs / 1000))} records/s), ${fmt(summary.flags)} flags;` +
      ` skipped: ${[...new Set(summary.skipped.map((s) => s.rule))].join(', ') || 'none'}`,
  )
  resetFlags(db)
  started = performance.now()
  await runChecks(db, { today, now: nowIso(), dbPath, threads })
  const againMs = performance.now() - started
  console.log(`  again, with the group and join indexes the first run built: ${seconds(againMs)}`)
  console.log('recall and precision against the demo manifest:')
  accuracy(db, manifest)

  resetFlags(db)
  started = performance.now()
  await runChecks(db, { today, now: nowIso(), dbPath, threads: 1 })
  const singleMs = performance.now() - started
  console.log(
    `the same, batched on this thread only: ${seconds(singleMs)} (${(summary.rules / (singleMs / 1000)).toFixed(1)} rules/s)`,
  )

  const plan = planChecks(chooseRules(db, undefined), loadTargets(db))
  let separateMs = 0
  const perRule: string[] = []
  for (const check of plan.checks) {
    const t = performance.now()
    const hits = scanHits(db, [check], sourceOf([check], null), { today })
    const ms = performance.now() - t
    separateMs += ms
    perRule.push(`${check.rule.id}@${check.target.kind} ${ms.toFixed(0)} ms (${hits.get(check)!.length})`)
  }
  console.log(
    `each rule as its own full scan: ${plan.checks.length} scans in ${seconds(separateMs)} (${(summary.rules / (separateMs / 1000)).toFixed(1)} rules/s)` +
      ` — batching is ${(separateMs / singleMs).toFixed(1)}× faster on one thread, ${(separateMs / batchedMs).toFixed(1)}× with the scan threads`,
  )
  console.log(`  ${perRule.join('; ')}`)

  // Incremental: re-import 1% of the records changed, re-check.
  await runChecks(db, { today, now: nowIso(), dbPath, threads })
  started = performance.now()
  let changed = 0
  for (const file of changedExports(db, dir)) {
    const envelope = await host.call('dataset/import', { files: [{ path: file }] })
    if (!envelope.ok) throw new Error(envelope.error.message)
    changed += (envelope.value as { imports: { updated: number }[] }).imports[0].updated
  }
  const importMs = performance.now() - started
  started = performance.now()
  const incremental = await runChecks(db, { today, now: nowIso(), dbPath, threads })
  const incrementalMs = performance.now() - started
  console.log(
    `incremental re-check after re-importing ${fmt(changed)} changed records (${((100 * changed) / records).toFixed(1)}%, import ${seconds(importMs)}):` +
      ` ${seconds(incrementalMs)}, ${fmt(incremental.rechecked ?? 0)} records re-checked, ${incremental.newFlags} new flags, ${incremental.rectified} rectified`,
  )
  await host.close()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
