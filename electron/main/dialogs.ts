/**
 * The two native dialogs the IPC handlers need, as a narrow interface so tests can answer them and
 * so the handlers never see Electron's overloads. `windowDialogs` parents them to the app window,
 * which makes them modal instead of floating behind it.
 */
import type {
  BrowserWindow,
  Dialog,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron'

export interface Dialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>
}

export function windowDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  getWindow: () => BrowserWindow | null,
): Dialogs {
  return {
    showOpenDialog(options) {
      const window = getWindow()
      return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)
    },
    showSaveDialog(options) {
      const window = getWindow()
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)
    },
  }
}
