/**
 * Rule parameters (`@天数上限`): named tolerances an analyst edits in the UI (7 天, 499 万元, 25% …).
 * The checker types them from the rule's declarations; both backends take their values from the
 * caller's `parameters` option, so a value is always bound (a `?` in SQL), never spliced into text,
 * and changing a tolerance never needs the expression recompiled.
 */
import { parseDate } from '../values/date.ts'

/** What the checker needs to know about a parameter: its name (without `@`) and value type. */
export interface ExprParameter {
  name: string
  type: 'number' | 'text' | 'date'
}

/** Parameter values by name, as the rule stores them. */
export type ParameterValues = Readonly<Record<string, number | string>>

/**
 * The value of `@name`, checked against the type the checker gave it.
 *
 * @example requireParameter('天数上限', 'number', { 天数上限: 7 }) === 7
 */
export function requireParameter(
  name: string,
  type: string,
  values: ParameterValues | undefined,
): number | string {
  const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined
  if (value === undefined) throw new Error(`表达式用到了参数“@${name}”，但调用时没有提供它的值`)
  if (type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`参数“@${name}”应为数字，实际为“${String(value)}”`)
  }
  if (type === 'date' && (typeof value !== 'string' || parseDate(value, { serials: 'none' }) !== value)) {
    throw new Error(`参数“@${name}”应为 YYYY-MM-DD 格式的日期，实际为“${String(value)}”`)
  }
  if (type === 'text' && typeof value !== 'string') throw new Error(`参数“@${name}”应为文本`)
  return value
}
