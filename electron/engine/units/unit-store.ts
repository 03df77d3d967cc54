import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import { all, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

/**
 * Saves units (parents before children), updating the ones already there: re-creating the demo
 * province, or a later import of a real unit list, never duplicates a unit.
 */
export function saveUnits(db: Db, units: readonly UnitSummary[]): void {
  const order = { province: 0, city: 1, county: 2 } as const
  const sorted = [...units].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code))
  db.transaction(() => {
    for (const u of sorted) {
      run(
        db,
        sql`INSERT INTO units (code, name, short_name, level, parent)
            VALUES (${u.code}, ${u.name}, ${u.shortName ?? null}, ${u.level}, ${u.parent})
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
              level = excluded.level, parent = excluded.parent`,
      )
    }
  })()
}

/** The hierarchy, parents first (省院, then 市院 and 基层院 in code order). */
export function listUnits(db: Db): UnitSummary[] {
  return all<{
    code: string
    name: string
    short_name: string | null
    level: UnitSummary['level']
    parent: string | null
  }>(
    db,
    sql`SELECT code, name, short_name, level, parent FROM units
        ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, code`,
  ).map((r) => ({ code: r.code, name: r.name, shortName: r.short_name, level: r.level, parent: r.parent }))
}
