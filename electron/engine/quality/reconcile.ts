/**
 * Brings the stored flags of one rule on one dataset in line with what a run found, for the records
 * the run looked at (all of them, or those a re-import touched):
 *
 * - a hit without a flag becomes a new flag, 待核查 — unless (rule, record key) is on the whitelist;
 * - a hit with a flag keeps its review status and gets its message, record version and last seen
 *   refreshed; a flag the run had set to 已整改 goes back to the status it had, and one an analyst set
 *   to 已整改 goes back to 待核查 if a newer version of the record still breaks the rule;
 * - a flag of a looked-at record that is no longer a hit becomes 已整改, with the date, its status kept
 *   in prior_status for the day the violation returns (an undo, a re-import of an older export).
 */
import type { Db } from '../store/database.ts'
import { run } from '../store/database.ts'
import { fragment, sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import type { FlagHit } from './details.ts'

export interface ReconcileResult {
  added: number
  rectified: number
}

function prepareTemporaryTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS quality_hits (
      record_key TEXT PRIMARY KEY, record_id INTEGER, message TEXT, case_number TEXT, suspect_id TEXT,
      suspect_name TEXT, unit TEXT, prosecutor TEXT
    ) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS quality_scope (record_key TEXT PRIMARY KEY) WITHOUT ROWID;
    DELETE FROM temp.quality_hits;
    DELETE FROM temp.quality_scope;
  `)
}

/**
 * @param scopeKeys record keys the run evaluated the rule on; null = every record of the dataset.
 */
export function reconcile(
  db: Db,
  check: CompiledCheck,
  hits: readonly FlagHit[],
  scopeKeys: readonly string[] | null,
  now: string,
): ReconcileResult {
  prepareTemporaryTables(db)
  const insertHit = db.prepare(
    `INSERT OR IGNORE INTO temp.quality_hits (record_key, record_id, message, case_number, suspect_id, suspect_name, unit, prosecutor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const h of hits)
    insertHit.run(
      h.key,
      h.recordId,
      h.message,
      h.caseNumber,
      h.suspectId,
      h.suspectName,
      h.unit,
      h.prosecutor,
    )
  const insertScope = db.prepare('INSERT OR IGNORE INTO temp.quality_scope (record_key) VALUES (?)')
  for (const key of scopeKeys ?? []) insertScope.run(key)
  const rule = check.rule
  const dataset = check.target.id
  run(
    db,
    sql`DELETE FROM temp.quality_hits WHERE record_key IN (SELECT record_key FROM quality_whitelist WHERE rule_id = ${rule.id})`,
  )
  const inScope = scopeKeys === null ? sql`1` : sql`record_key IN (SELECT record_key FROM temp.quality_scope)`
  const rectified = run(
    db,
    sql`UPDATE quality_flags SET prior_status = status, status = 'rectified', rectified_at = ${now}
        WHERE rule_id = ${rule.id} AND dataset_id = ${dataset} AND status <> 'rectified' AND ${fragment(inScope)}
          AND record_key NOT IN (SELECT record_key FROM temp.quality_hits)`,
  ).changes
  const before = db.prepare('SELECT count(*) FROM quality_flags WHERE rule_id = ? AND dataset_id = ?').pluck()
  const existing = before.get(rule.id, dataset) as number
  run(
    db,
    sql`INSERT INTO quality_flags (rule_id, dataset_id, record_key, record_id, severity, message, fields, case_number,
          suspect_id, suspect_name, unit, prosecutor, status, first_seen, last_seen)
        SELECT ${rule.id}, ${dataset}, record_key, record_id, ${rule.severity}, message, ${JSON.stringify(rule.fields)},
          case_number, suspect_id, suspect_name, unit, prosecutor, 'open', ${now}, ${now}
        FROM temp.quality_hits WHERE 1
        ON CONFLICT (rule_id, dataset_id, record_key) DO UPDATE SET
          status = CASE
            WHEN status = 'rectified' AND prior_status IS NOT NULL THEN prior_status
            WHEN status = 'rectified' AND record_id <> excluded.record_id THEN 'open'
            ELSE status END,
          rectified_at = CASE
            WHEN status = 'rectified' AND (prior_status IS NOT NULL OR record_id <> excluded.record_id) THEN NULL
            ELSE rectified_at END,
          prior_status = NULL,
          record_id = excluded.record_id, severity = excluded.severity, message = excluded.message,
          fields = excluded.fields, case_number = excluded.case_number, suspect_id = excluded.suspect_id,
          suspect_name = excluded.suspect_name, unit = excluded.unit, prosecutor = excluded.prosecutor,
          last_seen = excluded.last_seen`,
  )
  const added = (before.get(rule.id, dataset) as number) - existing
  return { added, rectified }
}
