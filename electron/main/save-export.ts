/**
 * Copies an export the engine wrote (records/exportCsv …) to where the analyst chooses. The renderer
 * names the export only by the id the engine returned, which must be a bare `<uuid>.<ext>` inside
 * the host's export directory: no separators, no "..", no absolute path can get through.
 */
import { copyFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fail, ok } from '../../shared/ipc/envelope.ts'
import type { Envelope } from '../../shared/ipc/envelope.ts'
import type { Dialogs } from './dialogs.ts'
import { sanitizeFileName } from './file-name.ts'
import { EXPORT_FILE } from '../../shared/ipc/export-file.ts'

export { EXPORT_FILE }

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV 文件', extensions: ['csv'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  docx: { name: 'Word 文档', extensions: ['docx'] },
}

export interface SaveExportDeps {
  exportDir: string
  dialogs: Pick<Dialogs, 'showSaveDialog'>
  /** Folder the save dialog starts in (the analyst's Documents). */
  defaultDir: string
}

export async function saveExport(
  deps: SaveExportDeps,
  file: unknown,
  suggestedName: unknown,
): Promise<Envelope<{ saved: boolean }>> {
  const match = typeof file === 'string' ? EXPORT_FILE.exec(file) : null
  if (!match || typeof file !== 'string') return fail({ code: 'BAD_ARGUMENT', message: '导出文件标识无效' })
  const extension = match[1]
  const exportDir = path.resolve(deps.exportDir)
  const source = path.join(exportDir, file)
  // Belt and braces: the pattern already forbids separators, but the copy must never leave exportDir.
  if (path.dirname(source) !== exportDir) return fail({ code: 'BAD_ARGUMENT', message: '导出文件标识无效' })

  const found = await stat(source).catch(() => null)
  if (!found?.isFile()) return fail({ code: 'NOT_FOUND', message: '导出文件不存在或已被清理，请重新导出' })

  const name = sanitizeFileName(suggestedName, extension)
  const choice = await deps.dialogs.showSaveDialog({
    title: '保存导出文件',
    defaultPath: path.join(deps.defaultDir, name),
    filters: [FILTERS[extension]],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  })
  if (choice.canceled || !choice.filePath) return ok({ saved: false })

  try {
    await copyFile(source, choice.filePath)
    return ok({ saved: true })
  } catch (error) {
    return fail(copyError(error))
  }
}

function copyError(error: unknown): { code: 'DISK_FULL' | 'INTERNAL'; message: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC') return { code: 'DISK_FULL', message: '磁盘空间不足，文件未能保存' }
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return { code: 'INTERNAL', message: '无法写入所选位置：文件可能正被 Excel/WPS 打开，或没有写入权限' }
  }
  return { code: 'INTERNAL', message: '保存导出文件失败' }
}
