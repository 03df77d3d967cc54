import { describe, expect, it } from 'vitest'
import type { Row } from '../../../electron/engine/demo/clean-check.ts'
import { dayNumber } from '../../../shared/values/date.ts'
import { unitCodeFromCaseNumber } from '../../../electron/engine/import/unit-code.ts'
import { useProvince } from '../../helpers/demo-province.ts'
import { rowKey } from '../../helpers/demo-rows.ts'

/**
 * Realism bands of a 20 000-suspect province (figures.md): each a range the national figures sit in,
 * measured the way indicators.md defines them (by person, decisions dated in the window).
 */
describe('demo province realism (20 000 suspects)', () => {
  const province = useProvince({ persons: 20_000 })
  const last = () => province().data.manifest.to
  const inWindow = (date: string) => date !== '' && date.slice(0, 7) <= last()
  const arrests = () => province().data.rows['010101']
  const prosecutions = () => province().data.rows['020101']
  const concluded = () => prosecutions().filter((r) => inWindow(r['审结日期']))
  const share = (rows: Row[], test: (r: Row) => boolean) => rows.filter(test).length / rows.length

  it('不捕率 30–40 %', () => {
    const decided = arrests().filter((r) => inWindow(r['审结日期']))
    expect(share(decided, (r) => r['审结处理结果'] === '不批准逮捕')).toBeGreaterThan(0.3)
    expect(share(decided, (r) => r['审结处理结果'] === '不批准逮捕')).toBeLessThan(0.4)
  })

  it('不诉率 18–26 % and 诉前羁押率 25–40 %', () => {
    const decided = concluded().filter(
      (r) => r['审结处理情况'] === '起诉' || r['审结处理情况'].endsWith('不起诉'),
    )
    const dropped = share(decided, (r) => r['审结处理情况'].endsWith('不起诉'))
    expect(dropped).toBeGreaterThan(0.18)
    expect(dropped).toBeLessThan(0.26)
    const approved = arrests().filter(
      (r) => inWindow(r['审结日期']) && r['审结处理结果'] === '批准逮捕',
    ).length
    expect(approved / decided.length).toBeGreaterThan(0.25)
    expect(approved / decided.length).toBeLessThan(0.4)
  })

  it('认罪认罚 85–90 %, 确定刑 about 90 %, 采纳 about 95 % of recommendations', () => {
    const plea = share(concluded(), (r) => r['审查起诉阶段检察机关适用认罪认罚'] === '是')
    expect(plea).toBeGreaterThan(0.85)
    expect(plea).toBeLessThan(0.9)
    const recommended = concluded().filter((r) => r['审查起诉阶段提出量刑建议类型'] !== '')
    expect(share(recommended, (r) => r['审查起诉阶段提出量刑建议类型'] === '确定刑量刑建议')).toBeCloseTo(
      0.9,
      1,
    )
    const answered = concluded().filter((r) => r['是否法院采纳量刑建议'] !== '')
    expect(share(answered, (r) => r['是否法院采纳量刑建议'] === '是')).toBeCloseTo(0.95, 1)
  })

  it('minors are 4–6 % of suspects', () => {
    const minors = share(prosecutions(), (r) => Number(r['作案时年龄']) < 18)
    expect(minors).toBeGreaterThan(0.04)
    expect(minors).toBeLessThan(0.06)
  })

  it('charges follow real caseloads: 危险驾驶 first, 盗窃, 帮信 and 诈骗 next', () => {
    const counts = new Map<string, number>()
    for (const r of prosecutions()) counts.set(r['移诉案由'], (counts.get(r['移诉案由']) ?? 0) + 1)
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([charge]) => charge)
    expect(ranked[0]).toBe('危险驾驶罪')
    expect(ranked.slice(1, 5)).toEqual(expect.arrayContaining(['盗窃罪', '帮助信息网络犯罪活动罪', '诈骗罪']))
    expect(counts.size).toBeGreaterThan(60)
  })

  it('units differ: their 不诉率 spread around the province rate', () => {
    const byUnit = new Map<string, { dropped: number; decided: number }>()
    for (const r of concluded()) {
      if (r['审结处理情况'] !== '起诉' && !r['审结处理情况'].endsWith('不起诉')) continue
      const unit = unitCodeFromCaseNumber(r['部门受案号'])!
      const u = byUnit.get(unit) ?? { dropped: 0, decided: 0 }
      u.decided++
      if (r['审结处理情况'].endsWith('不起诉')) u.dropped++
      byUnit.set(unit, u)
    }
    const rates = [...byUnit.values()].filter((u) => u.decided >= 150).map((u) => u.dropped / u.decided)
    expect(rates.length).toBeGreaterThan(20)
    const mean = rates.reduce((s, x) => s + x, 0) / rates.length
    const sd = Math.sqrt(rates.reduce((s, x) => s + (x - mean) ** 2, 0) / rates.length)
    // More spread than sampling alone (≈ 3.3 pp at 150 persons) would give.
    expect(sd).toBeGreaterThan(0.04)
  })

  it('seasonality: 春节 empties January–February, the year end rises', () => {
    const perMonth = new Map<string, number>()
    for (const r of [...arrests(), ...prosecutions()])
      perMonth.set(r['受理日期'].slice(5, 7), (perMonth.get(r['受理日期'].slice(5, 7)) ?? 0) + 1)
    const days = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    const daily = (m: number) => perMonth.get(String(m).padStart(2, '0'))! / days[m - 1]
    const middle = [3, 4, 5, 6, 7, 8, 9].map(daily).reduce((s, x) => s + x, 0) / 7
    expect((daily(1) + daily(2)) / 2).toBeLessThan(0.92 * middle)
    expect(daily(12)).toBeGreaterThan(middle)
  })

  it('durations respect the statutory limits, with a realistic tail', () => {
    const injected = province().data.injected
    const clean = (kind: '010101' | '020101') => (r: Row) =>
      !injected.has(rowKey(kind, r)) && r['审结日期'] !== ''
    const days = (r: Row) => dayNumber(r['审结日期']) - dayNumber(r['受理日期'])
    const arrest = arrests().filter(clean('010101')).map(days)
    expect(Math.max(...arrest)).toBeLessThanOrEqual(7)
    expect(arrest.filter((d) => d >= 6).length / arrest.length).toBeGreaterThan(0.3)
    const reviews = prosecutions().filter(clean('020101'))
    const fast = reviews.filter((r) => r['庭审程序'] === '速裁程序').map(days)
    expect(Math.max(...fast)).toBeLessThanOrEqual(10)
    const plain = reviews
      .filter((r) => r['庭审程序'] !== '速裁程序' && r['全案_一次退查日期'] === '')
      .map(days)
    expect(Math.max(...plain)).toBeLessThanOrEqual(45)
    expect(plain.filter((d) => d > 30).length / plain.length).toBeGreaterThan(0.02)
    const returned = reviews.filter((r) => r['全案_一次退查日期'] !== '').map(days)
    expect(returned.length / reviews.length).toBeGreaterThan(0.01)
    expect(Math.max(...returned)).toBeGreaterThan(60)
  })

  it('sentences come from real distributions: 危险驾驶 only 拘役 up to 6 months, median term about a year', () => {
    const injected = province().data.injected
    const judged = prosecutions().filter((r) => r['一审宣告刑'] !== '' && !injected.has(rowKey('020101', r)))
    const driving = judged.filter((r) => r['一审判决罪名/案由'] === '危险驾驶罪')
    expect(driving.every((r) => r['一审宣告刑'] === '拘役' && Number(r['一审宣告刑刑期']) <= 6)).toBe(true)
    const terms = judged
      .filter((r) => r['一审宣告刑'] === '有期徒刑')
      .map((r) => Number(r['一审宣告刑刑期']))
      .sort((a, b) => a - b)
    const median = terms[Math.floor(terms.length / 2)]
    expect(median).toBeGreaterThanOrEqual(8)
    expect(median).toBeLessThanOrEqual(18)
    expect(terms.every((m) => m >= 6 && m <= 180)).toBe(true)
  })
})
