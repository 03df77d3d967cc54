import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, resetFakeElectron } from '../../helpers/fake-electron.ts'

vi.mock('electron', () => import('../../helpers/fake-electron.ts').then((m) => m.electronModule))

const { createMainWindow } = await import('../../../electron/main/window.ts')
const { appPaths } = await import('../../../electron/main/paths.ts')

describe('main window', () => {
  beforeEach(() => resetFakeElectron())

  it('creates the renderer sandboxed, isolated, without Node and with our preload', () => {
    const paths = appPaths('/opt/yanpan/build/electron')
    createMainWindow(paths)
    const [window] = FakeBrowserWindow.instances
    expect(window.options.webPreferences).toEqual({
      preload: '/opt/yanpan/build/electron/preload.cjs',
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
    })
    expect(window.options.title).toBe('研判工作台')
  })

  it('loads the bundled renderer page from disk', () => {
    createMainWindow(appPaths('/opt/yanpan/build/electron'))
    expect(FakeBrowserWindow.instances[0].loadedFile).toBe('/opt/yanpan/build/renderer/index.html')
  })

  it('stays hidden until the page is ready to show', () => {
    createMainWindow(appPaths('/opt/yanpan/build/electron'))
    const [window] = FakeBrowserWindow.instances
    expect(window.options.show).toBe(false)
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })
})
