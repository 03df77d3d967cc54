/**
 * Native Word charts (DrawingML, ECMA-376 part 1 §21.2): the chart part `word/charts/chartN.xml` for
 * a line, bar or pie chart, its relationship to the embedded workbook holding the data, and the
 * inline drawing that places it in the document. Pure functions returning XML text. Every series
 * carries its cached categories (c:strCache) and values (c:numCache), so Word, WPS and LibreOffice
 * draw the chart without opening the workbook, and editing the data in Word opens the workbook.
 */
import type { ChartSpec } from '../../../../shared/reports/report-model.ts'

export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart'
export const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main'
export const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'
export const CHART_RELATIONSHIP = `${RELATIONSHIP_NS}/chart`
export const PACKAGE_RELATIONSHIP = `${RELATIONSHIP_NS}/package`
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Series colours: restrained, print well in grey. */
export const PALETTE = ['2F5597', 'C00000', '70AD47', 'ED7D31', '7030A0', '00B0F0', 'BF9000', '7F7F7F']

/** The font charts use for every label (Word substitutes on machines without it). */
export const CHART_FONT = '宋体'

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const r = (n - 1) % 26
    letters = String.fromCharCode(65 + r) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** The number format of values: '0.0"%"' for a rate with one decimal, '0' for counts. */
export function numberFormat(spec: Pick<ChartSpec, 'valueUnit' | 'decimals'>): string {
  const digits = spec.decimals > 0 ? `0.${'0'.repeat(spec.decimals)}` : '0'
  return spec.valueUnit === '%' || spec.valueUnit === '‰' ? `${digits}"${spec.valueUnit}"` : digits
}

/** Where the embedded workbook keeps a chart's data: categories in A2:A(n+1), series s in column s+1. */
export function sheetRefs(spec: ChartSpec) {
  const last = spec.categories.length + 1
  return {
    categories: `Sheet1!$A$2:$A$${last}`,
    name: (s: number) => `Sheet1!$${columnLetter(s + 1)}$1`,
    values: (s: number) => `Sheet1!$${columnLetter(s + 1)}$2:$${columnLetter(s + 1)}$${last}`,
  }
}

const textProperties = (size: number, bold = false, body = '<a:bodyPr/>') =>
  `<c:txPr>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
  `<a:latin typeface="${CHART_FONT}"/><a:ea typeface="${CHART_FONT}"/></a:defRPr></a:pPr>` +
  `<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`

const solid = (color: string) => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`

function strCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('')
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`
}

function numCache(values: readonly (number | null)[], format: string): string {
  // A missing point is left out of the cache: charts show a gap, never a zero.
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('')
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`
}

function seriesData(spec: ChartSpec, s: number): { tx: string; cat: string; val: string } {
  const refs = sheetRefs(spec)
  const series = spec.series[s]
  return {
    tx: `<c:tx><c:strRef><c:f>${refs.name(s)}</c:f>${strCache([series.name])}</c:strRef></c:tx>`,
    cat: `<c:cat><c:strRef><c:f>${refs.categories}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>`,
    val: `<c:val><c:numRef><c:f>${refs.values(s)}</c:f>${numCache(series.values, numberFormat(spec))}</c:numRef></c:val>`,
  }
}

function dataLabels(show: boolean, position: string | null, format: string, percent = false): string {
  if (!show) return ''
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeXml(percent ? '0.0%' : format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProperties(800) +
    (position ? `<c:dLblPos val="${position}"/>` : '') +
    `<c:showLegendKey val="0"/><c:showVal val="${percent ? 0 : 1}"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="${percent ? 1 : 0}"/><c:showBubbleSize val="0"/>` +
    (percent ? '<c:showLeaderLines val="1"/>' : '') +
    `</c:dLbls>`
  )
}

/** The width of the plot area in mm (chart width less the value axis), for fitting labels. */
const PLOT_WIDTH_MM = 130

/** Width of a label in mm at `points`: CJK characters a full em, others about half. */
function labelWidthMm(label: string, points: number): number {
  let ems = 0
  for (const char of label) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.55
  return ems * points * 0.3528
}

/** Category labels that would not fit side by side at 9 pt are turned (Word and WPS wrap, LibreOffice cuts). */
export function labelsCrowded(categories: readonly string[]): boolean {
  if (categories.length === 0) return false
  const slot = PLOT_WIDTH_MM / categories.length
  return categories.length > 24 || categories.some((c) => labelWidthMm(c, 9) > slot * 0.9)
}

const CAT_AXIS = 500001
const VAL_AXIS = 500002

