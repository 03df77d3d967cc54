import { describe, expect, it } from 'vitest'
import { loadLibrary } from '../../../electron/engine/quality/library.ts'
import { checkRule } from '../../../electron/engine/quality/rule-check.ts'

/** rules.md §4.1 has R001–R076 except these, absent from the source tool's version. */
const ABSENT = ['R013', 'R020', 'R021', 'R065', 'R073', 'R074', 'R075']

describe('the rule library (resources/rules)', () => {
  const library = loadLibrary()

  it('has every rule of rules.md §4.1 under its id, §4.3 as F01–F16, and the §4.2 rules the exports allow', () => {
    const ids = library.map((r) => r.id)
    const catalogue = Array.from({ length: 76 }, (_, i) => `R${String(i + 1).padStart(3, '0')}`).filter(
      (id) => !ABSENT.includes(id),
    )
    expect(catalogue).toHaveLength(69)
    expect(catalogue.filter((id) => !ids.includes(id))).toEqual([])
    const inferred = Array.from({ length: 16 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`)
    expect(inferred.filter((id) => !ids.includes(id))).toEqual([])
    expect(ids).toEqual(expect.arrayContaining(['S7', 'S9', 'F06B']))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('compiles every rule against the field dictionaries, with a Chinese name, description and message', () => {
    for (const rule of library) {
      expect(checkRule(rule, []), rule.id).toEqual({ ok: true, errors: [] })
      expect(rule.name, rule.id).toMatch(/[\u4e00-\u9fff]/)
      expect(rule.description.length, rule.id).toBeGreaterThan(10)
      expect(rule.message, rule.id).toMatch(/[\u4e00-\u9fff]/)
      expect(rule.fields.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('ships the rules that duplicate others disabled', () => {
    expect(library.filter((r) => !r.enabled).map((r) => r.id)).toEqual(['F10', 'F15'])
  })

  it('keeps the tolerances of the catalogue as parameters', () => {
    const value = (id: string, name: string) =>
      library.find((r) => r.id === id)!.parameters.find((p) => p.name === name)?.value
    expect(value('R006', '天数上限')).toBe(7)
    expect(value('R038', '天数上限')).toBe(31)
    expect(value('R042', '金额上限')).toBe(499)
    expect(value('R069', '幅度比例')).toBe(25)
    expect(value('R056', '天数上限')).toBe(94)
  })
})
