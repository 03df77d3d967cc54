/**
 * The Electron IPC channel names shared by electron/preload (renderer side) and electron/main.
 * Engine channels (`dataset/import` …) all travel through the single `invoke` channel, so main has
 * one place to check the sender and the channel name; the other channels exist because they need
 * main-process powers (native dialogs, copying a file) rather than the engine.
 */
export const BRIDGE = {
  /** renderer → main: (channel, args) → Envelope. */
  invoke: 'yanpan:invoke',
  /** renderer → main: () → string[] of chosen paths (empty when cancelled). */
  pickFiles: 'yanpan:pick-files',
  /** renderer → main: (file, suggestedName) → Envelope<{ saved }>. */
  saveExport: 'yanpan:save-export',
  /** main → renderer: (eventName, payload). */
  event: 'yanpan:event',
} as const
