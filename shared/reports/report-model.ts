/**
 * A built report: everything resolved (final paragraph texts, table cells, chart series), so the
 * in-app preview and the Word writer show exactly the same thing. Plain data, sent over IPC.
 */

export interface HeadingBlock {
  kind: 'heading'
  /** 1 一、 2 （一） 3 1. 4 （1）; 0 for unnumbered headings such as 附录. */
  level: 0 | 1 | 2 | 3 | 4
  /** '一、', '（二）', '' … */
  number: string
  text: string
}

export interface ParagraphBlock {
  kind: 'paragraph'
  /**
   * Stable across rebuilds of the same template, unit and period: the template block's id, with
   * `.2`, `.3` … for further paragraphs of the block and `@<unit code>` inside a repeated section.
   * Edits are sent back as overrides keyed by it.
   */
  id: string
  text: string
  /** The text as generated, before the analyst's edit. */
  original: string
  edited: boolean
  /** body: ordinary 正文; item: a numbered item (问题, 建议); note: a note under a table or chart. */
  style: 'body' | 'item' | 'note'
}

export type CellAlign = 'left' | 'center' | 'right'

export interface TableRow {
  cells: string[]
  /** total: a 合计 / 全市 row; warn: a row the analyst should look at. */
  emphasis?: 'total' | 'warn'
}

export interface TableBlock {
  kind: 'table'
  id: string
  /** 表1, 表2 … in document order (附表1 … in the 附录). */
  label: string
  title: string
  header: string[]
  align: CellAlign[]
  /** Relative column widths (any scale). */
  widths: number[]
  rows: TableRow[]
  note?: string
}

export interface ChartSeries {
  name: string
  /** In display units, rounded as written (23.1 for 23.1%); null leaves a gap. */
  values: (number | null)[]
}

export interface ChartSpec {
  type: 'line' | 'bar' | 'pie'
  /** bar: stacked instead of side by side. */
  stacked?: boolean
  categories: string[]
  series: ChartSeries[]
  /** The unit of the values ('%', '人', '件', '天', '' …), for number formats and the axis. */
  valueUnit: string
  decimals: number
  /** Show each value on the chart (bars and pies with few points). */
  labels: boolean
}

export interface ChartBlock {
  kind: 'chart'
  id: string
  /** 图1, 图2 … in document order. */
  label: string
  title: string
  chart: ChartSpec
}

export interface PageBreakBlock {
  kind: 'pageBreak'
}

export type ReportBlock = HeadingBlock | ParagraphBlock | TableBlock | ChartBlock | PageBreakBlock

/** Where the figures come from, for the 附录. */
export interface Provenance {
  imports: {
    file: string
    dataset: string
    rows: number
    rejected: number
    sha256: string
    importedAt: string
  }[]
  indicators: {
    id: string
    name: string
    caliber: string
    caliberName: string
    /** 2024-01-01 至今 … */
    effective: string
    formula: string
    measures: string
    direction: string
  }[]
  ruleLibrary: {
    /** A digest of the library files, so two reports can be told apart by the rules they used. */
    version: string
    rules: number
    enabled: number
    userRules: number
    lastRun: string | null
  }
  records: {
    /** Current records of every dataset. */
    total: number
    /** Records with an unresolved (待核查 / 已确认) flag of any severity. */
    flagged: number
    /** Records with an unresolved 错误-level flag: what leaving out flagged records removes. */
    flaggedErrors: number
    /** Rows the imports refused. */
    rejectedRows: number
    /** Whether the figures leave out the records with unresolved 错误-level flags. */
    excludeFlagged: boolean
  }
}

export interface ReportModel {
  template: { id: string; name: string; source: 'builtin' | 'user' }
  title: string
  subtitle: string | null
  unit: { code: string; name: string; level: 'province' | 'city' | 'county' }
  period: { text: string; label: string }
  /** The cover block under the title: 编制单位, 统计期间, 生成日期, 数据截至. */
  cover: { unit: string; period: string; generatedAt: string; dataThrough: string | null } | null
  blocks: ReportBlock[]
  provenance: Provenance | null
  counts: { paragraphs: number; tables: number; charts: number }
  /** Override ids that matched no paragraph (the template or the data changed since the edit). */
  unusedOverrides: string[]
}
