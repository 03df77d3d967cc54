/**
 * Brings the stored flags of some rules on one dataset in line with what a run found, for the
 * records the run looked at (all of them, or those a re-import touched):
 *
 * - a hit without a flag becomes a new flag, 待核查 — unless (rule, record key) is on the whitelist;
 * - a hit with a flag keeps its review status and gets its message, record version and last seen
 *   refreshed; a flag the run had set to 已整改 goes back to the status it had, and one an analyst set
 *   to 已整改 goes back to 待核查 if a newer version of the record still breaks the rule;
 * - a flag of a looked-at record that is no longer a hit becomes 已整改, with the date, its status kept
 *   in prior_status for the day the violation returns (an undo, a re-import of an older export).
 *
 * The rules of one source are reconciled together: a handful of set statements over temporary
 * tables of hits and looked-at keys, whatever the number of rules.
 */
import type { Db } from '../store/database.ts'
import { get, run } from '../store/database.ts'
import { fragment, sql, type Sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import type { FlagHit } from './details.ts'

export interface ReconcileResult {
  added: number
  rectified: number
}

function temporaryTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS quality_hits (
      rule_id TEXT, record_key TEXT, record_id INTEGER, severity TEXT, message TEXT, fields TEXT, case_number TEXT,
      suspect_id TEXT, suspect_name TEXT, unit TEXT, prosecutor TEXT, PRIMARY KEY (rule_id, record_key)
    ) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS quality_rules_run (rule_id TEXT PRIMARY KEY) WITHOUT ROWID;
    DELETE FROM temp.quality_hits;
    DELETE FROM temp.quality_rules_run;
  `)
}

/**
 * @param results each check (all on dataset `datasetId`) with its hits
 * @param scopeKeys a SELECT of the record keys the checks were evaluated on; null = every record
 */
export function reconcile(
  db: Db,
  datasetId: number,
  results: readonly { check: CompiledCheck; hits: readonly FlagHit[] }[],
  scopeKeys: Sql | null,
  now: string,
): ReconcileResult {
  temporaryTables(db)
  const insertRule = db.prepare('INSERT OR IGNORE INTO temp.quality_rules_run (rule_id) VALUES (?)')
  const insertHit = db.prepare(
    `INSERT OR IGNORE INTO temp.quality_hits (rule_id, record_key, record_id, severity, message, fields, case_number,
       suspect_id, suspect_name, unit, prosecutor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const { check, hits } of results) {
    const { id, severity, fields } = check.rule
    insertRule.run(id)
    const fieldList = JSON.stringify(fields)
    for (const h of hits) {
      insertHit.run(
        id,
        h.key,
        h.recordId,
        severity,
        h.message,
        fieldList,
        h.caseNumber,
        h.suspectId,
        h.suspectName,
        h.unit,
        h.prosecutor,
      )
    }
  }

  run(
    db,
    sql`DELETE FROM temp.quality_hits WHERE (rule_id, record_key) IN (SELECT rule_id, record_key FROM quality_whitelist)`,
  )
  // `+record_key`: walk the rules' flags and test each against the scope, rather than look up every
  // scope key once per rule (ten thousand changed records × sixty rules).
  const inScope = scopeKeys ? sql` AND +record_key IN (${fragment(scopeKeys)})` : sql``
  const rectified = run(
    db,
    sql`UPDATE quality_flags SET prior_status = status, status = 'rectified', rectified_at = ${now}
        WHERE dataset_id = ${datasetId} AND rule_id IN (SELECT rule_id FROM temp.quality_rules_run)
          AND status <> 'rectified'${fragment(inScope)}
          AND (rule_id, record_key) NOT IN (SELECT rule_id, record_key FROM temp.quality_hits)`,
  ).changes
  const count = sql`SELECT count(*) AS n FROM quality_flags WHERE dataset_id = ${datasetId}
                    AND rule_id IN (SELECT rule_id FROM temp.quality_rules_run)`
  const before = get<{ n: number }>(db, count)!.n
  run(
    db,
    sql`INSERT INTO quality_flags (rule_id, dataset_id, record_key, record_id, severity, message, fields, case_number,
          suspect_id, suspect_name, unit, prosecutor, status, first_seen, last_seen)
        SELECT rule_id, ${datasetId}, record_key, record_id, severity, message, fields, case_number, suspect_id,
          suspect_name, unit, prosecutor, 'open', ${now}, ${now}
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
  return { added: get<{ n: number }>(db, count)!.n - before, rectified }
}
