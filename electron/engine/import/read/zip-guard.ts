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

/** Lists and judges the entries of an .xlsx; throws CORRUPT_FILE, TOO_LARGE or UNSUPPORTED_FORMAT. */
export async function inspectXlsxZip(path: string, displayName: string): Promise<ZipEntryInfo[]> {
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
    const entries = raw.map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    }))
    judgeZipEntries(entries, displayName)
    return entries
  } finally {
    zip.close()
  }
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    )
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

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  return `${(n / 1024 ** 2).toFixed(1)} MB`
}
