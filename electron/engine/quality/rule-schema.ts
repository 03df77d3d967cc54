/**
 * What a rule's condition can name on one dataset, as expression fields:
 *
 * - the dataset's fields (their real columns), plus the fields the export kinds' dictionaries know but
 *   this export lacks, marked `missing` with placeholder columns that never reach SQL: a rule naming
 *   one compiles, and is then skipped (or, for its `optionalFields`, reads 空值) instead of failing as
 *   if it named no field at all;
 * - for case rules, the case aggregates 案内人数, 案内_<字段>_取值数 and 案内_<字段>_集合;
 * - for cross-stage rules, both stages' fields prefixed 逮捕. / 公诉.
 *
 * Column ranges keep the kinds apart: c1… real columns, c50001… the other stage's, c80000… case
 * aggregates, c90000… placeholders of missing fields.
 */
import type { FieldType } from '../../../shared/domain/fields.ts'
import type { ExprField } from '../../../shared/expr/index.ts'
import { loadKindDictionaries } from '../import/kinds.ts'
import type { Target } from './targets.ts'

export interface SchemaField extends ExprField {
  /** A field the kind's dictionary knows but this dataset does not have. */
  missing?: boolean
}

export type AggregateSpec =
  | { kind: 'count'; column: string }
  | {
      kind: 'distinct' | 'collect'
      column: string
      source: { name: string; column: string; type: FieldType }
    }

export const CASE_COUNT = '案内人数'
const OTHER_OFFSET = 50000
const AGGREGATE_BASE = 80000
const MISSING_BASE = 90000

/** The stage prefixes of cross-stage conditions. */
export const STAGE_PREFIX = { '010101': '逮捕', '020101': '公诉' } as const

/** The dataset's own fields and the dictionary fields it lacks (all kinds' dictionaries, its own first). */
export function recordFields(target: Target): SchemaField[] {
  const fields: SchemaField[] = target.fields.map((f) => ({ name: f.name, type: f.type, column: f.column }))
  if (target.kind === 'generic') return fields
  const present = new Set(fields.map((f) => f.name))
  const dictionaries = [...loadKindDictionaries()].sort(
    (a, b) => Number(b.kind === target.kind) - Number(a.kind === target.kind),
  )
  const known = [...dictionaries.flatMap((d) => d.fields), { name: '承办单位', type: 'code' as const }]
  let next = MISSING_BASE
  for (const field of known) {
    if (present.has(field.name)) continue
    present.add(field.name)
    fields.push({ name: field.name, type: field.type, column: `c${next++}`, missing: true })
  }
  return fields
}

/** Record fields plus the case aggregates over them (each aggregate of a missing field is missing too). */
export function caseFields(target: Target): {
  fields: SchemaField[]
  aggregates: Map<string, AggregateSpec>
} {
  const base = recordFields(target)
  const aggregates = new Map<string, AggregateSpec>()
  const fields: SchemaField[] = [...base, { name: CASE_COUNT, type: 'integer', column: `c${AGGREGATE_BASE}` }]
  aggregates.set(`c${AGGREGATE_BASE}`, { kind: 'count', column: `c${AGGREGATE_BASE}` })
  base.forEach((field, index) => {
    const distinct = `c${AGGREGATE_BASE + 1 + 2 * index}`
    const collect = `c${AGGREGATE_BASE + 2 + 2 * index}`
    const source = { name: field.name, column: field.column, type: field.type }
    fields.push({
      name: `案内_${field.name}_取值数`,
      type: 'integer',
      column: distinct,
      missing: field.missing,
    })
    fields.push({ name: `案内_${field.name}_集合`, type: 'set', column: collect, missing: field.missing })
    aggregates.set(distinct, { kind: 'distinct', column: distinct, source })
    aggregates.set(collect, { kind: 'collect', column: collect, source })
  })
  return { fields, aggregates }
}

/**
 * Both stages' fields, prefixed: the flagged dataset's keep their columns, the other's move to
 * c50001… (the join renames them). `otherColumns` maps those back.
 */
export function crossFields(
  flagged: Target,
  other: Target,
): { fields: SchemaField[]; otherColumns: Map<string, string> } {
  const flaggedPrefix = STAGE_PREFIX[flagged.kind as keyof typeof STAGE_PREFIX]
  const otherPrefix = STAGE_PREFIX[other.kind as keyof typeof STAGE_PREFIX]
  const otherColumns = new Map<string, string>()
  const own = recordFields(flagged).map((f) => ({ ...f, name: `${flaggedPrefix}.${f.name}` }))
  const theirs = recordFields(other).map((f) => {
    if (f.missing)
      return { ...f, name: `${otherPrefix}.${f.name}`, column: `c${Number(f.column.slice(1)) + 5000}` }
    const column = `c${OTHER_OFFSET + Number(f.column.slice(1))}`
    otherColumns.set(column, f.column)
    return { ...f, name: `${otherPrefix}.${f.name}`, column }
  })
  return { fields: [...own, ...theirs], otherColumns }
}
