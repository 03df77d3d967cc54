/**
 * What a flag records about each hit: the record's key and identity columns (case number, suspect,
 * unit, prosecutor), and its message with the placeholders evaluated in SQL on the same source the
 * condition saw (so case aggregates and the other stage's values are there). Cross-stage records
 * paired with several records of the other stage take the first pair that breaks the rule.
 */
import { toSql } from '../../../shared/expr/index.ts'
import type { Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import type { CompiledCheck } from './compile-rule.ts'
import { formatValue, renderTemplate } from './message-template.ts'
import { conditionSql, type EvaluationContext } from './scan.ts'
import { ensureIndexes, inIds, sourceOf, withSource } from './sources.ts'

export interface FlagHit {
  recordId: number
  key: string
  caseNumber: string | null
  suspectId: string | null
  suspectName: string | null
  unit: string | null
  prosecutor: string | null
  message: string
}

const IDENTITY = ['caseNumber', 'suspectId', 'suspectName', 'unit', 'prosecutor'] as const

/** The record key a flag is identified by: 部门受案号\u0001嫌疑人编号, or `#<id>` for a record without one. */
export const RECORD_KEY = sql`coalesce(_key, '#' || _id)`

/** Hits in batches, so the bound id list and the rows in memory stay small. */
const BATCH = 20_000

export function hitDetails(
  db: Db,
  check: CompiledCheck,
  ids: readonly number[],
  context: EvaluationContext,
): FlagHit[] {
  const hits: FlagHit[] = []
  const parameters = Object.fromEntries(check.rule.parameters.map((p) => [p.name, p.value]))
  const identity = IDENTITY.map((name) => {
    const column = check.target.columns[name]
    return column ? sql`${ident(column)}` : sql`NULL`
  })
  const placeholders: Sql[] = check.placeholders.map((ir) => toSql(ir, { today: context.today, parameters }))
  const columns = join([sql`_id`, RECORD_KEY, ...identity, ...placeholders], ', ')
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH)
    const source = sourceOf([check], { ids: batch, otherIds: [] })
    ensureIndexes(db, source)
    const condition = check.condition ? sql` AND ${fragment(conditionSql(check, context))}` : sql``
    const q = sql`SELECT ${fragment(columns)} FROM ${fragment(source.from)}
                  WHERE ${fragment(source.where)} AND ${fragment(inIds(sql`_id`, batch))}${fragment(condition)}`
    const seen = new Set<number>()
    withSource(db, source, () => {
      for (const row of db
        .prepare(q.text)
        .raw(true)
        .iterate(...q.values) as Iterable<unknown[]>) {
        const recordId = row[0] as number
        if (seen.has(recordId)) continue
        seen.add(recordId)
        const values = check.placeholders.map((ir, i) => formatValue(row[7 + i], ir.type))
        hits.push({
          recordId,
          key: row[1] as string,
          caseNumber: text(row[2]),
          suspectId: text(row[3]),
          suspectName: text(row[4]),
          unit: text(row[5]),
          prosecutor: text(row[6]),
          message: renderTemplate(check.template, values),
        })
      }
    })
  }
  return hits
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value)
}
