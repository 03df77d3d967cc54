import { describe, expect, it } from 'vitest'
import { cellText, displaySet } from '../../../renderer/src/format/cellText.ts'
import { formatIssue } from '../../../renderer/src/format/issue.ts'
import { kindName } from '../../../renderer/src/format/kind.ts'
import { formatBytes, formatCount, percentOf } from '../../../renderer/src/format/numbers.ts'
import { formatTimestamp } from '../../../renderer/src/format/timestamp.ts'

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1000)).toBe('1,000')
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(-116095)).toBe('-116,095')
    expect(formatCount(12345.5)).toBe('12,345.5')
  })

  it('never shows NaN or Infinity', () => {
    expect(formatCount(Number.NaN)).toBe('—')
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—')
    expect(formatCount(null)).toBe('—')
    expect(formatCount(undefined)).toBe('—')
  })
})

describe('percentOf', () => {
  it('gives whole percents, clamped, and null without a total', () => {
    expect(percentOf(50, 200)).toBe(25)
    expect(percentOf(199, 200)).toBe(99)
    expect(percentOf(300, 200)).toBe(100)
    expect(percentOf(5, 0)).toBeNull()
    expect(percentOf(Number.NaN, 10)).toBeNull()
  })
})

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB')
    expect(formatBytes(-1)).toBe('—')
  })
})

describe('displaySet / cellText', () => {
  it('joins JSON array text with 、', () => {
    expect(displaySet('["盗窃罪","诈骗罪"]')).toBe('盗窃罪、诈骗罪')
    expect(displaySet(['a', 'b'])).toBe('a、b')
    expect(displaySet('[]')).toBe('')
  })

  it('shows non-JSON text unchanged', () => {
    expect(displaySet('盗窃罪')).toBe('盗窃罪')
    expect(displaySet('[未闭合')).toBe('[未闭合')
    expect(displaySet(null)).toBe('')
  })

  it('formats by field type', () => {
    expect(cellText(null, 'text')).toBe('')
    expect(cellText('["a","b"]', 'set')).toBe('a、b')
    expect(cellText(1, 'boolean')).toBe('是')
    expect(cellText(0, 'boolean')).toBe('否')
    expect(cellText(12.5, 'decimal')).toBe('12.5')
    expect(cellText('2024-03-01', 'date')).toBe('2024-03-01')
  })
})

describe('formatIssue', () => {
  it('reads 第N行「列」message, leaving out missing parts', () => {
    expect(formatIssue({ row: 12, column: '审结日期', message: '无法识别的日期' })).toBe(
      '第12行「审结日期」无法识别的日期',
    )
    expect(formatIssue({ row: null, column: '审结日期', message: '列缺失' })).toBe('「审结日期」列缺失')
    expect(formatIssue({ row: 3, column: null, message: '空行' })).toBe('第3行空行')
    expect(formatIssue({ row: null, column: null, message: '文件为空' })).toBe('文件为空')
  })
})

describe('kindName', () => {
  it('names known kinds and falls back to the code', () => {
    expect(kindName('010101')).toBe('审查逮捕（010101）')
    expect(kindName('generic')).toBe('通用数据')
    expect(kindName('030101')).toBe('030101')
  })
})

describe('formatTimestamp', () => {
  it('shows instants in local time as YYYY-MM-DD HH:mm:ss', () => {
    const local = new Date(2024, 2, 1, 9, 5, 7)
    expect(formatTimestamp(local.toISOString())).toBe('2024-03-01 09:05:07')
  })

  it('leaves text without a zone, and empty values, alone', () => {
    expect(formatTimestamp('2024-03-01 09:05')).toBe('2024-03-01 09:05')
    expect(formatTimestamp('昨天')).toBe('昨天')
    expect(formatTimestamp('')).toBe('')
    expect(formatTimestamp(null)).toBe('')
  })
})
