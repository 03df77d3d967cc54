/**
 * Data-quality flags for a report (四、数据质量情况, 数据质量通报): the flags of the report unit and its
 * subordinates, either of records received (受理日期) in the period or all flags as of today, counted
 * by status and rolled up to the report unit's direct subordinates, by 承办检察官 and by rule.
 */
import type { FlagCounts } from '../../../shared/ipc/quality-contract.ts'
import type { Window } from '../../../shared/indicators/period.ts'
import { windowDates } from '../../../shared/indicators/period.ts'
import type { Severity } from '../../../shared/quality/rule.ts'
import { recordsTable } from '../datasets/records-table.ts'
import type { Hierarchy } from '../indicators/hierarchy.ts'
import { listRules } from '../quality/rule-store.ts'
import { all, type Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import type { ReportFlags } from './report-data.ts'

/** The field that puts a flagged record into a period. */
const PERIOD_FIELD = '受理日期'

const zero = (): FlagCounts => ({ open: 0, confirmed: 0, rectified: 0, falsePositive: 0, total: 0 })

function add(counts: FlagCounts, status: string, n: number): void {
  if (status === 'open' || status === 'confirmed' || status === 'rectified' || status === 'falsePositive')
    counts[status] += n
  counts.total += n
}

/** Flags of records whose 受理日期 falls in the window (datasets without that field: all their flags). */
function periodScope(db: Db, w: Window): Sql {
  const { first, last } = windowDates(w)
  const datasets = all<{ id: number; column: string | null }>(
    db,
    sql`SELECT d.id, f.column_name AS "column" FROM datasets d
        LEFT JOIN dataset_fields f ON f.dataset_id = d.id AND f.name = ${PERIOD_FIELD}`,
  )
  if (datasets.length === 0) return sql`1`
  // EXISTS per flag through the current-record key index: flags number in the thousands, records in millions.
  const parts = datasets.map((d) =>
    d.column === null
      ? sql`f.dataset_id = ${d.id}`
      : sql`(f.dataset_id = ${d.id} AND EXISTS (SELECT 1 FROM ${ident(recordsTable(d.id))} r
            WHERE r._key = f.record_key AND r._superseded_by IS NULL
              AND r.${ident(d.column)} BETWEEN ${first} AND ${last}))`,
  )
  return sql`(${fragment(join(parts, ' OR '))})`
}

/**
 * @param dataUnits the data unit codes in scope; null = every flag (the top of the hierarchy)
 * @param window the report period, or null for every flag as of today
 */
export function reportFlags(
  db: Db,
  hierarchy: Hierarchy,
  reportUnit: string,
  dataUnits: readonly string[] | null,
  window: Window | null,
): ReportFlags {
  const where: Sql[] = [sql`1`]
  if (dataUnits !== null)
    where.push(sql`f.unit IN (SELECT value FROM json_each(${JSON.stringify(dataUnits)}))`)
  if (window !== null) where.push(periodScope(db, window))
  const rows = all<{
    unit: string | null
    prosecutor: string | null
    rule: string
    severity: Severity
    status: string
    n: number
  }>(
    db,
    sql`SELECT f.unit AS unit, f.prosecutor AS prosecutor, f.rule_id AS rule, max(f.severity) AS severity,
          f.status AS status, count(*) AS n
        FROM quality_flags f WHERE ${fragment(join(where, ' AND '))}
        GROUP BY f.unit, f.prosecutor, f.rule_id, f.status`,
  )
  const records =
    all<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM (SELECT DISTINCT f.dataset_id, f.record_key FROM quality_flags f
          WHERE ${fragment(join(where, ' AND '))})`,
    )[0]?.n ?? 0
  const rules = new Map(listRules(db).map((r) => [r.id, r]))
  const totals = zero()
  const byUnit = new Map<string, FlagCounts>()
  const byProsecutor = new Map<string, { unit: string | null; counts: FlagCounts }>()
  const byRule = new Map<string, { severity: Severity; counts: FlagCounts }>()
  for (const row of rows) {
    add(totals, row.status, row.n)
    const unit = rollUp(hierarchy, reportUnit, row.unit)
    if (!byUnit.has(unit)) byUnit.set(unit, zero())
    add(byUnit.get(unit)!, row.status, row.n)
    const prosecutor = row.prosecutor ?? ''
    const key = `${prosecutor}\u0000${row.unit ?? ''}`
    if (!byProsecutor.has(key)) byProsecutor.set(key, { unit: row.unit, counts: zero() })
    add(byProsecutor.get(key)!.counts, row.status, row.n)
    if (!byRule.has(row.rule)) byRule.set(row.rule, { severity: row.severity, counts: zero() })
    add(byRule.get(row.rule)!.counts, row.status, row.n)
  }
  const outstanding = (c: FlagCounts) => c.open + c.confirmed
  return {
    scope: window === null ? 'all' : 'period',
    totals,
    byUnit: [...byUnit].map(([unit, counts]) => ({ unit, ...counts })),
    byProsecutor: [...byProsecutor]
      .map(([key, { unit, counts }]) => ({ prosecutor: key.split('\u0000')[0], unit, ...counts }))
      .sort((a, b) => outstanding(b) - outstanding(a) || b.total - a.total),
    byRule: [...byRule]
      .map(([rule, { severity, counts }]) => ({
        rule,
        name: rules.get(rule)?.name ?? rule,
        severity: rules.get(rule)?.severity ?? severity,
        ...counts,
      }))
      .sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)),
    records,
  }
}

/** The report unit's direct subordinate a data unit belongs to (or the report unit itself; '' when unknown). */
function rollUp(hierarchy: Hierarchy, reportUnit: string, code: string | null): string {
  if (code === null || code === '') return ''
  if (code === reportUnit) return reportUnit
  const chain = hierarchy.includers(code)
  const at = chain.indexOf(reportUnit)
  if (at <= 0) return hierarchy.get(code) ? code : ''
  return chain[at - 1]
}
