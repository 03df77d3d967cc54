import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { EngineError } from '../../errors.ts'

/**
 * Checks an .xlsx container before exceljs touches it: exceljs/unzipper stream the archive and would
 * happily inflate a decompression bomb or choke on a truncated file with an English error, so the
 * central directory (which yauzl reads without inflating anything) is judged first.
 */
export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: 4 * 1024 ** 3,
  /** An entry compressed better than this ratio… */
  maxRatio: 200,
  /** …and larger than this once inflated is treated as a bomb; real sheets compress 5–20×. */
  ratioMinBytes: 50 * 1024 ** 2,
}

export interface ZipEntryInfo {
  name: string
  compressedSize: number
  uncompressedSize: number
}

export interface XlsxZipInfo {
  entries: ZipEntryInfo[]
  /**
   * Last row of each worksheet's `<dimension ref="A1:CZ116096"/>` (keyed by entry name, e.g.
   * 'xl/worksheets/sheet1.xml'), read from the first bytes of the entry; used to estimate progress.
   */
  sheetLastRows: Map<string, number>
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/
const DIMENSION_HEAD_BYTES = 4096

/** Throws TOO_LARGE for a bomb, UNSUPPORTED_FORMAT for a zip that is not a workbook. Pure: no I/O. */
export function judgeZipEntries(entries: ZipEntryInfo[], displayName: string): void {
  let total = 0
  for (const entry of entries) {
    total += entry.uncompressedSize
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > ZIP_LIMITS.ratioMinBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw new EngineError(
        'TOO_LARGE',
        `「${displayName}」中的「${entry.name}」解压后达 ${formatBytes(entry.uncompressedSize)}，压缩比约 ${Math.round(ratio)}:1，` +
          '远超正常 Excel 文件，疑似“压缩炸弹”，已拒绝导入。',
        { file: displayName },
      )
    }
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) {
    throw new EngineError(
      'TOO_LARGE',
      `「${displayName}」解压后共 ${formatBytes(total)}，超过 ${formatBytes(ZIP_LIMITS.maxTotalUncompressed)} 的上限，` +
        '疑似“压缩炸弹”或异常文件，已拒绝导入。',
      { file: displayName },
    )
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new EngineError(
      'UNSUPPORTED_FORMAT',
      `「${displayName}」是 ZIP 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml），可能是 Word 文档或其他压缩文件。请选择 .xlsx 或 .csv 文件。`,
      { file: displayName },
    )
  }
}

export function corruptZip(displayName: string): EngineError {
  return new EngineError(
    'CORRUPT_FILE',
    `「${displayName}」文件已损坏或不完整，无法作为 Excel（.xlsx）文件读取。请重新导出，或用 Excel/WPS 打开后另存为 .xlsx 再导入。`,
    { file: displayName },
  )
}

export async function inspectXlsxZip(path: string, displayName: string): Promise<XlsxZipInfo> {
  let zip: ZipFile
  try {
    zip = await openZip(path)
  } catch {
    throw corruptZip(displayName)
  }
  try {
    const raw = await listEntries(zip).catch(() => {
      throw corruptZip(displayName)
    })
    const entries = raw.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize }))
    judgeZipEntries(entries, displayName)
    const sheetLastRows = new Map<string, number>()
    for (const entry of raw) {
      if (!WORKSHEET.test(entry.fileName)) continue
      // A bad dimension head only costs the progress estimate, never the import.
      const head = await readHead(zip, entry).catch(() => '')
      const lastRow = parseDimensionLastRow(head)
      if (lastRow !== null) sheetLastRows.set(entry.fileName, lastRow)
    }
    return { entries, sheetLastRows }
  } finally {
    zip.close()
  }
}

/** `<dimension ref="A1:CZ116096"/>` → 116096; null when absent or a single cell ("A1"). */
export function parseDimensionLastRow(xmlHead: string): number | null {
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]+(\d+)"/.exec(xmlHead)
  if (!match) return null
  const lastRow = Number(match[1])
  return lastRow > 1 ? lastRow : null
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip)))
  })
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', reject)
    zip.readEntry()
  })
}

function readHead(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err)
      const parts: Buffer[] = []
      let length = 0
      const finish = (): void => {
        stream.destroy()
        resolve(Buffer.concat(parts).toString('utf8'))
      }
      stream.on('data', (data: Buffer) => {
        parts.push(data)
        length += data.length
        if (length >= DIMENSION_HEAD_BYTES) finish()
      })
      stream.on('end', finish)
      stream.on('error', reject)
    })
  })
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  return `${(n / 1024 ** 2).toFixed(1)} MB`
}
