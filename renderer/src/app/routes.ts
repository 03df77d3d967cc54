/**
 * Client-side routes kept in the URL hash (`#/import`, `#/dataset/3`), so a reload stays on the page
 * and both file:// (Electron) and http:// (browser mode) work without a server-side router.
 */
export type PageId = 'import' | 'quality' | 'indicators' | 'alerts' | 'reports' | 'settings'

export type Route = { page: PageId } | { page: 'dataset'; datasetId: number }

export interface NavItem {
  page: PageId
  label: string
}

/** The left navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { page: 'import', label: '数据导入' },
  { page: 'quality', label: '数据质量' },
  { page: 'indicators', label: '指标分析' },
  { page: 'alerts', label: '异常预警' },
  { page: 'reports', label: '分析报告' },
  { page: 'settings', label: '设置' },
]

const PAGE_IDS = new Set<string>(NAV_ITEMS.map((item) => item.page))
const DEFAULT_ROUTE: Route = { page: 'import' }

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
  const [head, arg] = parts
  if (head === 'dataset' && arg !== undefined && /^[1-9]\d{0,15}$/.test(arg)) {
    return { page: 'dataset', datasetId: Number(arg) }
  }
  if (head !== undefined && PAGE_IDS.has(head)) return { page: head as PageId }
  return DEFAULT_ROUTE
}

export function routeHash(route: Route): string {
  return route.page === 'dataset' ? `#/dataset/${route.datasetId}` : `#/${route.page}`
}

/** The navigation entry to highlight: a dataset is opened from 数据导入, so it stays highlighted. */
export const navPageOf = (route: Route): PageId => (route.page === 'dataset' ? 'import' : route.page)
