/**
 * Column headers of the demo exports: every documented (non-optional) header of the kind's field
 * dictionary (resources/kinds), in dictionary order, then the optional person fields the rules need
 * (性别, 出生日期 and 身份证号 for rules.md §4.3 item 6; 作案时年龄 for 010101, where it is optional).
 */
import { fromDayNumber } from '../../../shared/values/date.ts'
import { loadKindDictionaries } from '../import/kinds.ts'

export type DemoKind = '010101' | '020101'

const OPTIONAL: Record<DemoKind, string[]> = {
  '010101': ['作案时年龄', '性别', '出生日期', '身份证号'],
  '020101': ['性别', '出生日期', '身份证号'],
}

export function exportColumns(kind: DemoKind): string[] {
  const dictionary = loadKindDictionaries().find((d) => d.kind === kind)!
  const wanted = new Set(OPTIONAL[kind])
  return dictionary.fields.filter((f) => !f.optional || wanted.has(f.name)).map((f) => f.name)
}

/** Column positions by header, for renderers that fill a reused cell array. */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const positions = new Map(header.map((name, i) => [name, i]))
  return (name) => {
    const position = positions.get(name)
    if (position === undefined) throw new Error(`demo export has no column ${name}`)
    return position
  }
}

/** Positions of named columns, resolved once: renderers write `cells[col.name] = …` per row. */
export function columnSlots<T extends Record<string, string>>(
  header: readonly string[],
  names: T,
): { [K in keyof T]: number } {
  const at = columnIndex(header)
  const slots = {} as { [K in keyof T]: number }
  for (const key of Object.keys(names) as (keyof T)[]) slots[key] = at(names[key])
  return slots
}

/** 'YYYY-MM-DD' of a day number, or '' for NaN or a day after `today` (not yet happened). */
export type DayText = (day: number) => string

/** A {@link DayText} for an export made on `today`; formatted days are cached (millions of cells). */
export function dayTexts(today: number): DayText {
  const cache = new Map<number, string>()
  return (day) => {
    if (!(day <= today)) return ''
    let text = cache.get(day)
    if (text === undefined) {
      text = fromDayNumber(day)
      cache.set(day, text)
    }
    return text
  }
}

/** 万元 and months as the system writes them: no trailing zeros, at most two decimals. */
export const amountText = (value: number): string => (value > 0 ? String(Math.round(value * 100) / 100) : '')
