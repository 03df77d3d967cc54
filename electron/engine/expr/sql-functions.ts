/**
 * The SQL functions compiled expressions call (shared/expr/to-sql.ts), registered on a connection:
 * `regexp` (behind `x REGEXP pattern`) and the 身份证 functions. Each wraps the very TS function the
 * JS evaluator uses, so a rule gives the same answer in a query and in a form.
 *
 * Call once per connection (workspace, worker, test database) before running compiled expressions.
 *
 * @example
 *   const db = new Database(':memory:')
 *   registerExprFunctions(db)
 *   db.prepare("SELECT yanpan_id_sex('11010519491231002X') AS sex").get() // { sex: '女' }
 */
import type { Db } from '../store/database.ts'
import { idCardBirthDate, idCardSex, idCardValid } from '../../../shared/expr/id-card.ts'
import { regexMatches } from '../../../shared/expr/regex.ts'

/** SQLite has no boolean: true/false/null → 1/0/NULL. */
function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0
}

export function registerExprFunctions(db: Db): void {
  // Deterministic: same input, same output, so SQLite may use them in indexes and factor them out.
  const options = { deterministic: true, varargs: false }
  // `x REGEXP p` calls regexp(p, x).
  db.function('regexp', options, (pattern: unknown, text: unknown) => flag(regexMatches(pattern, text)))
  db.function('yanpan_id_valid', options, (id: unknown) => flag(idCardValid(id)))
  db.function('yanpan_id_birth', options, (id: unknown) => idCardBirthDate(id))
  db.function('yanpan_id_sex', options, (id: unknown) => idCardSex(id))
}
