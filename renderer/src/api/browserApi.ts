/**
 * `YanpanApi` over the loopback HTTP bridge, for browser mode (shared/ipc/api.ts describes the protocol).
 * Electron never uses this: its preload provides `window.yanpan`.
 */
import { TOKEN_HEADER } from '../../../shared/ipc/api.ts'
import type { YanpanApi } from '../../../shared/ipc/api.ts'
import { ok } from '../../../shared/ipc/envelope.ts'
import type { Envelope } from '../../../shared/ipc/envelope.ts'
import type { ChannelResults } from '../../../shared/ipc/contract.ts'
import { channelUrl, downloadUrl, eventsUrl } from './bridge.ts'
import { createEventHub } from './eventHub.ts'
import { envelopeFromText, transportFailure } from './transport.ts'

export function createBrowserApi(token: string): YanpanApi {
  const events = createEventHub(eventsUrl(token))
  return {
    async invoke(channel, args) {
      let response: Response
      try {
        response = await fetch(channelUrl(channel), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(args ?? {}),
        })
      } catch {
        return transportFailure()
      }
      const text = await response.text().catch(() => '')
      // The bridge answers with the engine's envelope for this channel; the type is the contract's promise.
      return envelopeFromText(text, response.status) as Envelope<ChannelResults[typeof channel]>
    },
    on: events.on,
    async saveExport(file, suggestedName) {
      // The bridge sends the export as an attachment; an <a download> click lets the browser save it.
      const link = document.createElement('a')
      link.href = downloadUrl(file, token, suggestedName)
      link.download = suggestedName
      link.rel = 'noopener'
      link.style.display = 'none'
      document.body.append(link)
      link.click()
      link.remove()
      return ok({ saved: true })
    },
  }
}
