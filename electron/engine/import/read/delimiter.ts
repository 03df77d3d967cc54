/**
 * Sniffs the field separator and line break of a delimited text file from its first decoded
 * characters. Excel writes ',' for "CSV", a tab for "Unicode 文本", and ';' in some locales.
 */
export type Delimiter = ',' | '\t' | ';'
export type Newline = '\r\n' | '\n' | '\r'

const CANDIDATES: Delimiter[] = [',', '\t', ';']
const MAX_RECORDS = 50

/**
 * Counts each candidate outside quoted fields, record by record, and picks the one whose most common
 * non-zero count is shared by the most records: title rows ("2024年…明细") have no separators and
 * free text may contain a stray comma, but the table body repeats the same count on every line.
 * An Excel "sep=;" first line wins outright.
 */
export function detectDelimiter(text: string): Delimiter {
  const hint = /^sep=([,;\t])\r?\n/i.exec(text)
  if (hint) return hint[1] as Delimiter
  const perRecord = countOutsideQuotes(text)
  let best: Delimiter = ','
  let bestScore = -1
  let bestCount = 0
  for (const d of CANDIDATES) {
    const tally = new Map<number, number>()
    for (const counts of perRecord) {
      const n = counts[d]
      if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1)
    }
    let score = 0
    let count = 0
    for (const [n, records] of tally) {
      if (records > score || (records === score && n > count)) {
        score = records
        count = n
      }
    }
    if (score > bestScore || (score === bestScore && count > bestCount)) {
      best = d
      bestScore = score
      bestCount = count
    }
  }
  return bestScore > 0 ? best : ','
}

type Counts = Record<Delimiter, number>

/**
 * A quote opens a field only at the start of a record or right after a candidate separator, as in
 * Excel; `""` inside a quoted field is an escaped quote. The last record is dropped when the text
 * was cut mid-record (no line break after it).
 */
function countOutsideQuotes(text: string): Counts[] {
  const records: Counts[] = []
  let counts: Counts = { ',': 0, '\t': 0, ';': 0 }
  let inQuotes = false
  let atFieldStart = true
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true
      atFieldStart = false
    } else if (ch === ',' || ch === '\t' || ch === ';') {
      counts[ch]++
      atFieldStart = true
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      records.push(counts)
      counts = { ',': 0, '\t': 0, ';': 0 }
      atFieldStart = true
    } else {
      atFieldStart = false
    }
  }
  return records
}

/**
 * The line break of the file, from its first break outside quotes (Excel's own line breaks inside a
 * quoted cell are a bare LF even in a CRLF file): Windows exports use CRLF, others LF.
 * A stray '\r' left at the end of a row by mixed endings is stripped by the reader.
 */
export function detectNewline(text: string): Newline {
  let inQuotes = false
  let atFieldStart = true
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (ch === '"' && atFieldStart) inQuotes = true
    else if (ch === '\n') return '\n'
    else if (ch === '\r') return text[i + 1] === '\n' || i + 1 === text.length ? '\r\n' : '\r'
    atFieldStart = ch === ',' || ch === '\t' || ch === ';'
  }
  return '\n'
}
