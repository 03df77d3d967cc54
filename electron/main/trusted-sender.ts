/**
 * Only our window's top frame showing our own page may call the engine. Anything else (a frame that
 * navigated away, an iframe, devtools, another window) is refused before its arguments are read.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import type { AppUrlCheck } from './app-url.ts'

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean

export function createSenderCheck(getContents: () => WebContents | null, isAppUrl: AppUrlCheck): SenderCheck {
  return (event) => {
    const ours = getContents()
    if (!ours || event.sender !== ours) return false
    const frame = event.senderFrame
    // senderFrame is null once the frame navigated or died: the call no longer speaks for our page.
    if (!frame || frame.parent !== null) return false
    return isAppUrl(frame.url)
  }
}
