import { describe, expect, it } from 'vitest'
import { parseBoolean } from '../../../shared/values/boolean.ts'

describe('parseBoolean', () => {
  it.each(['是', 'Y', 'y', '1', 'true', 'TRUE', 'True', '√', '有', 'Ｙ', ' 是 ', '\u3000是'])(
    '%j → 1',
    (text) => {
      expect(parseBoolean(text)).toBe(1)
    },
  )
  it.each(['否', 'N', 'n', '0', 'false', 'FALSE', 'False', '×', '无', 'Ｎ', '０', ' 否'])(
    '%j → 0',
    (text) => {
      expect(parseBoolean(text)).toBe(0)
    },
  )
  it.each(['', '是否', '部分采纳', '2', '涉及家庭暴力', 'yes please'])('%j → null', (text) => {
    expect(parseBoolean(text)).toBeNull()
  })
})
