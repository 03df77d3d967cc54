/**
 * Builds the `window.yanpan` object over ipcRenderer. The renderer gets only these five functions:
 * never ipcRenderer, never an IpcRendererEvent (its `sender` is ipcRenderer), never a Node object.
 * Channel and event names are checked here against the shared allow-lists, so a compromised page
 * cannot even reach main with an unknown name.
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron'
import type { YanpanApi } from '../../shared/ipc/api.ts'
import { channels } from '../../shared/ipc/contract.ts'
import type { EngineEvents, EventName } from '../../shared/ipc/contract.ts'
import { BRIDGE } from '../../shared/ipc/electron-bridge.ts'
import { fail } from '../../shared/ipc/envelope.ts'
import { isEventName } from '../../shared/ipc/events.ts'

/** Every key of YanpanApi, so tests (and readers) can see the exposed surface is exactly this. */
export const API_KEYS = [
  'invoke',
  'on',
  'pathForFile',
  'pickFiles',
  'saveExport',
] as const satisfies readonly (keyof YanpanApi)[]

// Copied into a Set at load time: later changes to any shared object cannot widen the list.
const allowedChannels: ReadonlySet<string> = new Set(Object.keys(channels))

const disconnected = () => fail({ code: 'INTERNAL', message: '与分析引擎的连接中断，请重新启动研判工作台' })

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createYanpanApi(
  ipc: BridgeIpc,
  webUtils: Pick<WebUtils, 'getPathForFile'>,
): Required<YanpanApi> {
  return {
    invoke(channel, args) {
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        return Promise.resolve(fail({ code: 'UNKNOWN_CHANNEL', message: '未知的请求通道' }))
      }
      return ipc.invoke(BRIDGE.invoke, channel, args).catch(disconnected)
    },

    on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
      if (!isEventName(event) || typeof listener !== 'function') return () => undefined
      const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
        if (name === event) listener(payload as EngineEvents[E])
      }
      ipc.on(BRIDGE.event, handler)
      return () => {
        ipc.removeListener(BRIDGE.event, handler)
      }
    },

    pathForFile(file) {
      return webUtils.getPathForFile(file)
    },

    pickFiles() {
      return ipc.invoke(BRIDGE.pickFiles).then(
        (paths: unknown) =>
          Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [],
        () => [],
      )
    },

    saveExport(file, suggestedName) {
      return ipc.invoke(BRIDGE.saveExport, file, suggestedName).catch(disconnected)
    },
  }
}
