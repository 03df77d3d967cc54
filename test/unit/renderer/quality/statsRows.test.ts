import { describe, expect, it } from 'vitest'
import type { QualityResults } from '../../../../shared/ipc/quality-contract.ts'
import { prosecutorRows, unitRows } from '../../../../renderer/src/pages/quality/statsRows.ts'

const counts = (open: number, total: number) => ({
  open,
  confirmed: 0,
  rectified: total - open,
  falsePositive: 0,
  total,
})

const stats: QualityResults['flags/stats'] = {
  byRule: [],
  byUnit: [
    { unit: '320102', unitName: '鼓楼区院', ...counts(1, 9) },
    { unit: '320104', unitName: null, ...counts(5, 6) },
  ],
  byProsecutor: [
    { prosecutor: '张三', unit: '320102', ...counts(1, 1) },
    { prosecutor: '张三', unit: '320104', ...counts(2, 2) },
  ],
  totals: counts(6, 15),
}

describe('stats rows', () => {
  it('lists units by open flags first, by name when the engine knows it', () => {
    expect(unitRows(stats).map((row) => [row.value, row.label])).toEqual([
      ['320104', '320104'],
      ['320102', '鼓楼区院'],
    ])
    expect(unitRows(undefined)).toEqual([])
  })

  it('tells namesake prosecutors apart by their unit', () => {
    const rows = prosecutorRows(stats)
    expect(rows.map((row) => [row.value, row.sub])).toEqual([
      ['张三', '320104'],
      ['张三', '鼓楼区院'],
    ])
    expect(new Set(rows.map((row) => row.key)).size).toBe(2)
  })
})
