import type { Db } from '../../electron/engine/store/database.ts'

/** Every row of every table, for "the workspace is exactly as before" assertions. */
export function workspaceSnapshot(db: Db, options: { ignore?: string[] } = {}): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[]
  const snapshot: Record<string, unknown[]> = {}
  for (const { name } of tables) {
    if (options.ignore?.includes(name)) continue
    snapshot[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()
  }
  snapshot.schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
  return snapshot
}
