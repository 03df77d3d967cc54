/**
 * The rows a rule's condition is evaluated on, as SQL: FROM and WHERE pieces whose columns are the
 * ones rule-schema.ts gave the condition (real columns c1…, case aggregates c80000…, the other stage
 * renamed to c50001…), with the statements that must run first (case aggregates go into a temporary
 * table). A scope restricts the rows to what a re-import touched: the changed records, for case rules
 * their whole cases, for cross-stage rules every record of their persons.
 */
import { recordsTable } from '../datasets/records-table.ts'
import { sortIndexSql } from '../records/record-query.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import type { AggregateSpec } from './rule-schema.ts'

/** Record ids that changed since the last run, in the flagged and (cross-stage) the other dataset. */
export interface Scope {
  ids: readonly number[]
  otherIds: readonly number[]
}

export interface Source {
  /**
   * Indexes the query relies on (on the group and join fields), built once in the workspace: before
   * the query, on a connection that may write (scan threads read only).
   */
  indexes: Sql[]
  /** Statements to run before the query (and `cleanup` after). */
  setup: Sql[]
  cleanup: Sql[]
  from: Sql
  where: Sql
  /**
   * The records whose flags this evaluation decides (all rows of from/where, but read without the
   * joins and temporary tables the conditions need; for duplicates, more than the hits' source).
   */
  universe: { from: Sql; where: Sql }
}

