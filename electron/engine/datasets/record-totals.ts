import { get, run, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'
import { recordsTable } from './records-table.ts'

/**
 * How many current records a dataset has, stored beside the state it counts. Counting a million
 * current records walks a million index entries (~50 ms), which opening the dataset view paid twice
 * (its summary and the grid's first page) after every start of the app. Imports and undos store the
 * total in their own transaction, tagged with the dataset's committed batches: records change only
 * through those, so a tag that still matches means the total is right. Otherwise (or in a workspace
 * from before migration 8) the reader counts.
 */
export function currentRecordTotal(db: Db, datasetId: number): number {
  const stored = get<{ batches: string; total: number }>(
    db,
    sql`SELECT batches, total FROM record_totals WHERE dataset_id = ${datasetId}`,
  )
  if (stored && stored.batches === committedBatches(db, datasetId)) return stored.total
  return countCurrentRecords(db, datasetId)
}

/** Stores the dataset's total after an import or undo, inside its transaction; counts when not given. */
export function storeRecordTotal(
  db: Db,
  datasetId: number,
  total = countCurrentRecords(db, datasetId),
): void {
  run(
    db,
    sql`INSERT INTO record_totals (dataset_id, batches, total) VALUES (${datasetId}, ${committedBatches(db, datasetId)}, ${total})
        ON CONFLICT (dataset_id) DO UPDATE SET batches = excluded.batches, total = excluded.total`,
  )
}

export function countCurrentRecords(db: Db, datasetId: number): number {
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM ${ident(recordsTable(datasetId))} WHERE _superseded_by IS NULL`,
  )!.n
}

/** The ids of the dataset's committed import batches: which state of its records a total counts. */
function committedBatches(db: Db, datasetId: number): string {
  return (
    get<{ ids: string | null }>(
      db,
      sql`SELECT group_concat(id, ',') AS ids FROM (SELECT id FROM import_batches
          WHERE dataset_id = ${datasetId} AND status = 'committed' ORDER BY id)`,
    )?.ids ?? ''
  )
}
