import { describe, expect, it } from 'vitest'
import { channelUrl, downloadUrl, eventsUrl, readToken, uploadUrl } from '../../../renderer/src/api/bridge.ts'
import { ApiError, describeError, toErrorData } from '../../../renderer/src/api/errors.ts'
import { envelopeFromText, isEnvelope, transportFailure } from '../../../renderer/src/api/transport.ts'

describe('bridge URLs', () => {
  it('keeps the channel slash as a path separator', () => {
    expect(channelUrl('dataset/list')).toBe('/api/dataset/list')
  })

  it('encodes names and tokens', () => {
    expect(uploadUrl('2024年 审查逮捕&.xlsx')).toBe(
      `/api/upload?name=${encodeURIComponent('2024年 审查逮捕&.xlsx')}`,
    )
    expect(eventsUrl('a b')).toBe('/api/events?token=a%20b')
    expect(downloadUrl('x1.csv', 't', '导出.csv')).toBe(
      `/api/download/x1.csv?token=t&name=${encodeURIComponent('导出.csv')}`,
    )
  })

  it('reads the first non-empty token meta', () => {
    const doc = {
      querySelectorAll: () => [{ content: '' }, { content: 'abc' }],
    } as unknown as Document
    expect(readToken(doc)).toBe('abc')
    expect(readToken({ querySelectorAll: () => [] } as unknown as Document)).toBe('')
  })
})

describe('envelopes over HTTP', () => {
  it('recognises ok and error envelopes', () => {
    expect(isEnvelope({ ok: true, value: 1 })).toBe(true)
    expect(isEnvelope({ ok: false, error: { code: 'NOT_FOUND', message: '不存在' } })).toBe(true)
    expect(isEnvelope({ ok: false, error: 'x' })).toBe(false)
    expect(isEnvelope({ ok: true })).toBe(false)
    expect(isEnvelope(null)).toBe(false)
  })

  it('prefers the body envelope even on an error status', () => {
    const body = { ok: false, error: { code: 'BAD_ARGUMENT', message: '参数无效' } }
    expect(envelopeFromText(JSON.stringify(body), 400)).toEqual(body)
  })

  it('turns non-envelope responses into Chinese transport errors', () => {
    const html = envelopeFromText('<html>', 502)
    expect(html.ok).toBe(false)
    if (!html.ok) expect(html.error.message).toContain('HTTP 502')
    const denied = envelopeFromText('', 401)
    if (!denied.ok) expect(denied.error.message).toContain('令牌')
    const down = transportFailure()
    if (!down.ok) expect(down.error.message).toContain('无法连接')
  })
})

describe('errors', () => {
  it('describes where an error happened', () => {
    expect(
      describeError({
        code: 'IMPORT_FAILED',
        message: '日期无法识别',
        file: 'a.xlsx',
        row: 12,
        column: '审结日期',
      }),
    ).toBe('日期无法识别（文件：a.xlsx，第 12 行，列「审结日期」）')
    expect(describeError({ code: 'INTERNAL', message: '出错了' })).toBe('出错了')
  })

  it('normalises thrown values', () => {
    const data = { code: 'NOT_FOUND' as const, message: '数据集不存在' }
    const error = new ApiError(data)
    expect(error.message).toBe('数据集不存在')
    expect(toErrorData(error)).toBe(data)
    expect(toErrorData(new Error('x'))).toEqual({ code: 'INTERNAL', message: 'x' })
    expect(toErrorData('y')).toEqual({ code: 'INTERNAL', message: 'y' })
  })
})
