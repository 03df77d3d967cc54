/**
 * SQL fragments for the expression compiler, built so that user text can never become SQL text:
 * fragments come only from template literals written in to-sql.ts (the fixed vocabulary), from
 * `param()` (a `?` with its bound value) and from `column()` (a validated column name). There is no
 * function that turns an arbitrary string into SQL.
 *
 * The shape `{ text, values }` is the engine's `Sql` (electron/engine/store/sql.ts), so a compiled
 * expression drops into its tagged templates with `fragment(toSql(ir))`.
 */

export type SqlValue = string | number | null

export interface SqlFragment {
  readonly text: string
  readonly values: SqlValue[]
}

/** Field columns (c1 … c99999) and the engine columns an expression may read. */
const FIELD_COLUMN = /^c[1-9][0-9]{0,4}$/
const ENGINE_COLUMNS: ReadonlySet<string> = new Set(['_id', '_batch', '_row', '_key'])

/** A bound parameter. @example param('批准逮捕') → { text: '?', values: ['批准逮捕'] } */
export function param(value: SqlValue): SqlFragment {
  return { text: '?', values: [value] }
}

/**
 * A quoted column name, after checking it is one the engine generated. Throws otherwise: the IR
 * came from somewhere other than the checker, which is a bug, not user input to report.
 *
 * @example column('c3').text === '"c3"'
 */
export function column(name: string): SqlFragment {
  if (!FIELD_COLUMN.test(name) && !ENGINE_COLUMNS.has(name)) {
    throw new Error(`表达式引用了不允许的列名：${JSON.stringify(name)}`)
  }
  return { text: `"${name}"`, values: [] }
}

/** Template of fixed SQL text with fragments inserted: `sql\`(${a} = ${b})\``. */
export function sql(strings: TemplateStringsArray, ...parts: SqlFragment[]): SqlFragment {
  let text = strings[0]
  const values: SqlValue[] = []
  parts.forEach((part, index) => {
    text += part.text + strings[index + 1]
    values.push(...part.values)
  })
  return { text, values }
}

/** Joins fragments with one of the fixed separators. */
export function joinSql(parts: readonly SqlFragment[], separator: ', ' | ' AND ' | ' OR '): SqlFragment {
  return {
    text: parts.map((part) => part.text).join(separator),
    values: parts.flatMap((part) => part.values),
  }
}
