import { describe, expect, it } from 'vitest'
import {
  EMPTY_FILTER,
  isFiltered,
  pickValue,
  sameFilter,
  statsFilter,
  toContractFilter,
  toggleValue,
} from '../../../../renderer/src/pages/quality/flagFilter.ts'

describe('flag filter → contract', () => {
  it('leaves out every dimension that restricts nothing', () => {
    expect(toContractFilter(EMPTY_FILTER)).toEqual({})
    expect(toContractFilter({ ...EMPTY_FILTER, search: '   ' })).toEqual({})
    expect(isFiltered(EMPTY_FILTER)).toBe(false)
  })

  it('passes chosen values and the trimmed search', () => {
    expect(
      toContractFilter({
        rules: ['R006', 'R034'],
        units: ['320102'],
        prosecutors: ['张三'],
        statuses: ['open'],
        severities: ['error'],
        search: '  苏宁鼓检 ',
      }),
    ).toEqual({
      rules: ['R006', 'R034'],
      units: ['320102'],
      prosecutors: ['张三'],
      statuses: ['open'],
      severities: ['error'],
      search: '苏宁鼓检',
    })
  })

  it('caps the search at the contract limit of 200 characters', () => {
    expect(toContractFilter({ ...EMPTY_FILTER, search: '案'.repeat(250) }).search).toHaveLength(200)
  })

  it('counts units and prosecutors within the other filters only', () => {
    const state = {
      ...EMPTY_FILTER,
      rules: ['R006'],
      units: ['320102'],
      prosecutors: ['张三'],
      statuses: ['open' as const],
    }
    expect(statsFilter(state)).toEqual({ rules: ['R006'], statuses: ['open'] })
  })

  it('compares states by what they ask for', () => {
    expect(sameFilter({ ...EMPTY_FILTER, search: ' a' }, { ...EMPTY_FILTER, search: 'a ' })).toBe(true)
    expect(sameFilter(EMPTY_FILTER, { ...EMPTY_FILTER, rules: ['R001'] })).toBe(false)
  })
})

describe('picking values', () => {
  it('a plain click shows only that value, and clicking the only value again shows all', () => {
    expect(pickValue(['R001', 'R002'], 'R003', false)).toEqual(['R003'])
    expect(pickValue(['R001', 'R002'], 'R001', false)).toEqual(['R001'])
    expect(pickValue(['R001'], 'R001', false)).toEqual([])
  })

  it('an additive click adds or removes, keeping the order of choice', () => {
    expect(pickValue(['R002'], 'R001', true)).toEqual(['R002', 'R001'])
    expect(pickValue(['R002', 'R001'], 'R002', true)).toEqual(['R001'])
    expect(toggleValue([], 'open')).toEqual(['open'])
  })
})
