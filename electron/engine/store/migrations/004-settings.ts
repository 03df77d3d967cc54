import type { Db } from '../database.ts'

/** Workspace settings as key → JSON value (e.g. whether the demo province was offered already). */
export function settings(db: Db): void {
  db.exec(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
}
