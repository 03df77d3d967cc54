/**
 * Property: no expression text can put anything into SQL but `?` parameters, the compiler's fixed
 * vocabulary and validated column names. Random and hostile inputs (quotes, `"); DROP TABLE`, `--`,
 * `/*`, NUL, bidi controls, field names that are themselves SQL) either fail to compile or compile
 * to SQL that a whitelist tokenizer accepts, runs, and leaves the table as it was.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerExprFunctions } from '../../../electron/engine/expr/sql-functions.ts'
import { compileExpression, toSql, type ExprField } from '../../../shared/expr/index.ts'
import { Random } from '../../helpers/seeded-random.ts'
import { ExpressionGenerator, quoted } from './random-expressions.ts'
import {
  PROPERTY_FIELDS,
  PROPERTY_PARAMETER_VALUES,
  PROPERTY_PARAMETERS,
  PROPERTY_TODAY,
  randomRecords,
} from './random-records.ts'

/** Field names that are SQL, or look like columns, to prove names never reach the SQL text. */
const HOSTILE_NAMES = ['a"); DROP TABLE t; --', "x' OR '1'='1", 'c1', '_id', 'SELECT', '*/ --', '前科"']
const FIELDS: ExprField[] = [
  ...PROPERTY_FIELDS,
  ...HOSTILE_NAMES.map((name, index) => ({ name, type: 'text' as const, column: `c${14 + index}` })),
]

const FRAGMENTS = [
  "'",
  '"',
  '`',
  "'); DROP TABLE t; --",
  '"); DROP TABLE t; --',
  '; DELETE FROM t',
  '--',
  '/*',
  '*/',
  ';',
  '\\',
  '[',
  ']',
  '【',
  '】',
  '“',
  '”',
  '‘',
  '#',
  '#2024-01-01#',
  '\u0000',
  '\u202e',
  '\u2028',
  '😀',
  '𠀀',
  '\u3000',
  '\n',
  ' ',
  'OR 1=1',
  "' OR '1'='1",
  '"c1"',
  'c1',
  '_id',
  'sqlite_master',
  '(SELECT 1)',
  "load_extension('x')",
  'char(39)',
  "x'00'",
  '?',
  ':name',
  '$1',
  '@p',
  '受理日期',
  '前科',
  '[前科]',
  '[a"); DROP TABLE t; --]',
  "【x' OR '1'='1】",
  '[c1]',
  '[_id]',
  '[SELECT]',
  '且',
  '或',
  '非',
  '包含',
  '属于',
  '为空',
  '介于',
  '和',
  '(',
  ')',
  ',',
  '=',
  '<',
  '+',
  '-',
  '1',
  '0.5',
  '真',
  '空值',
  '今天()',
  '天数差(',
  '长度(',
]

/** The compiler's whole vocabulary: anything else in the SQL text is a leak. */
const WORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'IN',
  'BETWEEN',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'AS',
  'REAL',
  'INTEGER',
  'BLOB',
  'EXISTS',
  'SELECT',
  'FROM',
  'WHERE',
  'REGEXP',
  'value',
  'instr',
  'length',
  'substr',
  'julianday',
  'coalesce',
  'json_each',
  'json_array_length',
  'zeroblob',
  'yanpan_id_valid',
  'yanpan_id_birth',
  'yanpan_id_sex',
  // 并集
  'json_group_array',
  'DISTINCT',
  'ORDER',
  'BY',
  'UNION',
  'ALL',
  'max',
])
const NUMBERS = new Set(['0', '1', '2', '4', '5', '6', '9'])
const TOKEN =
  /\s+|\?|"(?:c[1-9][0-9]{0,4}|_id|_batch|_row|_key)"|<=|>=|<>|[()=<>+\-*/%,]|[A-Za-z_][A-Za-z0-9_]*|[0-9]+/y

