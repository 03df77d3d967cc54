import { describe, expect, it } from 'vitest'
import { navPageOf, parseRoute, routeHash } from '../../../../renderer/src/app/routes.ts'

describe('rule editor routes', () => {
  it('parses a rule id and the new-rule address', () => {
    expect(parseRoute('#/quality/rules/R006')).toEqual({ page: 'rule', ruleId: 'R006' })
    expect(parseRoute('#/quality/rules/new')).toEqual({ page: 'rule', ruleId: null })
  })

  it('falls back to the quality page for ids the contract would reject', () => {
    expect(parseRoute('#/quality/rules/r006')).toEqual({ page: 'quality' })
    expect(parseRoute('#/quality/rules')).toEqual({ page: 'quality' })
  })

  it('round-trips and keeps 数据质量 highlighted', () => {
    for (const route of [
      { page: 'rule', ruleId: 'U001' },
      { page: 'rule', ruleId: null },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route)
      expect(navPageOf(route)).toBe('quality')
    }
  })
})
