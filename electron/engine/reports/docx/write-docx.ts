/**
 * The report model → .docx bytes: the document through the docx package, then the native charts
 * (chart part + embedded workbook each) added to the package.
 */
import { Packer } from 'docx'
import type { ReportProgress } from '../../../../shared/ipc/report-contract.ts'
import type { ReportModel } from '../../../../shared/reports/report-model.ts'
import { chartSpaceXml } from './charts.ts'
import { chartWorkbook } from './chart-workbook.ts'
import { chartMarker, reportDocument } from './document.ts'
import { addCharts, type PackagedChart } from './package.ts'
import { TEXT_WIDTH_MM, fontTableXml } from './styles.ts'

/** Charts span the text width less a margin; pies are squarer. */
const CHART_WIDTH_MM = TEXT_WIDTH_MM - 6
const CHART_HEIGHT_MM = { line: 75, bar: 80, pie: 70 } as const

export async function writeDocx(
  model: ReportModel,
  onProgress: (progress: ReportProgress) => void = () => {},
): Promise<Buffer> {
  const { document, charts } = reportDocument(model)
  const packaged: PackagedChart[] = []
  for (const [i, chart] of charts.entries()) {
    onProgress({ phase: 'charts', done: i, total: charts.length })
    packaged.push({
      marker: chartMarker(i + 1),
      xml: chartSpaceXml(chart.chart),
      workbook: await chartWorkbook(chart.chart),
      name: `${chart.label} ${chart.title}`,
      widthMm: CHART_WIDTH_MM,
      heightMm: CHART_HEIGHT_MM[chart.chart.type],
    })
  }
  onProgress({ phase: 'writing', done: 0, total: 1 })
  const packed = await Packer.toBuffer(document)
  const result = await addCharts(packed, packaged, fontTableXml())
  onProgress({ phase: 'writing', done: 1, total: 1 })
  return result
}
