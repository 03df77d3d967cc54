/**
 * SQL as tagged templates: every interpolated value becomes a bound parameter, so user text can never
 * become SQL. Identifiers (table and column names) go through `ident`, which only accepts names the
 * engine itself generated.
 *
 * @example
 *   const q = sql`SELECT * FROM ${ident('records_3')} WHERE c1 = ${caseNumber}`
 *   db.prepare(q.text).all(...q.values)
 */
export interface Sql {
  readonly text: string
  readonly values: unknown[]
}

const IDENT = Symbol('ident')
const FRAGMENT = Symbol('fragment')
interface Ident {
  [IDENT]: string
}
interface Fragment {
  [FRAGMENT]: Sql
}

/** Engine-generated identifiers only: letters, digits and underscores, not starting with a digit. */
const SAFE_IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

export function ident(name: string): Ident {
  if (!SAFE_IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${JSON.stringify(name)}`)
  return { [IDENT]: name }
}

/** Embeds an already-built Sql (with its own bound values) inside another. */
export function fragment(part: Sql): Fragment {
  return { [FRAGMENT]: part }
}

/** Joins fragments with a separator (e.g. ' AND '). */
export function join(parts: Sql[], separator: string): Sql {
  const texts: string[] = []
  const values: unknown[] = []
  for (const part of parts) {
    texts.push(part.text)
    values.push(...part.values)
  }
  return { text: texts.join(separator), values }
}

export function sql(strings: TemplateStringsArray, ...inserts: unknown[]): Sql {
  let text = strings[0]
  const values: unknown[] = []
  inserts.forEach((insert, i) => {
    if (insert !== null && typeof insert === 'object' && IDENT in insert) {
      text += `"${(insert as Ident)[IDENT]}"`
    } else if (insert !== null && typeof insert === 'object' && FRAGMENT in insert) {
      const part = (insert as Fragment)[FRAGMENT]
      text += part.text
      values.push(...part.values)
    } else {
      text += '?'
      values.push(insert)
    }
    text += strings[i + 1]
  })
  return { text, values }
}

/**
 * A piece of SQL the engine wrote itself (a keyword from a fixed table such as a column affinity or
 * `ASC`/`DESC`). Never pass user text here.
 */
export function keyword(text: 'INTEGER' | 'REAL' | 'TEXT' | 'ASC' | 'DESC' | 'AND' | 'OR'): Fragment {
  return fragment({ text, values: [] })
}
