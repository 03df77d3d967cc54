/**
 * Quitting waits for the engine to close the workspace (finish the write in progress, checkpoint
 * the WAL) before the process exits; otherwise the next start would find a half-written -wal file.
 */
import type { App, BrowserWindow } from 'electron'
import type { EngineHost } from '../engine/host/types.ts'

export function closeHostOnQuit(app: Pick<App, 'on' | 'quit'>, host: Pick<EngineHost, 'close'>): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('will-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    host
      .close()
      .catch((error: unknown) => console.error('[yanpan] closing the workspace failed', error))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}

/** A second launch brings the existing window forward instead of opening the workspace twice. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
