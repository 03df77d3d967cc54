/**
 * Registers the main-process IPC handlers. Every handler first checks that the call comes from our
 * own page; an untrusted caller gets a thrown error (a rejected invoke), not a helpful envelope.
 * Returns a function that removes the handlers again.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { BRIDGE } from '../../shared/ipc/electron-bridge.ts'
import type { EngineHost } from '../engine/host/types.ts'
import type { Dialogs } from './dialogs.ts'
import { handleInvoke } from './invoke.ts'
import { pickFiles } from './pick-files.ts'
import { saveExport } from './save-export.ts'
import type { SenderCheck } from './trusted-sender.ts'

export interface IpcOptions {
  dialogs: Dialogs
  /** Folder the save dialog starts in. */
  documentsDir: string
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  host: Pick<EngineHost, 'call' | 'exportDir'>,
  isTrustedSender: SenderCheck,
  options: IpcOptions,
): () => void {
  const guard = (event: IpcMainInvokeEvent): void => {
    if (!isTrustedSender(event)) throw new Error('拒绝来自未知页面的请求')
  }

  ipcMain.handle(BRIDGE.invoke, async (event, channel: unknown, args: unknown) => {
    guard(event)
    return handleInvoke(host, channel, args)
  })
  ipcMain.handle(BRIDGE.pickFiles, async (event) => {
    guard(event)
    return pickFiles(options.dialogs)
  })
  ipcMain.handle(BRIDGE.saveExport, async (event, file: unknown, suggestedName: unknown) => {
    guard(event)
    const deps = { exportDir: host.exportDir, dialogs: options.dialogs, defaultDir: options.documentsDir }
    return saveExport(deps, file, suggestedName)
  })

  return () => {
    for (const channel of [BRIDGE.invoke, BRIDGE.pickFiles, BRIDGE.saveExport]) ipcMain.removeHandler(channel)
  }
}
