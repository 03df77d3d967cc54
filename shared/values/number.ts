/**
 * Numbers from cell text: 1,234.5, full-width digits, a trailing unit (万元, 元, 人, 件, 天, 个月,
 * 岁, %), and the dash/slash/无 markers analysts type for "nothing".
 *
 * Amounts are stored as written: '12.5' in a 万元 column is 12.5 (万元), never rescaled, because the
 * column header carries the unit and rules such as R042 compare in 万元.
 */
import { digitValue, isSpaceCode, normalizeWidth } from './width.ts'

/** Units that may follow a number and carry no scaling. '年' is left out on purpose: 3年 ≠ 3 months. */
const UNITS = ['万元', '个月', '元', '人', '件', '天', '岁', '%', '％']

const BLANK_MARKERS = new Set(['—', '——', '–', '-', '--', '－', '―', '/', '／', '无'])

/** True for texts that mean "no value" in a number or date column ('—', '-', '/', '无' …). */
export function isBlankMarker(text: string): boolean {
  if (text.length === 0 || text.length > 8) return false
  return BLANK_MARKERS.has(text) || BLANK_MARKERS.has(normalizeWidth(text))
}

/**
 * Reads a finite number, or null when the text is not one (blank markers included: check
 * {@link isBlankMarker} to tell them apart).
 *
 * @example parseNumber('1,234.5万元') === 1234.5
 * @example parseNumber('１２人') === 12
 * @example parseNumber('12.5%') === 12.5
 */
export function parseNumber(text: string): number | null {
  const length = text.length
  // Fast path: a plain ASCII integer of up to 15 digits, optionally negative.
  if (length > 0 && length <= 16) {
    let index = text.charCodeAt(0) === 0x2d ? 1 : 0
    if (index < length) {
      let value = 0
      for (; index < length; index++) {
        const code = text.charCodeAt(index)
        if (code < 0x30 || code > 0x39) break
        value = value * 10 + (code - 0x30)
      }
      if (index === length) return text.charCodeAt(0) === 0x2d ? (value === 0 ? 0 : -value) : value
    }
  }
  return isPlainDecimal(text) ? plainValue(text) : parseGeneral(text)
}

/** '-12.50', '0.35': ASCII digits with one dot, which Number() reads exactly as the general path would. */
function isPlainDecimal(text: string): boolean {
  const length = text.length
  if (length === 0 || length > 24) return false
  let index = text.charCodeAt(0) === 0x2d ? 1 : 0
  let digits = 0
  let dots = 0
  for (; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x30 && code <= 0x39) digits++
    else if (code === 0x2e && dots === 0) dots++
    else return false
  }
  return digits > 0
}

function plainValue(text: string): number {
  const value = Number(text)
  return value === 0 ? 0 : value // never -0
}

function parseGeneral(text: string): number | null {
  let start = 0
  let end = text.length
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--
  end = stripUnit(text, start, end)
  if (start === end) return null

  // Rebuild an ASCII literal for Number(): correct decimal rounding without hand-written maths.
  let literal = ''
  let index = start
  const sign = text.charCodeAt(index)
  if (sign === 0x2d || sign === 0xff0d || sign === 0x2212) {
    literal = '-'
    index++
  } else if (sign === 0x2b || sign === 0xff0b) {
    index++
  }

  // Integer part with optional thousands separators, which must group by three.
  let integerDigits = 0
  let groupDigits = 0
  let sawComma = false
  for (; index < end; index++) {
    const code = text.charCodeAt(index)
    const digit = digitValue(code)
    if (digit >= 0) {
      literal += String.fromCharCode(0x30 + digit)
      integerDigits++
      groupDigits++
    } else if (code === 0x2c) {
      if (groupDigits === 0 || (sawComma && groupDigits !== 3) || (!sawComma && groupDigits > 3)) return null
      sawComma = true
      groupDigits = 0
    } else {
      break
    }
  }
  if (sawComma && groupDigits !== 3) return null

  let fractionDigits = 0
  if (index < end && (text.charCodeAt(index) === 0x2e || text.charCodeAt(index) === 0xff0e)) {
    literal += '.'
    index++
    for (; index < end; index++) {
      const digit = digitValue(text.charCodeAt(index))
      if (digit < 0) break
      literal += String.fromCharCode(0x30 + digit)
      fractionDigits++
    }
  }
  if (integerDigits + fractionDigits === 0) return null

  if (index < end && (text.charCodeAt(index) === 0x65 || text.charCodeAt(index) === 0x45)) {
    literal += 'e'
    index++
    if (index < end && (text.charCodeAt(index) === 0x2b || text.charCodeAt(index) === 0x2d)) {
      literal += text[index]
      index++
    }
    const exponentStart = index
    for (; index < end; index++) {
      const digit = digitValue(text.charCodeAt(index))
      if (digit < 0) break
      literal += String.fromCharCode(0x30 + digit)
    }
    if (index === exponentStart) return null
  }
  if (index !== end) return null
  const value = Number(literal)
  if (!Number.isFinite(value)) return null
  return value === 0 ? 0 : value // never -0
}

/** End index without a trailing unit (and the spaces before it). */
function stripUnit(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1)
  if (end - start < 2 || digitValue(last) >= 0 || last === 0x2e) return end
  for (const unit of UNITS) {
    if (end - start > unit.length && text.endsWith(unit, end)) {
      let cut = end - unit.length
      while (cut > start && isSpaceCode(text.charCodeAt(cut - 1))) cut--
      return cut
    }
  }
  return end
}
