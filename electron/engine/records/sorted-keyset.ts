import type { Db } from '../store/database.ts'
import { fragment, sql, type Sql } from '../store/sql.ts'
import type { SortKey } from './record-query.ts'

/** Where the previous block of a one-field sort ended: its last row's stored sort value and id. */
export interface SortAnchor {
  value: unknown
  id: number
}

/**
 * The ids of the `limit` rows after `anchor` in a one-field sort (ORDER BY field, then `_id` the same
 * way, see record-query.ts `orderBy`; SQLite puts NULLs first ascending and last descending). Rows with
 * a value start at a range seek on the field's sort index, where an OFFSET walks every row before them
 * (about 100 ms 300,000 rows deep in a million); the NULL rows are a run of their own, in id order.
 *
 * @param from `FROM … WHERE …` of the view, to which conditions are added with AND
 */
export function idsAfter(db: Db, from: Sql, key: SortKey, anchor: SortAnchor, limit: number): number[] {
  const ids = (q: Sql) =>
    db
      .prepare(q.text)
      .pluck(true)
      .all(...q.values) as number[]
  const column = fragment(key.column)
  const asc = key.dir === 'asc'
  const nulls = (afterId: number | null, take: number) => {
    const after = afterId === null ? sql`` : asc ? sql`AND _id > ${afterId}` : sql`AND _id < ${afterId}`
    return ids(
      asc
        ? sql`SELECT _id ${fragment(from)} AND ${column} IS NULL ${fragment(after)} ORDER BY _id ASC LIMIT ${take}`
        : sql`SELECT _id ${fragment(from)} AND ${column} IS NULL ${fragment(after)} ORDER BY _id DESC LIMIT ${take}`,
    )
  }
  const valued = (after: SortAnchor | null, take: number) => {
    if (after === null)
      return ids(
        asc
          ? sql`SELECT _id ${fragment(from)} AND ${column} IS NOT NULL ORDER BY ${column} ASC, _id ASC LIMIT ${take}`
          : sql`SELECT _id ${fragment(from)} AND ${column} IS NOT NULL ORDER BY ${column} DESC, _id DESC LIMIT ${take}`,
      )
    // The range condition alone lets SQLite seek; the OR only skips the ties already served.
    const { value: v, id } = after
    return ids(
      asc
        ? sql`SELECT _id ${fragment(from)} AND ${column} >= ${v} AND (${column} > ${v} OR _id > ${id})
              ORDER BY ${column} ASC, _id ASC LIMIT ${take}`
        : sql`SELECT _id ${fragment(from)} AND ${column} <= ${v} AND (${column} < ${v} OR _id < ${id})
              ORDER BY ${column} DESC, _id DESC LIMIT ${take}`,
    )
  }
  const then = (first: number[], rest: (take: number) => number[]) =>
    first.length < limit ? [...first, ...rest(limit - first.length)] : first
  if (asc)
    return anchor.value === null
      ? then(nulls(anchor.id, limit), (take) => valued(null, take))
      : valued(anchor, limit)
  return anchor.value === null
    ? nulls(anchor.id, limit)
    : then(valued(anchor, limit), (take) => nulls(null, take))
}
