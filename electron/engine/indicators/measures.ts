/**
 * A record measure of an indicator, resolved against the workspace: which dataset it reads, the
 * columns that place a record in a unit, a month and a case, and its filter and value compiled to
 * bound SQL by the expression language (so no definition text ever becomes SQL). The `key` names the
 * measure's aggregates: two indicators that count the same thing share them.
 */
import crypto from 'node:crypto'
import type { DatasetField } from '../../../shared/ipc/contract.ts'
import { DATASET_KIND_NAMES, type DatasetKind } from '../../../shared/domain/fields.ts'
import {
  compileExpression,
  referencedFields,
  toSql,
  writtenName,
  type ExprError,
  type SqlFragment,
} from '../../../shared/expr/index.ts'
import type { RecordMeasure } from '../../../shared/indicators/model.ts'
import { loadFields } from '../datasets/dataset-store.ts'
import { loadKindDictionaries } from '../import/kinds.ts'
import { get, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

export type AggregateKind = 'persons' | 'cases' | 'sum' | 'avg' | 'median'

export interface ResolvedMeasure {
  key: string
  datasetId: number
  datasetName: string
  kind: AggregateKind
  dateColumn: string
  unitColumn: string | null
  caseColumn: string | null
  filter: SqlFragment | null
  value: SqlFragment | null
}

export type MeasureResolution =
  | { ok: true; measure: ResolvedMeasure }
  /** `problems`: the definition is wrong; none: this workspace cannot compute it (no data, missing field). */
  | { ok: false; reason: string; problems: { where: 'filter' | 'value' | 'date'; errors: ExprError[] }[] }

/** The dataset of a kind with the most imported records (usually the only one). */
export function datasetOfKind(db: Db, kind: DatasetKind): { id: number; name: string } | undefined {
  return get<{ id: number; name: string }>(
    db,
    sql`SELECT d.id, d.name FROM datasets d WHERE d.kind = ${kind}
        ORDER BY (SELECT coalesce(sum(inserted), 0) FROM import_batches b
                  WHERE b.dataset_id = d.id AND b.status = 'committed') DESC, d.id LIMIT 1`,
  )
}

function datasetOf(db: Db, ref: RecordMeasure['dataset']): { id: number; name: string } | undefined {
  if (typeof ref === 'number') return get(db, sql`SELECT id, name FROM datasets WHERE id = ${ref}`)
  return datasetOfKind(db, ref)
}

/**
 * Fields a definition may name for a dataset reference: the dataset's own plus, for a known kind,
 * the rest of the kind's dictionary — a definition written for a wider export stays valid and is
 * reported as lacking those fields when computed (a colleague's definitions import everywhere).
 */
export function fieldsFor(db: Db, ref: RecordMeasure['dataset']): DatasetField[] | null {
  const dataset = datasetOf(db, ref)
  if (typeof ref === 'number') return dataset ? loadFields(db, dataset.id) : null
  const dictionary = dictionaryFields(ref)
  if (!dataset) return dictionary
  const own = loadFields(db, dataset.id)
  const present = new Set(own.map((f) => f.name))
  const next = Math.max(0, ...own.map((f) => f.position)) + 1
  const missing = dictionary
    .filter((f) => !present.has(f.name))
    .map((f, i) => ({ ...f, column: `c${next + i}`, position: next + i }))
  return [...own, ...missing]
}

function dictionaryFields(kind: DatasetKind): DatasetField[] {
  const dictionary = loadKindDictionaries().find((d) => d.kind === kind)
  const fields = [
    ...(dictionary?.fields ?? []),
    { name: '承办单位', type: 'code' as const, role: 'unitCode' as const },
  ]
  return fields.map((f, i) => ({ ...f, column: `c${i + 1}`, position: i + 1, isKey: false }))
}

const exprFields = (fields: DatasetField[]) =>
  fields.map((f) => ({ name: f.name, type: f.type, column: f.column }))

/** The value expression a measure aggregates: its `value`, or 天数差(from, to) for `days`. */
function valueText(m: RecordMeasure): string | null {
  if (m.of === 'days') return `天数差(${writtenName(m.from ?? '')}, ${writtenName(m.to ?? '')})`
  return m.of === 'sum' || m.of === 'avg' || m.of === 'median' ? (m.value ?? '') : null
}

const aggregateKind = (m: RecordMeasure): AggregateKind => (m.of === 'days' ? (m.stat ?? 'avg') : m.of)

/**
 * Compiles a measure against the fields it would read. With `fields` from the kind's dictionary (no
 * dataset yet) it still reports the definition's own mistakes, which is what the builder shows.
 */
export function checkMeasure(
  m: RecordMeasure,
  fields: DatasetField[],
  today: string,
): { filter: SqlFragment | null; value: SqlFragment | null; dateColumn: string; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = []
  const schema = exprFields(fields)
  const dateField = fields.find((f) => f.name === m.date)
  if (!dateField) problems.push({ where: 'date', errors: [plainError(`没有日期字段“${m.date}”`)] })
  else if (dateField.type !== 'date')
    problems.push({ where: 'date', errors: [plainError(`“${m.date}”不是日期字段，不能用来确定期间`)] })
  let filter: SqlFragment | null = null
  if (m.filter !== undefined && m.filter.trim() !== '') {
    const compiled = compileExpression(m.filter, schema, { expect: 'boolean' })
    if (compiled.ok) filter = toSql(compiled.ir, { today })
    else problems.push({ where: 'filter', errors: compiled.errors })
  }
  let value: SqlFragment | null = null
  const text = valueText(m)
  if (text !== null) {
    if (m.of === 'days' && (!m.from || !m.to)) {
      problems.push({ where: 'value', errors: [plainError('办案天数需要开始和结束两个日期字段')] })
    } else if (text.trim() === '') {
      problems.push({ where: 'value', errors: [plainError('求和、平均和中位数需要一个数值字段或表达式')] })
    } else {
      const compiled = compileExpression(text, schema)
      if (!compiled.ok) problems.push({ where: 'value', errors: compiled.errors })
      else if (compiled.type !== 'number')
        problems.push({ where: 'value', errors: [plainError('求和、平均和中位数的对象应为数字')] })
      else value = toSql(compiled.ir, { today })
    }
  }
  return { filter, value, dateColumn: dateField?.column ?? '', problems }
}

export type MeasureProblem = { where: 'filter' | 'value' | 'date'; errors: ExprError[] }

function plainError(message: string): ExprError {
  return { message, offset: 0, length: 0, line: 1, column: 1, expected: [] }
}

export function resolveMeasure(db: Db, m: RecordMeasure, today: string): MeasureResolution {
  const dataset = datasetOf(db, m.dataset)
  const label = typeof m.dataset === 'number' ? `数据集 ${m.dataset}` : DATASET_KIND_NAMES[m.dataset]
  if (!dataset) return { ok: false, reason: `工作区中没有${label}数据`, problems: [] }
  const fields = loadFields(db, dataset.id)
  const checked = checkMeasure(m, fields, today)
  if (checked.problems.length > 0) {
    const missing = missingFields(m, fields)
    if (missing.length > 0)
      return { ok: false, reason: `数据集“${dataset.name}”缺少字段：${missing.join('、')}`, problems: [] }
    return { ok: false, reason: checked.problems[0].errors[0].message, problems: checked.problems }
  }
  const role = (r: string) => fields.find((f) => f.role === r)?.column ?? null
  const unitColumn = fields.find((f) => f.name === '承办单位')?.column ?? role('unitCode')
  const caseColumn = fields.find((f) => f.name === '部门受案号')?.column ?? role('caseNumber')
  const kind = aggregateKind(m)
  const measure: Omit<ResolvedMeasure, 'key'> = {
    datasetId: dataset.id,
    datasetName: dataset.name,
    kind,
    dateColumn: checked.dateColumn,
    unitColumn,
    caseColumn,
    filter: checked.filter,
    value: checked.value,
  }
  const identity = JSON.stringify([
    measure.datasetId,
    kind,
    measure.dateColumn,
    measure.unitColumn,
    measure.caseColumn,
    measure.filter,
    measure.value,
  ])
  const key = crypto.createHash('sha1').update(identity).digest('hex').slice(0, 20)
  return { ok: true, measure: { ...measure, key } }
}

/** Fields the measure names that the dataset lacks but its kind's dictionary knows. */
function missingFields(m: RecordMeasure, fields: DatasetField[]): string[] {
  if (typeof m.dataset === 'number') return []
  const known = dictionaryFields(m.dataset)
  const present = new Set(fields.map((f) => f.name))
  const named = new Set<string>([m.date, ...(m.from ? [m.from] : []), ...(m.to ? [m.to] : [])])
  for (const text of [m.filter, valueText(m)]) {
    if (!text) continue
    const compiled = compileExpression(text, exprFields(known))
    if (compiled.ok) referencedFields(compiled.ir).forEach((name) => named.add(name))
  }
  return [...named].filter((name) => !present.has(name) && known.some((f) => f.name === name))
}
