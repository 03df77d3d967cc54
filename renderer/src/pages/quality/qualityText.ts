/** Chinese texts of the 数据质量 page: run summaries, counts, notices. Pure, so they are unit-tested. */
import type { RunSummary } from '../../../../shared/ipc/quality-contract.ts'
import { FLAG_STATUS_NAMES, SEVERITY_NAMES } from '../../../../shared/quality/rule.ts'
import type { FlagStatus, Severity } from '../../../../shared/quality/rule.ts'
import { formatCount } from '../../format/numbers.ts'

/** Unknown codes (a newer engine) show as they are rather than as "undefined". */
export const statusName = (status: string): string =>
  Object.hasOwn(FLAG_STATUS_NAMES, status) ? FLAG_STATUS_NAMES[status as FlagStatus] : status

export const severityName = (severity: string): string =>
  Object.hasOwn(SEVERITY_NAMES, severity) ? SEVERITY_NAMES[severity as Severity] : severity

export const STATUS_ORDER: readonly FlagStatus[] = ['open', 'confirmed', 'rectified', 'falsePositive']
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning']

/** `350` → `0.4 秒`, `61000` → `61 秒`: one decimal below ten seconds, whole seconds above. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  const seconds = ms / 1000
  return seconds < 10 ? `${Math.round(seconds * 10) / 10} 秒` : `${Math.round(seconds)} 秒`
}

export interface RunSummaryText {
  headline: string
  /** `R006 审查逮捕案件审结日期错填：缺少字段“审结日期”` per rule that did not run. */
  skipped: string[]
}

/**
 * @example formatRunSummary({ rules: 60, records: 5000, flags: 321, newFlags: 20, rectified: 5, skipped: [], ms: 1234 }).headline
 *   === '核查完成：运行 60 条规则，检查 5,000 条记录，发现疑点 321 条（新增 20 条，已整改 5 条），用时 1.2 秒。'
 */
export function formatRunSummary(
  summary: RunSummary,
  ruleNames: ReadonlyMap<string, string> = new Map(),
): RunSummaryText {
  const headline =
    `核查完成：运行 ${formatCount(summary.rules)} 条规则，检查 ${formatCount(summary.records)} 条记录，` +
    `发现疑点 ${formatCount(summary.flags)} 条（新增 ${formatCount(summary.newFlags)} 条，` +
    `已整改 ${formatCount(summary.rectified)} 条），用时 ${formatSeconds(summary.ms)}。`
  const skipped = summary.skipped.map(({ rule, reason }) => {
    const name = ruleNames.get(rule)
    return `${rule}${name ? ` ${name}` : ''}：${reason}`
  })
  return { headline, skipped }
}

/** The grid's count: `共 1,234 条疑点` or, filtered, `筛选出 56 条疑点`. */
export function flagCountText(total: number, filtered: boolean): string {
  return filtered ? `筛选出 ${formatCount(total)} 条疑点` : `共 ${formatCount(total)} 条疑点`
}

export const totalHits = (hits: Record<FlagStatus, number>): number =>
  STATUS_ORDER.reduce((sum, status) => sum + (hits[status] ?? 0), 0)

/** A rule's hits in the rule list: `待核查 3 / 共 10`; `无疑点` when it found nothing. */
export function hitsText(hits: Record<FlagStatus, number>): string {
  const total = totalHits(hits)
  if (total === 0) return '无疑点'
  return `待核查 ${formatCount(hits.open ?? 0)} / 共 ${formatCount(total)}`
}

/** Tooltip with every status: `待核查 3，已确认 2，已整改 4，误报 1`. */
export const hitsTitle = (hits: Record<FlagStatus, number>): string =>
  STATUS_ORDER.map((status) => `${FLAG_STATUS_NAMES[status]} ${formatCount(hits[status] ?? 0)}`).join('，')

export const updateNotice = (status: FlagStatus, updated: number): string =>
  `已将 ${formatCount(updated)} 条疑点标为“${FLAG_STATUS_NAMES[status]}”。`

export const bulkAllText = (status: FlagStatus, total: number | null): string =>
  total === null
    ? `将把当前筛选出的全部疑点标为“${FLAG_STATUS_NAMES[status]}”。`
    : `将把当前筛选出的 ${formatCount(total)} 条疑点全部标为“${FLAG_STATUS_NAMES[status]}”。`

export const whitelistNotice = (added: number): string =>
  `已将 ${formatCount(added)} 条疑点加入已核对清单，今后核查不再提示。`

export const exportNotice = (rows: number, name: string): string =>
  `已导出 ${formatCount(rows)} 条疑点：${name}`

export type SplitBy = 'none' | 'unit' | 'prosecutor'

export const SPLIT_OPTIONS: readonly { value: SplitBy; label: string }[] = [
  { value: 'none', label: '不拆分' },
  { value: 'unit', label: '按单位分表' },
  { value: 'prosecutor', label: '按承办检察官分表' },
]