/** `x IN (the ids)`, the ids bound as one JSON array (a hundred thousand of them are one parameter). */
export function inIds(column: Sql, ids: readonly number[]): Sql {
  return sql`${fragment(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
}

const CURRENT = sql`_superseded_by IS NULL`

const table = (datasetId: number) => ident(recordsTable(datasetId))

/** Builds the indexes a source relies on, if they are not there yet. */
export function ensureIndexes(db: Db, source: Pick<Source, 'indexes'>): void {
  for (const q of source.indexes) db.prepare(q.text).run(...q.values)
}

/** A record id range (from, to] of a source's records, so a large scan can be shared among threads. */
export type IdRange = readonly [number, number]

/** Runs `body` with the source's setup done, and undoes it afterwards. */
export function withSource<T>(db: Db, source: Pick<Source, 'setup' | 'cleanup'>, body: () => T): T {
  for (const q of source.setup) db.prepare(q.text).run(...q.values)
  try {
    return body()
  } finally {
    for (const q of source.cleanup) db.prepare(q.text).run(...q.values)
  }
}

/** Which source a check reads, so checks sharing one are evaluated in one pass. */
export function sourceKey(check: CompiledCheck): string {
  const form = check.rule.form.type
  if (form === 'case') return `case:${check.target.id}:${check.groupColumn}`
  if (form === 'crossStage') return `cross:${check.target.id}:${check.other!.id}`
  if (form === 'duplicate') return `duplicate:${check.target.id}:${check.rule.id}`
  return `row:${check.target.id}`
}

export function rowSource(datasetId: number, scope: Scope | null, range?: IdRange): Source {
  const where = scope
    ? sql`${fragment(CURRENT)} AND ${fragment(inIds(sql`_id`, scope.ids))}`
    : range
      ? sql`${fragment(CURRENT)} AND _id > ${range[0]} AND _id <= ${range[1]}`
      : CURRENT
  const from = sql`${table(datasetId)}`
  return { indexes: [], setup: [], cleanup: [], from, where, universe: { from, where } }
}

/** A case aggregate over `r`'s rows. 集合 are JSON arrays of the case's values (order and repeats unspecified). */
function aggregateSql(spec: AggregateSpec): Sql {
  if (spec.kind === 'count') return sql`count(*)`
  const value = sql`r.${ident(spec.source.column)}`
  if (spec.kind === 'distinct') return sql`count(DISTINCT ${fragment(value)})`
  if (spec.source.type === 'set') {
    // A set's items, by pasting the JSON arrays' insides together: no json_each, no sort.
    return sql`coalesce('[' || group_concat(substr(${fragment(value)}, 2, length(${fragment(value)}) - 2), ',')
      FILTER (WHERE ${fragment(value)} IS NOT NULL AND ${fragment(value)} NOT IN ('', '[]')) || ']', '[]')`
  }
  const text =
    spec.source.type === 'boolean'
      ? sql`CASE ${fragment(value)} WHEN 1 THEN '是' WHEN 0 THEN '否' END`
      : spec.source.type === 'integer' || spec.source.type === 'decimal'
        ? sql`CAST(${fragment(value)} AS TEXT)`
        : value
  return sql`coalesce('[' || group_concat(json_quote(${fragment(text)}), ',')
    FILTER (WHERE ${fragment(text)} IS NOT NULL AND ${fragment(text)} <> '') || ']', '[]')`
}

let temporaryTables = 0

/**
 * Records joined with their case's aggregates, computed once per case into a temporary table
 * (GROUP BY over the group field's index), then looked up by key for each record.
 */
export function caseSource(checks: readonly CompiledCheck[], scope: Scope | null, range?: IdRange): Source {
  const check = checks[0]
  const records = table(check.target.id)
  const group = ident(check.groupColumn!)
  const wanted = new Map<string, AggregateSpec>([['c80000', { kind: 'count', column: 'c80000' }]])
  for (const aggregate of checks.flatMap((c) => c.aggregates)) wanted.set(aggregate.column, aggregate)
  const aggregates = [...wanted.values()]
  const name = ident(`quality_case_${++temporaryTables}`)
  // Whole cases: every record of a case a changed record (or a record of the range) belongs to.
  const scoped = scope
    ? sql` AND r.${group} IN (SELECT ${group} FROM ${records} WHERE ${fragment(inIds(sql`_id`, scope.ids))})`
    : range
      ? sql` AND r.${group} IN (SELECT ${group} FROM ${records} WHERE _superseded_by IS NULL AND _id > ${range[0]} AND _id <= ${range[1]})`
      : sql``
  const within = range ? sql` AND r._id > ${range[0]} AND r._id <= ${range[1]}` : sql``
  const columns = join(
    aggregates.map((a) => sql`${ident(a.column)}`),
    ', ',
  )
  return {
    indexes: [sortIndexSql(check.target.id, check.groupColumn!)],
    setup: [
      sql`CREATE TEMP TABLE ${name} (_g PRIMARY KEY, ${fragment(columns)}) WITHOUT ROWID`,
      sql`INSERT INTO temp.${name} SELECT r.${group}, ${fragment(join(aggregates.map(aggregateSql), ', '))}
          FROM ${records} r WHERE r._superseded_by IS NULL AND r.${group} IS NOT NULL${fragment(scoped)} GROUP BY r.${group}`,
    ],
    cleanup: [sql`DROP TABLE temp.${name}`],
    from: sql`${records} r JOIN temp.${name} g ON g._g = r.${group}`,
    // A range's records find their cases in the table without testing the case list again.
    where: range
      ? sql`r._superseded_by IS NULL${fragment(within)}`
      : sql`r._superseded_by IS NULL${fragment(scoped)}`,
    universe: {
      from: sql`${records} r`,
      where: sql`r._superseded_by IS NULL AND r.${group} IS NOT NULL${fragment(scoped)}`,
    },
  }
}

/**
 * The flagged stage's records, each paired with every current record of the other stage with the
 * same 嫌疑人编号 (or with nothing: LEFT JOIN), the other's columns renamed c50001….
 */
export function crossSource(checks: readonly CompiledCheck[], scope: Scope | null, range?: IdRange): Source {
  const flagged = checks[0].target
  const other = checks[0].other!
  const own = ident(flagged.columns.suspectId!)
  const theirs = ident(other.columns.suspectId!)
  // Only the other stage's columns some condition or message reads.
  const used = new Map<string, string>()
  for (const check of checks) {
    const text = JSON.stringify([check.condition, check.placeholders])
    for (const [alias, column] of check.otherColumns)
      if (text.includes(`"column":"${alias}"`)) used.set(alias, column)
  }
  const columns = [
    sql`d.*`,
    ...[...used].map(([alias, column]) => sql`o.${ident(column)} AS ${ident(alias)}`),
  ]
  const scoped = scope
    ? sql` AND d.${own} IN (SELECT ${own} FROM ${table(flagged.id)} WHERE ${fragment(inIds(sql`_id`, scope.ids))}
           UNION SELECT ${theirs} FROM ${table(other.id)} WHERE ${fragment(inIds(sql`_id`, scope.otherIds))})`
    : range
      ? sql` AND d._id > ${range[0]} AND d._id <= ${range[1]}`
      : sql``
  return {
    indexes: [
      sortIndexSql(flagged.id, flagged.columns.suspectId!),
      sortIndexSql(other.id, other.columns.suspectId!),
    ],
    setup: [],
    cleanup: [],
    from: sql`(SELECT ${fragment(join(columns, ', '))} FROM ${table(flagged.id)} d
      LEFT JOIN ${table(other.id)} o ON o.${theirs} = d.${own} AND o._superseded_by IS NULL
      WHERE d._superseded_by IS NULL${fragment(scoped)})`,
    where: sql`1`,
    universe: { from: sql`${table(flagged.id)} d`, where: sql`d._superseded_by IS NULL${fragment(scoped)}` },
  }
}

/** Records sharing the record key (or the rule's fields) with another current record. */
export function duplicateSource(check: CompiledCheck, scope: Scope | null): Source {
  const records = table(check.target.id)
  const columns = check.duplicateColumns
  if (columns === null) {
    // Duplicates by key can only appear or vanish among the keys a re-import touched.
    const scoped = scope
      ? sql` AND _key IN (SELECT _key FROM ${records} WHERE ${fragment(inIds(sql`_id`, scope.ids))})`
      : sql``
    return {
      indexes: [],
      setup: [],
      cleanup: [],
      from: sql`${records}`,
      where: sql`${fragment(CURRENT)} AND _key IN (SELECT _key FROM ${records} WHERE ${fragment(CURRENT)} AND _key IS NOT NULL${fragment(scoped)}
        GROUP BY _key HAVING count(*) > 1)`,
      universe: { from: sql`${records}`, where: sql`${fragment(CURRENT)}${fragment(scoped)}` },
    }
  }
  const list = join(
    columns.map((c) => sql`${ident(c)}`),
    ', ',
  )
  const filled = join(
    columns.map((c) => sql`${ident(c)} IS NOT NULL AND ${ident(c)} <> ''`),
    ' AND ',
  )
  // Compared over the whole dataset: any change can make or break a duplicate anywhere.
  return {
    indexes: [],
    setup: [],
    cleanup: [],
    from: sql`${records}`,
    where: sql`${fragment(CURRENT)} AND (${fragment(list)}) IN (SELECT ${fragment(list)} FROM ${records}
      WHERE ${fragment(CURRENT)} AND ${fragment(filled)} GROUP BY ${fragment(list)} HAVING count(*) > 1)`,
    universe: { from: sql`${records}`, where: CURRENT },
  }
}

/**
 * The source of checks that share one (see sourceKey). A range (full scans only) keeps the records
 * with `_id` in it: rows, the cases they belong to, the pairs they lead.
 */
export function sourceOf(checks: readonly CompiledCheck[], scope: Scope | null, range?: IdRange): Source {
  const check = checks[0]
  switch (check.rule.form.type) {
    case 'case':
      return caseSource(checks, scope, range)
    case 'crossStage':
      return crossSource(checks, scope, range)
    case 'duplicate':
      return duplicateSource(check, scope)
    default:
      return rowSource(check.target.id, scope, range)
  }
}
