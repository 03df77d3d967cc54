import { describe, expect, it } from 'vitest'
import { gridQuery } from '../../../shared/ipc/contract.ts'
import {
  calendarDate,
  ROW_NUMBER_COL,
  toFilters,
  toSort,
} from '../../../renderer/src/pages/dataset/gridQuery.ts'

describe('toSort', () => {
  it('maps ag-grid sort items to field/dir pairs in order', () => {
    expect(
      toSort([
        { colId: '受理日期', sort: 'desc' },
        { colId: '部门受案号', sort: 'asc' },
      ]),
    ).toEqual([
      { field: '受理日期', dir: 'desc' },
      { field: '部门受案号', dir: 'asc' },
    ])
  })

  it('drops the row-number column and caps at five keys', () => {
    const items = [ROW_NUMBER_COL, 'a', 'b', 'c', 'd', 'e', 'f'].map((colId) => ({
      colId,
      sort: 'asc' as const,
    }))
    expect(toSort(items).map((s) => s.field)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('treats a missing model as no sort', () => {
    expect(toSort(undefined)).toEqual([])
    expect(toSort(null)).toEqual([])
  })
})

describe('toFilters', () => {
  it('passes simple text, number and date conditions through', () => {
    const model = {
      承办单位: { filterType: 'text', type: 'contains', filter: '鼓楼' },
      涉案金额: { filterType: 'number', type: 'inRange', filter: 1, filterTo: 10 },
      受理日期: { filterType: 'date', type: 'greaterThan', dateFrom: '2024-01-01 00:00:00', dateTo: null },
    }
    expect(toFilters(model)).toEqual({
      承办单位: { filterType: 'text', type: 'contains', filter: '鼓楼' },
      涉案金额: { filterType: 'number', type: 'inRange', filter: 1, filterTo: 10 },
      受理日期: { filterType: 'date', type: 'greaterThan', dateFrom: '2024-01-01' },
    })
  })

  it('keeps combined conditions with their operator', () => {
    const model = {
      案由: {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'contains', filter: '盗窃' },
          { filterType: 'text', type: 'contains', filter: '诈骗' },
        ],
      },
    }
    expect(toFilters(model)).toEqual(model)
  })

  it('collapses a combined filter whose other condition is empty', () => {
    const model = {
      案由: {
        filterType: 'text',
        operator: 'AND',
        conditions: [
          { filterType: 'text', type: 'contains', filter: '盗窃' },
          { filterType: 'text', type: 'empty' },
        ],
      },
    }
    expect(toFilters(model)).toEqual({ 案由: { filterType: 'text', type: 'contains', filter: '盗窃' } })
  })

  it('drops unsupported options, unknown filter types, the row-number column and extra keys', () => {
    const model = {
      受理日期: { filterType: 'date', type: 'last7Days' },
      标签: { filterType: 'set', values: ['a'] },
      [ROW_NUMBER_COL]: { filterType: 'number', type: 'equals', filter: 1 },
      审结日期: { filterType: 'date', type: 'blank', extra: 'x' },
    }
    expect(toFilters(model)).toEqual({ 审结日期: { filterType: 'date', type: 'blank' } })
  })

  it('accepts null/undefined models', () => {
    expect(toFilters(null)).toEqual({})
    expect(toFilters(undefined)).toEqual({})
  })

  it('produces filters the contract schema accepts', () => {
    const filters = toFilters({
      a: { filterType: 'text', type: 'notBlank' },
      b: {
        filterType: 'date',
        operator: 'AND',
        conditions: [
          { filterType: 'date', type: 'greaterThanOrEqual', dateFrom: '2024-01-01 00:00:00' },
          { filterType: 'date', type: 'lessThan', dateFrom: '2024-07-01T00:00:00' },
        ],
      },
    })
    expect(() => gridQuery.parse({ datasetId: 1, filters, sort: [] })).not.toThrow()
  })
})

describe('calendarDate', () => {
  it('cuts the time part ag-grid appends and leaves other text alone', () => {
    expect(calendarDate('2024-03-01 00:00:00')).toBe('2024-03-01')
    expect(calendarDate('2024-03-01T00:00:00')).toBe('2024-03-01')
    expect(calendarDate('2024-03-01')).toBe('2024-03-01')
    expect(calendarDate('not a date')).toBe('not a date')
  })
})
