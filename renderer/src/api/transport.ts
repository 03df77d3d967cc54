/**
 * Turns whatever came back over HTTP into an envelope, so callers never see transport exceptions:
 * a dead bridge, a proxy page or a 401 all become `{ok: false, error}` with a Chinese message.
 */
import { fail } from '../../../shared/ipc/envelope.ts'
import type { Envelope } from '../../../shared/ipc/envelope.ts'

export function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  )
}

/** The envelope for a request that never produced one; `status` 0 means no response at all. */
export function transportFailure(status = 0): Envelope<never> {
  if (status === 0) {
    return fail({ code: 'INTERNAL', message: '无法连接本地服务，请确认研判工作台仍在运行后重试。' })
  }
  if (status === 401 || status === 403) {
    return fail({ code: 'INTERNAL', message: '访问令牌无效或已过期，请从研判工作台重新打开本页面。' })
  }
  if (status === 413) {
    return fail({ code: 'TOO_LARGE', message: '文件过大，本地服务拒绝接收。' })
  }
  return fail({ code: 'INTERNAL', message: `本地服务返回了无法识别的响应（HTTP ${status}）。` })
}

/** Parses a response body; a well-formed envelope wins even on an HTTP error status. */
export function envelopeFromText(text: string, status: number): Envelope<unknown> {
  try {
    const body: unknown = JSON.parse(text)
    if (isEnvelope(body)) return body
  } catch {
    // Not JSON (an HTML error page, an empty body): fall through to a status-based message.
  }
  return transportFailure(status)
}
