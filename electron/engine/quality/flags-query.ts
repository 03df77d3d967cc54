/**
 * The review grid's queries: a page of flags (filters, sort, OFFSET paging — flags number in the
 * thousands, not millions) and the counts by rule, unit and prosecutor for the side panels.
 */
import type { FlagFilter, QualityResults } from '../../../shared/ipc/quality-contract.ts'
import type { ParsedArgs } from '../../../shared/ipc/contract.ts'
import { EngineError } from '../errors.ts'
import { all, get, type Db } from '../store/database.ts'
import { fragment, join, sql, type Sql } from '../store/sql.ts'
import { flagWhere } from './flag-filter.ts'
import { FLAG_COLUMNS, toFlagRows, type FlagRecord } from './flag-rows.ts'
import { listRules } from './rule-store.ts'

const SORT_COLUMNS = {
  rule: sql`f.rule_id`,
  unit: sql`f.unit`,
  prosecutor: sql`f.prosecutor`,
  status: sql`f.status`,
  severity: sql`f.severity`,
  firstSeen: sql`f.first_seen`,
  lastSeen: sql`f.last_seen`,
  caseNumber: sql`f.case_number`,
} as const

export function ruleNames(db: Db): Map<string, string> {
  return new Map(listRules(db).map((rule) => [rule.id, rule.name]))
}

function orderBy(sort: ParsedArgs<'flags/page'>['sort']): Sql {
  const terms = sort.map((s) =>
    s.dir === 'desc' ? sql`${fragment(SORT_COLUMNS[s.field])} DESC` : SORT_COLUMNS[s.field],
  )
  return join([...terms, sql`f.rule_id`, sql`f.id`], ', ')
}

/** The flags matching a filter, in grid order (also what exports and bulk actions read). */
export function selectFlags(
  db: Db,
  filter: FlagFilter,
  order: Sql = sql`f.rule_id, f.unit, f.prosecutor, f.id`,
  limit?: { offset: number; count: number },
): FlagRecord[] {
  const page = limit ? sql` LIMIT ${limit.count} OFFSET ${limit.offset}` : sql``
  return all<FlagRecord>(
    db,
    sql`SELECT ${fragment(FLAG_COLUMNS)} FROM quality_flags f WHERE ${fragment(flagWhere(filter))} ORDER BY ${fragment(order)}${fragment(page)}`,
  )
}

export function pageFlags(db: Db, args: ParsedArgs<'flags/page'>): QualityResults['flags/page'] {
  const count = args.endRow - args.startRow
  if (count <= 0 || count > 5000) throw new EngineError('BAD_ARGUMENT', '每次最多读取 5000 条。')
  const total = get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM quality_flags f WHERE ${fragment(flagWhere(args.filter))}`,
  )!.n
  const flags = selectFlags(db, args.filter, orderBy(args.sort), { offset: args.startRow, count })
  return { rows: toFlagRows(db, flags, ruleNames(db)), total }
}

const COUNTS = sql`sum(f.status = 'open') AS open, sum(f.status = 'confirmed') AS confirmed,
  sum(f.status = 'rectified') AS rectified, sum(f.status = 'falsePositive') AS falsePositive, count(*) AS total`

export function flagStats(db: Db, filter: FlagFilter): QualityResults['flags/stats'] {
  const where = flagWhere(filter)
  const names = new Map(listRules(db).map((rule) => [rule.id, rule]))
  type Counts = { open: number; confirmed: number; rectified: number; falsePositive: number; total: number }
  const byRule = all<Counts & { rule: string; severity: 'error' | 'warning' }>(
    db,
    sql`SELECT f.rule_id AS rule, max(f.severity) AS severity, ${fragment(COUNTS)} FROM quality_flags f
        WHERE ${fragment(where)} GROUP BY f.rule_id ORDER BY f.rule_id`,
  ).map((r) => ({
    ...r,
    name: names.get(r.rule)?.name ?? r.rule,
    severity: names.get(r.rule)?.severity ?? r.severity,
  }))
  const byUnit = all<Counts & { unit: string; unitName: string | null }>(
    db,
    sql`SELECT coalesce(f.unit, '') AS unit, (SELECT name FROM units WHERE code = f.unit) AS unitName, ${fragment(COUNTS)}
        FROM quality_flags f WHERE ${fragment(where)} GROUP BY f.unit ORDER BY total DESC, f.unit`,
  )
  const byProsecutor = all<Counts & { prosecutor: string; unit: string | null }>(
    db,
    sql`SELECT coalesce(f.prosecutor, '') AS prosecutor, max(f.unit) AS unit, ${fragment(COUNTS)}
        FROM quality_flags f WHERE ${fragment(where)} GROUP BY f.prosecutor ORDER BY total DESC, f.prosecutor`,
  )
  const totals = get<Counts>(
    db,
    sql`SELECT ${fragment(COUNTS)} FROM quality_flags f WHERE ${fragment(where)}`,
  )!
  const zero = (c: Counts): Counts => ({
    open: c.open ?? 0,
    confirmed: c.confirmed ?? 0,
    rectified: c.rectified ?? 0,
    falsePositive: c.falsePositive ?? 0,
    total: c.total ?? 0,
  })
  return {
    byRule: byRule.map((r) => ({ rule: r.rule, name: r.name, severity: r.severity, ...zero(r) })),
    byUnit: byUnit.map((r) => ({ unit: r.unit, unitName: r.unitName, ...zero(r) })),
    byProsecutor: byProsecutor.map((r) => ({ prosecutor: r.prosecutor, unit: r.unit, ...zero(r) })),
    totals: zero(totals),
  }
}
