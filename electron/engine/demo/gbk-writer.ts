/**
 * Writes CSV rows straight into GBK bytes: no row strings, no per-chunk re-encoding. A million-suspect
 * province is ~700 MB of CSV; building it as JS strings and handing them to iconv-lite cost more in
 * garbage collection than everything else together. Each character's GBK bytes come from iconv-lite
 * once and are cached, so the bytes are exactly what iconv-lite would write.
 */
import fs from 'node:fs'
import iconv from 'iconv-lite'

const UNKNOWN = -1
const BUFFER_SIZE = 1 << 20
/** GBK bytes of each UTF-16 code unit: a (hi << 8 | lo), a single byte b as (b | 0x10000), or UNKNOWN. */
const codes = new Int32Array(65536).fill(UNKNOWN)

function codeOf(unit: number): number {
  let code = codes[unit]
  if (code === UNKNOWN) {
    const bytes = iconv.encode(String.fromCharCode(unit), 'gbk')
    code = bytes.length === 2 ? (bytes[0] << 8) | bytes[1] : bytes[0] | 0x10000
    codes[unit] = code
  }
  return code
}

export class GbkCsvWriter {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_SIZE)
  private at = 0

  constructor(private readonly fd: number) {}

  /** One row, CRLF-terminated; a cell with a comma, quote or line break is quoted (quotes doubled). */
  row(cells: readonly string[]): void {
    const buffer = this.buffer
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]
      // Room for the worst case (two bytes a character, doubled quotes, separators) before writing.
      if (this.at + cell.length * 4 + 4 > BUFFER_SIZE) this.flush()
      let at = this.at
      if (i > 0) buffer[at++] = 0x2c
      const start = at
      let special = false
      for (let j = 0; j < cell.length; j++) {
        const unit = cell.charCodeAt(j)
        if (unit < 0x80) {
          if (unit === 0x2c || unit === 0x22 || unit === 0x0a || unit === 0x0d) special = true
          buffer[at++] = unit
        } else {
          const code = codes[unit] === UNKNOWN ? codeOf(unit) : codes[unit]
          if (code & 0x10000) buffer[at++] = code & 0xff
          else {
            buffer[at++] = code >> 8
            buffer[at++] = code & 0xff
          }
        }
      }
      if (special) at = this.quoted(cell, start)
      this.at = at
    }
    if (this.at + 2 > BUFFER_SIZE) this.flush()
    buffer[this.at++] = 0x0d
    buffer[this.at++] = 0x0a
  }

  close(): void {
    this.flush()
  }

  /** Rewrites a cell from `start` in quotes, with its quotes doubled; returns the new end. */
  private quoted(cell: string, start: number): number {
    const encoded = iconv.encode(`"${cell.replace(/"/g, '""')}"`, 'gbk')
    encoded.copy(this.buffer, start)
    return start + encoded.length
  }

  private flush(): void {
    if (this.at > 0) fs.writeSync(this.fd, this.buffer, 0, this.at)
    this.at = 0
  }
}
