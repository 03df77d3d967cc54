import type { Db } from '../database.ts'

/**
 * The unit hierarchy (省院 → 市院 → 基层院): code (six-digit 单位编码, as in 部门受案号), name, level and
 * parent. The demo province fills it; later rollups of indicators by unit read it. Parents are rows
 * of the same table, so a 基层院 can never point at a unit that does not exist.
 */
export function units(db: Db): void {
  db.exec(`
    CREATE TABLE units (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      short_name TEXT,
      level TEXT NOT NULL CHECK (level IN ('province', 'city', 'county')),
      parent TEXT REFERENCES units (code)
    );
    CREATE INDEX units_parent ON units (parent);
  `)
}
