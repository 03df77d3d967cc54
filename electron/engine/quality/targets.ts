/**
 * The datasets a run checks, with what the rules need to know about each: kind, fields, and the
 * columns of the roles every flag records (部门受案号, 嫌疑人编号, 嫌疑人姓名, 承办单位, 承办检察官).
 */
import type { DatasetKind } from '../../../shared/domain/fields.ts'
import { DATASET_KIND_NAMES } from '../../../shared/domain/fields.ts'
import type { DatasetField } from '../../../shared/ipc/contract.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { all, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

export interface Target {
  id: number
  name: string
  kind: DatasetKind
  fields: DatasetField[]
  /** Columns of the fields every flag carries; null when the dataset has no such field. */
  columns: {
    caseNumber: string | null
    suspectId: string | null
    suspectName: string | null
    unit: string | null
    prosecutor: string | null
  }
}

function columnOf(fields: DatasetField[], test: (field: DatasetField) => boolean): string | null {
  return fields.find(test)?.column ?? null
}

export function loadTargets(db: Db): Target[] {
  return all<{ id: number; name: string; kind: DatasetKind }>(
    db,
    sql`SELECT id, name, kind FROM datasets ORDER BY id`,
  )
    .map((row) => ({ ...row, fields: loadFields(db, row.id) }))
    .filter((target) => target.fields.length > 0)
    .map((target) => ({
      ...target,
      columns: {
        caseNumber: columnOf(target.fields, (f) => f.role === 'caseNumber' || f.name === '部门受案号'),
        suspectId: columnOf(target.fields, (f) => f.role === 'suspectId' || f.name === '嫌疑人编号'),
        suspectName: columnOf(target.fields, (f) => f.name === '嫌疑人姓名'),
        unit: columnOf(target.fields, (f) => f.role === 'unitCode' || f.name === '承办单位'),
        prosecutor: columnOf(target.fields, (f) => f.role === 'prosecutor' || f.name === '承办检察官'),
      },
    }))
}

/** 数据集「审查逮捕（010101）」 for messages. */
export function targetLabel(target: Pick<Target, 'name' | 'kind'>): string {
  return target.name === DATASET_KIND_NAMES[target.kind]
    ? `数据集「${target.name}」`
    : `数据集「${target.name}」（${DATASET_KIND_NAMES[target.kind]}）`
}
