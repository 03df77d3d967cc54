import type { FieldType } from '../../../shared/domain/fields.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, keyword, sql } from '../store/sql.ts'

/**
 * Each dataset keeps its records in `records_<id>`: engine columns prefixed with `_` and one column
 * per field (`c1`, `c2` …; the Chinese names live in dataset_fields). A record is never updated in
 * place: a re-import inserts a new version and marks the old one `_superseded_by` the batch, which
 * is what makes a whole import undoable. `_key` is the record key (部门受案号 + 嫌疑人编号) of keyed
 * datasets; `_hash` fingerprints whole rows of generic datasets, which have no key, so that
 * re-importing the same rows does not duplicate them. `raw_<id>` keeps, per record, the original text of every
 * cell whose stored value differs from what the file said, so nothing imported is ever lost.
 */
export const recordsTable = (datasetId: number) => `records_${datasetId}`
export const rawTable = (datasetId: number) => `raw_${datasetId}`
export const fieldColumn = (position: number) => `c${position}`

const AFFINITY: Record<FieldType, 'INTEGER' | 'REAL' | 'TEXT'> = {
  integer: 'INTEGER',
  boolean: 'INTEGER',
  decimal: 'REAL',
  date: 'TEXT',
  text: 'TEXT',
  code: 'TEXT',
  set: 'TEXT',
}

export function createRecordsTable(db: Db, datasetId: number): void {
  const records = ident(recordsTable(datasetId))
  const raw = ident(rawTable(datasetId))
  db.exec(
    sql`CREATE TABLE ${records} (
      _id INTEGER PRIMARY KEY,
      _batch INTEGER NOT NULL,
      _row INTEGER NOT NULL,
      _key TEXT,
      _hash TEXT,
      _superseded_by INTEGER
    )`.text,
  )
  db.exec(sql`CREATE TABLE ${raw} (record_id INTEGER PRIMARY KEY, cells TEXT NOT NULL)`.text)
  createRecordIndexes(db, datasetId)
}

/**
 * The indexes re-imports, undo and the grid rely on: current records by key, superseded ones, and the
 * ids of current records (a narrow index the grid's OFFSET walks instead of the wide table rows).
 * There is no index on `_batch`: only an undo looks records up by batch, and a scan is fine there.
 */
function recordIndexes(datasetId: number): { name: string; create: string }[] {
  const table = recordsTable(datasetId)
  const records = ident(table)
  return [
    { name: `${table}_key`, on: sql`(_key) WHERE _superseded_by IS NULL` },
    { name: `${table}_current`, on: sql`(_id) WHERE _superseded_by IS NULL` },
    { name: `${table}_superseded`, on: sql`(_superseded_by) WHERE _superseded_by IS NOT NULL` },
  ].map(({ name, on }) => ({
    name,
    create: sql`CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${records} ${fragment(on)}`.text,
  }))
}

export function createRecordIndexes(db: Db, datasetId: number): void {
  for (const index of recordIndexes(datasetId)) db.exec(index.create)
}

/**
 * Bulk-loading an empty table and sorting its keys afterwards is faster than inserting keys in
 * random order row by row; the first import of a dataset drops the key index and calls
 * createRecordIndexes when done. The other two stay: rows arrive in `_id` order, so the current-id
 * index only grows at its end and the superseded one gets nothing, where rebuilding either would
 * read the whole wide table again (about half a second per million rows each).
 */
export function dropRecordIndexes(db: Db, datasetId: number): void {
  const key = recordIndexes(datasetId)[0]
  db.exec(sql`DROP INDEX IF EXISTS ${ident(key.name)}`.text)
}

export function addRecordsColumn(db: Db, datasetId: number, position: number, type: FieldType): void {
  const q = sql`ALTER TABLE ${ident(recordsTable(datasetId))} ADD COLUMN ${ident(fieldColumn(position))} ${keyword(AFFINITY[type])}`
  db.exec(q.text)
}
