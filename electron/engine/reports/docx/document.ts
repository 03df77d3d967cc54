/**
 * The report model as a `docx` Document (pure: no I/O). Charts cannot be drawn by the docx package,
 * so each chart is written as a placeholder paragraph holding a marker; package.ts swaps it for the
 * native chart once the document is packed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import type {
  ChartBlock,
  ReportBlock,
  ReportModel,
  TableBlock,
} from '../../../../shared/reports/report-model.ts'
import { FONTS, PAGE, PARAGRAPH_STYLES, SIZE, TEXT_WIDTH, font } from './styles.ts'

/** The text of a chart's placeholder paragraph. */
export const chartMarker = (index: number) => `[[YANPAN-CHART-${index}]]`

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }

function tableOf(block: TableBlock): (Paragraph | Table)[] {
  const total = block.widths.reduce((a, b) => a + b, 0)
  const widths = block.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH))
  const cell = (
    text: string,
    column: number,
    options: { header?: boolean; bold?: boolean; warn?: boolean },
  ) =>
    new TableCell({
      width: { size: widths[column], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: options.header ? { fill: 'D9D9D9', type: ShadingType.CLEAR, color: 'auto' } : undefined,
      children: [
        new Paragraph({
          style: options.header ? 'TableHeader' : 'TableText',
          alignment: options.header ? AlignmentType.CENTER : ALIGN[block.align[column] ?? 'center'],
          children: [
            new TextRun({
              text,
              bold: options.bold,
              color: options.warn ? 'C00000' : undefined,
              ...(options.bold ? { font: font(FONTS.heading1) } : {}),
            }),
          ],
        }),
      ],
    })
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.header.map((text, i) => cell(text, i, { header: true })),
    }),
    ...block.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.cells.map((text, i) =>
            cell(text, i, { bold: row.emphasis === 'total', warn: row.emphasis === 'warn' }),
          ),
        }),
    ),
  ]
  const parts: (Paragraph | Table)[] = [
    new Paragraph({ style: 'Caption', keepNext: true, text: `${block.label}　${block.title}` }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: {
        top: { ...border, size: 8 },
        bottom: { ...border, size: 8 },
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows,
    }),
  ]
  parts.push(new Paragraph({ style: 'ReportNote', text: block.note ?? '' }))
  return parts
}

function chartOf(block: ChartBlock, index: number): Paragraph[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun(chartMarker(index))] }),
    new Paragraph({ style: 'Caption', text: `${block.label}　${block.title}` }),
  ]
}

function blockOf(block: ReportBlock, charts: ChartBlock[]): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      if (block.level === 0) return [new Paragraph({ style: 'AppendixHeading', text: block.text })]
      return [new Paragraph({ style: `Heading${block.level}`, text: `${block.number}${block.text}` })]
    case 'paragraph':
      if (block.text.trim() === '') return []
      return block.text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map(
          (line) =>
            new Paragraph({ style: block.style === 'note' ? 'ReportNote' : 'ReportBody', text: line }),
        )
    case 'table':
      return tableOf(block)
    case 'chart':
      charts.push(block)
      return chartOf(block, charts.length)
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
  }
}

export interface DocumentParts {
  document: Document
  /** The charts in document order; chart i (1-based) sits where chartMarker(i) is. */
  charts: ChartBlock[]
}

export function reportDocument(model: ReportModel): DocumentParts {
  const charts: ChartBlock[] = []
  const children: (Paragraph | Table)[] = [new Paragraph({ style: 'Title', text: model.title })]
  if (model.subtitle) children.push(new Paragraph({ style: 'Subtitle', text: model.subtitle }))
  if (model.cover) {
    const lines = [
      `编制单位：${model.cover.unit}`,
      `统计期间：${model.cover.period}`,
      ...(model.cover.dataThrough ? [`数据截至：${model.cover.dataThrough}`] : []),
      `生成日期：${model.cover.generatedAt}`,
    ]
    for (const line of lines) children.push(new Paragraph({ style: 'Cover', text: line }))
    children.push(new Paragraph({ style: 'ReportBody', text: '' }))
  }
  for (const block of model.blocks) children.push(...blockOf(block, charts))
  const document = new Document({
    creator: '研判工作台',
    title: model.title,
    description: `${model.template.name}（${model.period.label}，${model.unit.name}）`,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.三号 } },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, gutter: 0 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: font(FONTS.footer),
                    size: SIZE.四号,
                    children: ['— ', PageNumber.CURRENT, ' —'],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return { document, charts }
}
