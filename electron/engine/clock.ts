/**
 * The engine's clock. Tests freeze it (`setClock`) so stored timestamps are deterministic.
 * Timestamps are local wall-clock time with offset (ISO 8601), what the analyst expects to read.
 */
let current: () => Date = () => new Date()

export function setClock(clock: () => Date): void {
  current = clock
}

export function nowIso(): string {
  const d = current()
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}
