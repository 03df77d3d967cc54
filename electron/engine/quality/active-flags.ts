/**
 * The flags still to act on (待核查, 已确认) of some rules, in the plain shape the CLI prints:
 * rule, dataset name, record key, severity, message.
 */
import type { Severity } from '../../../shared/quality/rule.ts'
import { all, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

export interface ActiveFlag {
  rule: string
  dataset: string
  key: { 部门受案号: string | null; 嫌疑人编号: string | null }
  severity: Severity
  message: string
}

export function activeFlagList(db: Db, rules: readonly string[]): ActiveFlag[] {
  return all<{
    rule: string
    dataset: string
    case_number: string | null
    suspect_id: string | null
    severity: Severity
    message: string
  }>(
    db,
    sql`SELECT f.rule_id AS rule, d.name AS dataset, f.case_number, f.suspect_id, f.severity, f.message
        FROM quality_flags f JOIN datasets d ON d.id = f.dataset_id
        WHERE f.status IN ('open', 'confirmed') AND f.rule_id IN (SELECT value FROM json_each(${JSON.stringify(rules)}))
        ORDER BY f.rule_id, f.dataset_id, f.case_number, f.suspect_id, f.id`,
  ).map((f) => ({
    rule: f.rule,
    dataset: f.dataset,
    key: { 部门受案号: f.case_number, 嫌疑人编号: f.suspect_id },
    severity: f.severity,
    message: f.message,
  }))
}
