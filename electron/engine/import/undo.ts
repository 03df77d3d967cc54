import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { touchDataset } from '../datasets/dataset-store.ts'
import { currentRecordTotal, storeRecordTotal } from '../datasets/record-totals.ts'
import { rawTable, recordsTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import { get, run, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'

interface BatchRow {
  id: number
  dataset_id: number
  file_name: string
  status: string
}

/**
 * Whether a batch can still be undone: it is committed and no later import replaced any record it
 * wrote (undoing it then would resurrect versions a later import already replaced).
 */
export function undoBlocker(db: Db, batch: BatchRow): string | null {
  if (batch.status !== 'committed') return `导入批次 ${batch.id}（${batch.file_name}）已撤销。`
  const later = get<{ batch: number }>(
    db,
    sql`SELECT _superseded_by AS batch FROM ${ident(recordsTable(batch.dataset_id))}
        WHERE _batch = ${batch.id} AND _superseded_by IS NOT NULL LIMIT 1`,
  )
  if (later) {
    const name = get<{ file_name: string }>(
      db,
      sql`SELECT file_name FROM import_batches WHERE id = ${later.batch}`,
    )
    return `导入批次 ${batch.id}（${batch.file_name}）的部分记录已被之后的导入（批次 ${later.batch}「${name?.file_name ?? ''}」）更新，请先撤销之后的导入。`
  }
  return null
}

/** Removes everything one import wrote and restores the record versions it replaced, in one transaction. */
export function undoImport(db: Db, batchId: number): { batchId: number; removed: number; restored: number } {
  return db.transaction(() => {
    const batch = get<BatchRow>(
      db,
      sql`SELECT id, dataset_id, file_name, status FROM import_batches WHERE id = ${batchId}`,
    )
    if (!batch) throw new EngineError('NOT_FOUND', `导入批次 ${batchId} 不存在。`)
    const blocker = undoBlocker(db, batch)
    if (blocker) throw new EngineError('CONFLICT', blocker)
    const records = ident(recordsTable(batch.dataset_id))
    const before = currentRecordTotal(db, batch.dataset_id)
    run(
      db,
      sql`DELETE FROM ${ident(rawTable(batch.dataset_id))} WHERE record_id IN (SELECT _id FROM ${records} WHERE _batch = ${batchId})`,
    )
    const removed = run(db, sql`DELETE FROM ${records} WHERE _batch = ${batchId}`).changes
    const restored = run(
      db,
      sql`UPDATE ${records} SET _superseded_by = NULL WHERE _superseded_by = ${batchId}`,
    ).changes
    run(db, sql`UPDATE import_batches SET status = 'undone', undone_at = ${nowIso()} WHERE id = ${batchId}`)
    storeRecordTotal(db, batch.dataset_id, before - removed + restored)
    touchDataset(db, batch.dataset_id)
    audit(db, 'undo-import', batch.file_name, { batchId, removed, restored })
    return { batchId, removed, restored }
  })()
}
