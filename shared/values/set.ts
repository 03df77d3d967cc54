/**
 * Multi-valued cells (…其他案由, 审查认定的法定情节, 不捕情形 …) → an ordered, de-duplicated list,
 * stored as JSON array text so SQLite's json_each() can query it.
 */
import { normalizeWidth } from './width.ts'

/**
 * 'list': split on 、，,;； and line breaks.
 * 'charges': charge names contain 、 themselves (走私、贩卖、运输、制造毒品罪), so 、 only separates
 * two charges when the name before it is complete, i.e. ends in 罪. The 2.0 exports themselves use
 * commas (case-cards.md §3.3).
 */
export type SetMode = 'list' | 'charges'

const COMMA = 0x2c
const FULL_COMMA = 0xff0c
const SEMICOLON = 0x3b
const FULL_SEMICOLON = 0xff1b
const ENUMERATION_COMMA = 0x3001 // 、
const CRIME = 0x7f6a // 罪

function isHardSeparator(code: number): boolean {
  return (
    code === COMMA ||
    code === FULL_COMMA ||
    code === SEMICOLON ||
    code === FULL_SEMICOLON ||
    code === 0x0a ||
    code === 0x0d
  )
}

/**
 * Splits a multi-valued cell. Separators inside brackets are kept, so annotated names such as
 * 侵犯公民个人信息罪（原出售、非法提供公民个人信息罪…） stay whole.
 *
 * @example splitSet('累犯、自首，累犯') → ['累犯', '自首']
 * @example splitSet('盗窃罪,走私、贩卖、运输、制造毒品罪', 'charges') → ['盗窃罪', '走私、贩卖、运输、制造毒品罪']
 */
export function splitSet(text: string, mode: SetMode = 'list'): string[] {
  const source = normalizeWidth(text)
  // Arrays stay tiny (a few items), so includes() beats a Set here.
  const items: string[] = []
  const push = (start: number, end: number): void => {
    const item = source.slice(start, end).trim()
    if (item.length > 0 && !items.includes(item)) items.push(item)
  }
  let depth = 0
  let itemStart = 0
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code < 0x2c) {
      if (code === 0x0a || code === 0x0d) {
        if (depth === 0) {
          push(itemStart, index)
          itemStart = index + 1
        }
      } else if (code === 0x28) depth++
      else if (code === 0x29 && depth > 0) depth--
      continue
    }
    if (code === 0xff08) depth++
    else if (code === 0xff09 && depth > 0) depth--
    else if (depth === 0) {
      const splits =
        isHardSeparator(code) ||
        (code === ENUMERATION_COMMA && (mode === 'list' || lastNonSpace(source, itemStart, index) === CRIME))
      if (splits) {
        push(itemStart, index)
        itemStart = index + 1
      }
    }
  }
  push(itemStart, source.length)
  return items
}

function lastNonSpace(text: string, start: number, end: number): number {
  for (let index = end - 1; index >= start; index--) {
    const code = text.charCodeAt(index)
    if (code !== 0x20) return code
  }
  return -1
}

/** JSON array text of {@link splitSet}, or null when the cell holds no item. */
export function parseSet(text: string, mode: SetMode = 'list'): string | null {
  const items = splitSet(text, mode)
  return items.length === 0 ? null : JSON.stringify(items)
}
