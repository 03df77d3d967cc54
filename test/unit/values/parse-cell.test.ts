import { describe, expect, it } from 'vitest'
import { parseCell } from '../../../shared/values/parse-cell.ts'

describe('parseCell', () => {
  it('treats empty and whitespace cells as null, ok', () => {
    for (const type of ['integer', 'decimal', 'date', 'boolean', 'text', 'code', 'set'] as const) {
      expect(parseCell(type, '')).toEqual({ value: null, ok: true, canonical: '' })
      expect(parseCell(type, '  \u3000')).toEqual({ value: null, ok: true, canonical: '' })
    }
  })

  it('treats blank markers as empty in number, date and boolean fields', () => {
    for (const type of ['integer', 'decimal', 'date', 'boolean'] as const) {
      for (const marker of ['—', '-', '/'])
        expect(parseCell(type, marker)).toEqual({ value: null, ok: true, canonical: '' })
    }
    expect(parseCell('date', '无').ok).toBe(true)
    expect(parseCell('boolean', '无')).toEqual({ value: 0, ok: true, canonical: '否' })
    expect(parseCell('text', '无')).toEqual({ value: '无', ok: true, canonical: '无' })
    expect(parseCell('text', '—')).toEqual({ value: '—', ok: true, canonical: '—' })
  })

  it('parses dates to canonical text and reports the change', () => {
    expect(parseCell('date', '2024-01-05')).toEqual({
      value: '2024-01-05',
      ok: true,
      canonical: '2024-01-05',
    })
    expect(parseCell('date', '2024/1/5')).toEqual({ value: '2024-01-05', ok: true, canonical: '2024-01-05' })
    expect(parseCell('date', '45292')).toEqual({ value: '2024-01-01', ok: true, canonical: '2024-01-01' })
    expect(parseCell('date', '2024-02-30')).toEqual({ value: null, ok: false, canonical: '' })
    expect(parseCell('date', '待定')).toEqual({ value: null, ok: false, canonical: '' })
  })

  it('parses integers and decimals', () => {
    expect(parseCell('integer', '12')).toEqual({ value: 12, ok: true, canonical: '12' })
    expect(parseCell('integer', '1,234人')).toEqual({ value: 1234, ok: true, canonical: '1234' })
    expect(parseCell('integer', '12.0')).toEqual({ value: 12, ok: true, canonical: '12' })
    expect(parseCell('integer', '12.5').ok).toBe(false)
    expect(parseCell('integer', '110101199001011234').ok).toBe(false) // beyond safe integers
    expect(parseCell('decimal', '12.50')).toEqual({ value: 12.5, ok: true, canonical: '12.5' })
    expect(parseCell('decimal', '１２．５万元')).toEqual({ value: 12.5, ok: true, canonical: '12.5' })
    expect(parseCell('decimal', '十二').ok).toBe(false)
  })

  it('parses booleans to 1 / 0', () => {
    expect(parseCell('boolean', '是')).toEqual({ value: 1, ok: true, canonical: '是' })
    expect(parseCell('boolean', 'N')).toEqual({ value: 0, ok: true, canonical: '否' })
    expect(parseCell('boolean', '部分').ok).toBe(false)
  })

  it('stores sets as JSON arrays, splitting charges only between names', () => {
    expect(parseCell('set', '累犯、自首')).toEqual({
      value: '["累犯","自首"]',
      ok: true,
      canonical: '累犯、自首',
    })
    expect(parseCell('set', '走私、贩卖、运输、制造毒品罪', 'charge').value).toBe(
      '["走私、贩卖、运输、制造毒品罪"]',
    )
    expect(parseCell('set', '走私、贩卖、运输、制造毒品罪').value).toBe('["走私","贩卖","运输","制造毒品罪"]')
  })

  it('normalises text and code', () => {
    expect(parseCell('text', ' 张三 ')).toEqual({ value: '张三', ok: true, canonical: '张三' })
    expect(parseCell('code', '批准逮捕')).toEqual({ value: '批准逮捕', ok: true, canonical: '批准逮捕' })
    expect(parseCell('code', 'Ａ类')).toEqual({ value: 'A类', ok: true, canonical: 'A类' })
    expect(parseCell('text', '00123')).toEqual({ value: '00123', ok: true, canonical: '00123' })
  })

  it('returns canonical text equal to the raw text exactly when nothing changed', () => {
    const unchanged: [Parameters<typeof parseCell>[0], string][] = [
      ['date', '2024-01-05'],
      ['integer', '42'],
      ['integer', '-42'],
      ['decimal', '3.25'],
      ['boolean', '是'],
      ['boolean', '否'],
      ['set', '累犯'],
      ['set', '累犯、自首'],
      ['text', '盗窃罪'],
    ]
    for (const [type, raw] of unchanged) expect(parseCell(type, raw).canonical).toBe(raw)
    expect(parseCell('boolean', '1').canonical).not.toBe('1')
    expect(parseCell('decimal', '3.50').canonical).not.toBe('3.50')
    expect(parseCell('set', '累犯,自首').canonical).toBe('累犯、自首')
  })
})
