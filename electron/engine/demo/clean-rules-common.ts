/**
 * Helpers and the rules both exports share, for clean-check.ts: rows are the exported texts
 * (dates 'YYYY-MM-DD', 是/否, comma-separated charges, 、-separated 情形).
 */
import { dayNumber, parseDate } from '../../../shared/values/date.ts'
import { idCardBirthDate, idCardSex, isValidIdCard } from './id-card.ts'
import { ageOn } from './persons.ts'

export type Row = Readonly<Record<string, string>>

export interface CheckContext {
  /** The export date 'YYYY-MM-DD': rules about "long after" count from it. */
  today: string
  /** Suspects in the row's case (部门受案号); rules that differ for 一案一人 need it. */
  caseSize?: number
}

export interface RowRule {
  /** R### from rules.md §4.1, S# from §4.2, F## for item ## of §4.3. */
  id: string
  title: string
  /** True when the row breaks the rule. */
  violated(row: Row, ctx: CheckContext): boolean
}

export const text = (row: Row, name: string): string => (row[name] ?? '').trim()
export const blank = (row: Row, name: string): boolean => text(row, name) === ''

/** Day number of a date cell, NaN when blank or not a date. */
export function day(row: Row, name: string): number {
  const value = parseDate(text(row, name), { serials: 'none' })
  return value === null ? Number.NaN : dayNumber(value)
}

export function num(row: Row, name: string): number {
  const value = text(row, name)
  return value === '' ? Number.NaN : Number(value)
}

/** Items of a 、-separated 情形 list. */
export const items = (row: Row, name: string): string[] =>
  text(row, name)
    .split(/[、,，]/)
    .filter((s) => s !== '')
export const hasItem = (row: Row, name: string, item: string): boolean => items(row, name).includes(item)

/** A charge field plus its comma-separated …其他案由 companion, as a set of names. */
export function chargeSet(row: Row, main: string, others: string): Set<string> {
  const set = new Set(
    text(row, others)
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  if (!blank(row, main)) set.add(text(row, main))
  return set
}

export const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x))
export const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x))
export const isYes = (row: Row, name: string) => text(row, name) === '是'
export const todayOf = (ctx: CheckContext) => dayNumber(ctx.today)

/** Rules about the suspect and the dates every card carries. */
export const COMMON_RULES: RowRule[] = [
  {
    id: 'F01',
    title: '受理日期晚于审结日期',
    violated: (row) => day(row, '受理日期') > day(row, '审结日期'),
  },
  {
    id: 'F02',
    title: '受理日期或审结日期晚于导出日期',
    violated: (row, ctx) => day(row, '受理日期') > todayOf(ctx) || day(row, '审结日期') > todayOf(ctx),
  },
  {
    id: 'F05',
    title: '作案时年龄与出生日期、受理日期不符',
    violated: (row) => {
      if (blank(row, '作案时年龄') || blank(row, '出生日期') || blank(row, '受理日期')) return false
      const age = num(row, '作案时年龄')
      const atReceipt = ageOn(text(row, '出生日期'), text(row, '受理日期'))
      // The offence precedes the receipt by up to about a year and a half.
      return !(age >= 0 && age < 120) || atReceipt - age < 0 || atReceipt - age > 2
    },
  },
  {
    id: 'F06',
    title: '身份证号无效，或与出生日期、性别不符',
    violated: (row) => {
      const id = text(row, '身份证号')
      if (id === '') return false
      if (!isValidIdCard(id)) return true
      if (!blank(row, '出生日期') && idCardBirthDate(id) !== text(row, '出生日期')) return true
      return !blank(row, '性别') && idCardSex(id) !== text(row, '性别')
    },
  },
  {
    id: 'S9',
    title: '部门受案号、嫌疑人编号或嫌疑人姓名为空',
    violated: (row) => blank(row, '部门受案号') || blank(row, '嫌疑人编号') || blank(row, '嫌疑人姓名'),
  },
]
