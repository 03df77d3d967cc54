import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { registerExprFunctions } from '../../../electron/engine/expr/sql-functions.ts'

describe('registerExprFunctions', () => {
  const db = new Database(':memory:')
  registerExprFunctions(db)
  const get = (text: string, ...values: unknown[]) =>
    db.prepare(`SELECT ${text} AS v`).get(...values) as { v: unknown }

  it('backs REGEXP with JavaScript regular expressions, NULL for NULL or a bad pattern', () => {
    expect(get('? REGEXP ?', '320102', '^\\d{6}$').v).toBe(1)
    expect(get('? REGEXP ?', '32010x', '^\\d{6}$').v).toBe(0)
    expect(get('? REGEXP ?', '𠀀', '^.$').v).toBe(1) // u flag: one character, not two halves
    expect(get('NULL REGEXP ?', 'a').v).toBe(null)
    expect(get('? REGEXP ?', 'a', '[a-').v).toBe(null)
  })

  it('checks identity numbers with the shared GB 11643 code', () => {
    expect(get('yanpan_id_valid(?)', '11010519491231002X').v).toBe(1)
    expect(get('yanpan_id_valid(?)', '110105194912310021').v).toBe(0)
    expect(get('yanpan_id_valid(NULL)').v).toBe(null)
    expect(get('yanpan_id_birth(?)', '11010519491231002X').v).toBe('1949-12-31')
    expect(get('yanpan_id_sex(?)', '11010519491231002X').v).toBe('女')
    expect(get('yanpan_id_sex(?)', 'abc').v).toBe(null)
  })

  it('registers deterministic functions, usable in an index', () => {
    db.exec('CREATE TABLE p (id TEXT)')
    expect(() => db.exec('CREATE INDEX p_sex ON p (yanpan_id_sex(id))')).not.toThrow()
  })
})
