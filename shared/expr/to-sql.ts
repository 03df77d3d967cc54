/**
 * IR → a SQLite expression `{ text, values }`, usable as a WHERE condition or a SELECT column.
 *
 * - Every literal (and 今天()) is a `?` parameter; every field is its validated column (`"c3"`), never
 *   the analyst's text; everything else is fixed vocabulary. Each compound node is parenthesised.
 * - NULL semantics are SQL's three-valued logic, which the JS evaluator reproduces: a comparison
 *   with NULL is NULL, `AND`/`OR`/`NOT` follow SQL, and a WHERE keeps a row only when the condition
 *   is true. 为空 is never NULL.
 * - Dates are 'YYYY-MM-DD' text and compare as text; 天数差 uses julianday(); 年/月/日 use substr().
 * - `/` is real division (`CAST(a AS REAL) / b`), so 不捕人数 / (批捕人数 + 不捕人数) is not an
 *   integer division; x / 0 is NULL.
 * - 匹配 uses `REGEXP`, and the 身份证 functions are yanpan_id_valid / yanpan_id_birth /
 *   yanpan_id_sex: the engine registers them on the connection (electron/engine/expr/sql-functions.ts)
 *   with the same TS code the evaluator runs.
 */
import type { Ir } from './ir.ts'
import { column, joinSql, param, sql, type SqlFragment } from './sql-fragment.ts'
import { requireParameter, type ParameterValues } from './parameters.ts'
import { setHasSql, subsetSql, unionSql, unionSubsetSql, type SetOperand } from './sql-sets.ts'
import { requireToday } from './today.ts'

export type { SqlFragment, SqlValue } from './sql-fragment.ts'

export interface ToSqlOptions {
  /** Today's date 'YYYY-MM-DD' for 今天(); required when the expression uses it. */
  today?: string
  /** Values of the parameters (`@名称`) the expression uses, bound as `?`. */
  parameters?: ParameterValues
}

const COMPARE_SQL: Readonly<Record<string, string>> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
}

/**
 * @example toSql(compile('审结日期 < 受理日期')) → { text: '("c5" < "c3")', values: [] }
 * @example toSql(compile("前科 = '无'")) → { text: '("c7" = ?)', values: ['无'] }
 */
export function toSql(ir: Ir, options: ToSqlOptions = {}): SqlFragment {
  const emit = (node: Ir): SqlFragment => {
    switch (node.kind) {
      case 'literal':
        return param(typeof node.value === 'boolean' ? (node.value ? 1 : 0) : node.value)
      case 'field':
        return column(node.column)
      case 'today':
        return param(requireToday(options.today))
      case 'param':
        return param(requireParameter(node.name, node.type, options.parameters))
      case 'negate':
        return sql`(- ${emit(node.operand)})`
      case 'not':
        return sql`(NOT ${emit(node.operand)})`
      case 'arithmetic':
        return arithmeticSql(node.op, emit(node.left), emit(node.right))
      case 'compare':
        return compareSql(node.op, emit(node.left), emit(node.right))
      case 'logic':
        return sql`(${joinSql(node.operands.map(emit), node.op === 'and' ? ' AND ' : ' OR ')})`
      case 'isEmpty':
        return isEmptySql(node.operand.type, emit(node.operand))
      case 'inList':
        return sql`(${emit(node.operand)} IN (${joinSql(node.items.map(emit), ', ')}))`
      case 'between':
        return sql`(${emit(node.operand)} BETWEEN ${emit(node.low)} AND ${emit(node.high)})`
      case 'textTest':
        return textTestSql(node.op, emit(node.left), emit(node.right))
      case 'setHas':
        return setHasSql(emit(node.set), node.items, emit, node.quantifier)
      case 'subset':
        if (node.subset.kind === 'union' || node.superset.kind === 'union') {
          return unionSubsetSql(setOperand(node.subset), setOperand(node.superset))
        }
        return subsetSql(emit(node.subset), emit(node.superset))
      case 'call':
        return callSql(node, node.args.map(emit))
      case 'if':
        return sql`(CASE WHEN ${emit(node.condition)} THEN ${emit(node.then)} ELSE ${emit(node.otherwise)} END)`
      case 'coalesce':
        return sql`coalesce(${joinSql(node.args.map(emit), ', ')})`
      case 'union':
        return unionSql(node.args.map((arg) => ({ sql: emit(arg), set: arg.type === 'set' })))
    }
  }
  /** A 并集 taken apart into its text values and sets; any other set expression as it is. */
  const setOperand = (node: Ir): SetOperand =>
    node.kind === 'union'
      ? {
          union: {
            scalars: node.args.filter((arg) => arg.type !== 'set').map(emit),
            sets: node.args.filter((arg) => arg.type === 'set').map(emit),
          },
        }
      : { set: emit(node) }
  return emit(ir)
}

