/**
 * Pushes engine events (import progress …) to the window. Only allow-listed names go out, and
 * nothing is sent to a window that is gone, so a late event during shutdown cannot throw.
 */
import type { WebContents } from 'electron'
import { BRIDGE } from '../../shared/ipc/electron-bridge.ts'
import { isEventName } from '../../shared/ipc/events.ts'
import type { EngineHost } from '../engine/host/types.ts'

export function forwardEvents(
  host: Pick<EngineHost, 'onEvent'>,
  getContents: () => WebContents | null,
): () => void {
  return host.onEvent((name, payload) => {
    if (!isEventName(name)) return
    const contents = getContents()
    if (!contents || contents.isDestroyed()) return
    contents.send(BRIDGE.event, name, payload)
  })
}
