/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR) can run as a formula when
 * an exported CSV/XLSX is opened in Excel or WPS. Such text is prefixed with an apostrophe so it stays
 * text. Genuine numbers (e.g. -3.5) are left alone.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export function neutraliseFormula(text: string): string {
  if (!DANGEROUS_START.test(text) || PLAIN_NUMBER.test(text)) return text
  return `'${text}`
}

/** One CSV field: neutralised, and quoted when it contains a separator, quote or line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
