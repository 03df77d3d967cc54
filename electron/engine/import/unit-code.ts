/**
 * The handling unit of a case, read from its 部门受案号.
 *
 * Format (case-cards.md §3.2): {院简称}{部门简称}受[{年}]{单位编码6位}{流水号5位}号, e.g.
 * 宁检捕受[2024]32010200001号 → unit 320102. Hand-typed numbers use full-width brackets and digits
 * (【2024】, ［2024］, ２０２４) or stray spaces, so those are tolerated.
 */
import { digitValue, isSpaceCode } from '../../../shared/values/width.ts'

/**
 * The regex a public tool uses to match a 部门受案号 (case-cards.md §3.2), anchored to the whole
 * text so it validates rather than searches. Expects half-width brackets and digits.
 *
 * @example CASE_NUMBER_PATTERN.test('蕲检起诉受[2018]42038100026号') === true
 */
export const CASE_NUMBER_PATTERN = /^[\u4e00-\u9fffA-Za-z0-9·-]*受\[[12]\d{3}\]\d{8,16}号$/

const OPENING = new Set([0x5b /* [ */, 0xff3b /* ［ */, 0x3010 /* 【 */, 0x3014 /* 〔 */])
const CLOSING = new Set([0x5d /* ] */, 0xff3d /* ］ */, 0x3011 /* 】 */, 0x3015 /* 〕 */])

/**
 * Six-digit unit code right after `[YYYY]`, or null when the text has none.
 *
 * @example unitCodeFromCaseNumber('宁检捕受[2024]32010200001号') === '320102'
 * @example unitCodeFromCaseNumber('宁检捕受【２０２４】 320102 00001号') === '320102'
 * @example unitCodeFromCaseNumber('无编号') === null
 */
export function unitCodeFromCaseNumber(caseNumber: string): string | null {
  const text = caseNumber
  for (let open = 0; open < text.length; open++) {
    if (!OPENING.has(text.charCodeAt(open))) continue
    let index = skipSpaces(text, open + 1)
    let yearDigits = 0
    while (index < text.length && digitValue(text.charCodeAt(index)) >= 0) {
      index++
      yearDigits++
    }
    index = skipSpaces(text, index)
    if (yearDigits !== 4 || index >= text.length || !CLOSING.has(text.charCodeAt(index))) continue
    index = skipSpaces(text, index + 1)
    let code = ''
    while (code.length < 6 && index < text.length) {
      const digit = digitValue(text.charCodeAt(index))
      if (digit < 0) break
      code += String.fromCharCode(0x30 + digit)
      index = skipSpaces(text, index + 1)
    }
    if (code.length === 6) return code
  }
  return null
}

/**
 * Whether the text is a well-formed 部门受案号, after folding full-width digits/brackets and
 * removing spaces, so '宁检捕受［２０２４］32010200001号' counts too.
 */
export function isCaseNumber(caseNumber: string): boolean {
  let folded = ''
  for (let index = 0; index < caseNumber.length; index++) {
    const code = caseNumber.charCodeAt(index)
    if (isSpaceCode(code)) continue
    const digit = digitValue(code)
    if (digit >= 0) folded += String.fromCharCode(0x30 + digit)
    else if (OPENING.has(code)) folded += '['
    else if (CLOSING.has(code)) folded += ']'
    else folded += caseNumber[index]
  }
  return CASE_NUMBER_PATTERN.test(folded)
}

function skipSpaces(text: string, index: number): number {
  while (index < text.length && isSpaceCode(text.charCodeAt(index))) index++
  return index
}
