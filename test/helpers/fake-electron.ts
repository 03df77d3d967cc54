/**
 * A stand-in for the `electron` module, which cannot run on the build machines (no binary). It keeps
 * only what the main process and preload touch and records every call, so tests can assert on the
 * options, handlers and messages the code produced. Use it with:
 *
 *   vi.mock('electron', () => import('../../helpers/fake-electron.ts').then((m) => m.electronModule))
 *
 * and call `resetFakeElectron()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

type Listener = (...args: never[]) => unknown

/** An Electron-style event: `preventDefault()` is recorded in `defaultPrevented`. */
export function fakeEvent<T extends object>(
  fields: T = {} as T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  readonly webRequest = {
    beforeRequest: null as Listener | null,
    headersReceived: null as Listener | null,
    onBeforeRequest: (filterOrListener: unknown, maybeListener?: unknown) => {
      this.webRequest.beforeRequest = pickListener(filterOrListener, maybeListener)
    },
    onHeadersReceived: (filterOrListener: unknown, maybeListener?: unknown) => {
      this.webRequest.headersReceived = pickListener(filterOrListener, maybeListener)
    },
  }
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler
  }
}

// webRequest methods take (listener) or (filter, listener), like Electron's overloads.
const pickListener = (a: unknown, b: unknown): Listener | null =>
  (typeof a === 'function' ? a : typeof b === 'function' ? b : null) as Listener | null

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly session: FakeSession
  windowOpenHandler: Listener | null = null
  readonly sent: { channel: string; args: unknown[] }[] = []
  destroyed = false
  constructor(session: FakeSession = fakeState.defaultSession) {
    super()
    this.session = session
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly options: Record<string, unknown>
  readonly webContents = new FakeWebContents()
  loadedFile: string | null = null
  visible = false
  constructor(options: Record<string, unknown> = {}) {
    super()
    this.options = options
    FakeBrowserWindow.instances.push(this)
  }
  loadFile(file: string): Promise<void> {
    this.loadedFile = file
    return Promise.resolve()
  }
  show(): void {
    this.visible = true
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false
  }
  isDestroyed(): boolean {
    return false
  }
}

/** ipcMain: `handlers` holds what was registered; call one with `invoke(channel, event, ...args)`. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** Like Electron, resolves with the handler's result and rejects when it throws. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
}

/** ipcRenderer: an EventEmitter whose `invoke` is a mock; `emitFromMain` plays a main → renderer send. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined)
  emitFromMain(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0 }, ...args)
  }
}

function createState() {
  const defaultSession = new FakeSession()
  return {
    defaultSession,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    exposed: new Map<string, unknown>(),
    getPathForFile: vi.fn((_file: unknown) => '/fake/dropped.xlsx'),
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn((_title: string, _content: string) => undefined),
    },
    menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn((_menu: unknown) => undefined),
    },
    app: Object.assign(new EventEmitter(), {
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
      getPath: vi.fn((name: string) => `/fake/${name}`),
      getVersion: vi.fn(() => '0.1.0'),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(() => Promise.resolve()),
    }),
  }
}

/** The recorded state of the fake; replaced wholesale by `resetFakeElectron()`. */
export let fakeState = createState()

export function resetFakeElectron(): void {
  fakeState = createState()
  FakeBrowserWindow.instances = []
}

/**
 * The module object handed to vi.mock. Members are getters so that a reset between tests is seen by
 * code that imported them once.
 */
export const electronModule = {
  BrowserWindow: FakeBrowserWindow,
  get app() {
    return fakeState.app
  },
  get ipcMain() {
    return fakeState.ipcMain
  },
  get ipcRenderer() {
    return fakeState.ipcRenderer
  },
  get dialog() {
    return fakeState.dialog
  },
  get Menu() {
    return fakeState.menu
  },
  get session() {
    return { defaultSession: fakeState.defaultSession }
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      fakeState.exposed.set(key, api)
    },
  },
  webUtils: {
    getPathForFile(file: unknown): string {
      return fakeState.getPathForFile(file)
    },
  },
}
