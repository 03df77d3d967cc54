/** How a stored record value is shown as text, by field type (see shared/domain/fields.ts for storage). */
import type { FieldType } from '../../../shared/domain/fields.ts'

/** Set fields are stored as JSON array text (`["盗窃罪","诈骗罪"]`) and read as `盗窃罪、诈骗罪`. */
export function displaySet(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => String(item ?? '')).join('、')
  if (typeof value !== 'string') return value == null ? '' : String(value)
  const text = value.trim()
  if (!text.startsWith('[')) return value
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed.map((item) => String(item ?? '')).join('、') : value
  } catch {
    return value // Not JSON after all: show what is stored rather than nothing.
  }
}

export function cellText(value: unknown, type: FieldType | undefined): string {
  if (value == null) return ''
  switch (type) {
    case 'set':
      return displaySet(value)
    case 'boolean':
      if (value === 1 || value === true || value === '1') return '是'
      if (value === 0 || value === false || value === '0') return '否'
      return String(value)
    default:
      return String(value)
  }
}
