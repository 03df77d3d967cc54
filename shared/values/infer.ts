/**
 * Guesses the type of a column no dictionary knows (generic exports), from a sample of its cells.
 *
 * Conservative on purpose: a wrong numeric or date type turns good cells into "unparseable" ones,
 * while text loses nothing. So identifiers (leading zeros, 身份证号, long digit strings, names
 * with 编号/号码) stay text, and a type must fit at least 98% of the non-empty samples.
 */
import type { FieldType } from '../domain/fields.ts'
import { parseBoolean } from './boolean.ts'
import { parseDate } from './date.ts'
import { isBlankMarker, parseNumber } from './number.ts'
import { normalizeWidth } from './width.ts'

/** Share of non-empty samples that must parse for a column to get a type. */
export const INFER_THRESHOLD = 0.98
/** Fewer non-empty samples than this and the column stays text ("mostly empty → text"). */
const MIN_FILLED = 5
/** A column is `code` when it has at most this many distinct values … */
const CODE_MAX_DISTINCT = 20
/** … across at least this many non-empty samples … */
const CODE_MIN_SAMPLES = 50
/** … none longer than this. */
const CODE_MAX_LENGTH = 30

/** Header words that mark identifiers: never numbers or dates, whatever the digits look like. */
const ID_WORDS = [
  '编号',
  '号码',
  '证号',
  '身份证',
  '受案号',
  '代码',
  '编码',
  '案号',
  '账号',
  '电话',
  '手机',
  'ID',
  'id',
]
/** Header words that favour a date reading (bare serials and 20240105 accepted, lower threshold). */
const DATE_WORDS = ['日期', '时间']
const DATE_NAME_THRESHOLD = 0.9

/**
 * @param samples raw cell texts of one column (empty cells included, they count towards "mostly empty")
 * @param name the column header, when known
 * @example inferType(['1', '2', '3', '4', '5']) === 'integer'
 * @example inferType(['00123', '00124', '00125', '00126', '00127']) === 'text'
 */
export function inferType(samples: string[], name?: string): FieldType {
  const filled: string[] = []
  for (const sample of samples) {
    const text = normalizeWidth(sample)
    if (text.length > 0) filled.push(text)
  }
  const header = name === undefined ? '' : normalizeWidth(name)
  const namedDate = DATE_WORDS.some((word) => header.includes(word))
  const namedId = ID_WORDS.some((word) => header.includes(word))

  if (filled.length < MIN_FILLED) {
    // Too little evidence, except for a date-named column whose few values are all dates.
    if (
      namedDate &&
      !namedId &&
      filled.length > 0 &&
      filled.every((t) => parseDate(t, { serials: 'plausible' }) !== null)
    )
      return 'date'
    return 'text'
  }

  const values = filled.filter((t) => !isBlankMarker(t))
  if (values.length === 0) return 'text'
  const share = (accept: (text: string) => boolean): number => {
    let count = 0
    for (const text of values) if (accept(text)) count++
    return count / values.length
  }

  if (!namedId) {
    if (namedDate && share((t) => parseDate(t, { serials: 'plausible' }) !== null) >= DATE_NAME_THRESHOLD)
      return 'date'
    // Without a date-like name, only texts with separators count: 20240105 may well be an id.
    if (share((t) => !isAllDigits(t) && parseDate(t, { serials: 'none' }) !== null) >= INFER_THRESHOLD)
      return 'date'
  }

  if (share((t) => parseBoolean(t) !== null) >= INFER_THRESHOLD && hasWordBoolean(values, header))
    return 'boolean'

  if (!namedId && !values.some(looksLikeIdentifier)) {
    if (share((t) => isSafeInteger(parseNumber(t))) >= INFER_THRESHOLD) return 'integer'
    if (share((t) => parseNumber(t) !== null) >= INFER_THRESHOLD) return 'decimal'
  }

  if (values.length >= CODE_MIN_SAMPLES) {
    const distinct = new Set<string>()
    let short = true
    for (const text of values) {
      distinct.add(text)
      if (text.length > CODE_MAX_LENGTH) short = false
      if (distinct.size > CODE_MAX_DISTINCT) break
    }
    if (short && distinct.size <= CODE_MAX_DISTINCT) return 'code'
  }
  return 'text'
}

function isSafeInteger(value: number | null): boolean {
  return value !== null && Number.isSafeInteger(value)
}

function isAllDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x30 || code > 0x39) return false
  }
  return text.length > 0
}

/**
 * '0' followed by a digit (00123, 0512…), 16+ digit strings (身份证号, bank cards: beyond double
 * precision) and 17 digits + X keep a column out of the numeric types.
 */
function looksLikeIdentifier(text: string): boolean {
  if (
    text.length >= 2 &&
    text.charCodeAt(0) === 0x30 &&
    text.charCodeAt(1) >= 0x30 &&
    text.charCodeAt(1) <= 0x39
  )
    return true
  if (text.length >= 16) {
    const body = text.endsWith('X') || text.endsWith('x') ? text.slice(0, -1) : text
    if (isAllDigits(body)) return true
  }
  return false
}

/**
 * A column of only 0/1 is more likely a count than a flag; it is boolean only when some value is
 * a word (是/否, Y/N, √/×, true/false …) or the header asks a yes/no question (是否…).
 */
function hasWordBoolean(values: string[], header: string): boolean {
  if (header.includes('是否')) return true
  return values.some((t) => t !== '0' && t !== '1')
}
