/**
 * One cell text → the value SQLite stores for a field of a given type.
 *
 * Runs on every cell of every import (≈100 million per 1M-row export), so each type has a fast
 * path for already-canonical text and nothing here builds regular expressions.
 */
import type { FieldRole, FieldType } from '../domain/fields.ts'
import { parseBoolean } from './boolean.ts'
import { parseDate } from './date.ts'
import { isBlankMarker, parseNumber } from './number.ts'
import { splitSet } from './set.ts'
import { normalizeWidth } from './width.ts'

export interface ParsedCell {
  /** What SQLite stores: 'YYYY-MM-DD', a number, 1/0, JSON array text, normalised text, or null. */
  value: string | number | null
  /**
   * False when a non-empty cell does not parse as the type; the caller keeps the raw text and
   * reports the cell. Empty cells and blank markers ('—', '/', …) are ok with value null.
   */
  ok: boolean
  /**
   * How the stored value reads back to the analyst ('' for null; 是/否; set items joined with 、):
   * when it differs from the raw text, the caller keeps the raw text so nothing imported is lost.
   */
  canonical: string
}

// Shared frozen results: empty, failed and yes/no cells are common and need no allocation.
// Callers must treat results as read-only.
const EMPTY: ParsedCell = Object.freeze({ value: null, ok: true, canonical: '' })
const FAILED: ParsedCell = Object.freeze({ value: null, ok: false, canonical: '' })
const TRUE: ParsedCell = Object.freeze({ value: 1, ok: true, canonical: '是' })
const FALSE: ParsedCell = Object.freeze({ value: 0, ok: true, canonical: '否' })

/**
 * @param role only `charge` matters: charge sets split on 、 only after a complete name (…罪).
 * @example parseCell('date', '2024/1/5') → { value: '2024-01-05', ok: true, canonical: '2024-01-05' }
 * @example parseCell('integer', '12.5') → { value: null, ok: false, canonical: '' }
 * @example parseCell('boolean', '是') → { value: 1, ok: true, canonical: '是' }
 */
export function parseCell(type: FieldType, raw: string, role?: FieldRole): ParsedCell {
  if (raw.length === 0) return EMPTY
  switch (type) {
    case 'text':
    case 'code': {
      const text = normalizeWidth(raw)
      return text.length === 0 ? EMPTY : { value: text, ok: true, canonical: text }
    }
    case 'integer': {
      const value = parseNumber(raw)
      if (value === null) return blankOrFailed(raw)
      if (!Number.isSafeInteger(value)) return FAILED
      return { value, ok: true, canonical: String(value) }
    }
    case 'decimal': {
      const value = parseNumber(raw)
      if (value === null) return blankOrFailed(raw)
      return { value, ok: true, canonical: String(value) }
    }
    case 'date': {
      const value = parseDate(raw)
      if (value === null) return blankOrFailed(raw)
      return { value, ok: true, canonical: value }
    }
    case 'boolean': {
      const value = parseBoolean(raw)
      if (value === null) return blankOrFailed(raw)
      return value === 1 ? TRUE : FALSE
    }
    case 'set': {
      const items = splitSet(raw, role === 'charge' ? 'charges' : 'list')
      return items.length === 0
        ? EMPTY
        : { value: JSON.stringify(items), ok: true, canonical: items.join('、') }
    }
  }
}

/** Whitespace-only cells and blank markers are empty; anything else failed to parse. */
function blankOrFailed(raw: string): ParsedCell {
  if (isBlankMarker(raw)) return EMPTY
  return normalizeWidth(raw).length === 0 ? EMPTY : FAILED
}
