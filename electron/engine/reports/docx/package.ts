/**
 * Adds native charts to a packed .docx: for chart i, the part word/charts/chart{i}.xml with its
 * relationship to word/embeddings/chart{i}.xlsx, a chart relationship of the document, the content
 * types, and the marker paragraph replaced by the inline chart. Also writes the font table with
 * alternative font names.
 */
import JSZip from 'jszip'
import {
  CHART_CONTENT_TYPE,
  CHART_RELATIONSHIP,
  XLSX_CONTENT_TYPE,
  chartRelsXml,
  inlineChartParagraphXml,
} from './charts.ts'

export interface PackagedChart {
  /** The text of the placeholder paragraph to replace. */
  marker: string
  /** word/charts/chartN.xml content. */
  xml: string
  /** The embedded workbook. */
  workbook: Buffer
  name: string
  widthMm: number
  heightMm: number
}

const DOCUMENT = 'word/document.xml'
const DOCUMENT_RELS = 'word/_rels/document.xml.rels'
const CONTENT_TYPES = '[Content_Types].xml'

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name)
  if (!file) throw new Error(`docx 缺少部件 ${name}`)
  return file.async('string')
}

/** Replaces the whole `<w:p>` holding `marker` with `replacement`. */
export function replaceParagraph(documentXml: string, marker: string, replacement: string): string {
  const at = documentXml.indexOf(marker)
  if (at < 0) throw new Error(`docx 中找不到图表占位 ${marker}`)
  const open = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at))
  const close = documentXml.indexOf('</w:p>', at)
  if (open < 0 || close < 0) throw new Error(`图表占位 ${marker} 不在段落中`)
  return documentXml.slice(0, open) + replacement + documentXml.slice(close + '</w:p>'.length)
}

export async function addCharts(
  docx: Buffer,
  charts: readonly PackagedChart[],
  fontTable: string | null,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  let document = await text(zip, DOCUMENT)
  let rels = await text(zip, DOCUMENT_RELS)
  let types = await text(zip, CONTENT_TYPES)
  const relationships: string[] = []
  const overrides: string[] = []
  charts.forEach((chart, i) => {
    const n = i + 1
    const id = `rIdYanpanChart${n}`
    zip.file(`word/charts/chart${n}.xml`, chart.xml)
    zip.file(`word/charts/_rels/chart${n}.xml.rels`, chartRelsXml(`../embeddings/chart${n}.xlsx`))
    zip.file(`word/embeddings/chart${n}.xlsx`, chart.workbook)
    relationships.push(
      `<Relationship Id="${id}" Type="${CHART_RELATIONSHIP}" Target="charts/chart${n}.xml"/>`,
    )
    overrides.push(`<Override PartName="/word/charts/chart${n}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`)
    document = replaceParagraph(
      document,
      chart.marker,
      inlineChartParagraphXml({
        relationshipId: id,
        drawingId: 1000 + n,
        name: chart.name,
        widthMm: chart.widthMm,
        heightMm: chart.heightMm,
      }),
    )
  })
  if (charts.length > 0) {
    rels = rels.replace('</Relationships>', `${relationships.join('')}</Relationships>`)
    if (!/Extension="xlsx"/.test(types))
      overrides.unshift(`<Default Extension="xlsx" ContentType="${XLSX_CONTENT_TYPE}"/>`)
    types = types.replace('</Types>', `${overrides.join('')}</Types>`)
  }
  zip.file(DOCUMENT, document)
  zip.file(DOCUMENT_RELS, rels)
  zip.file(CONTENT_TYPES, types)
  if (fontTable !== null && zip.file('word/fontTable.xml')) zip.file('word/fontTable.xml', fontTable)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
