/**
 * The records behind a figure, read straight from the records table: the WHERE clause of a
 * drill-down (a measure's filter, date window, units and variant) and how many records it selects.
 */
import { windowDates, type Window } from '../../../shared/indicators/period.ts'
import { recordsTable } from '../datasets/records-table.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import { dateGuardSql, filterSql, unitSql, variantSql, type Variant } from './aggregates.ts'
import type { ResolvedMeasure } from './measures.ts'

/** The records a measure selects for a window and a set of data units (null: all units). */
export function scopeWhere(m: ResolvedMeasure, w: Window, units: string[] | null, variant: Variant): Sql {
  const { first, last } = windowDates(w)
  const date = ident(m.dateColumn)
  const parts = [
    variantSql(m.datasetId, variant),
    dateGuardSql(m.dateColumn),
    sql`${date} BETWEEN ${first} AND ${last}`,
    filterSql(m),
  ]
  if (units !== null) {
    const list =
      units.length > 0
        ? join(
            units.map((u) => sql`${u}`),
            ', ',
          )
        : sql`NULL`
    parts.push(sql`${fragment(unitSql(m))} IN (${fragment(list)})`)
  }
  return join(parts, ' AND ')
}

export function countScope(
  db: Db,
  m: ResolvedMeasure,
  w: Window,
  units: string[] | null,
  variant: Variant,
): number {
  const q = sql`SELECT count(*) FROM ${ident(recordsTable(m.datasetId))} WHERE ${fragment(scopeWhere(m, w, units, variant))}`
  return db
    .prepare(q.text)
    .pluck()
    .get(...q.values) as number
}
