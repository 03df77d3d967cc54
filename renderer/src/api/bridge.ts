/**
 * URLs and the session token of the browser-mode bridge (see shared/ipc/api.ts). Absolute paths: the
 * bridge serves the renderer at `/`, so `/api/…` is always its own origin (CSP connect-src 'self').
 */
import { TOKEN_META } from '../../../shared/ipc/api.ts'

/** Reads the per-session token the bridge injects into index.html; '' when absent (e.g. `vite` dev server). */
export function readToken(doc: Document = document): string {
  for (const meta of doc.querySelectorAll<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)) {
    if (meta.content) return meta.content
  }
  return ''
}

/** Channels are `domain/verb`: the slash stays a path separator on purpose (`/api/dataset/list`). */
export const channelUrl = (channel: string): string => `/api/${channel}`

export const uploadUrl = (name: string): string => `/api/upload?name=${encodeURIComponent(name)}`

/** EventSource cannot send headers, so the token travels in the query string. */
export const eventsUrl = (token: string): string => `/api/events?token=${encodeURIComponent(token)}`

export const downloadUrl = (file: string, token: string, name: string): string =>
  `/api/download/${encodeURIComponent(file)}?token=${encodeURIComponent(token)}&name=${encodeURIComponent(name)}`
