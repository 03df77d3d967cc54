import { describe, expect, it } from 'vitest'
import { navPageOf, parseRoute, routeHash } from '../../../renderer/src/app/routes.ts'

describe('indicator routes', () => {
  it('opens the dashboard and the builder', () => {
    expect(parseRoute('#/indicators')).toEqual({ page: 'indicators' })
    expect(parseRoute('#/indicators/builder/new')).toEqual({ page: 'indicator', indicatorId: null })
    expect(parseRoute(`#/indicators/builder/${encodeURIComponent('不捕率')}`)).toEqual({
      page: 'indicator',
      indicatorId: '不捕率',
    })
    expect(parseRoute('#/indicators/builder/user.bbl-2')).toEqual({
      page: 'indicator',
      indicatorId: 'user.bbl-2',
    })
  })

  it('refuses ids the model refuses and malformed escapes', () => {
    expect(parseRoute('#/indicators/builder/a%20b')).toEqual({ page: 'indicators' })
    expect(parseRoute('#/indicators/builder/%E4%ZZ')).toEqual({ page: 'indicators' })
  })

  it('round-trips and highlights 指标分析', () => {
    for (const indicatorId of [null, '不捕率', 'user.x_1']) {
      const route = { page: 'indicator' as const, indicatorId }
      expect(parseRoute(routeHash(route))).toEqual(route)
      expect(navPageOf(route)).toBe('indicators')
    }
    expect(routeHash({ page: 'indicator', indicatorId: null })).toBe('#/indicators/builder/new')
  })
})
