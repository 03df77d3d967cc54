import { describe, expect, it } from 'vitest'
import { digitValue, normalizeWidth } from '../../../shared/values/width.ts'

describe('normalizeWidth', () => {
  it('folds full-width digits and letters to ASCII', () => {
    expect(normalizeWidth('２０２４')).toBe('2024')
    expect(normalizeWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz')
    expect(normalizeWidth('宁检捕受［２０２４］')).toBe('宁检捕受［2024］')
  })

  it('turns ideographic and no-break spaces into spaces, drops zero-width ones, and trims', () => {
    expect(normalizeWidth('\u3000盗窃罪\u3000')).toBe('盗窃罪')
    expect(normalizeWidth('a\u3000b\u00a0c')).toBe('a b c')
    expect(normalizeWidth('\ufeff是\u200b')).toBe('是')
  })

  it('keeps Chinese punctuation', () => {
    expect(normalizeWidth('保证金（万元）')).toBe('保证金（万元）')
    expect(normalizeWidth('累犯、自首，坦白：是')).toBe('累犯、自首，坦白：是')
  })

  it('returns plain text unchanged apart from trimming', () => {
    expect(normalizeWidth('  普通程序 ')).toBe('普通程序')
    expect(normalizeWidth('')).toBe('')
  })
})

describe('digitValue', () => {
  it('reads ASCII and full-width digits only', () => {
    expect(digitValue('7'.charCodeAt(0))).toBe(7)
    expect(digitValue('７'.charCodeAt(0))).toBe(7)
    expect(digitValue('a'.charCodeAt(0))).toBe(-1)
    expect(digitValue('七'.charCodeAt(0))).toBe(-1)
  })
})
