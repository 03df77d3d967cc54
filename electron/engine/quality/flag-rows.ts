/**
 * Flags as the review grid and the exports show them: the stored flag, its rule's name, and the
 * flagged record's fields by name — the current version of the record (the one a fix would show),
 * or the flagged version when the record is gone (an undone import).
 */
import type { FlagRow } from '../../../shared/ipc/quality-contract.ts'
import type { FlagStatus, Severity } from '../../../shared/quality/rule.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { recordsTable } from '../datasets/records-table.ts'
import { selectColumns, toRows } from '../records/page.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, sql } from '../store/sql.ts'

export interface FlagRecord {
  id: number
  rule_id: string
  dataset_id: number
  record_key: string
  record_id: number
  severity: Severity
  status: FlagStatus
  message: string
  fields: string
  case_number: string | null
  suspect_id: string | null
  suspect_name: string | null
  unit: string | null
  prosecutor: string | null
  first_seen: string
  last_seen: string
  rectified_at: string | null
  reviewer: string | null
  reviewed_at: string | null
  note: string | null
}

/** `f.*` of quality_flags, the columns FlagRecord reads. */
export const FLAG_COLUMNS = sql`f.id, f.rule_id, f.dataset_id, f.record_key, f.record_id, f.severity, f.status, f.message,
  f.fields, f.case_number, f.suspect_id, f.suspect_name, f.unit, f.prosecutor, f.first_seen, f.last_seen, f.rectified_at,
  f.reviewer, f.reviewed_at, f.note`

/** The flagged records by flag id, read per dataset in one query each. */
function flaggedRecords(db: Db, flags: readonly FlagRecord[]): Map<number, Record<string, unknown>> {
  const records = new Map<number, Record<string, unknown>>()
  const byDataset = new Map<number, FlagRecord[]>()
  for (const flag of flags) byDataset.set(flag.dataset_id, [...(byDataset.get(flag.dataset_id) ?? []), flag])
  for (const [datasetId, group] of byDataset) {
    const fields = loadFields(db, datasetId)
    if (fields.length === 0) continue
    const keys = group.filter((f) => !f.record_key.startsWith('#')).map((f) => f.record_key)
    const ids = group.map((f) => f.record_id)
    const q = sql`SELECT ${fragment(selectColumns(fields))}, _key, _superseded_by IS NULL AS current FROM ${ident(recordsTable(datasetId))}
      WHERE (_superseded_by IS NULL AND _key IN (SELECT value FROM json_each(${JSON.stringify(keys)})))
         OR _id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
    const raw = db
      .prepare(q.text)
      .raw(true)
      .all(...q.values) as unknown[][]
    const rows = toRows(
      db,
      datasetId,
      fields,
      raw.map((r) => r.slice(0, fields.length + 1)),
    )
    const byKey = new Map<string, Record<string, unknown>>()
    const byId = new Map<number, Record<string, unknown>>()
    raw.forEach((r, i) => {
      const key = r[fields.length + 1] as string | null
      if (key !== null && r[fields.length + 2] === 1) byKey.set(key, rows[i])
      byId.set(r[0] as number, rows[i])
    })
    for (const flag of group)
      records.set(flag.id, byKey.get(flag.record_key) ?? byId.get(flag.record_id) ?? {})
  }
  return records
}

export function toFlagRows(
  db: Db,
  flags: readonly FlagRecord[],
  ruleNames: ReadonlyMap<string, string>,
): FlagRow[] {
  const records = flaggedRecords(db, flags)
  return flags.map((f) => ({
    id: f.id,
    rule: f.rule_id,
    ruleName: ruleNames.get(f.rule_id) ?? f.rule_id,
    severity: f.severity,
    status: f.status,
    datasetId: f.dataset_id,
    recordId: f.record_id,
    key: { 部门受案号: f.case_number, 嫌疑人编号: f.suspect_id },
    unit: f.unit,
    prosecutor: f.prosecutor,
    message: f.message,
    fields: JSON.parse(f.fields) as string[],
    firstSeen: f.first_seen,
    lastSeen: f.last_seen,
    rectifiedAt: f.rectified_at,
    reviewer: f.reviewer,
    reviewedAt: f.reviewed_at,
    note: f.note,
    record: records.get(f.id) ?? {},
  }))
}
