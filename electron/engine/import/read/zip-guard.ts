import fs from 'node:fs'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { EngineError } from '../../errors.ts'

/**
 * Checks an .xlsx container before exceljs touches it: exceljs/unzipper stream the archive and would
 * happily inflate a decompression bomb or choke on a truncated file with an English error, so the
 * central directory (which yauzl reads without inflating anything) is judged first.
 */
export const ZIP_LIMITS = {
  /**
   * Sum of the declared uncompressed sizes, however well they compress. A 020101 export at Excel's
   * 1,048,576 rows (116 columns) is ~4.4 GB of sheet XML; this leaves room for wider sheets.
   */
  maxTotalUncompressed: 16 * 1024 ** 3,
  /** Above this total, the archive as a whole must compress no better than maxTotalRatio… */
  ratioCheckedTotal: 4 * 1024 ** 3,
  /** …where real workbooks compress 5–20× (a million-row export: 7×). */
  maxTotalRatio: 50,
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

/**
 * Throws TOO_LARGE for a bomb, UNSUPPORTED_FORMAT for a zip that is not a workbook. Pure: no I/O.
 * @param archiveBytes the size of the file itself: entries whose compressed data add up to more
 *   overlap, the trick of bombs that inflate one run of data under many names
 */
export function judgeZipEntries(entries: ZipEntryInfo[], displayName: string, archiveBytes: number): void {
  const bomb = (detail: string) =>
    new EngineError('TOO_LARGE', `「${displayName}」${detail}，疑似“压缩炸弹”或异常文件，已拒绝导入。`, {
      file: displayName,
    })
  let total = 0
  let compressed = 0
  for (const entry of entries) {
    total += entry.uncompressedSize
    compressed += entry.compressedSize
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > ZIP_LIMITS.ratioMinBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw bomb(
        `中的「${entry.name}」解压后达 ${formatBytes(entry.uncompressedSize)}，压缩比约 ${Math.round(ratio)}:1，远超正常 Excel 文件`,
      )
    }
  }
  if (compressed > archiveBytes) throw bomb('中各条目的压缩数据合计大于文件本身（条目相互重叠）')
  if (total > ZIP_LIMITS.maxTotalUncompressed) {
    throw bomb(`解压后共 ${formatBytes(total)}，超过 ${formatBytes(ZIP_LIMITS.maxTotalUncompressed)} 的上限`)
  }
  const ratio = total / Math.max(1, compressed)
  if (total > ZIP_LIMITS.ratioCheckedTotal && ratio > ZIP_LIMITS.maxTotalRatio) {
    throw bomb(`解压后共 ${formatBytes(total)}，压缩比约 ${Math.round(ratio)}:1，远超正常 Excel 文件`)
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
  let opened: Awaited<ReturnType<typeof openZipEntries>>
  try {
    opened = await openZipEntries(path)
  } catch {
    throw corruptZip(displayName)
  }
  try {
    const entries = opened.entries.map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    }))
    judgeZipEntries(entries, displayName, fs.statSync(path).size)
    return entries
  } finally {
    opened.zip.close()
  }
}

/** The zip's entries, from its central directory (nothing inflated); the file stays open to read them. */
export async function openZipEntries(path: string): Promise<{ zip: ZipFile; entries: Entry[] }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  try {
    const entries: Entry[] = []
    for await (const entry of zip.eachEntry()) entries.push(entry)
    return { zip, entries }
  } catch (error) {
    zip.close()
    throw error
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  return `${(n / 1024 ** 2).toFixed(1)} MB`
}
