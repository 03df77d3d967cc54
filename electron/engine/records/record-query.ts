import type { DatasetField, GridQuery } from '../../../shared/ipc/contract.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { recordsTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, keyword, sql, type Sql } from '../store/sql.ts'
import { gridWhere } from './grid-filter.ts'
import { nowIso } from '../clock.ts'
import { scopeCondition } from '../indicators/drill.ts'

/** A grid query resolved against the dataset's fields: the pieces every paging strategy reuses. */
export interface ResolvedQuery {
  fields: DatasetField[]
  table: Sql
  where: Sql
  /** ORDER BY terms (without the final `_id` tie-breaker) and their reverse. */
  order: Sql[]
  reverseOrder: Sql[]
  /** Direction of the `_id` tie-breaker: that of the last sort term (see `orderBy`). */
  idDirection: 'ASC' | 'DESC'
  sorted: boolean
  /** The sort when it is on one field (most are): pages after the first can then seek (sorted-keyset.ts). */
  sortKey: SortKey | null
}

export interface SortKey {
  column: Sql
  /** Index of the field in `fields`. */
  position: number
  dir: 'asc' | 'desc'
}

const INDEXABLE = new Set([
  'equals',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
])

export function resolveQuery(db: Db, query: GridQuery): ResolvedQuery {
  const fields = loadFields(db, query.datasetId)
  if (fields.length === 0) throw new EngineError('NOT_FOUND', `数据集 ${query.datasetId} 不存在或尚无字段。`)
  const byName = new Map(fields.map((f) => [f.name, f]))
  const conditions = [sql`_superseded_by IS NULL`, ...gridWhere(fields, query.filters)]
  // A drill-down from an indicator: only the records behind one of its measures.
  if (query.scope)
    conditions.push(
      sql`(${fragment(scopeCondition(db, query.datasetId, query.scope, nowIso().slice(0, 10)))})`,
    )
  // Equality and range filters on a million rows need an index to count and page quickly; the same
  // (field, _id) index serves sorting. Substring filters (contains) cannot use one.
  for (const [name, filter] of Object.entries(query.filters)) {
    const field = byName.get(name)
    const types = 'conditions' in filter ? filter.conditions.map((c) => c.type) : [filter.type]
    if (field && field.type !== 'boolean' && types.every((t) => INDEXABLE.has(t)))
      ensureSortIndex(db, query.datasetId, field)
  }
  const order: Sql[] = []
  const reverseOrder: Sql[] = []
  for (const s of query.sort) {
    const field = byName.get(s.field)
    if (!field) throw new EngineError('BAD_ARGUMENT', `排序字段「${s.field}」不存在。`)
    ensureSortIndex(db, query.datasetId, field)
    order.push(sql`${ident(field.column)} ${keyword(s.dir === 'asc' ? 'ASC' : 'DESC')}`)
    reverseOrder.push(sql`${ident(field.column)} ${keyword(s.dir === 'asc' ? 'DESC' : 'ASC')}`)
  }
  const only = query.sort.length === 1 ? query.sort[0] : null
  return {
    fields,
    table: sql`${ident(recordsTable(query.datasetId))}`,
    where: join(conditions, ' AND '),
    order,
    reverseOrder,
    idDirection: query.sort.at(-1)?.dir === 'desc' ? 'DESC' : 'ASC',
    sorted: order.length > 0,
    sortKey: only && {
      column: sql`${ident(byName.get(only.field)!.column)}`,
      position: fields.indexOf(byName.get(only.field)!),
      dir: only.dir,
    },
  }
}

/**
 * ORDER BY of the view, or of the view read backwards, with `_id` as the final tie-breaker so paging
 * is stable. The tie-breaker runs the way the last sort term does: a descending sort on one field
 * then walks its (field, _id) index backwards from end to end, where ties in id order would each be
 * sorted on the way (an OFFSET 300,000 deep into a million rows: 7 ms against 75).
 */
export function orderBy(resolved: ResolvedQuery, way: 'forward' | 'reverse'): Sql {
  const forward = way === 'forward'
  const terms = forward ? resolved.order : resolved.reverseOrder
  const id = (resolved.idDirection === 'ASC') === forward ? 'ASC' : 'DESC'
  return sql`ORDER BY ${fragment(join([...terms, sql`_id ${keyword(id)}`], ', '))}`
}

/**
 * Sorting a million rows on every page request would take a second each; an index on the sorted
 * field (built once, the first time the analyst sorts by it) turns each page into an index walk.
 * The data-quality rules build the same index on the fields they group and join by (部门受案号,
 * 嫌疑人编号), so the grid's sort by them is then free too.
 */
export function ensureSortIndex(db: Db, datasetId: number, field: Pick<DatasetField, 'column'>): void {
  db.exec(sortIndexSql(datasetId, field.column).text)
}

/** The statement ensureSortIndex runs, for callers that build the index elsewhere (a worker thread). */
export function sortIndexSql(datasetId: number, column: string): Sql {
  const table = recordsTable(datasetId)
  return sql`CREATE INDEX IF NOT EXISTS ${ident(`${table}_sort_${column}`)}
             ON ${ident(table)} (${ident(column)}, _id) WHERE _superseded_by IS NULL`
}
