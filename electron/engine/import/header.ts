import { EngineError } from '../errors.ts'
import type { RawRow } from './read/types.ts'
import { isNumericText } from './row-kind.ts'

/**
 * Finds the header of an exported table. 2.0 drill-down exports and hand-made report sheets put title
 * lines above the header ("2024年1-6月审查逮捕案件明细", "制表单位：… 统计时间：…"), and grouped
 * columns get a two-row header whose parent cell is merged across its children
 * ("审查起诉阶段量刑建议（自）" over "有期徒刑刑期 | 拘役刑期 | …").
 */
export interface HeaderResult {
  /** Line numbers (RawRow.line) of the header row, or of both rows of a two-row header. */
  headerLines: number[]
  /** Index into the given rows of the first row after the header. */
  dataStartIndex: number
  columns: string[]
  /** Chinese notes for the import summary. */
  notes: string[]
}

export interface HeaderOptions {
  /** File name for the error message. */
  fileName?: string
}

export const HEADER_SCAN_ROWS = 50

interface RowStats {
  cells: string[]
  filled: number[]
  labels: number
  distinct: number
  known: number
}

const CJK = '\\u3400-\\u9fff\\uff00-\\uffef'
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g')
const DATE_LIKE = /^\d{2,4}[-/.年]\d{1,2}|^\d{1,2}:\d{2}/

/**
 * Header text as meant: whitespace between two Chinese characters (a line break typed in the cell,
 * "审结\n日期", or a full-width space, "审结　日期") is layout only and is dropped; other runs of
 * whitespace, full-width spaces included, become one space; ends are trimmed.
 */
export function normalizeHeaderName(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '$1').replace(/\s+/g, ' ').trim()
}

/** A plausible column label: short text, not a number, date, long id or "key：value" line. */
function isLabel(text: string): boolean {
  if (text.length === 0 || text.length > 60) return false
  if (isNumericText(text) || DATE_LIKE.test(text) || /\d{6,}/.test(text)) return false
  return !/[:：]\s*\S/.test(text)
}

function rowStats(row: RawRow, known: Set<string> | null): RowStats {
  const cells = row.cells.map(normalizeHeaderName)
  const filled: number[] = []
  let labels = 0
  let knownCount = 0
  const seen = new Set<string>()
  cells.forEach((text, i) => {
    if (text === '') return
    filled.push(i)
    seen.add(text)
    if (isLabel(text)) labels++
    if (known?.has(text.replace(/ /g, ''))) knownCount++
  })
  return { cells, filled, labels, distinct: seen.size, known: knownCount }
}

const lastIndex = (s: RowStats): number => (s.filled.length ? s.filled[s.filled.length - 1] : -1)

export function detectHeader(
  firstRows: RawRow[],
  knownHeaders?: Set<string>,
  options: HeaderOptions = {},
): HeaderResult {
  const rows = firstRows.slice(0, HEADER_SCAN_ROWS)
  const known = knownHeaders?.size
    ? new Set([...knownHeaders].map((h) => normalizeHeaderName(h).replace(/ /g, '')))
    : null
  const stats = rows.map((row) => rowStats(row, known))
  const width = Math.max(0, ...stats.map(lastIndex)) + 1
  const header = stats.some((s) => s.filled.length > 0) ? findHeaderRow(stats, width) : -1
  if (header < 0) throw noHeader(options.fileName)
  const twoRows = isChildRow(stats[header], stats[header + 1])
  const dataStart = header + (twoRows ? 2 : 1)
  const tableWidth = Math.max(...stats.slice(header).map(lastIndex)) + 1
  const names = twoRows
    ? joinTwoRows(stats[header].cells, stats[header + 1].cells, tableWidth)
    : Array.from({ length: tableWidth }, (_, j) => stats[header].cells[j] ?? '')

  const notes = titleNotes(stats.slice(0, header))
  const headerLines = twoRows ? [rows[header].line, rows[header + 1].line] : [rows[header].line]
  if (twoRows) notes.push(`检测到两行合并表头（第 ${headerLines[0]}–${headerLines[1]} 行）`)
  const columns = nameColumns(names, notes)
  return { headerLines, dataStartIndex: dataStart, columns, notes }
}

