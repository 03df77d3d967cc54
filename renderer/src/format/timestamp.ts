/**
 * Import/audit timestamps (instants, unlike the calendar dates in records) shown in the analyst's local
 * time as `YYYY-MM-DD HH:mm:ss`. Text that is not an ISO instant is shown unchanged.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return ''
  // Only text with an explicit zone is an instant; a bare 'YYYY-MM-DD HH:mm' is already local wall time.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value
  const date = new Date(value.replace(' ', 'T'))
  if (Number.isNaN(date.getTime())) return value
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}
