/**
 * Preload entry (bundled to build/electron/preload.cjs, runs sandboxed with context isolation).
 * Exposes the allow-listed API as `window.yanpan` and nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createYanpanApi } from './api.ts'

contextBridge.exposeInMainWorld('yanpan', createYanpanApi(ipcRenderer, webUtils))
