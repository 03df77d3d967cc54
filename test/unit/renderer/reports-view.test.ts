import { describe, expect, it } from 'vitest'
import type { ChartSpec, ReportBlock } from '../../../shared/reports/report-model.ts'
import {
  chartLayout,
  chartRows,
  chartValueText,
  hasValues,
  HORIZONTAL_BARS_FROM,
  pieSlices,
  seriesKey,
  showLabels,
} from '../../../renderer/src/pages/reports/reportCharts.ts'
import {
  countsText,
  elapsedText,
  progressLabel,
  progressPercent,
} from '../../../renderer/src/pages/reports/progressText.ts'
import {
  columnPercents,
  coverLines,
  headingText,
  outlineOf,
  splitSheets,
} from '../../../renderer/src/pages/reports/reportView.ts'

const chart = (patch: Partial<ChartSpec> = {}): ChartSpec => ({
  type: 'bar',
  categories: ['玄武区院', '秦淮区院', '建邺区院'],
  series: [
    { name: '不捕率', values: [25, null, 40.5] },
    { name: '全市平均', values: [30, 30, 30] },
  ],
  valueUnit: '%',
  decimals: 1,
  labels: true,
  ...patch,
})

describe('report charts', () => {
  it('turns series into rows keyed by series index', () => {
    expect(chartRows(chart())).toEqual([
      { category: '玄武区院', [seriesKey(0)]: 25, [seriesKey(1)]: 30 },
      { category: '秦淮区院', [seriesKey(0)]: null, [seriesKey(1)]: 30 },
      { category: '建邺区院', [seriesKey(0)]: 40.5, [seriesKey(1)]: 30 },
    ])
  })

  it('draws pies from the first series without empty parts', () => {
    const pie = chart({
      type: 'pie',
      categories: ['批捕', '不捕', '其他'],
      series: [{ name: 'x', values: [19, 8, 0] }],
    })
    expect(pieSlices(pie).map((s) => [s.name, s.value])).toEqual([
      ['批捕', 19],
      ['不捕', 8],
    ])
    expect(pieSlices(chart({ series: [] }))).toEqual([])
  })

  it('writes values in the chart’s unit and decimals', () => {
    expect(chartValueText(23.08, chart())).toBe('23.1%')
    expect(chartValueText(134, chart({ valueUnit: '人', decimals: 0 }))).toBe('134人')
    expect(chartValueText(1.5, chart({ valueUnit: '比值', decimals: 2 }))).toBe('1.50')
    expect(chartValueText(null, chart())).toBe('—')
  })

  it('lays many units out as horizontal bars and drops labels when crowded', () => {
    expect(chartLayout(chart()).horizontal).toBe(false)
    const many = chart({
      categories: Array.from({ length: HORIZONTAL_BARS_FROM }, (_, i) => `${i}`),
      series: [{ name: 'a', values: [] }],
    })
    expect(chartLayout(many).horizontal).toBe(true)
    expect(chartLayout(chart({ type: 'line', categories: many.categories })).horizontal).toBe(false)
    expect(showLabels(chart())).toBe(true)
    expect(showLabels(chart({ labels: false }))).toBe(false)
    expect(showLabels(chart({ categories: Array.from({ length: 30 }, (_, i) => `${i}`) }))).toBe(false)
    expect(hasValues(chart({ series: [{ name: 'a', values: [null, null] }] }))).toBe(false)
  })
})

describe('report sheets', () => {
  it('starts a sheet at each page break, never an empty one', () => {
    const h: ReportBlock = { kind: 'heading', level: 1, number: '一、', text: '总体情况' }
    const brk: ReportBlock = { kind: 'pageBreak' }
    expect(splitSheets([h, brk, h])).toEqual([[{ block: h, index: 0 }], [{ block: h, index: 2 }]])
    expect(splitSheets([brk, h, brk])).toEqual([[{ block: h, index: 1 }]])
    expect(splitSheets([])).toEqual([[]])
    expect(outlineOf([h, brk, { kind: 'heading', level: 3, number: '1.', text: 'x' }, h])).toEqual([
      { index: 0, level: 1, text: '一、总体情况' },
      { index: 3, level: 1, text: '一、总体情况' },
    ])
    expect(headingText({ number: '（二）', text: '审查起诉工作' })).toBe('（二）审查起诉工作')
  })

  it('prints the cover lines as the Word document does', () => {
    expect(
      coverLines({
        unit: '南京市人民检察院',
        period: '2025年第二季度',
        generatedAt: '2025年7月3日',
        dataThrough: null,
      }),
    ).toEqual([
      { label: '编制单位', value: '南京市人民检察院' },
      { label: '统计期间', value: '2025年第二季度' },
      { label: '生成日期', value: '2025年7月3日' },
    ])
    expect(
      coverLines({ unit: 'u', period: 'p', generatedAt: 'g', dataThrough: 'd' }).map((l) => l.label),
    ).toEqual(['编制单位', '统计期间', '数据截至', '生成日期'])
  })

  it('turns relative column widths into percentages', () => {
    expect(columnPercents({ header: ['a', 'b'], widths: [3, 1] })).toEqual([75, 25])
    expect(columnPercents({ header: ['a', 'b'], widths: [1] })).toEqual([50, 50])
    expect(columnPercents({ header: ['a', 'b'], widths: [0, 1] })).toEqual([50, 50])
  })
})

describe('report progress', () => {
  it('fills one bar across the phases of a build and of an export', () => {
    expect(progressPercent('build', null)).toBeNull()
    expect(progressPercent('build', { phase: 'computing', done: 0, total: 10 })).toBe(0)
    expect(progressPercent('build', { phase: 'computing', done: 5, total: 10 })).toBe(45)
    expect(progressPercent('build', { phase: 'composing', done: 1, total: 1 })).toBe(100)
    expect(progressPercent('export', { phase: 'charts', done: 11, total: 22 })).toBe(72)
    expect(progressPercent('export', { phase: 'writing', done: 1, total: 1 })).toBe(99)
    expect(progressPercent('export', { phase: 'done', done: 1, total: 1 })).toBe(100)
    expect(progressPercent('export', { phase: 'computing', done: 3, total: 0 })).toBe(0)
  })

  it('says what is being done', () => {
    expect(progressLabel(null, 'build')).toBe('正在准备报告…')
    expect(progressLabel({ phase: 'computing', done: 3, total: 40 }, 'build')).toBe('正在计算指标（3/40）…')
    expect(progressLabel({ phase: 'writing', done: 0, total: 1 }, 'export')).toBe('正在写入 Word 文档…')
    expect(progressLabel({ phase: 'done', done: 1, total: 1 }, 'export')).toBe('已完成')
    expect(countsText({ paragraphs: 46, tables: 5, charts: 22 })).toBe('46 段文字、5 个表格、22 张图表')
    expect(elapsedText(2049)).toBe('2.0 秒')
    expect(elapsedText(640)).toBe('640 毫秒')
  })
})