function axes(spec: ChartSpec): string {
  const line = `<c:spPr><a:ln w="6350">${solid('BFBFBF')}</a:ln></c:spPr>`
  const crowded = labelsCrowded(spec.categories)
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${line}` +
    // Labels are never wrapped (a month label cut in two reads wrongly); crowded ones stand upright, which every viewer draws without dropping any.
    textProperties(
      crowded ? 800 : 900,
      false,
      `<a:bodyPr rot="${crowded ? -5400000 : 0}" vert="horz" wrap="none"/>`,
    ) +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid('E0E0E0')}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(numberFormat(spec))}" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line}${textProperties(900)}` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  )
}

/** `<c:lineChart>`: one line per series, markers on, gaps for missing months. */
export function lineChartXml(spec: ChartSpec): string {
  const series = spec.series
    .map((_, s) => {
      const d = seriesData(spec, s)
      const color = PALETTE[s % PALETTE.length]
      const dash = spec.series[s].name === '去年同期' ? '<a:prstDash val="dash"/>' : ''
      return (
        `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>${d.tx}` +
        `<c:spPr><a:ln w="22225" cap="rnd">${solid(color)}${dash}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${solid(color)}<a:ln>${solid(color)}</a:ln></c:spPr></c:marker>` +
        `${dataLabels(spec.labels, 't', numberFormat(spec))}${d.cat}${d.val}<c:smooth val="0"/></c:ser>`
      )
    })
    .join('')
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>${axes(spec)}`
  )
}

/** `<c:barChart>` (vertical columns), clustered or stacked. */
export function barChartXml(spec: ChartSpec): string {
  const stacked = spec.stacked === true && spec.series.length > 1
  const series = spec.series
    .map((_, s) => {
      const d = seriesData(spec, s)
      return (
        `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>${d.tx}` +
        `<c:spPr>${solid(PALETTE[s % PALETTE.length])}</c:spPr><c:invertIfNegative val="0"/>` +
        `${dataLabels(spec.labels, stacked ? 'ctr' : 'outEnd', numberFormat(spec))}${d.cat}${d.val}</c:ser>`
      )
    })
    .join('')
  return (
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ''}` +
    `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>${axes(spec)}`
  )
}

/** `<c:pieChart>` of the first series, one colour per category, labelled with percentages. */
export function pieChartXml(spec: ChartSpec): string {
  const d = seriesData(spec, 0)
  const points = spec.categories
    .map(
      (_, i) =>
        `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr>${solid(PALETTE[i % PALETTE.length])}` +
        `<a:ln w="12700">${solid('FFFFFF')}</a:ln></c:spPr></c:dPt>`,
    )
    .join('')
  return (
    `<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>${d.tx}${points}` +
    `${dataLabels(true, 'bestFit', numberFormat(spec), true)}${d.cat}${d.val}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`
  )
}

/** The whole chart part: `<c:chartSpace>` with the plot, legend, fonts and the embedded workbook link. */
export function chartSpaceXml(spec: ChartSpec, workbookRelationship = 'rId1'): string {
  const plot =
    spec.type === 'line' ? lineChartXml(spec) : spec.type === 'pie' ? pieChartXml(spec) : barChartXml(spec)
  const legend =
    spec.series.length > 1 || spec.type === 'pie'
      ? `<c:legend><c:legendPos val="${spec.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/>${textProperties(900)}</c:legend>`
      : ''
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIP_NS}">` +
    `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProperties(900) +
    `<c:externalData r:id="${workbookRelationship}"><c:autoUpdate val="0"/></c:externalData>` +
    `</c:chartSpace>`
  )
}

/** `word/charts/_rels/chartN.xml.rels`: the chart's link to its embedded workbook. */
export function chartRelsXml(workbookTarget: string, id = 'rId1'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="${id}" Type="${PACKAGE_RELATIONSHIP}" Target="${escapeXml(workbookTarget)}"/>` +
    `</Relationships>`
  )
}

/** EMU per millimetre (English Metric Units: 360,000 per cm). */
export const EMU_PER_MM = 36_000

/**
 * The paragraph placing a chart inline, centred: `<w:drawing><wp:inline>` with a graphic frame whose
 * graphicData points at the chart part through relationship `relationshipId`.
 */
export function inlineChartParagraphXml(options: {
  relationshipId: string
  /** Unique among the document's drawings. */
  drawingId: number
  name: string
  widthMm: number
  heightMm: number
}): string {
  const cx = Math.round(options.widthMm * EMU_PER_MM)
  const cy = Math.round(options.heightMm * EMU_PER_MM)
  return (
    `<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/>` +
    `<w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${options.drawingId}" name="${escapeXml(options.name)}"/>` +
    `<wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${DRAWING_NS}"><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIP_NS}" r:id="${options.relationshipId}"/>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  )
}
