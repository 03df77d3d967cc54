import { describe, expect, it } from 'vitest'
import type { Comparison, IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import {
  changeIsGood,
  changeText,
  countText,
  DEFAULT_MARGINS,
  formatNumber,
  parseMargin,
  periodLabel,
  qualityAlert,
  rankText,
  resultText,
  valueText,
} from '../../../renderer/src/pages/indicators/indicatorText.ts'
import { cellTitle } from '../../../renderer/src/pages/indicators/matrixText.ts'

const comparison = (change: number | null, changeUnit: Comparison['changeUnit']): Comparison => ({
  period: '2023Q3',
  value: 30,
  numerator: 30,
  denominator: 100,
  change,
  changeUnit,
})

function result(patch: Partial<IndicatorResult> = {}): IndicatorResult {
  return {
    indicator: 'bbl',
    name: '不捕率',
    unit: '320000',
    unitName: '江苏省人民检察院',
    period: '2024Q3',
    periodLabel: '2024年第三季度',
    caliber: 'v1',
    caliberName: '2024版口径',
    value: 34.23,
    numerator: 123,
    denominator: 360,
    display: '34.2%',
    yoy: comparison(1.2, '百分点'),
    mom: comparison(-0.5, '百分点'),
    rank: 3,
    peers: 13,
    peerAverage: 30,
    deviation: 4.23,
    partial: false,
    ...patch,
  }
}

describe('indicator texts', () => {
  it('formats numbers with grouping and fixed decimals', () => {
    expect(formatNumber(1234.5, 1)).toBe('1,234.5')
    expect(formatNumber(34.2, 2)).toBe('34.20')
    expect(formatNumber(1234567, 0)).toBe('1,234,567')
    expect(formatNumber(-0.04, 1)).toBe('0.0')
    expect(formatNumber(-12.345, 2)).toBe('-12.35')
    expect(formatNumber(null, 1)).toBe('—')
    expect(formatNumber(Number.NaN, 1)).toBe('—')
  })

  it('puts the display unit after the value', () => {
    expect(valueText(34.23, '%', 1)).toBe('34.2%')
    expect(valueText(1234, '人', 0)).toBe('1,234人')
    expect(valueText(1.234, '比值', 2)).toBe('1.23')
    expect(valueText(null, '%', 1)).toBe('—')
    expect(countText(1234.567)).toBe('1,234.57')
    expect(countText(null)).toBe('—')
  })

  it('writes changes in 百分点 for rates and % for the rest', () => {
    expect(changeText(comparison(1.234, '百分点'), 1)).toBe('+1.2个百分点')
    expect(changeText(comparison(-0.5, '千分点'), 1)).toBe('−0.5个千分点')
    expect(changeText(comparison(-3.45, '%'))).toBe('−3.5%')
    expect(changeText(comparison(0.01, '%'))).toBe('持平')
    expect(changeText(comparison(null, '%'))).toBe('—')
    expect(changeText(undefined)).toBe('—')
  })

  it('judges changes by direction', () => {
    expect(changeIsGood(comparison(1, '%'), 'up')).toBe(true)
    expect(changeIsGood(comparison(1, '%'), 'down')).toBe(false)
    expect(changeIsGood(comparison(-1, '%'), 'down')).toBe(true)
    expect(changeIsGood(comparison(1, '%'), 'range')).toBeNull()
    expect(changeIsGood(comparison(null, '%'), 'up')).toBeNull()
  })

  it('writes ranks and labels periods', () => {
    expect(rankText(3, 13)).toBe('第3/13名')
    expect(rankText(null, 13)).toBe('—')
    expect(rankText(1, 0)).toBe('—')
    expect(periodLabel('2024Q3')).toBe('2024年第三季度')
    expect(periodLabel('2024-01..2024-09')).toBe('2024年1至9月')
    expect(periodLabel('??')).toBe('??')
  })

  it('shows — for missing and unavailable figures', () => {
    expect(resultText(result())).toBe('34.2%')
    expect(resultText(result({ value: null, display: '—' }))).toBe('—')
    expect(resultText(result({ unavailable: '缺少 020101 数据' }))).toBe('—')
    expect(resultText(undefined)).toBe('—')
  })

  it('marks rates moved by flagged data beyond the 百分点 margin', () => {
    const clean = { value: 32, numerator: 110, denominator: 345 }
    expect(qualityAlert(result({ qualityShift: 2.23, clean }), '%', DEFAULT_MARGINS)).toBe(
      '存疑数据使该值偏高 2.23 个百分点（阈值 1 个百分点）',
    )
    expect(qualityAlert(result({ qualityShift: 0.8, clean }), '%', DEFAULT_MARGINS)).toBeNull()
    expect(qualityAlert(result({ qualityShift: -1.5, clean }), '‰', DEFAULT_MARGINS)).toContain(
      '偏低 1.50 个千分点',
    )
    expect(qualityAlert(result({ qualityShift: null, clean }), '%', DEFAULT_MARGINS)).toBeNull()
    expect(qualityAlert(result(), '%', DEFAULT_MARGINS)).toBeNull()
  })

  it('marks counts moved by flagged data beyond the relative margin', () => {
    const clean = { value: 100, numerator: 100, denominator: null }
    expect(qualityAlert(result({ qualityShift: 6, clean }), '人', DEFAULT_MARGINS)).toBe(
      '存疑数据使该值偏高 6.0%（阈值 5%）',
    )
    expect(qualityAlert(result({ qualityShift: 4, clean }), '人', DEFAULT_MARGINS)).toBeNull()
    expect(qualityAlert(result({ qualityShift: 4, clean }), '人', { rate: 1, relative: 3 })).not.toBeNull()
    // Nothing left once flagged records go: any shift is beyond the margin.
    expect(
      qualityAlert(result({ qualityShift: 3, clean: { ...clean, value: 0 } }), '件', DEFAULT_MARGINS),
    ).toBe('存疑数据使该值偏高（阈值 5%）')
  })

  it('reads margin inputs', () => {
    expect(parseMargin('2.5', 1)).toBe(2.5)
    expect(parseMargin('', 1)).toBe(1)
    expect(parseMargin('-1', 1)).toBe(1)
    expect(parseMargin('abc', 5)).toBe(5)
    expect(parseMargin('0', 5)).toBe(0)
  })

  it('explains a cell in its tooltip', () => {
    const indicator = {
      name: '不捕率',
      unit: '%' as const,
      precision: 1,
      effectiveDirection: 'down' as const,
    }
    const title = cellTitle(
      result({ qualityShift: 2.2, clean: { value: 32, numerator: 1, denominator: 3 } }),
      indicator,
      DEFAULT_MARGINS,
    )
    expect(title).toContain('江苏省人民检察院 · 不捕率（2024年第三季度）')
    expect(title).toContain('数值：34.2%（分子 123 / 分母 360）')
    expect(title).toContain('口径：2024版口径；反向指标')
    expect(title).toContain('同比：+1.2个百分点（2023年第三季度 30.0%）')
    expect(title).toContain('排名：第3/13名；同级平均 30.0%')
    expect(title).toContain('高于同级平均 4.2个百分点，较差')
    expect(title).toContain('⚠ 存疑数据使该值偏高 2.20 个百分点')
    expect(cellTitle(result({ unavailable: '缺少数据集' }), indicator, null)).toContain(
      '无法计算：缺少数据集',
    )
    expect(cellTitle(undefined, indicator, null)).toBe('不捕率：尚未计算')
  })
})
