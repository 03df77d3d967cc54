import { describe, expect, it } from 'vitest'
import { isSortable, toFlagSort } from '../../../../renderer/src/pages/quality/flagSort.ts'

describe('toFlagSort', () => {
  it('passes the contract sort fields with their direction', () => {
    expect(
      toFlagSort([
        { colId: 'lastSeen', sort: 'desc' },
        { colId: 'caseNumber', sort: 'asc' },
      ]),
    ).toEqual([
      { field: 'lastSeen', dir: 'desc' },
      { field: 'caseNumber', dir: 'asc' },
    ])
  })

  it('drops columns the engine cannot sort by, and keeps at most three keys', () => {
    expect(
      toFlagSort([
        { colId: 'message', sort: 'asc' },
        { colId: 'record:审结日期', sort: 'asc' },
        { colId: 'rule', sort: 'asc' },
        { colId: 'unit', sort: 'desc' },
        { colId: 'status', sort: 'asc' },
        { colId: 'severity', sort: 'asc' },
      ]),
    ).toEqual([
      { field: 'rule', dir: 'asc' },
      { field: 'unit', dir: 'desc' },
      { field: 'status', dir: 'asc' },
    ])
    expect(toFlagSort(null)).toEqual([])
  })

  it('knows which columns are sortable', () => {
    expect(isSortable('firstSeen')).toBe(true)
    expect(isSortable('reviewer')).toBe(false)
  })
})
