import { audit } from '../audit/audit-log.ts'
import { EngineError } from '../errors.ts'
import { get, run, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'
import { currentRecordTotal } from './record-totals.ts'
import { rawTable, recordsTable } from './records-table.ts'

/**
 * Deletes a dataset with all its records, batches and import errors, in one transaction. Recorded in
 * the audit log with what was removed, since it cannot be undone.
 */
export function deleteDataset(db: Db, datasetId: number): { datasetId: number; records: number } {
  return db.transaction(() => {
    const dataset = get<{ name: string }>(db, sql`SELECT name FROM datasets WHERE id = ${datasetId}`)
    if (!dataset) throw new EngineError('NOT_FOUND', `数据集 ${datasetId} 不存在，可能已被删除。`)
    const records = currentRecordTotal(db, datasetId)
    const batches = get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM import_batches WHERE dataset_id = ${datasetId}`,
    )!.n
    db.exec(sql`DROP TABLE ${ident(recordsTable(datasetId))}`.text)
    db.exec(sql`DROP TABLE ${ident(rawTable(datasetId))}`.text)
    run(db, sql`DELETE FROM datasets WHERE id = ${datasetId}`) // fields, batches, errors cascade
    audit(db, 'delete-dataset', dataset.name, { datasetId, records, batches })
    return { datasetId, records }
  })()
}
