import { describe, expect, it } from 'vitest'
import { markSegments } from '../../../../renderer/src/pages/quality/editor/conditionMarks.ts'

const marked = (text: string, errors: { offset?: number; length?: number }[]) =>
  markSegments(text, errors)
    .map((s) => (s.marked ? `[${s.text}]` : s.text))
    .join('')

describe('markSegments', () => {
  it('marks the span of each error', () => {
    expect(marked('审结日 < 受理日期', [{ offset: 0, length: 3 }])).toBe('[审结日] < 受理日期')
    expect(
      marked('a 且 b 或 c', [
        { offset: 0, length: 1 },
        { offset: 8, length: 1 },
      ]),
    ).toBe('[a] 且 b 或 [c]')
  })

  it('points at the next character, or past the end, for a zero-length error', () => {
    expect(marked('(a < b', [{ offset: 6, length: 0 }])).toBe('(a < b[ ]')
    expect(marked('a << b', [{ offset: 3, length: 0 }])).toBe('a <[<] b')
  })

  it('merges overlapping spans and clamps spans beyond the text', () => {
    expect(
      marked('abcdef', [
        { offset: 1, length: 3 },
        { offset: 2, length: 3 },
      ]),
    ).toBe('a[bcd][e]f')
    expect(marked('abc', [{ offset: 2, length: 10 }])).toBe('ab[c]')
    expect(marked('abc', [{ offset: -5, length: 1 }])).toBe('[a]bc')
  })

  it('leaves the text alone for errors without a position', () => {
    expect(markSegments('abc', [{}])).toEqual([{ text: 'abc', marked: false }])
    expect(markSegments('', [])).toEqual([])
  })
})
