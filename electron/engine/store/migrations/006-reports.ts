import type { Db } from '../database.ts'

/**
 * Report templates the analyst made or changed (the built-ins live in resources/reports): the
 * template as JSON, validated against shared/reports/template.ts whenever it is read or saved.
 */
export function reports(db: Db): void {
  db.exec(`
    CREATE TABLE report_templates (
      id TEXT PRIMARY KEY,
      definition TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `)
}
