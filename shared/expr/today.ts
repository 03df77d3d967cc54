/**
 * 今天() comes from the caller's clock (the engine's frozen clock in tests), never from SQLite's
 * date('now') or `new Date()` here: both backends must see the same day, and a rule run must be
 * reproducible.
 */
import { parseDate } from '../values/date.ts'

/**
 * The validated `today` option, or an error saying it is missing.
 *
 * @example requireToday('2024-03-01') === '2024-03-01'
 */
export function requireToday(today: string | undefined): string {
  if (today === undefined) throw new Error('表达式用到了“今天()”，但调用时没有提供今天的日期（today）')
  if (today.length !== 10 || parseDate(today, { serials: 'none' }) !== today) {
    throw new Error(`今天的日期应为 YYYY-MM-DD 格式：${today}`)
  }
  return today
}
