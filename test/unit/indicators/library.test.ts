import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileExpression, holds, type ExprField } from '../../../shared/expr/index.ts'
import type { FieldType } from '../../../shared/domain/fields.ts'
import { compileFormula } from '../../../shared/indicators/formula.ts'
import {
  caliberOn,
  indicatorSchema,
  isIndicatorMeasure,
  type IndicatorDefinition,
  type RecordMeasure,
} from '../../../shared/indicators/model.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dir = path.join(root, 'resources', 'indicators')
const files = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()

/** Each file's raw JSON and parsed definitions. */
const library = files.map((file) => {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  const items = Array.isArray(raw) ? raw : []
  return { file, raw, parsed: items.map((item: unknown) => indicatorSchema.safeParse(item)) }
})
const definitions: IndicatorDefinition[] = library.flatMap(({ parsed }) =>
  parsed.flatMap((result) => (result.success ? [result.data] : [])),
)
const byId = new Map(definitions.map((d) => [d.id, d]))

/** The fields a measure over an export kind may read: its dictionary plus the derived 承办单位. */
function kindFields(kind: string): ExprField[] {
  const dictionary: { fields: { name: string; type: FieldType }[] } = JSON.parse(
    fs.readFileSync(path.join(root, 'resources', 'kinds', `${kind}.json`), 'utf8'),
  )
  const fields = dictionary.fields.map((f, i) => ({ name: f.name, type: f.type, column: `c${i + 1}` }))
  return [...fields, { name: '承办单位', type: 'code', column: `c${fields.length + 1}` }]
}
const FIELDS: Record<string, ExprField[]> = { '010101': kindFields('010101'), '020101': kindFields('020101') }

/** Every measure of every 口径, labelled for assertion messages. */
const measures = definitions.flatMap((d) =>
  d.calibers.flatMap((c) =>
    Object.entries(c.measures).map(([name, measure]) => ({
      label: `${d.id} / ${c.id} / ${name}`,
      definition: d,
      measure,
    })),
  ),
)
const recordMeasures = measures.flatMap((m) =>
  isIndicatorMeasure(m.measure) ? [] : [{ ...m, measure: m.measure as RecordMeasure }],
)

const REQUIRED = [
  // counts of both stages
  '审查逮捕受理件数',
  '审查逮捕受理人数',
  '审查逮捕审结件数',
  '审查逮捕审结人数',
  '审查起诉受理件数',
  '审查起诉受理人数',
  '审查起诉审结件数',
  '审查起诉审结人数',
  // rates of the brief
  '不捕率',
  '逮捕率',
  '不诉率',
  '起诉率',
  '诉前羁押率',
  '捕后不诉率',
  '认罪认罚从宽制度适用率',
  '确定刑量刑建议提出率',
  '量刑建议采纳率',
  '撤回起诉率',
  '无罪判决率',
  '一审服判率',
  '上诉率',
  '退回补充侦查率',
  '延长审查起诉期限率',
  '审查逮捕平均办案天数',
  '审查起诉平均办案天数',
  '未成年人不捕率',
  '未成年人不诉率',
  '附条件不起诉率',
  '速裁程序适用率',
  '纠正漏捕人数',
  '纠正漏诉人数',
  // the further ones it suggests
  '不捕人数',
  '批捕人数',
  '起诉人数',
  '不起诉人数',
  '存疑不起诉率',
  '相对不起诉率',
  '绝对不起诉率',
  '简易程序适用率',
  '普通程序适用率',
  '判处免予刑事处罚率',
  '捕后判处免予刑事处罚率',
  '幅度刑量刑建议占比',
  '法定情节累犯占比',
  '涉网络犯罪人数',
  '未成年人受理人数',
  '撤回起诉和无罪判决率',
]

const THEMES = ['刑事检察', '未成年人检察', '办案质效', '综合']

/** The day before / after a 'YYYY-MM-DD' date. */
function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

