/**
 * The 附录 of a report: which imported files its figures come from (name, rows, sha256, time), the
 * 口径 of every indicator it uses, the rule library it was checked with, and how many records are
 * flagged or left out — so a reader can tell exactly what a number rests on.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import { DATASET_KIND_NAMES } from '../../../shared/domain/fields.ts'
import {
  DIRECTION_NAMES,
  caliberOn,
  isIndicatorMeasure,
  type Measure,
} from '../../../shared/indicators/model.ts'
import { windowDates, type Window } from '../../../shared/indicators/period.ts'
import type { Provenance } from '../../../shared/reports/report-model.ts'
import { recordsTable } from '../datasets/records-table.ts'
import { libraryDir, loadLibrary } from '../quality/library.ts'
import { listRules } from '../quality/rule-store.ts'
import { all, get, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'

const OF_NAMES: Record<string, string> = {
  persons: '人数',
  cases: '件数（部门受案号去重）',
  sum: '合计',
  avg: '平均值',
  median: '中位数',
  days: '天数',
}

function measureText(name: string, m: Measure): string {
  if (m.description) return `${name}：${m.description.replace(/[。；;.\s]+$/, '')}`
  if (isIndicatorMeasure(m)) return `${name}：指标“${m.indicator}”的${m.part === 'value' ? '值' : m.part}`
  const dataset = typeof m.dataset === 'number' ? `数据集 ${m.dataset}` : DATASET_KIND_NAMES[m.dataset]
  const filter = m.filter ? `，条件：${m.filter}` : ''
  return `${name}：${dataset}${OF_NAMES[m.of] ?? m.of}，按${m.date}计入${filter}`
}

let libraryVersion: string | null = null

/** A digest of the rule library files: equal for two workspaces checked with the same library. */
export function ruleLibraryVersion(): string {
  if (libraryVersion) return libraryVersion
  const hash = createHash('sha256')
  const dir = libraryDir()
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    hash.update(file)
    hash.update(fs.readFileSync(path.join(dir, file)))
  }
  libraryVersion = hash.digest('hex').slice(0, 12)
  return libraryVersion
}

export function gatherProvenance(
  db: Db,
  definitions: readonly IndicatorSummary[],
  calibers: ReadonlyMap<string, string>,
  period: Window,
  excludeFlagged: boolean,
): Provenance {
  const imports = all<{
    file: string
    dataset: string
    rows: number
    rejected: number
    sha256: string
    importedAt: string
  }>(
    db,
    sql`SELECT b.file_name AS file, d.name AS dataset, b.rows_read AS rows, b.rejected AS rejected,
          b.sha256 AS sha256, b.imported_at AS importedAt
        FROM import_batches b JOIN datasets d ON d.id = b.dataset_id
        WHERE b.status = 'committed' ORDER BY b.id`,
  )
  const end = windowDates(period).last
  const indicators = definitions.map((d) => {
    const caliber = d.calibers.find((c) => c.id === calibers.get(d.id)) ?? caliberOn(d, end)
    return {
      id: d.id,
      name: d.name,
      caliber: caliber.id,
      caliberName: caliber.name,
      effective: `${caliber.from ?? '不限'} 至 ${caliber.to ?? '今'}`,
      formula: caliber.formula,
      measures: Object.entries(caliber.measures)
        .map(([name, m]) => measureText(name, m))
        .join('；'),
      direction: DIRECTION_NAMES[d.effectiveDirection],
    }
  })
  const rules = listRules(db)
  const lastRun = get<{ at: string | null }>(db, sql`SELECT max(at) AS at FROM quality_runs`)?.at ?? null
  const datasetIds = all<{ id: number }>(db, sql`SELECT id FROM datasets`).map((r) => r.id)
  const total = datasetIds.reduce(
    (sum, id) =>
      sum +
      get<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM ${ident(recordsTable(id))} WHERE _superseded_by IS NULL`,
      )!.n,
    0,
  )
  const flagged = (severity: string | null) =>
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM (SELECT DISTINCT dataset_id, record_key FROM quality_flags
          WHERE status IN ('open', 'confirmed') AND (${severity} IS NULL OR severity = ${severity}))`,
    )!.n
  return {
    imports,
    indicators,
    ruleLibrary: {
      version: ruleLibraryVersion(),
      rules: loadLibrary().length,
      enabled: rules.filter((r) => r.enabled).length,
      userRules: rules.filter((r) => r.source === 'user').length,
      lastRun,
    },
    records: {
      total,
      flagged: flagged(null),
      flaggedErrors: flagged('error'),
      rejectedRows: imports.reduce((sum, i) => sum + i.rejected, 0),
      excludeFlagged,
    },
  }
}
