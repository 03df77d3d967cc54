import type { AuditEntry } from '../../../shared/ipc/contract.ts'
import { nowIso } from '../clock.ts'
import { all, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

/** Records what the analyst did to the workspace: imports, undos, deletions, exports. */
export function audit(db: Db, action: string, object: string, detail: unknown = {}): void {
  run(
    db,
    sql`INSERT INTO audit_log (at, action, object, detail) VALUES (${nowIso()}, ${action}, ${object}, ${JSON.stringify(detail)})`,
  )
}

export function listAudit(db: Db, limit: number): AuditEntry[] {
  const rows = all<{ id: number; at: string; action: string; object: string; detail: string }>(
    db,
    sql`SELECT id, at, action, object, detail FROM audit_log ORDER BY id DESC LIMIT ${limit}`,
  )
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }))
}
