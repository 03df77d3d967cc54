/**
 * What the renderer sees as `window.yanpan` in Electron (exposed by electron/preload). In browser mode
 * the renderer builds an object of the same shape over the loopback HTTP bridge (renderer/src/api).
 */
import type { Envelope } from './envelope.ts'
import type { Channel, ChannelArgs, ChannelResults, EngineEvents, EventName } from './contract.ts'

export interface YanpanApi {
  invoke<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<Envelope<ChannelResults[C]>>
  /** Subscribes to an engine event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void
  /** Electron: the local path of a dropped/picked File. Browser mode has no paths (files are uploaded). */
  pathForFile?(file: File): string
  /** Electron: shows the native open dialog for import files and returns the chosen paths. */
  pickFiles?(): Promise<string[]>
  /** Saves an export the engine wrote (id from records/exportCsv) under a name the analyst picks. */
  saveExport(file: string, suggestedName: string): Promise<Envelope<{ saved: boolean }>>
}

/**
 * The browser-mode bridge (electron/engine/server), loopback only:
 * - GET  /                      the renderer, with <meta name="yanpan-token"> injected
 * - POST /api/<channel>         JSON args → JSON Envelope; header X-Yanpan-Token required
 * - POST /api/upload?name=N     raw file bytes → Envelope<{ upload: string; name: string }>; token header
 * - GET  /api/events?token=T    Server-Sent Events: `event: <EventName>` / `data: <json>`
 * - GET  /api/download/<file>?token=T&name=N   an export written by the engine, as an attachment
 */
export const TOKEN_HEADER = 'x-yanpan-token'
export const TOKEN_META = 'yanpan-token'
