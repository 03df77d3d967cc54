/** The 关于 dialog: name, version and the one promise analysts ask about (data stays local). */
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron'

export function aboutOptions(version: string, dbPath: string | null): MessageBoxOptions {
  const lines = [`版本 ${version}`, '离线运行，数据只保存在本机，不连接任何网络。']
  if (dbPath) lines.push(`当前工作区：${dbPath}`)
  return {
    type: 'info',
    title: '关于研判工作台',
    message: '研判工作台',
    detail: lines.join('\n'),
    buttons: ['确定'],
  }
}

export function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow | null,
  options: MessageBoxOptions,
): void {
  const shown = window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)
  shown.catch(() => undefined)
}
