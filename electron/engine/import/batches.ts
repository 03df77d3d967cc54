import type { BatchSummary, ImportIssue } from '../../../shared/ipc/contract.ts'
import type { DatasetKind } from '../../../shared/domain/fields.ts'
import { all, get, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { undoBlocker } from './undo.ts'

interface Row {
  id: number
  dataset_id: number
  dataset: string
  kind: DatasetKind
  file_name: string
  format: string
  encoding: string | null
  imported_at: string
  status: 'committed' | 'undone'
  rows_read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  notes: string
  errors: number
}

/** Import history, newest first. */
export function listBatches(db: Db, datasetId?: number): BatchSummary[] {
  const rows = all<Row>(
    db,
    sql`SELECT b.*, d.name AS dataset, d.kind,
               (SELECT count(*) FROM import_errors e WHERE e.batch_id = b.id) AS errors
        FROM import_batches b JOIN datasets d ON d.id = b.dataset_id
        WHERE ${datasetId ?? null} IS NULL OR b.dataset_id = ${datasetId ?? null}
        ORDER BY b.id DESC`,
  )
  return rows.map((r) => ({
    id: r.id,
    datasetId: r.dataset_id,
    dataset: r.dataset,
    kind: r.kind,
    file: r.file_name,
    format: r.format,
    encoding: r.encoding,
    importedAt: r.imported_at,
    status: r.status,
    rows: r.rows_read,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    errors: r.errors,
    undoable:
      undoBlocker(db, { id: r.id, dataset_id: r.dataset_id, file_name: r.file_name, status: r.status }) ===
      null,
    notes: JSON.parse(r.notes) as string[],
  }))
}

export function batchErrors(
  db: Db,
  batchId: number,
  offset: number,
  limit: number,
): { total: number; items: ImportIssue[] } {
  const total = get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM import_errors WHERE batch_id = ${batchId}`,
  )!.n
  const items = all<{ row: number | null; column_name: string | null; message: string }>(
    db,
    sql`SELECT row, column_name, message FROM import_errors WHERE batch_id = ${batchId} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
  ).map((r) => ({ row: r.row, column: r.column_name, message: r.message }))
  return { total, items }
}
