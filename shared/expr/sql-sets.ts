/**
 * SQL for multi-valued fields, stored as JSON arrays of text and read with json_each().
 *
 * json_each(NULL) has no rows, which would make "NULL contains x" false; the CASE keeps it NULL
 * (unknown), as in the evaluator. Membership of a non-literal item is unknown when the item is NULL,
 * like `x IN (…)`.
 */
import type { Ir } from './ir.ts'
import { joinSql, param, sql, type SqlFragment } from './sql-fragment.ts'

/**
 * 包含任一 / 包含全部 / 包含 / 属于 of single items.
 *
 * @example setHasSql('"c9"', ['曾经故意犯罪']) →
 *   (CASE WHEN "c9" IS NULL THEN NULL ELSE ? IN (SELECT value FROM json_each("c9")) END)
 */
export function setHasSql(
  set: SqlFragment,
  items: readonly Ir[],
  emit: (ir: Ir) => SqlFragment,
  quantifier: 'any' | 'all',
): SqlFragment {
  const literals = items.every((item) => item.kind === 'literal' && item.value !== null)
  if (literals && quantifier === 'any' && items.length > 1) {
    // One scan of the set for all the values.
    const list = joinSql(
      items.map((item) => param((item as Extract<Ir, { kind: 'literal' }>).value as string)),
      ', ',
    )
    return sql`(CASE WHEN ${set} IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM json_each(${set}) WHERE value IN (${list})) END)`
  }
  const members = items.map((item) => {
    const value = emit(item)
    if (item.kind === 'literal' && item.value !== null) {
      return sql`(CASE WHEN ${set} IS NULL THEN NULL ELSE ${value} IN (SELECT value FROM json_each(${set})) END)`
    }
    return sql`(CASE WHEN ${set} IS NULL OR ${value} IS NULL THEN NULL ELSE ${value} IN (SELECT value FROM json_each(${set})) END)`
  })
  if (members.length === 1) return members[0]
  return sql`(${joinSql(members, quantifier === 'any' ? ' OR ' : ' AND ')})`
}

/** Every item of `subset` is in `superset`; NULL when either is NULL. An empty set is a subset of any set. */
export function subsetSql(subset: SqlFragment, superset: SqlFragment): SqlFragment {
  return sql`(CASE WHEN ${subset} IS NULL OR ${superset} IS NULL THEN NULL ELSE NOT EXISTS (SELECT 1 FROM json_each(${subset}) WHERE value NOT IN (SELECT value FROM json_each(${superset}))) END)`
}
