/**
 * Client-side routes kept in the URL hash (`#/import`, `#/dataset/3`), so a reload stays on the page
 * and both file:// (Electron) and http:// (browser mode) work without a server-side router.
 */
export type PageId = 'import' | 'quality' | 'indicators' | 'alerts' | 'reports' | 'settings'

/**
 * `rule` is the rule editor under 数据质量: `#/quality/rules/R006`, or `#/quality/rules/new` (ruleId null).
 * `indicator` is the indicator builder under 指标分析: `#/indicators/builder/<id>`, or `…/builder/new`.
 * `reportTemplate` is the report template editor under 分析报告: `#/reports/templates/<id>`, or `…/new`.
 */
export type Route =
  | { page: PageId }
  | { page: 'dataset'; datasetId: number }
  | { page: 'rule'; ruleId: string | null }
  | { page: 'indicator'; indicatorId: string | null }
  | { page: 'reportTemplate'; templateId: string | null }

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
/** Mirrors the rule id pattern of the contract (shared/ipc/quality-contract.ts). */
const RULE_ID = /^[A-Z][A-Z0-9_-]{1,31}$/
/** Mirrors the indicator id pattern of the model (shared/indicators/model.ts). */
const INDICATOR_ID = /^[\p{L}\p{N}_.-]{1,80}$/u
/** Mirrors the template id pattern of the model (shared/reports/template.ts, TEMPLATE_ID). */
const REPORT_TEMPLATE_ID = /^[a-z][a-z0-9-]{1,39}$/

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
  const [head, arg, id] = parts
  if (head === 'dataset' && arg !== undefined && /^[1-9]\d{0,15}$/.test(arg)) {
    return { page: 'dataset', datasetId: Number(arg) }
  }
  if (head === 'quality' && arg === 'rules' && id !== undefined) {
    if (id === 'new') return { page: 'rule', ruleId: null }
    const ruleId = decodeURIComponent(id)
    if (RULE_ID.test(ruleId)) return { page: 'rule', ruleId }
  }
  if (head === 'indicators' && arg === 'builder' && id !== undefined) {
    if (id === 'new') return { page: 'indicator', indicatorId: null }
    const indicatorId = safeDecode(id)
    if (indicatorId !== null && INDICATOR_ID.test(indicatorId)) return { page: 'indicator', indicatorId }
  }
  if (head === 'reports' && arg === 'templates' && id !== undefined) {
    if (id === 'new') return { page: 'reportTemplate', templateId: null }
    if (REPORT_TEMPLATE_ID.test(id)) return { page: 'reportTemplate', templateId: id }
  }
  if (head !== undefined && PAGE_IDS.has(head)) return { page: head as PageId }
  return DEFAULT_ROUTE
}

export function routeHash(route: Route): string {
  if (route.page === 'dataset') return `#/dataset/${route.datasetId}`
  if (route.page === 'rule') return `#/quality/rules/${route.ruleId ?? 'new'}`
  if (route.page === 'indicator') {
    return `#/indicators/builder/${route.indicatorId === null ? 'new' : encodeURIComponent(route.indicatorId)}`
  }
  if (route.page === 'reportTemplate') return `#/reports/templates/${route.templateId ?? 'new'}`
  return `#/${route.page}`
}

/** decodeURIComponent without throwing on a malformed escape (a hand-typed URL). */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/**
 * The navigation entry to highlight: a dataset is opened from 数据导入, a rule from 数据质量, an
 * indicator definition from 指标分析.
 */
export function navPageOf(route: Route): PageId {
  if (route.page === 'dataset') return 'import'
  if (route.page === 'rule') return 'quality'
  if (route.page === 'indicator') return 'indicators'
  if (route.page === 'reportTemplate') return 'reports'
  return route.page
}
