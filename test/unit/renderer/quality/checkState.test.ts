import { describe, expect, it } from 'vitest'
import { checkState, previewState } from '../../../../renderer/src/pages/quality/editor/checkState.ts'

const valid = { ok: true, errors: [] }
const invalid = {
  ok: false,
  errors: [{ message: '第 1 行第 1 列：未知字段“审结日”。', offset: 0, length: 3 }],
}
const preview = { hits: 3, sample: [], problem: null }

describe('live rule check', () => {
  it('is local while the editor’s own checks fail, whatever the engine said', () => {
    expect(checkState('a', 'a', { key: 'a', value: valid }, true)).toEqual({ status: 'local' })
    expect(previewState('a', { key: 'a', value: valid }, { key: 'a', value: preview }, true)).toEqual({
      status: 'none',
    })
  })

  it('is checking while typing or until the answer for this text arrives', () => {
    expect(checkState('ab', 'a', { key: 'a', value: valid }, false)).toEqual({ status: 'checking' })
    expect(checkState('ab', 'ab', { key: 'a', value: valid }, false)).toEqual({ status: 'checking' })
  })

  it('shows the engine’s verdict for the current text', () => {
    expect(checkState('a', 'a', { key: 'a', value: valid }, false)).toEqual({
      status: 'ok',
      validation: valid,
    })
    expect(checkState('a', 'a', { key: 'a', value: invalid }, false)).toEqual({
      status: 'invalid',
      validation: invalid,
    })
    const error = { code: 'INTERNAL' as const, message: '数据质量核查功能正在开发中。' }
    expect(checkState('a', 'a', { key: 'a', error }, false)).toEqual({ status: 'failed', error })
  })

  it('previews only a valid rule, and only with the answer for this text', () => {
    expect(previewState('a', { key: 'a', value: invalid }, { key: '' }, false)).toEqual({ status: 'none' })
    expect(previewState('a', { key: 'old', value: valid }, { key: '' }, false)).toEqual({ status: 'loading' })
    expect(previewState('a', { key: 'a', value: valid }, { key: 'old', value: preview }, false)).toEqual({
      status: 'loading',
    })
    expect(previewState('a', { key: 'a', value: valid }, { key: 'a', value: preview }, false)).toEqual({
      status: 'done',
      preview,
    })
  })
})
