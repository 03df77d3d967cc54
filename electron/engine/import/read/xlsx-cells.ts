import type { Row } from 'exceljs'
import { isDateFormat } from './xlsx-numfmt.ts'

/**
 * Turns an exceljs streamed row into cell texts, column 1 at index 0. Conversion is
 * time-zone independent: exceljs builds dates from the serial number as UTC instants, so UTC getters
 * give back exactly the calendar date and clock time shown in Excel.
 */
export function rowTexts(row: Row): string[] {
  const values = row.values as unknown[]
  const width = values.length - 1
  if (width <= 0) return []
  const cells = new Array<string>(width)
  for (let col = 1; col <= width; col++) {
    const value = values[col]
    cells[col - 1] = value === undefined || value === null ? '' : cellText(value, row, col)
  }
  return cells
}

export function cellText(value: unknown, row: Row | null, col: number): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return Number.isFinite(value) ? String(value) : ''
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object':
      break
    default:
      return value === undefined ? '' : String(value)
  }
  if (value === null) return ''
  if (value instanceof Date) return dateText(value)
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText))
    return (v.richText as { text?: string | null }[]).map((r) => r.text ?? '').join('')
  if ('formula' in v || 'sharedFormula' in v) return formulaText(v.result, row, col)
  if (typeof v.error === 'string') return v.error
  if ('text' in v) return cellText(v.text, row, col)
  return ''
}

/**
 * The streaming reader stores a formula's cached result as a plain number even when the cell is
 * formatted as a date (and as NaN for an error result, whose text it drops), so the date check is
 * done here against the cell's number format.
 */
function formulaText(result: unknown, row: Row | null, col: number): string {
  if (result === undefined || result === null) return ''
  if (typeof result === 'number' && Number.isFinite(result) && row && isDateFormat(row.getCell(col).numFmt)) {
    return dateText(new Date(Math.round((result - 25569) * 86_400_000)))
  }
  return cellText(result, row, col)
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

/**
 * 'YYYY-MM-DD', plus ' HH:mm:ss' when the time of day is not midnight; a pure time (serial < 1,
 * i.e. 1899-12-30) gives 'HH:mm:ss'. Rounded to the second, as Excel displays it.
 */
export function dateText(date: Date): string {
  const ms = date.getTime()
  if (Number.isNaN(ms)) return ''
  const d = new Date(Math.round(ms / 1000) * 1000)
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  if (d.getUTCFullYear() === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() === 30) return time
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return seconds === 0 ? day : `${day} ${time}`
}
