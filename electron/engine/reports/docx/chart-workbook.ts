/**
 * The workbook embedded with each chart (word/embeddings/*.xlsx): the data the chart's formulas point
 * at (Sheet1: categories in column A, one column per series, names in row 1), so "编辑数据" in Word or
 * WPS opens the same figures the chart shows.
 */
import ExcelJS from '../../xlsx/exceljs.ts'
import type { ChartSpec } from '../../../../shared/reports/report-model.ts'
import { numberFormat } from './charts.ts'

export async function chartWorkbook(spec: ChartSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '研判工作台'
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.addRow(['', ...spec.series.map((s) => s.name)])
  spec.categories.forEach((category, i) =>
    sheet.addRow([category, ...spec.series.map((s) => s.values[i] ?? null)]),
  )
  sheet.getColumn(1).width = 16
  const format = numberFormat(spec)
  spec.series.forEach((_, s) => {
    const column = sheet.getColumn(s + 2)
    column.width = 14
    column.numFmt = format
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
