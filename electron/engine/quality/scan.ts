/**
 * Evaluates many rules in one pass over their common source: each rule's condition becomes one bit
 * of an integer mask (`CASE WHEN cond THEN 2^k ELSE 0 END`, 30 rules a column), so a million records
 * are read once for all row rules of a dataset instead of once per rule. Only rows with a bit set
 * come back; their conditions are not evaluated a second time in JS.
 */
import { toSql } from '../../../shared/expr/index.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import { withSource, type Source } from './sources.ts'

/** JS bitwise operators work on 32-bit integers: 30 bits keep masks positive and exact. */
const BITS_PER_MASK = 30

export interface EvaluationContext {
  today: string
}

/** The check's condition as SQL, with today's date and its parameter values bound. */
export function conditionSql(check: CompiledCheck, context: EvaluationContext): Sql {
  const parameters = Object.fromEntries(check.rule.parameters.map((p) => [p.name, p.value]))
  return toSql(check.condition!, { today: context.today, parameters })
}

/**
 * Record ids (of the flagged dataset) each check holds for, over `source`. Checks must share the
 * source; duplicate checks have no condition: every row of their source is a hit.
 */
export function scanHits(db: Db, checks: CompiledCheck[], source: Source, context: EvaluationContext): Map<CompiledCheck, number[]> {
  return withSource(db, source, () => scan(db, checks, source, context))
}

function scan(db: Db, checks: CompiledCheck[], source: Source, context: EvaluationContext): Map<CompiledCheck, number[]> {
  const hits = new Map<CompiledCheck, number[]>(checks.map((check) => [check, []]))
  const conditional = checks.filter((check) => check.condition !== null)
  for (const check of checks.filter((c) => c.condition === null)) {
    const q = sql`SELECT DISTINCT _id FROM ${fragment(source.from)} WHERE ${fragment(source.where)}`
    hits.set(check, (db.prepare(q.text).pluck().all(...q.values) as number[]))
  }
  if (conditional.length === 0) return hits
  const groups: CompiledCheck[][] = []
  for (let i = 0; i < conditional.length; i += BITS_PER_MASK) groups.push(conditional.slice(i, i + BITS_PER_MASK))
  const masks = groups.map((group, g) => {
    const terms = group.map((check, bit) => sql`(CASE WHEN ${fragment(conditionSql(check, context))} THEN ${1 << bit} ELSE 0 END)`)
    return sql`(${fragment(join(terms, ' + '))}) AS ${ident(`m${g}`)}`
  })
  const any = join(
    groups.map((_, g) => sql`${ident(`m${g}`)} <> 0`),
    ' OR ',
  )
  const q = sql`SELECT _id, ${fragment(join(masks, ', '))} FROM ${fragment(source.from)}
                WHERE ${fragment(source.where)} AND (${fragment(any)})`
  // A record paired with several records of the other stage comes back once per pair: OR the masks.
  const seen = new Map<number, number[]>()
  for (const row of db.prepare(q.text).raw(true).iterate(...q.values) as Iterable<number[]>) {
    const id = row[0]
    const previous = seen.get(id)
    if (previous) for (let g = 0; g < groups.length; g++) previous[g] |= row[g + 1]
    else seen.set(id, row.slice(1))
  }
  for (const [id, bits] of seen) {
    groups.forEach((group, g) => {
      const mask = bits[g]
      if (mask === 0) return
      group.forEach((check, bit) => {
        if ((mask >> bit) & 1) hits.get(check)!.push(id)
      })
    })
  }
  return hits
}
