import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import ExcelJS from '../../../electron/engine/xlsx/exceljs.ts'
import { chartWorkbook } from '../../../electron/engine/reports/docx/chart-workbook.ts'
import {
  chartRelsXml,
  chartSpaceXml,
  columnLetter,
  inlineChartParagraphXml,
  numberFormat,
} from '../../../electron/engine/reports/docx/charts.ts'
import { replaceParagraph } from '../../../electron/engine/reports/docx/package.ts'
import type { ChartSpec } from '../../../shared/reports/report-model.ts'
import { cacheValues, findAll, findFirst, parseXml, textOf } from '../../helpers/xml.ts'

const trend: ChartSpec = {
  type: 'line',
  categories: ['25年7月', '25年8月', '25年9月'],
  series: [
    { name: '不捕率', values: [23.1, null, 25.4] },
    { name: '去年同期', values: [20, 21.5, 22] },
  ],
  valueUnit: '%',
  decimals: 1,
  labels: false,
}
const ranking: ChartSpec = {
  type: 'bar',
  categories: ['玄武区院', '秦淮区院 & <院>'],
  series: [{ name: '诉前羁押率', values: [30.5, 12] }],
  valueUnit: '%',
  decimals: 1,
  labels: true,
}
const pie: ChartSpec = {
  type: 'pie',
  categories: ['批捕人数', '不捕人数'],
  series: [{ name: '南京市院', values: [247, 107] }],
  valueUnit: '人',
  decimals: 0,
  labels: true,
}

describe('chart parts', () => {
  it('write a line chart with cached categories and values, gaps for missing points', () => {
    const xml = parseXml(chartSpaceXml(trend))
    expect(xml.name).toBe('c:chartSpace')
    expect(findAll(xml, 'c:lineChart')).toHaveLength(1)
    const series = findAll(xml, 'c:ser')
    expect(series).toHaveLength(2)
    expect(cacheValues(findFirst(series[0], 'c:tx')!)).toEqual(['不捕率'])
    expect(cacheValues(findFirst(findFirst(series[0], 'c:cat')!, 'c:strCache')!)).toEqual(trend.categories)
    expect(cacheValues(findFirst(series[0], 'c:numCache')!)).toEqual(['23.1', undefined, '25.4'])
    expect(cacheValues(findFirst(series[1], 'c:numCache')!)).toEqual(['20', '21.5', '22'])
    expect(textOf(findFirst(findFirst(series[1], 'c:val')!, 'c:f')!)).toBe('Sheet1!$C$2:$C$4')
    expect(textOf(findFirst(findFirst(series[0], 'c:cat')!, 'c:f')!)).toBe('Sheet1!$A$2:$A$4')
    expect(textOf(findFirst(series[0], 'c:formatCode')!)).toBe('0.0"%"')
    expect(findFirst(xml, 'c:externalData')!.attributes['r:id']).toBe('rId1')
    expect(findFirst(xml, 'c:dispBlanksAs')!.attributes.val).toBe('gap')
  })

  it('write bar charts (clustered or stacked) with labels, escaping text', () => {
    const xml = parseXml(chartSpaceXml(ranking))
    expect(findFirst(xml, 'c:barDir')!.attributes.val).toBe('col')
    expect(findFirst(xml, 'c:grouping')!.attributes.val).toBe('clustered')
    expect(cacheValues(findFirst(findFirst(xml, 'c:cat')!, 'c:strCache')!)).toEqual(ranking.categories)
    expect(findFirst(findFirst(xml, 'c:dLbls')!, 'c:showVal')!.attributes.val).toBe('1')
    const stacked = parseXml(chartSpaceXml({ ...trend, type: 'bar', stacked: true }))
    expect(findFirst(stacked, 'c:grouping')!.attributes.val).toBe('stacked')
    expect(findFirst(stacked, 'c:overlap')!.attributes.val).toBe('100')
  })

  it('write pies with one coloured point per category and percentages', () => {
    const xml = parseXml(chartSpaceXml(pie))
    expect(findAll(xml, 'c:pieChart')).toHaveLength(1)
    expect(findAll(xml, 'c:dPt')).toHaveLength(2)
    expect(findFirst(findFirst(xml, 'c:dLbls')!, 'c:showPercent')!.attributes.val).toBe('1')
    expect(findAll(xml, 'c:catAx')).toHaveLength(0)
    expect(cacheValues(findFirst(xml, 'c:numCache')!)).toEqual(['247', '107'])
  })

  it('link the embedded workbook and place the chart inline', () => {
    const rels = parseXml(chartRelsXml('../embeddings/chart1.xlsx'))
    expect(findFirst(rels, 'Relationship')!.attributes).toMatchObject({
      Id: 'rId1',
      Target: '../embeddings/chart1.xlsx',
      Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package',
    })
    const paragraph = inlineChartParagraphXml({
      relationshipId: 'rIdYanpanChart1',
      drawingId: 1001,
      name: '图1 趋势',
      widthMm: 150,
      heightMm: 80,
    })
    const wrapped = parseXml(
      `<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">${paragraph}</w:body>`,
    )
    expect(findFirst(wrapped, 'wp:extent')!.attributes).toEqual({
      cx: String(150 * 36000),
      cy: String(80 * 36000),
    })
    expect(findFirst(wrapped, 'a:graphicData')!.attributes.uri).toBe(
      'http://schemas.openxmlformats.org/drawingml/2006/chart',
    )
    expect(findFirst(wrapped, 'c:chart')!.attributes['r:id']).toBe('rIdYanpanChart1')
  })

  it('replace the placeholder paragraph, and only it', () => {
    const document =
      '<w:body><w:p><w:pPr/><w:r><w:t>前文</w:t></w:r></w:p><w:p><w:r><w:t>[[M1]]</w:t></w:r></w:p><w:p/></w:body>'
    expect(replaceParagraph(document, '[[M1]]', '<w:p>图</w:p>')).toBe(
      '<w:body><w:p><w:pPr/><w:r><w:t>前文</w:t></w:r></w:p><w:p>图</w:p><w:p/></w:body>',
    )
    expect(() => replaceParagraph(document, '[[M9]]', '')).toThrow(/找不到图表占位/)
  })

  it('number formats and sheet columns', () => {
    expect(numberFormat({ valueUnit: '%', decimals: 2 })).toBe('0.00"%"')
    expect(numberFormat({ valueUnit: '人', decimals: 0 })).toBe('0')
    expect([0, 1, 25, 26, 27].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB'])
  })
})

describe('embedded workbook', () => {
  it('holds the chart data where the formulas point', async () => {
    const buffer = await chartWorkbook(trend)
    expect((await JSZip.loadAsync(buffer)).file('xl/workbook.xml')).not.toBeNull()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Sheet1')!
    expect(sheet.getRow(1).values).toEqual([undefined, '', '不捕率', '去年同期'])
    expect(sheet.getCell('A2').value).toBe('25年7月')
    expect(sheet.getCell('B2').value).toBe(23.1)
    expect(sheet.getCell('B3').value).toBeNull()
    expect(sheet.getCell('C4').value).toBe(22)
  })
})
