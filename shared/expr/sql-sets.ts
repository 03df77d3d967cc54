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
 * A stored set is the JSON text JSON.stringify wrote (the import's canonical form), so a literal item
 * that is a member appears in it as its JSON string: when `instr` does not find that, json_each need
 * not run. Most sets are checked for one or two items, and most do not have them; past a few items
 * the instr calls would cost more than the json_each they save.
 */
const PREFILTER_MAX = 8

/**
 * When instr finds the item's JSON string and the set's text has no escaped quote (`\"`), the item is
 * one of its elements for certain: a quote inside the text then always delimits an element, so
 * `"item"` can only be a whole element (the item itself having no quote or backslash). Sets of
 * 情形 and 案由 never hold quotes, so json_each is left for the odd set that does.
 */
const ESCAPED_QUOTE = '\\"'

function plainItem(value: string): boolean {
  return !value.includes('"') && !value.includes('\\')
}

/**
 * 包含任一 / 包含全部 / 包含 / 属于 of single items.
 *
 * @example setHasSql('"c9"', ['曾经故意犯罪']) →
 *   (CASE WHEN "c9" IS NULL THEN NULL WHEN instr("c9", ?) = 0 THEN 0 ELSE ? IN (SELECT value FROM json_each("c9")) END)
 *   with the values '"曾经故意犯罪"' and '曾经故意犯罪'
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
    const values = items.map((item) => (item as Extract<Ir, { kind: 'literal' }>).value as string)
    const list = joinSql(values.map(param), ', ')
    const exists = sql`EXISTS (SELECT 1 FROM json_each(${set}) WHERE value IN (${list}))`
    if (values.length > PREFILTER_MAX) return sql`(CASE WHEN ${set} IS NULL THEN NULL ELSE ${exists} END)`
    const found = joinSql(
      values.map((value) => sql`instr(${set}, ${param(JSON.stringify(value))})`),
      ', ',
    )
    const certain = values.every(plainItem)
      ? sql` WHEN instr(${set}, ${param(ESCAPED_QUOTE)}) = 0 THEN 1`
      : sql``
    return sql`(CASE WHEN ${set} IS NULL THEN NULL WHEN max(0, ${found}) = 0 THEN 0${certain} ELSE ${exists} END)`
  }
  const members = items.map((item) => {
    const value = emit(item)
    if (item.kind === 'literal' && item.value !== null) {
      const quoted = param(JSON.stringify(item.value))
      const certain = plainItem(String(item.value))
        ? sql` WHEN instr(${set}, ${param(ESCAPED_QUOTE)}) = 0 THEN 1`
        : sql``
      return sql`(CASE WHEN ${set} IS NULL THEN NULL WHEN instr(${set}, ${quoted}) = 0 THEN 0${certain} ELSE ${value} IN (SELECT value FROM json_each(${set})) END)`
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

/**
 * 并集: the distinct non-blank items of text values and sets, as a JSON array sorted by code point
 * (SQLite's BINARY order, which the evaluator reproduces); `[]` when everything is blank, never NULL.
 *
 * @example unionSql([{ sql: '"c3"', set: false }, { sql: '"c4"', set: true }]) →
 *   (SELECT json_group_array(DISTINCT value ORDER BY value) FROM (SELECT "c3" AS value UNION ALL
 *    SELECT value FROM json_each(coalesce("c4", ?))) WHERE value IS NOT NULL AND value <> ?)
 */
export function unionSql(parts: readonly { sql: SqlFragment; set: boolean }[]): SqlFragment {
  const sources = parts.map((part) =>
    part.set
      ? sql`SELECT value FROM json_each(coalesce(${part.sql}, ${param('[]')}))`
      : sql`SELECT ${part.sql} AS value`,
  )
  let union = sources[0]
  for (const next of sources.slice(1)) union = sql`${union} UNION ALL ${next}`
  return sql`(SELECT json_group_array(DISTINCT value ORDER BY value) FROM (${union}) WHERE value IS NOT NULL AND value <> ${param('')})`
}

/** A 并集 operand taken apart: its text values and its sets (or a plain set expression: `set`). */
export type SetOperand = { union: { scalars: SqlFragment[]; sets: SqlFragment[] } } | { set: SqlFragment }

/** The items of a set operand as rows of `value` (a union's blanks left out, as 并集 does). */
function itemRows(operand: SetOperand): SqlFragment {
  if ('set' in operand) return sql`SELECT value FROM json_each(${operand.set})`
  const sources = [
    ...operand.union.scalars.map((scalar) => sql`SELECT ${scalar} AS value`),
    ...operand.union.sets.map((set) => sql`SELECT value FROM json_each(coalesce(${set}, ${param('[]')}))`),
  ]
  let rows = sources[0]
  for (const next of sources.slice(1)) rows = sql`${rows} UNION ALL ${next}`
  return sql`SELECT value FROM (${rows}) WHERE value IS NOT NULL AND value <> ${param('')}`
}

/**
 * `A 属于 B` when either side is a 并集: compares items directly instead of building the union's JSON
 * (a sort per record). While every set inside A is empty — the usual case, e.g. no 其他案由 — each of
 * A's text values is checked against B's text values (plain comparisons) and, only if B has sets that
 * are not empty, against their items. A plain set operand keeps its NULL = unknown.
 */
export function unionSubsetSql(subset: SetOperand, superset: SetOperand): SqlFragment {
  const general = sql`NOT EXISTS (SELECT 1 FROM (${itemRows(subset)}) WHERE value NOT IN (${itemRows(superset)}))`
  let result = general
  if ('union' in subset) {
    const scalars = 'union' in superset ? superset.union.scalars : []
    const sets = 'union' in superset ? superset.union.sets : [superset.set]
    const blank = param('')
    const checks = subset.union.scalars.map((scalar) => {
      const parts = [sql`coalesce(${scalar}, ${blank}) = ${blank}`]
      if (scalars.length > 0) parts.push(sql`coalesce(${scalar} IN (${joinSql(scalars, ', ')}), 0)`)
      for (const set of sets) {
        parts.push(
          sql`(${set} IS NOT NULL AND ${set} <> ${param('[]')} AND coalesce(${scalar} IN (SELECT value FROM json_each(${set})), 0))`,
        )
      }
      return sql`(${joinSql(parts, ' OR ')})`
    })
    const scalarsOnly = checks.length === 0 ? sql`1` : sql`(${joinSql(checks, ' AND ')})`
    const own = subset.union.sets
    result =
      own.length === 0
        ? scalarsOnly
        : sql`(CASE WHEN ${joinSql(
            own.map((set) => sql`(${set} IS NULL OR ${set} = ${param('[]')})`),
            ' AND ',
          )} THEN ${scalarsOnly} ELSE ${general} END)`
  }
  const plain = [subset, superset].flatMap((operand) => ('set' in operand ? [operand.set] : []))
  if (plain.length === 0) return sql`(${result})`
  const unknown = joinSql(
    plain.map((set) => sql`${set} IS NULL`),
    ' OR ',
  )
  return sql`(CASE WHEN ${unknown} THEN NULL ELSE ${result} END)`
}
