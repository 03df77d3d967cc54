import { describe, expect, it } from 'vitest'
import { caseMismatches, checkCase, checkLinks, checkRow } from '../../../electron/engine/demo/clean-check.ts'
import { exportColumns } from '../../../electron/engine/demo/columns.ts'
import { isValidIdCard } from '../../../electron/engine/demo/id-card.ts'
import { loadCodeTable, loadKindDictionaries } from '../../../electron/engine/import/kinds.ts'
import { CASE_NUMBER_PATTERN, unitCodeFromCaseNumber } from '../../../electron/engine/import/unit-code.ts'
import { parseDate } from '../../../shared/values/date.ts'
import { anomalyVisibility } from '../../helpers/demo-aggregates.ts'
import { useProvince } from '../../helpers/demo-province.ts'
import { byCase, rowKey } from '../../helpers/demo-rows.ts'

const KINDS = ['010101', '020101'] as const

describe('demo province ground truth (20 000 suspects)', () => {
  const province = useProvince({ persons: 20_000, seed: 7 })
  const data = () => province().data
  const today = () => data().manifest.exportDate
  const clean = (kind: (typeof KINDS)[number]) =>
    data().rows[kind].filter((r) => !data().injected.has(rowKey(kind, r)))

  it('writes exactly the dictionary headers, values from the dictionaries', () => {
    const charges = new Set(loadCodeTable('charges'))
    for (const kind of KINDS) {
      const dictionary = loadKindDictionaries().find((d) => d.kind === kind)!
      const header = data().headers[kind]
      expect(header).toEqual(exportColumns(kind))
      expect(header.slice(0, dictionary.fields.filter((f) => !f.optional).length)).toEqual(
        dictionary.fields.filter((f) => !f.optional).map((f) => f.name),
      )
      for (const field of dictionary.fields.filter((f) => header.includes(f.name))) {
        const values = new Set(
          data()
            .rows[kind].map((r) => r[field.name])
            .filter((v) => v !== ''),
        )
        for (const value of values) {
          if (field.type === 'boolean') expect(['是', '否']).toContain(value)
          else if (field.type === 'date') expect(parseDate(value, { serials: 'none' })).toBe(value)
          else if (field.codeTable === 'charges' && field.type === 'code')
            expect(charges.has(value), `${field.name}: ${value}`).toBe(true)
          else if (field.closed && field.values) expect(field.values, field.name).toContain(value)
          else if (field.type === 'integer') expect(value).toMatch(/^\d+$/)
        }
      }
    }
  })

  it('numbers cases like the 2.0 system and keys rows uniquely', () => {
    const units = new Map(province().result.units.map((u) => [u.code, u]))
    for (const kind of KINDS) {
      const keys = new Set<string>()
      for (const row of data().rows[kind]) {
        const number = row['部门受案号']
        expect(number).toMatch(CASE_NUMBER_PATTERN)
        const unit = units.get(unitCodeFromCaseNumber(number)!)!
        expect(
          number.startsWith(
            `${unit.shortName}${kind === '010101' ? '捕' : '诉'}受[${row['受理日期'].slice(0, 4)}]${unit.code}`,
          ),
        ).toBe(true)
        expect(unit.departments).toContain(row['承办部门'])
        expect(unit.prosecutors.flat()).toContain(row['承办检察官'])
        keys.add(rowKey(kind, row))
      }
      expect(keys.size).toBe(data().rows[kind].length)
    }
  })

  it('gives valid 身份证号 consistent with birth date and sex, with Jiangsu area codes', () => {
    const areas = new Set(
      province()
        .result.units.filter((u) => u.level === 'county')
        .map((u) => u.code),
    )
    for (const kind of KINDS) {
      for (const row of clean(kind)) {
        expect(isValidIdCard(row['身份证号'])).toBe(true)
        expect(areas.has(row['身份证号'].slice(0, 6))).toBe(true)
      }
    }
  })

  it('links each suspect reviewed for arrest to the same person in 一审公诉', () => {
    const arrests = new Map(data().rows['010101'].map((r) => [r['嫌疑人编号'], r]))
    const touched = new Set(data().manifest.errors.map((e) => e.嫌疑人编号))
    let linked = 0
    for (const row of data().rows['020101']) {
      const arrest = arrests.get(row['嫌疑人编号'])
      if (!arrest || touched.has(row['嫌疑人编号'])) continue
      linked++
      expect(checkLinks(arrest, row)).toEqual([])
    }
    expect(linked).toBeGreaterThan(data().rows['010101'].length * 0.6)
    // Suspects come into 一审公诉 through 审查逮捕 or directly; both paths are common.
    expect(linked).toBeLessThan(data().rows['020101'].length * 0.7)
  })

  it('keeps 全案_ columns identical within every case', () => {
    for (const kind of KINDS)
      for (const rows of byCase(data().rows[kind]).values()) expect(caseMismatches(rows)).toEqual([])
  })

  it('clean rows pass every rule of clean-check, case by case', () => {
    for (const kind of KINDS) {
      for (const [number, rows] of byCase(data().rows[kind])) {
        const cleanRows = rows.filter((r) => !data().injected.has(rowKey(kind, r)))
        for (const row of cleanRows)
          expect(checkRow(kind, row, { today: today(), caseSize: rows.length }), `${kind} ${number}`).toEqual(
            [],
          )
        if (cleanRows.length === rows.length) expect(checkCase(kind, rows)).toEqual([])
      }
    }
  })

  it('lists every injected error in the manifest, and each is really there', () => {
    const { errors, errorRate } = data().manifest
    const total = data().rows['010101'].length + data().rows['020101'].length
    expect(errors.length / total).toBeGreaterThan(errorRate * 0.8)
    expect(errors.length / total).toBeLessThan(errorRate * 1.2)
    const rules = new Set(errors.map((e) => e.rule))
    expect(rules.size).toBeGreaterThan(30)
    const rows = new Map(KINDS.flatMap((kind) => data().rows[kind].map((r) => [rowKey(kind, r), r] as const)))
    const sizes = new Map(
      KINDS.flatMap((kind) =>
        [...byCase(data().rows[kind])].map(([n, list]) => [`${kind}|${n}`, list.length] as const),
      ),
    )
    for (const error of errors) {
      const row = rows.get(`${error.kind}|${error.部门受案号}|${error.嫌疑人编号}`)!
      expect(row, `${error.rule} ${error.部门受案号}`).toBeDefined()
      for (const change of error.fields) expect(row[change.field]).toBe(change.to)
      const broken = checkRow(error.kind, row, {
        today: today(),
        caseSize: sizes.get(`${error.kind}|${error.部门受案号}`),
      })
      expect(broken).toContain(error.rule)
      expect(new Set(broken)).toEqual(new Set([error.rule, ...error.alsoViolates]))
    }
  })

  it('makes every listed anomaly visible in the monthly or quarterly aggregates', () => {
    const { anomalies } = data().manifest
    expect(anomalies.map((a) => a.kind).sort()).toEqual(['blank', 'change', 'change', 'outlier', 'outlier'])
    const counties = new Set(
      province()
        .result.units.filter((u) => u.level === 'county')
        .map((u) => u.code),
    )
    for (const anomaly of anomalies) {
      const seen = anomalyVisibility(data(), anomaly, counties)
      expect(
        seen.visible,
        `${anomaly.unitName} ${anomaly.indicator} ${anomaly.period}: ${seen.value} vs ${seen.baseline}`,
      ).toBe(true)
    }
  })

  it('reports the province figures it measured in the manifest', () => {
    const { rates, counts } = data().manifest
    expect(rates.不捕率).toBeGreaterThan(0.3)
    expect(rates.不诉率).toBeLessThan(0.26)
    expect(counts.rows['010101']).toBe(data().rows['010101'].length)
    expect(counts.rows['020101']).toBe(data().rows['020101'].length)
    expect(counts.suspects).toBe(
      new Set(KINDS.flatMap((k) => data().rows[k].map((r) => r['嫌疑人编号']))).size,
    )
  })
})
