import { describe, expect, it } from 'vitest'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import {
  defaultPair,
  groupAverage,
  groupUnits,
  indexResults,
  cellKey,
  mean,
  rankingBars,
  resultsByIndicator,
  scatterPoints,
  trendPoints,
} from '../../../renderer/src/pages/indicators/chartData.ts'
import {
  effectiveColumns,
  indicatorsToCompute,
  toggleColumn,
} from '../../../renderer/src/pages/indicators/selection.ts'
import {
  orderUnits,
  peersOf,
  shortUnitName,
  visibleRows,
} from '../../../renderer/src/pages/indicators/unitTree.ts'

const unit = (
  code: string,
  name: string,
  level: UnitSummary['level'],
  parent: string | null,
): UnitSummary => ({
  code,
  name: `${name}人民检察院`,
  shortName: null,
  level,
  parent,
})

// Deliberately out of order: children before parents, codes shuffled.
const units: UnitSummary[] = [
  unit('320102', '南京市玄武区', 'county', '320100'),
  unit('320200', '无锡市', 'city', '320000'),
  unit('320100', '南京市', 'city', '320000'),
  unit('320000', '江苏省', 'province', null),
  unit('320101', '南京市市辖区', 'county', '320100'),
  unit('320281', '江阴市', 'county', '320200'),
]

const result = (u: string, indicator: string, value: number | null, peerAverage: number | null = null) =>
  ({ unit: u, indicator, value, peerAverage }) as IndicatorResult

describe('unit hierarchy', () => {
  it('orders 省院 → 市院 → 基层院 depth-first, by code', () => {
    expect(orderUnits(units).map((r) => `${'-'.repeat(r.depth)}${r.unit.code}/${r.children}`)).toEqual([
      '320000/2',
      '-320100/2',
      '--320101/0',
      '--320102/0',
      '-320200/1',
      '--320281/0',
    ])
  })

  it('hides the subordinates of collapsed units', () => {
    const rows = orderUnits(units)
    expect(visibleRows(rows, new Set(['320100'])).map((r) => r.unit.code)).toEqual([
      '320000',
      '320100',
      '320200',
      '320281',
    ])
    expect(visibleRows(rows, new Set(['320000'])).map((r) => r.unit.code)).toEqual(['320000'])
  })

  it('finds peers and short names', () => {
    expect(peersOf(units, '320102').map((u) => u.code)).toEqual(['320102', '320101'])
    expect(shortUnitName(units[0])).toBe('南京市玄武区')
  })

  it('compares peers, or the 市院 under the 省院, or a whole level', () => {
    expect(groupUnits(units, '320102', 'peers').map((u) => u.code)).toEqual(['320102', '320101'])
    expect(groupUnits(units, '320000', 'peers').map((u) => u.code)).toEqual(['320200', '320100'])
    expect(groupUnits(units, '320102', 'city').map((u) => u.code)).toEqual(['320200', '320100'])
    expect(groupUnits(units, '320102', 'county')).toHaveLength(3)
    expect(groupUnits(units, 'nope', 'peers')).toEqual([])
  })
})

describe('chart data', () => {
  const counties = units.filter((u) => u.level === 'county')
  const results = resultsByIndicator([
    result('320101', 'bbl', 20),
    result('320102', 'bbl', 30),
    result('320281', 'bbl', 10),
    result('320101', 'sqjy', 50),
    result('320102', 'sqjy', null),
    result('320281', 'sqjy', 70),
  ])

  it('sorts ranking bars best first by direction and leaves out missing values', () => {
    const bbl = results.get('bbl')!
    expect(rankingBars(bbl, counties, 'up', '320102').bars.map((b) => b.value)).toEqual([30, 20, 10])
    expect(rankingBars(bbl, counties, 'down', '320102').bars.map((b) => b.value)).toEqual([10, 20, 30])
    // 区间: closest to the average (20) first.
    expect(rankingBars(bbl, counties, 'range', '320102').bars[0].value).toBe(20)
    const sqjy = rankingBars(results.get('sqjy')!, counties, 'up', '320102')
    expect(sqjy.missing).toBe(1)
    expect(sqjy.average).toBe(60)
    expect(rankingBars(bbl, counties, 'up', '320102').bars.find((b) => b.selected)?.code).toBe('320102')
  })

  it('uses the engine’s peer average for one peer group, else the mean', () => {
    const peers = new Map([
      ['320101', result('320101', 'x', 10, 12.5)],
      ['320102', result('320102', 'x', 20, 12.5)],
    ])
    expect(
      groupAverage(
        peers,
        units.filter((u) => u.parent === '320100'),
      ),
    ).toBe(12.5)
    expect(groupAverage(results.get('bbl')!, counties)).toBe(20)
    expect(mean([])).toBeNull()
    expect(mean([1, null, 3])).toBe(2)
  })

  it('plots units having both values', () => {
    const { points, averageX, averageY } = scatterPoints(
      results.get('bbl')!,
      results.get('sqjy')!,
      counties,
      '320281',
    )
    expect(points.map((p) => [p.code, p.x, p.y, p.selected])).toEqual([
      ['320101', 20, 50, false],
      ['320281', 10, 70, true],
    ])
    expect(averageX).toBe(15)
    expect(averageY).toBe(60)
  })

  it('labels trend months and drops non-finite values', () => {
    expect(
      trendPoints([
        { month: '2024-07', value: 3, numerator: 3, denominator: 10, lastYear: null },
        { month: '2024-08', value: Number.NaN, numerator: null, denominator: null, lastYear: 2 },
      ]),
    ).toEqual([
      { month: '2024-07', label: '24年7月', value: 3, lastYear: null },
      { month: '2024-08', label: '24年8月', value: null, lastYear: 2 },
    ])
  })

  it('indexes results by cell and picks the 组合评价 pair', () => {
    const index = indexResults([result('320101', 'bbl', 20)])
    expect(index.get(cellKey('320101', 'bbl'))?.value).toBe(20)
    const all = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(defaultPair({ id: 'a', pairs: ['missing', 'c'] }, all)).toBe('c')
    expect(defaultPair({ id: 'a' }, all)).toBe('b')
    expect(defaultPair({ id: 'a', pairs: ['a'] }, [{ id: 'a' }])).toBeNull()
    expect(defaultPair(undefined, all)).toBeNull()
  })
})

describe('dashboard selection', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
  const counts = ids.map((id) => ({ id, unit: '人' }))
  it('starts with the headline indicators, then rates, and drops deleted ones', () => {
    expect(effectiveColumns(null, counts)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    const library = [
      { id: '受理人数', unit: '人' },
      { id: '退回补充侦查率', unit: '%' },
      { id: '诉前羁押率', unit: '%' },
      { id: '不捕率', unit: '%' },
    ]
    expect(effectiveColumns(null, library)).toEqual(['不捕率', '诉前羁押率', '退回补充侦查率', '受理人数'])
    expect(effectiveColumns(['g', 'x', 'a'], counts)).toEqual(['g', 'a'])
    expect(toggleColumn(['a'], 'b')).toEqual(['a', 'b'])
    expect(toggleColumn(['a', 'b'], 'a')).toEqual(['b'])
  })

  it('computes every needed indicator once', () => {
    expect(indicatorsToCompute(['a', 'b'], ['b', 'g', null, 'x'], ids)).toEqual(['a', 'b', 'g'])
  })
})
