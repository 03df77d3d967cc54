import '../../xlsx/install-fixed-parser.ts' // must run before any exceljs module loads
// @ts-expect-error -- exceljs ships no types for its internals; the one function used is typed below.
import NumFmtXformModule from 'exceljs/lib/xlsx/xform/style/numfmt-xform.js'

/**
 * exceljs knows no format code for the locale-dependent built-in number formats 27–36 and 50–58,
 * which Chinese Excel and WPS use for dates (31 = yyyy"年"m"月"d"日", 57 = yyyy"年"m"月", 58 = m"月"d"日").
 * Without a code, exceljs cannot tell such a cell is a date and returns the serial number (45296).
 * This fills only those gaps with the zh-CN codes exceljs itself lists; ids it already knows keep
 * their code, and writers are unaffected (they use the reverse table, not this function).
 */
type NumFmtXform = { getDefaultFmtCode(id: number): string | undefined; __yanpanPatched?: boolean }

const CJK_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
}

export function patchCjkDateFormats(): void {
  const xform = NumFmtXformModule as NumFmtXform
  if (xform.__yanpanPatched) return
  const original = xform.getDefaultFmtCode.bind(xform)
  xform.getDefaultFmtCode = (id: number) => original(id) ?? CJK_BUILTIN_FORMATS[id]
  xform.__yanpanPatched = true
}

/** exceljs's own test (utils.isDateFmt): any y/m/d/h/s outside quotes and [..] sections means a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]/.test(bare)
}
