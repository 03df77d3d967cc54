/** The native open dialog for import files; answers the chosen absolute paths, or [] when cancelled. */
import type { OpenDialogOptions } from 'electron'
import type { Dialogs } from './dialogs.ts'

export const PICK_FILES_OPTIONS: OpenDialogOptions = {
  title: '选择要导入的案卡数据文件',
  buttonLabel: '导入',
  properties: ['openFile', 'multiSelections'],
  filters: [{ name: 'Excel/CSV 文件', extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
}

export async function pickFiles(dialogs: Pick<Dialogs, 'showOpenDialog'>): Promise<string[]> {
  const result = await dialogs.showOpenDialog(PICK_FILES_OPTIONS)
  return result.canceled ? [] : result.filePaths
}
