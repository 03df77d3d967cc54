import { Readable } from 'node:stream'
import { crc32 } from 'node:zlib'
import type { Entry, ZipFile } from 'yauzl'
import { openZipEntries } from './zip-guard.ts'

/** Parts exceljs must have read before a sheet, or it spools the sheet to a temp file first. */
const PARTS_FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/
/** Stands in for the shared strings of a workbook of inline strings (see below). */
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
)
const STORED = 0
const DEFLATED = 8

type Part = { entry: Entry } | { name: string; data: Buffer }

/**
 * The .xlsx at `path` as a stream for exceljs's streaming reader, which reads a zip front to back
 * (unzipper) and copes badly with how large exports are written:
 * - Writers that stream (Java's ZipOutputStream, which the 2.0 system's exports most likely come
 *   from; exceljs itself) put an entry's sizes in a data descriptor after its data. unzipper then finds
 *   the end of the data by searching the compressed bytes for the descriptor's signature, which turns
 *   up there by chance about once per 4 GB (one 600 MB sheet in seven is cut short), and it misreads
 *   the 24-byte descriptor of an entry over 4 GiB (a million-row sheet), stopping with "invalid
 *   signature". Here every local header carries the sizes from the central directory (ZIP64 where
 *   needed), and no descriptor follows.
 * - exceljs spools every sheet that comes before the workbook, its relationships and the shared
 *   strings to a temp file, and parses it only at the end: the whole sheet XML, 4.5 GB at a million
 *   rows, and Excel writes the sheets first. Here those parts come first and the sheets last; a
 *   workbook of inline strings gets an empty shared-strings part, without which exceljs spools anyway.
 * The compressed data are copied as they are, never inflated and deflated again.
 */
export async function xlsxStream(path: string): Promise<Readable> {
  const { zip, entries } = await openZipEntries(path)
  const byName = new Map(entries.map((e) => [e.fileName, e]))
  const first: Part[] = PARTS_FIRST.map((name) => {
    const entry = byName.get(name)
    if (entry) return { entry }
    return name === 'xl/sharedStrings.xml' ? { name, data: EMPTY_SHARED_STRINGS } : null
  }).filter((part) => part !== null)
  const rest = entries.filter((e) => !PARTS_FIRST.includes(e.fileName))
  const parts: Part[] = [
    ...first,
    ...rest.filter((e) => !SHEET.test(e.fileName)).map((entry) => ({ entry })),
    ...rest.filter((e) => SHEET.test(e.fileName)).map((entry) => ({ entry })),
  ]

  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (const part of parts) {
        if ('data' in part) {
          yield localHeader(part.name, STORED, crc32(part.data), part.data.length, part.data.length)
          yield part.data
          continue
        }
        const { entry } = part
        if (entry.fileName.endsWith('/')) continue // a folder
        yield localHeader(
          entry.fileName,
          entry.compressionMethod,
          entry.crc32,
          entry.compressedSize,
          entry.uncompressedSize,
        )
        for await (const chunk of await rawData(zip, entry)) yield chunk as Buffer
      }
      // An empty end-of-central-directory record, on which unzipper ends cleanly.
      const end = Buffer.alloc(22)
      end.writeUInt32LE(0x06054b50, 0)
      yield end
    } finally {
      zip.close()
    }
  }
  return Readable.from(bytes(), { objectMode: false })
}

/** The entry's data as stored in the file: compressed, without its local header. */
function rawData(zip: ZipFile, entry: Entry): Promise<Readable> {
  // unzipper, inside exceljs, knows no other method; say which entry rather than fail in its inflater.
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
    return Promise.reject(new Error(`entry ${entry.fileName}: compression method ${entry.compressionMethod}`))
  return zip.openReadStreamPromise(entry, { decodeFileData: false })
}

function localHeader(name: string, method: number, crc: number, compressed: number, size: number): Buffer {
  const fileName = Buffer.from(name, 'utf8')
  const zip64 = compressed >= 0xffffffff || size >= 0xffffffff
  const extra = Buffer.alloc(zip64 ? 20 : 0)
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0) // ZIP64 extended information: sizes, uncompressed first
    extra.writeUInt16LE(16, 2)
    extra.writeBigUInt64LE(BigInt(size), 4)
    extra.writeBigUInt64LE(BigInt(compressed), 12)
  }
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(zip64 ? 45 : 20, 4) // version needed to extract
  header.writeUInt16LE(0x0800, 6) // names in UTF-8; no data descriptor
  header.writeUInt16LE(method, 8)
  header.writeUInt32LE(crc >>> 0, 14)
  header.writeUInt32LE(zip64 ? 0xffffffff : compressed, 18)
  header.writeUInt32LE(zip64 ? 0xffffffff : size, 22)
  header.writeUInt16LE(fileName.length, 26)
  header.writeUInt16LE(extra.length, 28)
  return Buffer.concat([header, fileName, extra])
}
