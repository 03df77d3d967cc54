import { open } from 'node:fs/promises'
import { EngineError } from '../../errors.ts'
import type { SheetReader } from './types.ts'
import { openCsv } from './csv.ts'
import { openXlsx } from './xlsx.ts'
import { SNIFF_BYTES, sniffKind } from './sniff.ts'
import { corruptZip } from './zip-guard.ts'

/**
 * Opens any file the analyst picked with the reader its bytes call for: a zip → xlsx, anything
 * textual → CSV/TXT. The extension is only used to word an error message.
 */
export async function openSheet(path: string, displayName: string): Promise<SheetReader> {
  const head = await readHead(path, displayName)
  const kind = sniffKind(head)
  switch (kind) {
    case 'zip':
      return openXlsx(path, displayName)
    case 'text':
      return openText(path, displayName)
    case 'empty':
      throw new EngineError('NO_HEADER', `文件「${displayName}」是空文件（0 字节），没有可导入的内容。`, {
        file: displayName,
      })
    case 'ole2':
      throw unsupported(displayName, ole2Message(displayName))
    case 'html':
      throw unsupported(
        displayName,
        `「${displayName}」是网页（HTML）格式的表格（常见于业务系统的“导出 Excel”），不是真正的 Excel 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`,
      )
    case 'xml-spreadsheet':
      throw unsupported(
        displayName,
        `「${displayName}」是 Excel 2003 XML 电子表格格式。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`,
      )
    default:
      throw unsupported(
        displayName,
        `「${displayName}」是 ${kind.toUpperCase()} 文件，不是表格。请选择 .xlsx、.csv 或 .txt 文件。`,
      )
  }
}

/**
 * Text is read as CSV whatever the name says. But a binary file named .xlsx that is not a zip is a
 * damaged workbook, and the analyst should hear that rather than "not a CSV file".
 */
async function openText(path: string, displayName: string): Promise<SheetReader> {
  try {
    return await openCsv(path, displayName)
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CORRUPT_FILE' && /\.xls[xm]$/i.test(displayName)) {
      throw corruptZip(displayName)
    }
    throw error
  }
}

/** OLE2 is both the legacy .xls container and the wrapper Excel puts around a password-protected .xlsx. */
function ole2Message(displayName: string): string {
  if (/\.xls[xm]$/i.test(displayName)) {
    return `「${displayName}」是设置了打开密码的加密 Excel 文件，无法直接读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。`
  }
  return `「${displayName}」是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入。`
}

function unsupported(displayName: string, message: string): EngineError {
  return new EngineError('UNSUPPORTED_FORMAT', message, { file: displayName })
}

async function readHead(path: string, displayName: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
      return buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw fileAccessError(error, displayName)
  }
}

/** Windows reports a workbook still open in Excel/WPS as EBUSY/EPERM: say so instead of a raw errno. */
export function fileAccessError(error: unknown, displayName: string): EngineError {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') {
    return new EngineError('NOT_FOUND', `找不到文件「${displayName}」，可能已被移动或删除。`, {
      file: displayName,
    })
  }
  if (code === 'EISDIR') {
    return new EngineError('BAD_ARGUMENT', `「${displayName}」是文件夹，请选择一个表格文件。`, {
      file: displayName,
    })
  }
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new EngineError(
      'IMPORT_FAILED',
      `无法读取文件「${displayName}」：文件可能正被 Excel 或 WPS 打开，或没有读取权限。请关闭该文件后重试。`,
      { file: displayName },
    )
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new EngineError('IMPORT_FAILED', `无法读取文件「${displayName}」：${detail}`, { file: displayName })
}
