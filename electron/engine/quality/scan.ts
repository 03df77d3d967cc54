/**
 * Evaluates many rules in one pass over their common source: each rule's condition becomes one bit
 * of an integer mask (`CASE WHEN cond THEN 2^k ELSE 0 END`, 30 rules a column), so a million records
 * are read once for all row rules of a dataset instead of once per rule. Only rows with a bit set
 * come back; their conditions are not evaluated a second time in JS. The statement is plain data
 * (text and bound values), so a worker thread can run it too (scan-pool.ts).
 */
import { toSql } from '../../../shared/expr/index.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import { ensureIndexes, withSource, type Source } from './sources.ts'

/** JS bitwise operators work on 32-bit integers: 30 bits keep masks positive and exact. */
const BITS_PER_MASK = 30

export interface EvaluationContext {
  today: string
}

/** A scan as data: statements to run first, the query (rows `[_id, mask0, mask1 …]`), clean-up. */
export interface ScanStatement {
  setup: Sql[]
  query: Sql
  cleanup: Sql[]
}

/** The check's condition as SQL, with today's date and its parameter values bound. */
export function conditionSql(check: CompiledCheck, context: EvaluationContext): Sql {
  const parameters = Object.fromEntries(check.rule.parameters.map((p) => [p.name, p.value]))
  return toSql(check.condition!, { today: context.today, parameters })
}

/** Checks in mask order: conditions by groups of 30, then the condition-less (duplicate) ones. */
function maskGroups(checks: readonly CompiledCheck[]): CompiledCheck[][] {
  const conditional = checks.filter((check) => check.condition !== null)
  const groups: CompiledCheck[][] = []
  for (let i = 0; i < conditional.length; i += BITS_PER_MASK)
    groups.push(conditional.slice(i, i + BITS_PER_MASK))
  return groups
}

/** The scan of checks sharing `source` (without its indexes: they must exist before it runs). */
export function scanStatement(
  checks: readonly CompiledCheck[],
  source: Source,
  context: EvaluationContext,
): ScanStatement {
  const groups = maskGroups(checks)
  if (groups.length === 0) {
    // Duplicate checks: every row of the source is a hit (a one-bit mask for the shape).
    const query = sql`SELECT DISTINCT _id, 1 FROM ${fragment(source.from)} WHERE ${fragment(source.where)}`
    return { setup: source.setup, query, cleanup: source.cleanup }
  }
  const masks = groups.map((group, g) => {
    const terms = group.map(
      (check, bit) => sql`(CASE WHEN ${fragment(conditionSql(check, context))} THEN ${1 << bit} ELSE 0 END)`,
    )
    return sql`(${fragment(join(terms, ' + '))}) AS ${ident(`m${g}`)}`
  })
  const any = join(
    groups.map((_, g) => sql`${ident(`m${g}`)} <> 0`),
    ' OR ',
  )
  const query = sql`SELECT _id, ${fragment(join(masks, ', '))} FROM ${fragment(source.from)}
                    WHERE ${fragment(source.where)} AND (${fragment(any)})`
  return { setup: source.setup, query, cleanup: source.cleanup }
}

/** Runs a scan statement on a connection: the rows `[_id, mask0, …]`. */
export function runScan(db: Db, statement: ScanStatement): number[][] {
  return withSource(
    db,
    statement,
    () =>
      db
        .prepare(statement.query.text)
        .raw(true)
        .all(...statement.query.values) as number[][],
  )
}

/**
 * Record ids each check holds for, from scan rows. A record paired with several records of the other
 * stage comes back once per pair: its masks are OR-ed.
 */
export function hitsFromRows(
  checks: readonly CompiledCheck[],
  rows: Iterable<number[]>,
): Map<CompiledCheck, number[]> {
  const hits = new Map<CompiledCheck, number[]>(checks.map((check) => [check, []]))
  const groups = maskGroups(checks)
  const plain = checks.filter((check) => check.condition === null)
  const seen = new Map<number, number[]>()
  for (const row of rows) {
    const id = row[0]
    const previous = seen.get(id)
    if (previous) for (let g = 0; g < previous.length; g++) previous[g] |= row[g + 1]
    else seen.set(id, row.slice(1))
  }
  for (const [id, bits] of seen) {
    for (const check of plain) hits.get(check)!.push(id)
    groups.forEach((group, g) => {
      const mask = bits[g]
      if (mask) group.forEach((check, bit) => (mask >> bit) & 1 && hits.get(check)!.push(id))
    })
  }
  return hits
}

/** Scans in this thread: record ids (of the flagged dataset) each check holds for. */
export function scanHits(
  db: Db,
  checks: CompiledCheck[],
  source: Source,
  context: EvaluationContext,
): Map<CompiledCheck, number[]> {
  ensureIndexes(db, source)
  return hitsFromRows(checks, runScan(db, scanStatement(checks, source, context)))
}
