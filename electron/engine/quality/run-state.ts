/**
 * What the last run looked at, so the next one re-checks only what changed: per dataset the import
 * batches that were committed, per (rule, dataset) a fingerprint of the compiled rule and the day it
 * ran. A record needs a re-check when its current version came from a batch imported since; a whole
 * dataset when a batch the last run saw has been undone (restored older versions are not new rows);
 * a whole rule when it changed (condition, parameters, the dataset's columns) or, if it uses 今天(),
 * when the day did.
 */
import { createHash } from 'node:crypto'
import { recordsTable } from '../datasets/records-table.ts'
import { all, get, run, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'

export interface DatasetChanges {
  /** Nothing can be assumed: first run on this dataset, or an import the last run saw was undone. */
  full: boolean
  /** Current records from batches committed since the last run. */
  ids: number[]
  batches: number[]
}

export function datasetChanges(db: Db, datasetId: number): DatasetChanges {
  const batches = all<{ id: number }>(
    db,
    sql`SELECT id FROM import_batches WHERE dataset_id = ${datasetId} AND status = 'committed' ORDER BY id`,
  ).map((b) => b.id)
  const state = get<{ batches: string }>(
    db,
    sql`SELECT batches FROM quality_dataset_state WHERE dataset_id = ${datasetId}`,
  )
  if (!state) return { full: true, ids: [], batches }
  const seen = new Set(JSON.parse(state.batches) as number[])
  const current = new Set(batches)
  if ([...seen].some((id) => !current.has(id))) return { full: true, ids: [], batches }
  const fresh = batches.filter((id) => !seen.has(id))
  if (fresh.length === 0) return { full: false, ids: [], batches }
  const ids =
    newestRecords(db, datasetId, fresh) ??
    (db
      .prepare(
        sql`SELECT _id FROM ${ident(recordsTable(datasetId))} WHERE _superseded_by IS NULL
            AND _batch IN (SELECT value FROM json_each(?))`.text,
      )
      .pluck()
      .all(JSON.stringify(fresh)) as number[])
  return { full: false, ids, batches }
}

/**
 * The current records of the fresh batches without reading the whole table (there is no index on
 * `_batch`): an import appends its rows (`_id` = the largest so far + 1), and no row of a batch the
 * last run saw has been deleted (that is an undo, and makes the run a full one), so the fresh
 * batches' rows are the last ones by `_id`. Walks back from the last row while rows belong to a fresh
 * batch, and trusts the result only if it holds as many rows as those batches wrote (inserted +
 * updated); else null, and the caller scans the table.
 */
function newestRecords(db: Db, datasetId: number, fresh: readonly number[]): number[] | null {
  const written = get<{ n: number | null }>(
    db,
    sql`SELECT sum(inserted + updated) AS n FROM import_batches WHERE id IN (SELECT value FROM json_each(${JSON.stringify(fresh)}))`,
  )!.n
  if (written === null) return null
  const batches = new Set(fresh)
  const ids: number[] = []
  let rows = 0
  for (const [id, batch, superseded] of db
    .prepare(
      sql`SELECT _id, _batch, _superseded_by FROM ${ident(recordsTable(datasetId))} ORDER BY _id DESC`.text,
    )
    .raw(true)
    .iterate() as Iterable<[number, number, number | null]>) {
    if (!batches.has(batch) || ++rows > written) break
    if (superseded === null) ids.push(id)
  }
  return rows === written ? ids.reverse() : null
}

export function saveDatasetState(db: Db, datasetId: number, batches: readonly number[], now: string): void {
  run(
    db,
    sql`INSERT INTO quality_dataset_state (dataset_id, batches, checked_at) VALUES (${datasetId}, ${JSON.stringify(batches)}, ${now})
        ON CONFLICT (dataset_id) DO UPDATE SET batches = excluded.batches, checked_at = excluded.checked_at`,
  )
}

/** Changes whenever the rule would flag differently or word its messages differently. */
export function checkFingerprint(check: CompiledCheck): string {
  const { rule } = check
  return createHash('sha1')
    .update(
      JSON.stringify([
        rule.form.type,
        check.condition,
        check.placeholders,
        check.template,
        rule.severity,
        rule.fields,
        rule.parameters.map((p) => [p.name, p.value]),
        check.groupColumn,
        check.duplicateColumns,
        check.other?.id ?? null,
      ]),
    )
    .digest('hex')
}

export function ruleState(
  db: Db,
  ruleId: string,
  datasetId: number,
): { hash: string; today: string } | undefined {
  return get(
    db,
    sql`SELECT hash, today FROM quality_rule_state WHERE rule_id = ${ruleId} AND dataset_id = ${datasetId}`,
  )
}

export function saveRuleState(
  db: Db,
  ruleId: string,
  datasetId: number,
  hash: string,
  today: string,
  now: string,
): void {
  run(
    db,
    sql`INSERT INTO quality_rule_state (rule_id, dataset_id, hash, today, checked_at) VALUES (${ruleId}, ${datasetId}, ${hash}, ${today}, ${now})
        ON CONFLICT (rule_id, dataset_id) DO UPDATE SET hash = excluded.hash, today = excluded.today, checked_at = excluded.checked_at`,
  )
}

/** Forgets what was checked for a rule: its next run checks every record (e.g. after a whitelist removal). */
export function forgetRuleState(db: Db, ruleId: string): void {
  run(db, sql`DELETE FROM quality_rule_state WHERE rule_id = ${ruleId}`)
}
