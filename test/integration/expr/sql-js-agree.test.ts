/**
 * Property: for random records and random well-typed expressions, SQLite (through toSql and the
 * registered functions) and the JS evaluator give the same answers — the same rows for conditions,
 * the same values for everything else. Seeds are fixed, so a failure replays exactly.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerExprFunctions } from '../../../electron/engine/expr/sql-functions.ts'
import { compileExpression, evaluate, toSql, type ExprValue, type Ir } from '../../../shared/expr/index.ts'
import { children } from '../../../shared/expr/walk.ts'
import { Random } from '../../helpers/seeded-random.ts'
import { ExpressionGenerator } from './random-expressions.ts'
import {
  PROPERTY_FIELDS,
  PROPERTY_PARAMETER_VALUES,
  PROPERTY_PARAMETERS,
  PROPERTY_TODAY,
  randomRecords,
} from './random-records.ts'

const RECORD_COUNT = 160
const CONDITIONS = 2400
const VALUES = 1200
const MAX_DEPTH = 4

type Row = Record<string, string | number | null>

let db: Database.Database
let records: Row[]

beforeAll(() => {
  db = new Database(':memory:')
  registerExprFunctions(db)
  const columns = PROPERTY_FIELDS.map((field) => {
    const affinity =
      { integer: 'INTEGER', boolean: 'INTEGER', decimal: 'REAL' }[field.type as string] ?? 'TEXT'
    return `"${field.column}" ${affinity}`
  })
  db.exec(`CREATE TABLE t (_id INTEGER PRIMARY KEY, ${columns.join(', ')})`)
  records = randomRecords(new Random(20240229), RECORD_COUNT)
  const names = ['_id', ...PROPERTY_FIELDS.map((field) => field.column)]
  const insert = db.prepare(
    `INSERT INTO t (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  )
  db.transaction(() => records.forEach((record) => insert.run(...names.map((name) => record[name]))))()
  // Read back what SQLite stored, so JS sees exactly the same values (e.g. 3.0 stored as integer 3).
  records = db.prepare('SELECT * FROM t ORDER BY _id').all() as Row[]
})

afterAll(() => db.close())

function compile(text: string): Ir {
  const result = compileExpression(text, PROPERTY_FIELDS, { parameters: PROPERTY_PARAMETERS })
  if (!result.ok)
    throw new Error(
      `生成的表达式未通过编译：${text}\n${result.errors.map((error) => error.message).join('\n')}`,
    )
  return result.ir
}

/** SQLite's answer in the evaluator's terms: 1/0 → booleans, JSON text → arrays. */
function fromSql(value: unknown, type: Ir['type']): ExprValue {
  if (value === null || value === undefined) return null
  if (type === 'boolean') return value !== 0
  if (type === 'set') return JSON.parse(value as string) as string[]
  return value as ExprValue
}

/** Node kinds, function names and operators an expression uses, to show the generator covers the language. */
function features(ir: Ir, into: Set<string>): void {
  into.add(ir.kind)
  if (ir.kind === 'call') into.add(`call:${ir.fn}`)
  if (ir.kind === 'arithmetic' || ir.kind === 'compare' || ir.kind === 'textTest' || ir.kind === 'logic') {
    into.add(`${ir.kind}:${ir.op}`)
  }
  if (ir.kind === 'setHas') into.add(`setHas:${ir.quantifier}`)
  children(ir).forEach((child) => features(child, into))
}

/** Sets are unordered; 并集 sorts its items on both sides, stored sets keep their order on both. */
function same(a: ExprValue, b: ExprValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b // 0 === -0 on purpose
  return JSON.stringify(a) === JSON.stringify(b)
}

describe('SQL and JS agree', () => {
  it(`on ${CONDITIONS} random conditions (rows selected by WHERE)`, () => {
    const random = new Random(1)
    const generator = new ExpressionGenerator(random)
    const covered = new Set<string>()
    let selective = 0
    for (let count = 0; count < CONDITIONS; count++) {
      const text = generator.expression('boolean', random.int(2, MAX_DEPTH))
      const ir = compile(text)
      features(ir, covered)
      const where = toSql(ir, { today: PROPERTY_TODAY, parameters: PROPERTY_PARAMETER_VALUES })
      const bySql = (
        db.prepare(`SELECT _id FROM t WHERE ${where.text} ORDER BY _id`).all(...where.values) as {
          _id: number
        }[]
      ).map((row) => row._id)
      const byJs = records
        .filter(
          (record) =>
            evaluate(ir, record, {
              today: PROPERTY_TODAY,
              parameters: PROPERTY_PARAMETER_VALUES,
              keyBy: 'column',
            }) === true,
        )
        .map((record) => record._id)
      if (JSON.stringify(bySql) !== JSON.stringify(byJs)) {
        expect(bySql, `${text}\n${where.text}\n${JSON.stringify(where.values)}`).toEqual(byJs)
      }
      if (bySql.length > 0 && bySql.length < RECORD_COUNT) selective++
    }
    // Most conditions split the records (not all-or-nothing), so agreement means something.
    expect(selective / CONDITIONS).toBeGreaterThan(0.5)
    // The generator reaches every construct of the language.
    const expected = [
      ...[
        'literal',
        'field',
        'today',
        'negate',
        'not',
        'isEmpty',
        'inList',
        'between',
        'subset',
        'if',
        'coalesce',
        'param',
        'union',
      ],
      ...['+', '-', '*', '/', '%'].map((op) => `arithmetic:${op}`),
      ...['=', '!=', '<', '<=', '>', '>='].map((op) => `compare:${op}`),
      ...['and', 'or'].map((op) => `logic:${op}`),
      ...['contains', 'startsWith', 'endsWith', 'matches'].map((op) => `textTest:${op}`),
      ...['any', 'all'].map((quantifier) => `setHas:${quantifier}`),
      ...['year', 'month', 'day', 'daysBetween', 'length', 'idValid', 'idBirthDate', 'idSex', 'age'].map(
        (fn) => `call:${fn}`,
      ),
    ]
    expect(expected.filter((feature) => !covered.has(feature))).toEqual([])
  })

  it(`on ${VALUES} random expressions of every type (SELECT values, conditions included)`, () => {
    const random = new Random(2)
    const generator = new ExpressionGenerator(random)
    const types = ['number', 'text', 'date', 'set', 'boolean'] as const
    for (let count = 0; count < VALUES; count++) {
      const text = generator.expression(types[count % types.length], random.int(1, MAX_DEPTH))
      const ir = compile(text)
      const select = toSql(ir, { today: PROPERTY_TODAY, parameters: PROPERTY_PARAMETER_VALUES })
      const rows = db
        .prepare(`SELECT _id, ${select.text} AS v FROM t ORDER BY _id`)
        .all(...select.values) as {
        _id: number
        v: unknown
      }[]
      rows.forEach((row, index) => {
        const bySql = fromSql(row.v, ir.type)
        const byJs = evaluate(ir, records[index], {
          today: PROPERTY_TODAY,
          parameters: PROPERTY_PARAMETER_VALUES,
          keyBy: 'column',
        })
        if (!same(bySql, byJs)) {
          const context = `${text}\n${select.text}\n${JSON.stringify(select.values)}\n${JSON.stringify(records[index])}`
          expect(bySql, context).toEqual(byJs)
        }
      })
    }
  })
})
