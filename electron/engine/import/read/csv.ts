import { createReadStream, type ReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { EngineError } from '../../errors.ts'
import type { RawRow, SheetReader } from './types.ts'
import { binaryByteShare, createChunkDecoder, sniffFileEncoding } from './encoding.ts'
import { detectDelimiter, detectNewline } from './delimiter.ts'
import { RecordParser } from './csv-parse.ts'

export interface CsvOptions {
  /** Rows per yielded batch. */
  batchSize?: number
  /** Bytes per file read; tests shrink it to force quotes, CRLF and multibyte characters across chunks. */
  chunkBytes?: number
  /**
   * Longest record (in characters) carried from one chunk to the next. Excel caps a cell at 32,767
   * characters, so a longer pending record means an unterminated quote: fail early instead of
   * re-parsing an ever-growing remainder.
   */
  maxRecordChars?: number
}

const DEFAULTS = { batchSize: 2000, chunkBytes: 1 << 20, maxRecordChars: 16 << 20 }
/** A binary sample is one where more than this share of bytes are NULs or other control bytes. */
const BINARY_SHARE = 0.01

/**
 * Streams a delimited text file (CSV/TXT) as rows of raw cell strings. Decoding and record splitting
 * run chunk by chunk, so memory stays flat for a 1 GB file; a record cut by a chunk boundary is carried
 * into the next chunk. Cells are not trimmed; only a trailing '\r' of a row is dropped (mixed line
 * endings). See csv-parse.ts for why records are not split with papaparse.
 */
export async function openCsv(
  path: string,
  displayName: string,
  options: CsvOptions = {},
): Promise<SheetReader> {
  const { batchSize, chunkBytes, maxRecordChars } = { ...DEFAULTS, ...options }
  const { size } = await stat(path)
  const sniff = await sniffFileEncoding(path, size)
  if (!sniff.encoding.startsWith('utf-16') && binaryByteShare(sniff.head) > BINARY_SHARE) {
    throw new EngineError('CORRUPT_FILE', binaryMessage(displayName, 1), { file: displayName, row: 1 })
  }
  const sample = createChunkDecoder(sniff.encoding).write(sniff.head)
  const delimiter = detectDelimiter(sample)
  const newline = detectNewline(sample)

  let consumed = 0
  let stream: ReadStream | null = null
  let closed = false

  async function* batches(): AsyncGenerator<RawRow[]> {
    if (closed) return
    const fileStream = createReadStream(path, { highWaterMark: chunkBytes })
    stream = fileStream
    const decoder = createChunkDecoder(sniff.encoding)
    const parser = new RecordParser(delimiter, newline)
    // In UTF-16 every ASCII character carries a NUL byte; only a NUL code unit (two zero bytes) counts.
    const nulProbe = sniff.encoding.startsWith('utf-16') ? Buffer.alloc(2) : Buffer.alloc(1)
    let pending = ''
    let line = 0
    let records: string[][] = []
    const batch: RawRow[] = []
    const take = (): void => {
      for (const cells of records) {
        const last = cells.length - 1
        const tail = cells[last]
        if (tail.length > 0 && tail.charCodeAt(tail.length - 1) === 13) cells[last] = tail.slice(0, -1)
        batch.push({ line: ++line, cells })
      }
      records = []
    }
    try {
      for await (const chunk of fileStream as AsyncIterable<Buffer>) {
        if (closed) return
        consumed += chunk.length
        const text = decoder.write(chunk)
        // Looking for NUL in the raw bytes (memchr) is far cheaper than in the decoded text.
        if (chunk.indexOf(nulProbe) >= 0) checkNuls(text, displayName, line, newline)
        const input = pending + text
        const result = parser.parse(input, false, records)
        take()
        pending = input.slice(result.cursor)
        if (pending.length > maxRecordChars) throw unterminated(displayName, line + 1)
        while (batch.length >= batchSize) yield batch.splice(0, batchSize)
      }
      const input = pending + decoder.end()
      if (input.length > 0) {
        const result = parser.parse(input, true, records)
        if (result.unterminatedRecord !== undefined)
          throw unterminated(displayName, line + result.unterminatedRecord + 1)
        take()
      }
      while (batch.length > 0) yield batch.splice(0, batchSize)
    } catch (error) {
      // close() destroys the stream under the loop; that ends the read, it is not a failure.
      if (closed) return
      throw asEngineError(error, displayName, line + 1)
    } finally {
      fileStream.destroy()
    }
  }

  return {
    format: 'csv',
    encoding: sniff.encoding,
    delimiter,
    sheet: null,
    totalBytes: size,
    bytesRead: () => consumed,
    batches,
    async close() {
      closed = true
      stream?.destroy()
    },
  }
}

/**
 * Real exports never contain NUL; a burst of them means a zero-filled block (a copy interrupted by a
 * crash) or a binary file. A few stray NULs are tolerated. The row named is the one the block starts
 * in, counted from the last complete row before this chunk.
 */
function checkNuls(text: string, displayName: string, line: number, newline: string): void {
  const first = text.indexOf('\u0000')
  if (first < 0) return
  let count = 0
  for (let at = first; at >= 0; at = text.indexOf('\u0000', at + 1)) count++
  if (count > 16 && count > (text.length - first) * BINARY_SHARE) {
    const row = line + 1 + countOf(text.slice(0, first), newline)
    throw new EngineError('CORRUPT_FILE', binaryMessage(displayName, row), { file: displayName, row })
  }
}

function countOf(text: string, part: string): number {
  let count = 0
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++
  return count
}

function binaryMessage(displayName: string, row: number): string {
  return `文件「${displayName}」第 ${row} 行附近含有大量二进制字符（如 NUL），不是有效的文本表格，文件可能已损坏或不是 CSV/TXT 文件。`
}

function unterminated(displayName: string, row: number): EngineError {
  return new EngineError(
    'CORRUPT_FILE',
    `文件「${displayName}」第 ${row} 行起有未闭合的引号（"），文件可能不完整或已损坏。请重新导出后再导入。`,
    { file: displayName, row },
  )
}

function asEngineError(error: unknown, displayName: string, row: number): EngineError {
  if (error instanceof EngineError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new EngineError('CORRUPT_FILE', `读取文件「${displayName}」第 ${row} 行附近时出错：${detail}`, {
    file: displayName,
    row,
  })
}
