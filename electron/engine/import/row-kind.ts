import type { RawRow } from './read/types.ts'

/**
 * Tells table body rows from the blank rows and 合计/总计/小计 rows that report-style exports put
 * between or after them, so the pipeline can skip and report them instead of importing a "case"
 * whose 部门受案号 is 合计.
 */
export type RowKind = 'data' | 'blank' | 'total'

const TOTAL_LABEL = /^(合计|总计|小计)[:：]?$/
/** Placeholders a report prints in an empty total cell. */
const PLACEHOLDER = /^[-—–/／\\]*$/

/** Integers, decimals, thousands separators and percentages, as in a totals row. */
export function isNumericText(text: string): boolean {
  return /^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?$/.test(text) || /^[-+]?\.\d+%?$/.test(text)
}

/** Excel pads with full-width spaces (U+3000) and NBSP as often as with ASCII spaces; `\s` covers all. */
export function isBlankText(text: string): boolean {
  return text.length === 0 || text.trim().length === 0
}

export function classifyRow(cells: string[]): RowKind {
  let first = -1
  for (let i = 0; i < cells.length; i++) {
    if (!isBlankText(cells[i])) {
      first = i
      break
    }
  }
  if (first < 0) return 'blank'
  if (!TOTAL_LABEL.test(cells[first].replace(/\s+/g, ''))) return 'data'
  let others = 0
  let emptyOrNumeric = 0
  for (let i = first + 1; i < cells.length; i++) {
    others++
    const text = cells[i].trim()
    if (PLACEHOLDER.test(text) || isNumericText(text)) emptyOrNumeric++
  }
  return emptyOrNumeric >= others * 0.8 ? 'total' : 'data'
}

/** A tally as plain data, to send between threads. */
export interface TallyCounts {
  blank: number
  total: number
  blankLines: number[]
  totalLines: number[]
  repeatedHeaders: number
}

/** Exports split into pages repeat the header row; those rows are not data. Cheap first-cell test first. */
export function repeatsHeader(cells: string[], columns: string[]): boolean {
  if (cells[0] !== columns[0] || cells.length < columns.length) return false
  for (let i = 1; i < columns.length; i++) if (cells[i] !== columns[i]) return false
  return true
}

/**
 * Counts skipped rows while the pipeline streams, remembering the first few line numbers so the
 * import summary can point at them.
 */
export class RowKindTally implements TallyCounts {
  blank = 0
  total = 0
  repeatedHeaders = 0
  readonly blankLines: number[] = []
  readonly totalLines: number[] = []
  private static readonly KEEP = 10

  /** @param header the file's header, to skip it where a paged export repeats it */
  constructor(private readonly header: string[] = []) {}

  /** True for a row to import: not blank, not a total, not the header repeated (each is counted). */
  accepts(row: RawRow): boolean {
    if (this.add(row) !== 'data') return false
    if (!repeatsHeader(row.cells, this.header)) return true
    this.repeatedHeaders++
    return false
  }

  /** Classifies and counts one row; only 'data' rows should be imported. */
  add(row: RawRow): RowKind {
    const kind = classifyRow(row.cells)
    if (kind === 'blank') {
      this.blank++
      if (this.blankLines.length < RowKindTally.KEEP) this.blankLines.push(row.line)
    } else if (kind === 'total') {
      this.total++
      if (this.totalLines.length < RowKindTally.KEEP) this.totalLines.push(row.line)
    }
    return kind
  }

  /** Adds the counts of a tally kept elsewhere (the typing thread's, for the rest of a large file). */
  merge(other: TallyCounts): void {
    this.blank += other.blank
    this.total += other.total
    this.repeatedHeaders += other.repeatedHeaders
    for (const line of other.blankLines)
      if (this.blankLines.length < RowKindTally.KEEP) this.blankLines.push(line)
    for (const line of other.totalLines)
      if (this.totalLines.length < RowKindTally.KEEP) this.totalLines.push(line)
  }

  /** Chinese notes for the import summary, e.g. '跳过合计/小计行 1 行（第 58 行）'. */
  notes(): string[] {
    const notes: string[] = []
    if (this.total > 0)
      notes.push(`跳过合计/小计行 ${this.total} 行（${lineList(this.totalLines, this.total)}）`)
    if (this.blank > 0) notes.push(`跳过空行 ${this.blank} 行（${lineList(this.blankLines, this.blank)}）`)
    if (this.repeatedHeaders > 0) notes.push(`跳过重复的表头行 ${this.repeatedHeaders} 行`)
    return notes
  }

  /** The counts as plain data. */
  counts(): TallyCounts {
    const { blank, total, blankLines, totalLines, repeatedHeaders } = this
    return { blank, total, blankLines, totalLines, repeatedHeaders }
  }
}

function lineList(lines: number[], count: number): string {
  return `第 ${lines.join('、')} 行${count > lines.length ? ' 等' : ''}`
}
