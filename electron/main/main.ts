/**
 * Electron main entry (bundled to build/electron/main.cjs). Wiring only: each piece lives in its own
 * module and is unit-tested there with a fake `electron`.
 */
import { app, dialog, ipcMain, session } from 'electron'
import type { BrowserWindow } from 'electron'
import { createWorkerHost } from '../engine/host/worker-host.ts'
import type { EngineHost } from '../engine/host/types.ts'
import { aboutOptions, showAbout } from './about.ts'
import { createAppUrlCheck } from './app-url.ts'
import { resolveDbPath } from './db-path.ts'
import { windowDialogs } from './dialogs.ts'
import { forwardEvents } from './forward-events.ts'
import { registerIpc } from './ipc.ts'
import { closeHostOnQuit, focusWindow } from './lifecycle.ts'
import { installMenu } from './menu.ts'
import { appPaths } from './paths.ts'
import { installSecurity } from './security.ts'
import { createSenderCheck } from './trusted-sender.ts'
import { createMainWindow } from './window.ts'

const paths = appPaths(__dirname)
const isAppUrl = createAppUrlCheck(paths.rendererIndex)
let mainWindow: BrowserWindow | null = null
let host: EngineHost | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start).catch(fail)
}

async function start(): Promise<void> {
  installSecurity(app, session.defaultSession, isAppUrl)
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
  installMenu({
    isDev: !app.isPackaged,
    showAbout: () => showAbout(dialog, mainWindow, aboutOptions(app.getVersion(), host?.dbPath ?? null)),
  })
  host = await createWorkerHost({ dbPath, mode: 'electron' })
  closeHostOnQuit(app, host)
  const contents = () => mainWindow?.webContents ?? null
  registerIpc(ipcMain, host, createSenderCheck(contents, isAppUrl), {
    dialogs: windowDialogs(dialog, () => mainWindow),
    documentsDir: app.getPath('documents'),
  })
  forwardEvents(host, contents)
  const created = createMainWindow(paths)
  created.on('closed', () => (mainWindow = null))
  mainWindow = created
}

function fail(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('无法打开工作区', `研判工作台未能启动。\n\n${detail}`)
  app.exit(1)
}