/**
 * With known export headers, the row matching most of them wins. Otherwise the first row of mostly
 * distinct text labels covering most of the table's width; a row covering less qualifies when the
 * row below completes it as a two-row header (grouped columns leave blanks in the parent row).
 */
function findHeaderRow(stats: RowStats[], width: number): number {
  let best = -1
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i]
    if (s.known >= 2 && s.labels >= s.filled.length * 0.5 && (best < 0 || s.known > stats[best].known))
      best = i
  }
  if (best >= 0) return best
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i]
    const minFilled = width >= 3 ? 2 : 1
    if (s.filled.length < minFilled || s.labels < s.filled.length * 0.8 || s.distinct < s.filled.length * 0.6)
      continue
    const coverage = s.filled.length / width
    if (coverage >= 0.6) return i
    if (coverage >= 0.3 && isChildRow(s, stats[i + 1]) && unionCount(s, stats[i + 1]) >= width * 0.8) return i
  }
  return -1
}

function unionCount(a: RowStats, b: RowStats): number {
  return new Set([...a.filled, ...b.filled]).size
}

/**
 * The row under a header is its second header row when it holds labels (repeats allowed: "有期徒刑刑期"
 * sits under both （自） and （到）) placed under the parent's blank cells, i.e. inside merged spans,
 * and leaves the columns of single-row parents (vertically merged, like 部门受案号) empty.
 */
function isChildRow(parent: RowStats, child: RowStats | undefined): boolean {
  if (!child || child.filled.length === 0 || child.labels < child.filled.length * 0.8) return false
  const width = Math.max(lastIndex(parent), lastIndex(child)) + 1
  const empty = (j: number): boolean => (parent.cells[j] ?? '') === ''
  let blanks = 0
  for (let j = 0; j < width; j++) if (empty(j)) blanks++
  if (blanks === 0) return false
  let underBlank = 0
  let inSpan = 0
  for (const j of child.filled) {
    if (empty(j)) underBlank++
    if (empty(j) || (j + 1 < width && empty(j + 1))) inSpan++
  }
  return underBlank >= 1 && underBlank >= blanks * 0.5 && inSpan >= child.filled.length * 0.8
}

/**
 * parent + child without separator when both exist; a parent is carried over the blank cells of its
 * span only while children continue under it, so a vertically merged neighbour is never repeated.
 */
function joinTwoRows(parent: string[], child: string[], width: number): string[] {
  const names: string[] = []
  let span = ''
  for (let j = 0; j < width; j++) {
    const p = parent[j] ?? ''
    const c = child[j] ?? ''
    if (p !== '') {
      span = c !== '' ? p : ''
      names.push(p + c)
    } else if (c !== '') {
      names.push(span + c)
    } else {
      span = ''
      names.push('')
    }
  }
  return names
}

function titleNotes(above: RowStats[]): string[] {
  const notes: string[] = []
  const blank = above.filter((s) => s.filled.length === 0).length
  const titles = above.length - blank
  if (titles > 0) notes.push(`跳过表头上方的标题行 ${titles} 行`)
  if (blank > 0) notes.push(`跳过表头上方的空行 ${blank} 行`)
  return notes
}

/** Unnamed columns become 列N (N = 1-based position); repeats become 名称_2, 名称_3 … */
function nameColumns(names: string[], notes: string[]): string[] {
  const used = new Set<string>()
  return names.map((raw, j) => {
    let name = raw
    if (name === '') {
      name = `列${j + 1}`
      notes.push(`第 ${j + 1} 列没有列名，已命名为「${name}」`)
    }
    if (used.has(name)) {
      let k = 2
      while (used.has(`${name}_${k}`)) k++
      notes.push(`重复列名「${name}」已改名为「${name}_${k}」`)
      name = `${name}_${k}`
    }
    used.add(name)
    return name
  })
}

function noHeader(fileName: string | undefined): EngineError {
  const where = fileName ? `文件「${fileName}」` : '文件'
  return new EngineError(
    'NO_HEADER',
    `未能在${where}前 ${HEADER_SCAN_ROWS} 行中找到表头行：表头应是一行多个不重复的文字列名（如“部门受案号”“受理日期”）。` +
      '请确认文件是案卡导出表，且表头不在第 50 行之后。',
    fileName ? { file: fileName } : {},
  )
}
