/**
 * The built report laid out for the in-app preview: sheets split at page breaks (as Word starts a new
 * page there), the cover lines, and column widths of tables in percent.
 */
import type { ReportBlock, ReportModel, TableBlock } from '../../../../shared/reports/report-model.ts'

export interface PlacedBlock {
  block: ReportBlock
  /** Its index among the model's blocks. */
  index: number
}

/** Blocks per sheet, with their index in the model; a page break starts the next sheet (never an empty one). */
export function splitSheets(blocks: readonly ReportBlock[]): PlacedBlock[][] {
  const sheets: PlacedBlock[][] = [[]]
  blocks.forEach((block, index) => {
    if (block.kind === 'pageBreak') {
      if (sheets[sheets.length - 1].length > 0) sheets.push([])
      return
    }
    sheets[sheets.length - 1].push({ block, index })
  })
  if (sheets.length > 1 && sheets[sheets.length - 1].length === 0) sheets.pop()
  return sheets
}

/** The cover block's lines, in the order the Word document prints them. */
export function coverLines(cover: NonNullable<ReportModel['cover']>): { label: string; value: string }[] {
  return [
    { label: '编制单位', value: cover.unit },
    { label: '统计期间', value: cover.period },
    ...(cover.dataThrough ? [{ label: '数据截至', value: cover.dataThrough }] : []),
    { label: '生成日期', value: cover.generatedAt },
  ]
}

/** Relative widths as percentages summing to 100 (equal columns when the widths are unusable). */
export function columnPercents(table: Pick<TableBlock, 'widths' | 'header'>): number[] {
  const count = table.header.length
  if (count === 0) return []
  const widths = table.widths.length === count ? table.widths : []
  const usable = widths.every((w) => Number.isFinite(w) && w > 0) && widths.length > 0
  const list = usable ? widths : Array.from({ length: count }, () => 1)
  const total = list.reduce((sum, w) => sum + w, 0)
  return list.map((w) => Math.round((w / total) * 1000) / 10)
}

/** A heading's text with its number: “一、总体情况”, “（二）审查起诉工作”, “附录　数据来源”. */
export const headingText = (block: { number: string; text: string }): string => `${block.number}${block.text}`

/** The DOM id of a paragraph's preview element (ids hold '.', '@': kept, other characters replaced). */
export const paragraphDomId = (id: string): string => `report-p-${id.replace(/[^A-Za-z0-9_.@-]/g, '_')}`

/** The DOM id of the heading at `index` of the model's blocks (the outline scrolls to it). */
export const headingDomId = (index: number): string => `report-h-${index}`

/** The outline: level 0–2 headings with their block index. */
export function outlineOf(blocks: readonly ReportBlock[]): { index: number; level: number; text: string }[] {
  return blocks.flatMap((block, index) =>
    block.kind === 'heading' && block.level <= 2
      ? [{ index, level: block.level, text: headingText(block) }]
      : [],
  )
}