function arithmeticSql(op: string, left: SqlFragment, right: SqlFragment): SqlFragment {
  switch (op) {
    case '+':
      return sql`(${left} + ${right})`
    case '-':
      return sql`(${left} - ${right})`
    case '*':
      return sql`(${left} * ${right})`
    case '/':
      return sql`(CAST(${left} AS REAL) / ${right})`
    default:
      return sql`(${left} % ${right})`
  }
}

function compareSql(op: string, left: SqlFragment, right: SqlFragment): SqlFragment {
  switch (COMPARE_SQL[op]) {
    case '=':
      return sql`(${left} = ${right})`
    case '<>':
      return sql`(${left} <> ${right})`
    case '<':
      return sql`(${left} < ${right})`
    case '<=':
      return sql`(${left} <= ${right})`
    case '>':
      return sql`(${left} > ${right})`
    default:
      return sql`(${left} >= ${right})`
  }
}

/** 为空 is true for NULL, for '' (text) and for [] (sets); never NULL itself. */
function isEmptySql(type: string, operand: SqlFragment): SqlFragment {
  if (type === 'text') return sql`(${operand} IS NULL OR ${operand} = ${param('')})`
  if (type === 'set') return sql`(${operand} IS NULL OR json_array_length(${operand}) = 0)`
  return sql`(${operand} IS NULL)`
}

/**
 * instr() is case-sensitive and has no wildcards, like the JS string methods (LIKE is neither, so
 * it is not used).
 */
function textTestSql(op: string, left: SqlFragment, right: SqlFragment): SqlFragment {
  switch (op) {
    case 'contains':
      return sql`(instr(${left}, ${right}) > 0)`
    case 'startsWith':
      return sql`(instr(${left}, ${right}) = 1)`
    case 'endsWith': {
      // On UTF-8 bytes, because length() of text stops at a NUL character; a byte suffix of valid
      // UTF-8 is a character suffix. substr() of an empty blob is NULL, hence the zeroblob(0).
      const text = sql`CAST(${left} AS BLOB)`
      const end = sql`CAST(${right} AS BLOB)`
      return sql`(CASE WHEN ${left} IS NULL OR ${right} IS NULL THEN NULL ELSE length(${text}) >= length(${end}) AND coalesce(substr(${text}, length(${text}) - length(${end}) + 1), zeroblob(0)) = ${end} END)`
    }
    default:
      return sql`(${left} REGEXP ${right})`
  }
}

function callSql(node: Extract<Ir, { kind: 'call' }>, args: SqlFragment[]): SqlFragment {
  const [first, second] = args
  switch (node.fn) {
    case 'year':
      return sql`CAST(substr(${first}, 1, 4) AS INTEGER)`
    case 'month':
      return sql`CAST(substr(${first}, 6, 2) AS INTEGER)`
    case 'day':
      return sql`CAST(substr(${first}, 9, 2) AS INTEGER)`
    case 'daysBetween':
      return sql`CAST(julianday(${second}) - julianday(${first}) AS INTEGER)`
    case 'length':
      return node.args[0].type === 'set' ? sql`json_array_length(${first})` : sql`length(${first})`
    case 'idValid':
      return sql`yanpan_id_valid(${first})`
    case 'idBirthDate':
      return sql`yanpan_id_birth(${first})`
    case 'idSex':
      return sql`yanpan_id_sex(${first})`
    case 'age':
      // Years between the two dates, minus one while the birthday (MM-DD) has not come yet that year.
      return sql`(CAST(substr(${second}, 1, 4) AS INTEGER) - CAST(substr(${first}, 1, 4) AS INTEGER) - (substr(${second}, 6, 5) < substr(${first}, 6, 5)))`
  }
}
