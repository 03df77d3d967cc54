/**
 * Message templates (冲突说明): literal text with `{…}` placeholders, each an expression over the
 * rule's fields (`{审结日期}`, `{天数差(受理日期, 审结日期)}`, `{@天数上限}`), evaluated on the flagged
 * record (in SQL, with the rule's other values) and formatted the way the grid shows values.
 */
import type { ExprType } from '../../../shared/expr/index.ts'

export interface Template {
  /** Literal texts around the placeholders: always one more than `placeholders`. */
  texts: string[]
  placeholders: { text: string; offset: number }[]
}

/**
 * @example parseTemplate('共 {天数} 天') → { texts: ['共 ', ' 天'], placeholders: [{ text: '天数', offset: 3 }] }
 */
export function parseTemplate(template: string): Template {
  const texts: string[] = []
  const placeholders: Template['placeholders'] = []
  let last = 0
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    texts.push(template.slice(last, match.index))
    placeholders.push({ text: match[1], offset: match.index + 1 })
    last = match.index + match[0].length
  }
  texts.push(template.slice(last))
  return { texts, placeholders }
}

/** A value as the analyst reads it: 是/否, sets joined with 、, numbers without float noise, 空 for nothing. */
export function formatValue(value: unknown, type: ExprType): string {
  if (value === null || value === undefined || value === '') return '空'
  if (type === 'boolean') return value === 1 || value === true ? '是' : '否'
  if (type === 'set') {
    // Case 集合 may repeat items and come in any order: show each once, sorted.
    const items = typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[])
    const distinct = [...new Set(items.filter((item) => item !== ''))].sort()
    return distinct.length === 0 ? '空' : distinct.join('、')
  }
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6)
  return String(value)
}

export function renderTemplate(template: Template, values: readonly string[]): string {
  let text = template.texts[0]
  values.forEach((value, index) => (text += value + template.texts[index + 1]))
  return text
}