describe('the indicator library (resources/indicators)', () => {
  it('is a set of JSON arrays of definitions that parse with indicatorSchema', () => {
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const { file, raw, parsed } of library) {
      expect(Array.isArray(raw), file).toBe(true)
      for (const [i, result] of parsed.entries()) {
        const where = `${file}[${i}]`
        expect(result.success ? [] : result.error.issues, where).toEqual([])
        if (!result.success) continue
        // Library entries say so themselves (a default would make them user definitions).
        expect((raw as { source?: string }[])[i].source, where).toBe('library')
      }
    }
  })

  it('has at least 40 indicators with unique ids, every one the brief names among them', () => {
    const ids = definitions.map((d) => d.id)
    expect(ids.length).toBeGreaterThanOrEqual(40)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    expect(REQUIRED.filter((id) => !byId.has(id))).toEqual([])
  })

  it('names each indicator by its id, with a theme, tags and a Chinese description', () => {
    for (const d of definitions) {
      expect(d.name, d.id).toBe(d.id)
      expect(THEMES, d.id).toContain(d.theme)
      expect(d.tags.length, d.id).toBeGreaterThan(0)
      expect(d.description, d.id).toMatch(/[\u4e00-\u9fff]/)
      expect(d.description.length, d.id).toBeGreaterThan(15)
    }
  })

  it('pairs indicators only with other indicators of the library', () => {
    for (const d of definitions)
      for (const other of d.pairs ?? []) {
        expect(byId.has(other), `${d.id} ↔ ${other}`).toBe(true)
        expect(other, d.id).not.toBe(d.id)
      }
  })

  it('compiles every 口径 formula over its measure names and uses every measure', () => {
    for (const d of definitions) {
      const caliberIds = d.calibers.map((c) => c.id)
      expect(new Set(caliberIds).size, d.id).toBe(caliberIds.length)
      for (const c of d.calibers) {
        const label = `${d.id} / ${c.id}`
        const names = Object.keys(c.measures)
        const compiled = compileFormula(c.formula, names)
        expect(compiled.ok ? [] : compiled.errors.map((e) => e.message), label).toEqual([])
        if (!compiled.ok) continue
        const used = new Set([...compiled.formula.numeratorMeasures, ...compiled.formula.denominatorMeasures])
        expect(
          names.filter((name) => !used.has(name)),
          `${label}: unused measures`,
        ).toEqual([])
        // A rate is a ratio of record measures, or composed of other indicators (撤回起诉率 + 无罪判决率).
        const composed = Object.values(c.measures).every(isIndicatorMeasure)
        if (d.unit === '%' || d.unit === '‰') {
          if (!composed) expect(compiled.formula.denominator, `${label}: a rate`).not.toBeNull()
        } else expect(compiled.formula.denominator, `${label}: not a ratio`).toBeNull()
      }
    }
  })

  it('has a 口径 in force on every date', () => {
    for (const d of definitions) {
      const boundaries = d.calibers.flatMap((c) => [
        ...(c.from ? [c.from, shiftDay(c.from, -1)] : []),
        ...(c.to ? [c.to, shiftDay(c.to, 1)] : []),
      ])
      for (const date of ['1990-01-01', '2100-12-31', ...boundaries]) {
        const caliber = caliberOn(d, date)
        const inForce = (caliber.from ?? '') <= date && date <= (caliber.to ?? '9999-12-31')
        expect(inForce, `${d.id} on ${date}`).toBe(true)
      }
    }
  })

  it('keeps units and precisions consistent: rates %, counts 人/件 of one measure, days 天', () => {
    for (const d of definitions) {
      const caliberMeasures = d.calibers.flatMap((c) => Object.values(c.measures))
      const composed = caliberMeasures.every(isIndicatorMeasure)
      if (d.unit === '%') expect([1, 2], d.id).toContain(d.precision)
      if (d.unit === '天') expect(d.precision, d.id).toBe(1)
      if (d.unit === '人' || d.unit === '件') {
        expect(d.precision, d.id).toBe(0)
        for (const c of d.calibers) {
          if (composed) continue
          expect(Object.keys(c.measures), `${d.id} / ${c.id}`).toEqual([c.formula])
          const only = c.measures[c.formula] as RecordMeasure
          expect(only.of, d.id).toBe(d.unit === '人' ? 'persons' : 'cases')
        }
      }
      if (d.unit === '天')
        for (const m of caliberMeasures)
          expect(isIndicatorMeasure(m) ? 'indicator' : m.of, d.id).toMatch(/days|avg|median/)
    }
  })

  it('reads only indicators that exist, with a ratio behind a numerator or denominator, and no cycles', () => {
    const refs = (d: IndicatorDefinition) =>
      d.calibers.flatMap((c) => Object.values(c.measures).flatMap((m) => (isIndicatorMeasure(m) ? [m] : [])))
    for (const d of definitions)
      for (const ref of refs(d)) {
        const target = byId.get(ref.indicator)
        expect(target, `${d.id} → ${ref.indicator}`).toBeDefined()
        if (target === undefined || ref.part === 'value') continue
        for (const c of target.calibers) {
          const compiled = compileFormula(c.formula, Object.keys(c.measures))
          expect(
            compiled.ok && compiled.formula.denominator !== null,
            `${d.id} → ${target.id} / ${c.id}`,
          ).toBe(true)
        }
      }
    const visiting = new Set<string>()
    const done = new Set<string>()
    const visit = (id: string, trail: string[]) => {
      expect(visiting.has(id), `cycle: ${[...trail, id].join(' → ')}`).toBe(false)
      if (done.has(id) || visiting.has(id)) return
      visiting.add(id)
      const d = byId.get(id)
      if (d) for (const ref of refs(d)) visit(ref.indicator, [...trail, id])
      visiting.delete(id)
      done.add(id)
    }
    for (const d of definitions) visit(d.id, [])
  })

  it('compiles every record measure against its export dictionary plus 承办单位', () => {
    for (const { label, measure } of recordMeasures) {
      expect(['010101', '020101'], label).toContain(measure.dataset)
      const fields = FIELDS[String(measure.dataset)]
      if (fields === undefined) continue
      const type = (name: string | undefined) => fields.find((f) => f.name === name)?.type
      expect(type(measure.date), `${label}: date ${measure.date}`).toBe('date')
      expect(measure.description ?? '', label).toMatch(/[\u4e00-\u9fff]/)

      expect(measure.filter, `${label}: filter`).toBeDefined()
      const filter = compileExpression(measure.filter ?? '', fields, { expect: 'boolean' })
      expect(filter.ok ? [] : filter.errors.map((e) => e.message), `${label}: filter`).toEqual([])

      if (['sum', 'avg', 'median'].includes(measure.of)) {
        expect(measure.value, `${label}: value`).toBeDefined()
        const value = compileExpression(measure.value ?? '', fields, { expect: 'number' })
        expect(value.ok ? [] : value.errors.map((e) => e.message), `${label}: value`).toEqual([])
      } else expect(measure.value, `${label}: no value for ${measure.of}`).toBeUndefined()

      if (measure.of === 'days') {
        expect(type(measure.from), `${label}: from ${measure.from}`).toBe('date')
        expect(type(measure.to), `${label}: to ${measure.to}`).toBe('date')
        expect(['sum', 'avg', 'median'], `${label}: stat`).toContain(measure.stat)
      } else {
        expect(measure.from, label).toBeUndefined()
        expect(measure.to, label).toBeUndefined()
      }
    }
  })

  it('keeps the two 不捕率 口径 of indicators.md §1.4, switching on 2024-01-01', () => {
    const rate = byId.get('不捕率')!
    expect(rate.direction).toBe('range')
    expect(caliberOn(rate, '2023-12-31').id).toBe('不含决定逮捕')
    expect(caliberOn(rate, '2024-01-01').id).toBe('标准')
    expect(caliberOn(rate, '2024-01-01').formula).toBe('不捕人数 / (批捕人数 + 不捕人数)')
    expect(byId.get('不诉率')!.direction).toBe('range')
    expect(byId.get('诉前羁押率')!.direction).toBe('down')
    expect(byId.get('认罪认罚从宽制度适用率')!.direction).toBe('up')
  })

  describe('counts the records the catalogue means', () => {
    /** Whether a record passes a measure's filter, in the 口径 in force on a date or the one with that id. */
    function passes(
      id: string,
      measure: string,
      record: Record<string, unknown>,
      when = '2025-06-30',
    ): boolean {
      const definition = byId.get(id)!
      const caliber = definition.calibers.find((c) => c.id === when) ?? caliberOn(definition, when)
      const m = caliber.measures[measure] as RecordMeasure
      const compiled = compileExpression(m.filter ?? '', FIELDS[String(m.dataset)], { expect: 'boolean' })
      if (!compiled.ok) throw new Error(compiled.errors[0].message)
      return holds(compiled.ir, record)
    }

    it('不起诉: every kind of 不起诉 but 附条件不起诉 (indicators.md B2/C2)', () => {
      for (const outcome of ['绝对不起诉', '其他证据不足不起诉', '其他情节轻微不起诉', '刑事和解不起诉'])
        expect(passes('不诉率', '不起诉人数', { 审结处理情况: outcome }), outcome).toBe(true)
      for (const outcome of ['附条件不起诉', '起诉', '退查后未重报', null])
        expect(passes('不诉率', '不起诉人数', { 审结处理情况: outcome }), String(outcome)).toBe(false)
      expect(passes('不诉率', '不起诉人数', { 审结处理情况: '附条件不起诉' }, '含附条件不起诉')).toBe(true)
      expect(passes('不诉率', '不起诉人数', { 审结处理情况: '起诉' }, '含附条件不起诉')).toBe(false)
    })

    it('不捕: 不批准逮捕 and 不予决定逮捕; 批捕: 批准逮捕 and 决定逮捕, except in the 不含决定逮捕 口径', () => {
      expect(passes('不捕率', '不捕人数', { 审结处理结果: '不予决定逮捕' })).toBe(true)
      expect(passes('不捕率', '批捕人数', { 审结处理结果: '决定逮捕' })).toBe(true)
      expect(passes('不捕率', '批准逮捕人数', { 审结处理结果: '决定逮捕' }, '2022-06-30')).toBe(false)
      expect(passes('不捕率', '不批准逮捕人数', { 审结处理结果: '不予决定逮捕' }, '2022-06-30')).toBe(false)
    })

    it('捕后不诉: arrested before the decision, then 不起诉; minors: 作案时年龄 under 18', () => {
      expect(
        passes('捕后不诉率', '捕后不起诉人数', { 审结前强制措施: '逮捕', 审结处理情况: '刑事和解不起诉' }),
      ).toBe(true)
      expect(
        passes('捕后不诉率', '捕后不起诉人数', { 审结前强制措施: '取保候审', 审结处理情况: '绝对不起诉' }),
      ).toBe(false)
      expect(passes('捕后不诉率', '捕后审结人数', { 审结前强制措施: '逮捕', 审结处理情况: '起诉' })).toBe(
        true,
      )
      expect(
        passes('未成年人不捕率', '未成年人不捕人数', { 作案时年龄: 17, 审结处理结果: '不批准逮捕' }),
      ).toBe(true)
      expect(
        passes('未成年人不捕率', '未成年人不捕人数', { 作案时年龄: 18, 审结处理结果: '不批准逮捕' }),
      ).toBe(false)
      expect(passes('未成年人不捕率', '未成年人不捕人数', { 审结处理结果: '不批准逮捕' })).toBe(false)
    })

    it('延长审查起诉期限 (proxy): a stretch of more than one month between 受理, 退查, 重报 and 审结', () => {
      const extended = (record: Record<string, unknown>) =>
        passes('延长审查起诉期限率', '超一个月案件数', record)
      expect(extended({ 全案_受理日期: '2024-01-01', 全案_审结日期: '2024-01-31' })).toBe(false)
      expect(extended({ 全案_受理日期: '2024-01-01', 全案_审结日期: '2024-02-10' })).toBe(true)
      const returned = {
        全案_受理日期: '2024-01-01',
        全案_一次退查日期: '2024-01-20',
        全案_一次重报日期: '2024-02-19',
      }
      expect(extended({ ...returned, 全案_审结日期: '2024-03-10' })).toBe(false)
      expect(extended({ ...returned, 全案_审结日期: '2024-03-25' })).toBe(true)
    })
  })
})
