import type { Db } from '../store/database.ts'
import { fragment, sql, type Sql } from '../store/sql.ts'
import type { SortKey } from './record-query.ts'

/** Where the previous block of a one-field sort ended: its last row's stored sort value and id. */
export interface SortAnchor {
  value: unknown
  id: number
}

/**
 * The ids of the `limit` rows after `anchor` in a one-field sort (ORDER BY field, then `_id`
 * ascending; SQLite puts NULLs first ascending and last descending). Rows with a value start at a
 * range seek on the field's sort index, where an OFFSET walks every row before them (about 100 ms
 * 300,000 rows deep in a million); the NULL rows are a run of their own, in id order.
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
  const nulls = (afterId: number, take: number) =>
    ids(
      sql`SELECT _id ${fragment(from)} AND ${column} IS NULL AND _id > ${afterId} ORDER BY _id LIMIT ${take}`,
    )
  const valued = (after: SortAnchor | null, take: number) => {
    if (after === null)
      return ids(
        key.dir === 'asc'
          ? sql`SELECT _id ${fragment(from)} AND ${column} IS NOT NULL ORDER BY ${column} ASC, _id LIMIT ${take}`
          : sql`SELECT _id ${fragment(from)} AND ${column} IS NOT NULL ORDER BY ${column} DESC, _id LIMIT ${take}`,
      )
    // The range condition alone lets SQLite seek; the OR only skips the ties already served.
    const { value: v, id } = after
    return ids(
      key.dir === 'asc'
        ? sql`SELECT _id ${fragment(from)} AND ${column} >= ${v} AND (${column} > ${v} OR _id > ${id})
              ORDER BY ${column} ASC, _id LIMIT ${take}`
        : sql`SELECT _id ${fragment(from)} AND ${column} <= ${v} AND (${column} < ${v} OR _id > ${id})
              ORDER BY ${column} DESC, _id LIMIT ${take}`,
    )
  }
  const then = (first: number[], rest: (take: number) => number[]) =>
    first.length < limit ? [...first, ...rest(limit - first.length)] : first
  if (key.dir === 'asc')
    return anchor.value === null
      ? then(nulls(anchor.id, limit), (take) => valued(null, take))
      : valued(anchor, limit)
  return anchor.value === null
    ? nulls(anchor.id, limit)
    : then(valued(anchor, limit), (take) => nulls(0, take))
}
