import type { DatasetKind, FieldDefinition, FieldRole, FieldType } from '../../../shared/domain/fields.ts'
import type { DatasetDetail, DatasetField, DatasetSummary } from '../../../shared/ipc/contract.ts'
import { EngineError } from '../errors.ts'
import { nowIso } from '../clock.ts'
import { all, get, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { currentRecordTotal } from './record-totals.ts'
import { addRecordsColumn, createRecordsTable, fieldColumn } from './records-table.ts'

interface DatasetRow {
  id: number
  name: string
  kind: DatasetKind
  signature: string
  key_fields: string
  updated_at: string
}

interface FieldRow {
  position: number
  name: string
  column_name: string
  type: FieldType
  role: FieldRole | null
  source: 'dictionary' | 'inferred' | 'derived'
  value_set: string | null
  description: string | null
}

/** Finds the dataset an export of this kind (and, for generic exports, this header signature) belongs to. */
export function findDataset(db: Db, kind: DatasetKind, signature: string): number | undefined {
  const row =
    kind === 'generic'
      ? get<{ id: number }>(
          db,
          sql`SELECT id FROM datasets WHERE kind = 'generic' AND signature = ${signature} ORDER BY id LIMIT 1`,
        )
      : get<{ id: number }>(db, sql`SELECT id FROM datasets WHERE kind = ${kind} ORDER BY id LIMIT 1`)
  return row?.id
}

export function createDataset(
  db: Db,
  name: string,
  kind: DatasetKind,
  signature: string,
  keyFields: string[],
): number {
  const at = nowIso()
  const result = run(
    db,
    sql`INSERT INTO datasets (name, kind, signature, key_fields, created_at, updated_at)
        VALUES (${name}, ${kind}, ${signature}, ${JSON.stringify(keyFields)}, ${at}, ${at})`,
  )
  const id = Number(result.lastInsertRowid)
  createRecordsTable(db, id)
  return id
}

export function touchDataset(db: Db, datasetId: number): void {
  run(db, sql`UPDATE datasets SET updated_at = ${nowIso()} WHERE id = ${datasetId}`)
}

/** Adds fields (and their columns) to a dataset; returns all fields in position order. */
export function addFields(db: Db, datasetId: number, fields: FieldDefinition[]): DatasetField[] {
  const existing = loadFields(db, datasetId)
  let position = existing.reduce((max, f) => Math.max(max, f.position), 0)
  for (const field of fields) {
    position += 1
    run(
      db,
      sql`INSERT INTO dataset_fields (dataset_id, position, name, column_name, type, role, source, value_set, description)
          VALUES (${datasetId}, ${position}, ${field.name}, ${fieldColumn(position)}, ${field.type}, ${field.role ?? null},
                  ${field.source ?? 'inferred'}, ${field.values ? JSON.stringify(field.values) : null}, ${field.description ?? null})`,
    )
    addRecordsColumn(db, datasetId, position, field.type)
  }
  return loadFields(db, datasetId)
}

export function loadFields(db: Db, datasetId: number): DatasetField[] {
  const keyFields = datasetKeyFields(db, datasetId)
  return all<FieldRow>(
    db,
    sql`SELECT position, name, column_name, type, role, source, value_set, description
        FROM dataset_fields WHERE dataset_id = ${datasetId} ORDER BY position`,
  ).map((r) => {
    const field: DatasetField = {
      name: r.name,
      type: r.type,
      source: r.source,
      column: r.column_name,
      position: r.position,
      isKey: keyFields.includes(r.name),
    }
    if (r.role) field.role = r.role
    if (r.value_set) field.values = JSON.parse(r.value_set) as string[]
    if (r.description) field.description = r.description
    return field
  })
}

function datasetKeyFields(db: Db, datasetId: number): string[] {
  const row = get<{ key_fields: string }>(db, sql`SELECT key_fields FROM datasets WHERE id = ${datasetId}`)
  return row ? (JSON.parse(row.key_fields) as string[]) : []
}

function summarise(db: Db, row: DatasetRow): DatasetSummary {
  const records = currentRecordTotal(db, row.id)
  const counts = get<{ fieldCount: number; batches: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM dataset_fields WHERE dataset_id = ${row.id}) AS fieldCount,
               (SELECT count(*) FROM import_batches WHERE dataset_id = ${row.id} AND status = 'committed') AS batches`,
  )!
  return { id: row.id, name: row.name, kind: row.kind, records, ...counts, updatedAt: row.updated_at }
}

export function listDatasets(db: Db): DatasetSummary[] {
  return all<DatasetRow>(db, sql`SELECT * FROM datasets ORDER BY id`).map((row) => summarise(db, row))
}

export function getDataset(db: Db, datasetId: number): DatasetDetail {
  const row = get<DatasetRow>(db, sql`SELECT * FROM datasets WHERE id = ${datasetId}`)
  if (!row) throw new EngineError('NOT_FOUND', `数据集 ${datasetId} 不存在，可能已被删除。`)
  return {
    ...summarise(db, row),
    fields: loadFields(db, datasetId),
    keyFields: JSON.parse(row.key_fields) as string[],
  }
}
