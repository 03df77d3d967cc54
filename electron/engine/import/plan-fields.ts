import type { DatasetKind, FieldDefinition } from '../../../shared/domain/fields.ts'
import { inferType } from '../../../shared/values/infer.ts'
import type { DatasetField } from '../../../shared/ipc/contract.ts'

/** The derived field holding the six-digit unit code of the handling procuratorate. */
export const UNIT_FIELD = '承办单位'

export interface ColumnPlan {
  /** Index of the column in the file's rows. */
  index: number
  field: DatasetField
}

/**
 * Decides the field of every column: the dictionary definition for known export kinds, otherwise a
 * type inferred from sample values. Returns the fields the dataset does not have yet.
 */
export function planNewFields(
  columns: string[],
  dictionary: (FieldDefinition | null)[],
  samples: string[][],
  existing: DatasetField[],
): FieldDefinition[] {
  const known = new Set(existing.map((f) => f.name))
  const added: FieldDefinition[] = []
  columns.forEach((name, index) => {
    if (known.has(name)) return
    known.add(name)
    const definition = dictionary[index]
    if (definition) {
      added.push({ ...definition, name, source: 'dictionary' })
    } else {
      const values = samples.map((row) => row[index] ?? '')
      added.push({ name, type: inferType(values, name), source: 'inferred' })
    }
  })
  return added
}

/** Adds 承办单位 (derived from 部门受案号) when the export has a case number but no 承办单位 column. */
export function derivedFields(
  kind: DatasetKind,
  columns: string[],
  existing: DatasetField[],
): FieldDefinition[] {
  const hasCaseNumber = columns.includes('部门受案号')
  const hasUnit = columns.includes(UNIT_FIELD) || existing.some((f) => f.name === UNIT_FIELD)
  if (!hasCaseNumber || hasUnit) return []
  return [
    {
      name: UNIT_FIELD,
      type: 'code',
      role: 'unitCode',
      source: 'derived',
      description: `由部门受案号中“[年份]”后的六位单位编码得出${kind === 'generic' ? '' : '（导出中有“承办单位”列时以该列为准）'}`,
    },
  ]
}

/** Maps file columns onto dataset fields (after the new ones were added). */
export function planColumns(columns: string[], fields: DatasetField[]): ColumnPlan[] {
  const byName = new Map(fields.map((f) => [f.name, f]))
  return columns.map((name, index) => ({ index, field: byName.get(name)! }))
}
