/**
 * Full-width → ASCII normalisation for cell text.
 *
 * Exports typed on Chinese IMEs often carry full-width digits and letters (２０２４, ＡＢ) and
 * ideographic spaces; they must compare equal to their ASCII forms. Chinese punctuation that is
 * part of the data (（）、，：) is deliberately left alone: field names and charge names use it.
 */

const FULLWIDTH_OFFSET = 0xfee0 // '０' (U+FF10) - '0' (U+0030)

/** True for code units this module rewrites or drops (used to skip work on plain ASCII/CJK text). */
function needsRewrite(code: number): boolean {
  return (
    (code >= 0xff10 && code <= 0xff19) || // ０-９
    (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
    (code >= 0xff41 && code <= 0xff5a) || // ａ-ｚ
    code === 0x3000 || // ideographic space
    code === 0x00a0 || // no-break space
    code === 0x200b || // zero-width space (pasted from web pages)
    code === 0xfeff // BOM / zero-width no-break space
  )
}

/**
 * Maps full-width digits/letters and odd spaces to ASCII, then trims.
 *
 * @example normalizeWidth('　２０２４年Ａ类 ') === '2024年A类'
 * @example normalizeWidth('（一）、') === '（一）、' // punctuation kept
 */
export function normalizeWidth(text: string): string {
  const length = text.length
  let index = 0
  // Fast path: most cells need nothing but a trim.
  while (index < length && !needsRewrite(text.charCodeAt(index))) index++
  if (index === length) return text.trim()

  let out = text.slice(0, index)
  for (; index < length; index++) {
    const code = text.charCodeAt(index)
    if (!needsRewrite(code)) out += text[index]
    else if (code === 0x3000 || code === 0x00a0) out += ' '
    else if (code === 0x200b || code === 0xfeff) continue
    else out += String.fromCharCode(code - FULLWIDTH_OFFSET)
  }
  return out.trim()
}

/**
 * Digit value of an ASCII or full-width digit code unit, else -1. Lets the number and date scanners
 * read '２０２４' without allocating a normalised copy first.
 */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10
  return -1
}

/** True for white space a cell may be padded with (ASCII, NBSP, ideographic, zero-width, BOM). */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x3000 ||
    code === 0x00a0 ||
    code === 0x200b ||
    code === 0xfeff
  )
}
