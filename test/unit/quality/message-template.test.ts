import { describe, expect, it } from 'vitest'
import {
  formatValue,
  parseTemplate,
  renderTemplate,
} from '../../../electron/engine/quality/message-template.ts'

describe('message templates', () => {
  it('splits text and {placeholders}', () => {
    expect(parseTemplate('共 {天数差(受理日期, 审结日期)} 天，超过 {@天数上限} 天')).toEqual({
      texts: ['共 ', ' 天，超过 ', ' 天'],
      placeholders: [
        { text: '天数差(受理日期, 审结日期)', offset: 3 },
        { text: '@天数上限', offset: 26 },
      ],
    })
    expect(parseTemplate('没有占位符')).toEqual({ texts: ['没有占位符'], placeholders: [] })
  })

  it('formats values as the grid shows them', () => {
    expect(formatValue(1, 'boolean')).toBe('是')
    expect(formatValue(0, 'boolean')).toBe('否')
    expect(formatValue('["诈骗罪","盗窃罪","诈骗罪"]', 'set')).toBe('盗窃罪、诈骗罪')
    expect(formatValue('[]', 'set')).toBe('空')
    expect(formatValue(null, 'text')).toBe('空')
    expect(formatValue(0.1 + 0.2, 'number')).toBe('0.3')
    expect(renderTemplate(parseTemplate('{a}至{b}'), ['1', '2'])).toBe('1至2')
  })
})