/** Tokens of the SQL text, or throws on the first character outside the whitelist. */
function whitelistTokens(text: string): string[] {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex
    const match = TOKEN.exec(text)
    if (match === null) throw new Error(`SQL 中出现白名单以外的字符（位置 ${start}）：${text}`)
    const token = match[0]
    if (/^[A-Za-z_]/.test(token) && !WORDS.has(token))
      throw new Error(`SQL 中出现未知的词“${token}”：${text}`)
    if (/^[0-9]/.test(token) && !NUMBERS.has(token)) throw new Error(`SQL 中出现常数“${token}”：${text}`)
    if (token.trim() !== '') tokens.push(token)
  }
  return tokens
}

let db: Database.Database
let schemaBefore: unknown

beforeAll(() => {
  db = new Database(':memory:')
  registerExprFunctions(db)
  const columns = FIELDS.map((field) => {
    const affinity =
      { integer: 'INTEGER', boolean: 'INTEGER', decimal: 'REAL' }[field.type as string] ?? 'TEXT'
    return `"${field.column}" ${affinity}`
  })
  db.exec(`CREATE TABLE t (_id INTEGER PRIMARY KEY, ${columns.join(', ')})`)
  const names = ['_id', ...PROPERTY_FIELDS.map((field) => field.column)]
  const insert = db.prepare(
    `INSERT INTO t (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  )
  for (const record of randomRecords(new Random(7), 40)) insert.run(...names.map((name) => record[name]))
  schemaBefore = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
})

afterAll(() => db.close())

/** Compiles `text`; when it compiles, checks and runs its SQL. Returns whether it compiled. */
function probe(text: string): boolean {
  const result = compileExpression(text, FIELDS, { parameters: PROPERTY_PARAMETERS })
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0)
    for (const error of result.errors) expect(error.message).toMatch(/^第 \d+ 行第 \d+ 列：/)
    return false
  }
  const query = toSql(result.ir, { today: PROPERTY_TODAY, parameters: PROPERTY_PARAMETER_VALUES })
  const tokens = whitelistTokens(query.text)
  expect(query.text).not.toMatch(/--|\/\*|;|'/)
  expect(tokens.filter((token) => token === '?')).toHaveLength(query.values.length)
  for (const value of query.values) expect(['string', 'number', 'object']).toContain(typeof value)
  const statement =
    result.type === 'boolean' ? `SELECT _id FROM t WHERE ${query.text}` : `SELECT ${query.text} AS v FROM t`
  db.prepare(statement).all(...query.values)
  return true
}

function randomHostile(random: Random): string {
  return Array.from({ length: random.int(1, 8) }, () => random.pick(FRAGMENTS)).join(random.pick(['', ' ']))
}

describe('no input reaches SQL except as parameters and validated columns', () => {
  it('field names that are SQL compile to their columns only', () => {
    for (const name of HOSTILE_NAMES) {
      const result = compileExpression(`[${name}] = ${quoted(new Random(1), "'); DROP TABLE t; --")}`, FIELDS)
      expect(result.ok).toBe(true)
      if (!result.ok) continue
      const query = toSql(result.ir)
      expect(query.text).toMatch(/^\("c\d+" = \?\)$/)
      expect(query.values).toEqual(["'); DROP TABLE t; --"])
    }
  })

  it('on 4,000 random hostile strings', () => {
    const random = new Random(99)
    let compiled = 0
    for (let count = 0; count < 4000; count++) if (probe(randomHostile(random))) compiled++
    // Enough of them are valid expressions for the SQL side to be exercised too.
    expect(compiled).toBeGreaterThan(100)
  })

  it('on 3,000 valid expressions with hostile text spliced in', () => {
    const random = new Random(100)
    const generator = new ExpressionGenerator(random)
    let compiled = 0
    for (let count = 0; count < 3000; count++) {
      const text = generator.expression('boolean', random.int(1, 4))
      const at = random.int(0, text.length)
      const spliced = random.chance(0.5)
        ? text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at)
        : `${text} ${random.pick(['且', '或'])} ${random.chance(0.5) ? `[${random.pick(HOSTILE_NAMES)}]` : random.pick(FIELDS).name} = ${quoted(random, randomHostile(random))}`
      if (probe(spliced)) compiled++
    }
    expect(compiled).toBeGreaterThan(800)
  })

  it('leaves the table and schema as they were', () => {
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 40 })
    expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore)
  })
})
