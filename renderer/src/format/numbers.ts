/** Number display for counts and progress. Grouping is done by hand so output never depends on ICU data. */

/** `1234567` → `1,234,567`; non-finite input → `—` (never NaN on screen). */
export function formatCount(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—'
  const sign = value < 0 ? '-' : ''
  const [whole, fraction] = String(Math.abs(value)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? sign + grouped : `${sign}${grouped}.${fraction}`
}

/** Whole percent of `part` in `total`, clamped to 0–100; `null` when there is no meaningful total. */
export function percentOf(part: number, total: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(total) || total <= 0) return null
  return Math.min(100, Math.max(0, Math.floor((part / total) * 100)))
}

/** `1536` → `1.5 KB`; for upload/read progress, where one decimal is plenty. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${value} B` : `${(Math.round(value * 10) / 10).toString()} ${units[unit]}`
}
