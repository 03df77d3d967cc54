import { describe, expect, it } from 'vitest'
import { NAV_ITEMS, navPageOf, parseRoute, routeHash } from '../../../renderer/src/app/routes.ts'

describe('routes', () => {
  it('parses page hashes and falls back to 数据导入', () => {
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' })
    expect(parseRoute('#/quality')).toEqual({ page: 'quality' })
    expect(parseRoute('')).toEqual({ page: 'import' })
    expect(parseRoute('#/nonsense')).toEqual({ page: 'import' })
  })

  it('parses dataset routes with a positive id only', () => {
    expect(parseRoute('#/dataset/12')).toEqual({ page: 'dataset', datasetId: 12 })
    expect(parseRoute('#/dataset/0')).toEqual({ page: 'import' })
    expect(parseRoute('#/dataset/abc')).toEqual({ page: 'import' })
  })

  it('round-trips every route', () => {
    for (const { page } of NAV_ITEMS) expect(parseRoute(routeHash({ page }))).toEqual({ page })
    expect(parseRoute(routeHash({ page: 'dataset', datasetId: 5 }))).toEqual({
      page: 'dataset',
      datasetId: 5,
    })
  })

  it('highlights 数据导入 while a dataset is open', () => {
    expect(navPageOf({ page: 'dataset', datasetId: 1 })).toBe('import')
    expect(navPageOf({ page: 'reports' })).toBe('reports')
  })

  it('has the six navigation entries in order', () => {
    expect(NAV_ITEMS.map((item) => item.label)).toEqual([
      '数据导入',
      '数据质量',
      '指标分析',
      '异常预警',
      '分析报告',
      '设置',
    ])
  })
})
