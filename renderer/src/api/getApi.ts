/**
 * The one way the renderer reaches the engine: Electron's preload API when present, else the
 * browser-mode bridge. The global is read through a local type instead of augmenting `Window`, so this
 * file does not clash with whatever declaration the preload side keeps.
 */
import type { YanpanApi } from '../../../shared/ipc/api.ts'
import { readToken } from './bridge.ts'
import { createBrowserApi } from './browserApi.ts'

let cached: YanpanApi | undefined

export function getApi(): YanpanApi {
  cached ??= (window as { yanpan?: YanpanApi }).yanpan ?? createBrowserApi(readToken())
  return cached
}

/** True inside Electron (paths and native dialogs available); false in browser mode. */
export const isElectron = (): boolean => (window as { yanpan?: YanpanApi }).yanpan !== undefined
