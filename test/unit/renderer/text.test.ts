import { describe, expect, it } from 'vitest'
import { actionName, detailText } from '../../../renderer/src/pages/settings/auditText.ts'
import { recordCountText, sameQuery } from '../../../renderer/src/pages/dataset/toolbarText.ts'

describe('toolbar text', () => {
  it('says how many records are shown', () => {
    expect(recordCountText(1234, 1234, false)).toBe('共 1,234 条记录')
    expect(recordCountText(56, 1234, true)).toBe('筛选出 56 条（共 1,234 条）')
  })

  it('compares queries by content', () => {
    const a = { datasetId: 1, filters: {}, sort: [{ field: 'x', dir: 'asc' as const }] }
    expect(sameQuery(a, structuredClone(a))).toBe(true)
    expect(sameQuery(a, { ...a, sort: [] })).toBe(false)
    expect(sameQuery(null, a)).toBe(false)
    expect(sameQuery(null, null)).toBe(true)
  })
})

describe('audit text', () => {
  it('names known actions in Chinese and keeps unknown ones', () => {
    expect(actionName('import/undo')).toBe('撤销导入')
    expect(actionName('rules/run')).toBe('rules/run')
  })

  it('renders details compactly and cuts long ones', () => {
    expect(detailText({ rows: 10, file: 'a.xlsx' })).toBe('rows: 10；file: a.xlsx')
    expect(detailText(null)).toBe('')
    expect(detailText('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})
