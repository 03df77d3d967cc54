/**
 * The one application window. Its renderer is sandboxed and isolated: it has no Node, sees only the
 * allow-listed `window.yanpan` bridge from the preload, and may not load insecure content.
 */
import { BrowserWindow } from 'electron'
import type { WebPreferences } from 'electron'
import type { AppPaths } from './paths.ts'

export const WINDOW_TITLE = '研判工作台'

/** Written out in full, defaults included, so a changed Electron default can never loosen them. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

export function createMainWindow(paths: AppPaths): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show so the analyst never sees a blank white frame while React starts.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths.preload),
  })
  win.once('ready-to-show', () => win.show())
  win.loadFile(paths.rendererIndex).catch((error: unknown) => {
    console.error('[yanpan] 无法加载界面文件', paths.rendererIndex, error)
  })
  return win
}
