import type { ColumnFilter, DatasetField, FilterCondition } from '../../../shared/ipc/contract.ts'
import { EngineError } from '../errors.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'

/** The SQL expression a grid shows for a field: booleans read 是/否 so the text filter matches what is seen. */
export function displayExpression(field: DatasetField): Sql {
  const column = ident(field.column)
  if (field.type === 'boolean') return sql`(CASE ${column} WHEN 1 THEN '是' WHEN 0 THEN '否' END)`
  return sql`${column}`
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function condition(field: DatasetField, c: FilterCondition): Sql {
  const e = fragment(displayExpression(field))
  const value = c.filterType === 'date' ? (c.dateFrom ?? '').slice(0, 10) : (c.filter ?? null)
  const value2 = c.filterType === 'date' ? (c.dateTo ?? '').slice(0, 10) : (c.filterTo ?? null)
  const like = (pattern: string) => sql`${e} LIKE ${pattern} ESCAPE '\\'`
  const text = escapeLike(String(value ?? ''))
  switch (c.type) {
    case 'blank':
      return sql`(${e} IS NULL OR ${e} = '')`
    case 'notBlank':
      return sql`(${e} IS NOT NULL AND ${e} <> '')`
    case 'contains':
      return like(`%${text}%`)
    case 'notContains':
      return sql`(${e} IS NULL OR NOT (${fragment(like(`%${text}%`))}))`
    case 'startsWith':
      return like(`${text}%`)
    case 'endsWith':
      return like(`%${text}`)
    case 'equals':
      return sql`${e} = ${value}`
    case 'notEqual':
      return sql`(${e} IS NULL OR ${e} <> ${value})`
    case 'lessThan':
      return sql`${e} < ${value}`
    case 'lessThanOrEqual':
      return sql`${e} <= ${value}`
    case 'greaterThan':
      return sql`${e} > ${value}`
    case 'greaterThanOrEqual':
      return sql`${e} >= ${value}`
    case 'inRange':
      return sql`${e} BETWEEN ${value} AND ${value2}`
  }
}

/** Builds the WHERE conditions of a grid query. Field names are looked up, never spliced into SQL. */
export function gridWhere(fields: DatasetField[], filters: Record<string, ColumnFilter>): Sql[] {
  const byName = new Map(fields.map((f) => [f.name, f]))
  return Object.entries(filters).map(([name, filter]) => {
    const field = byName.get(name)
    if (!field) throw new EngineError('BAD_ARGUMENT', `筛选条件中的字段「${name}」不存在。`)
    if ('conditions' in filter) {
      const parts = filter.conditions.map((c) => condition(field, c))
      return sql`(${fragment(join(parts, filter.operator === 'AND' ? ' AND ' : ' OR '))})`
    }
    return condition(field, filter)
  })
}
