/**
 * The document style, close to GB/T 9704-2012 (党政机关公文格式): A4, margins 37 / 35 / 28 / 26 mm
 * (top / bottom / left / right), title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with a fixed 28 pt
 * line, first-level headings in 黑体, second-level in 楷体_GB2312, page numbers "— 1 —" in 宋体 四号.
 * Fonts a machine lacks fall back to the `altName` written into the font table (宋体, 仿宋, 楷体).
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from 'docx'

export const TWIPS_PER_MM = 56.6929

const mm = (value: number) => Math.round(value * TWIPS_PER_MM)

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
}
/** The text width in twips (A4 less the side margins), what tables span. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right
/** The text width in mm, what charts span. */
export const TEXT_WIDTH_MM = 210 - 28 - 26

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  footer: '宋体',
  latin: 'Times New Roman',
} as const

/** Fonts Word uses when the machine lacks the GB/T 9704 ones (written into word/fontTable.xml). */
export const FONT_ALTERNATIVES: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
}

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const

export const font = (eastAsia: string): NonNullable<IRunOptions['font']> => ({
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  eastAsia,
  cs: FONTS.latin,
})

/** 28 pt exactly: 22 lines of 三号 text to a page, as GB/T 9704 lays them out. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT }
/** Two characters of 三号 text. */
const INDENT = { firstLine: 640 }

export const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(FONTS.title), size: SIZE.二号, bold: false, color: '000000' },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, line: 720, lineRule: LineRuleType.EXACT },
    },
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(FONTS.heading2), size: SIZE.三号, color: '000000' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120, ...BODY_LINE } },
  },
  {
    id: 'ReportBody',
    name: '报告正文',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(FONTS.body), size: SIZE.三号 },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: 0, ...BODY_LINE },
      indent: INDENT,
    },
  },
  {
    id: 'ReportNote',
    name: '报告注释',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(FONTS.heading2), size: SIZE.小四 },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 60, after: 120, line: 360, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: 'Cover',
    name: '报告封面信息',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(FONTS.heading2), size: SIZE.三号 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...BODY_LINE } },
  },
  ...[1, 2, 3, 4].map((level): IParagraphStyleOptions => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: {
      font: font(level === 1 ? FONTS.heading1 : level === 2 ? FONTS.heading2 : FONTS.body),
      size: SIZE.三号,
      bold: level === 3,
      color: '000000',
    },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: 0, ...BODY_LINE },
      indent: INDENT,
      keepNext: true,
      outlineLevel: level - 1,
    },
  })),
  {
    id: 'AppendixHeading',
    name: '附录标题',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(FONTS.heading1), size: SIZE.三号 },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, ...BODY_LINE },
      keepNext: true,
      outlineLevel: 0,
    },
  },
  {
    id: 'Caption',
    name: 'Caption',
    basedOn: 'Normal',
    next: 'ReportBody',
    quickFormat: true,
    run: { font: font(FONTS.heading1), size: SIZE.小四, bold: false, color: '000000' },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120, line: 300, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: 'TableText',
    name: '表格文字',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: font(FONTS.body), size: SIZE.五号 },
    paragraph: { spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO } },
  },
  {
    id: 'TableHeader',
    name: '表头文字',
    basedOn: 'TableText',
    quickFormat: true,
    run: { font: font(FONTS.heading1), size: SIZE.五号 },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: 'Footer',
    name: 'footer',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: font(FONTS.footer), size: SIZE.四号 },
    paragraph: { alignment: AlignmentType.CENTER },
  },
]

/** A font table with alternative names, so a machine without a GB/T 9704 font uses a close one. */
export function fontTableXml(): string {
  const fonts = [
    ...Object.entries(FONT_ALTERNATIVES).map(([name, alt]) => ({ name, alt, pitch: 'variable' })),
    { name: FONTS.heading1, alt: 'SimHei', pitch: 'variable' },
    { name: FONTS.footer, alt: 'SimSun', pitch: 'variable' },
    { name: FONTS.latin, alt: null, pitch: 'variable' },
  ]
  const entries = fonts
    .map(
      (f) =>
        `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}` +
        `${f.name === FONTS.latin ? '<w:charset w:val="00"/><w:family w:val="roman"/>' : '<w:charset w:val="86"/><w:family w:val="auto"/>'}` +
        `<w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('')
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
  )
}
