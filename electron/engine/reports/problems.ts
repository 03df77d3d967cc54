/**
 * 五、存在问题: where problems come from. A ProblemSource looks at the gathered figures (and may read
 * the workspace itself) and returns sentences to write. The built-in sources find them in the
 * indicator figures, following the proposal of reports.md §5.4 (thresholds configurable per
 * `problems` block): large 同比 moves (≥ 20% for counts, ≥ 5 个百分点 for rates), units beyond
 * average ± 2σ of their peers ("抓两头带中间"), worsening of directed indicators, blank rates, small
 * samples; and in the data-quality flags still to be fixed. Anomaly warnings (异常预警) plug in as
 * one more source: pass it in `problemSources` of buildReport.
 */
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import { isRateUnit } from '../../../shared/indicators/model.ts'
import { averagePhrase, changePhrase } from '../../../shared/reports/narrative.ts'
import { narrativeValue } from '../../../shared/reports/numbers.ts'
import type { ProblemThresholds } from '../../../shared/reports/template.ts'
import { peerScope } from '../../../shared/reports/units.ts'
import type { ReportData, ReportProblem, ReportUnit } from './report-data.ts'

export interface ProblemContext {
  data: Omit<ReportData, 'problems'>
  /** Indicator ids to look at. */
  indicators: readonly string[]
  scope: 'report' | 'children' | 'both'
  thresholds: ProblemThresholds
}

export type ProblemSource = (context: ProblemContext) => ReportProblem[]

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const

/** Problems of every source, deduplicated by key, most serious first. */
export function collectProblems(sources: readonly ProblemSource[], context: ProblemContext): ReportProblem[] {
  const seen = new Map<string, ReportProblem>()
  for (const source of sources)
    for (const problem of source(context)) if (!seen.has(problem.key)) seen.set(problem.key, problem)
  return [...seen.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.weight - a.weight,
  )
}

function unitsInScope(context: ProblemContext): ReportUnit[] {
  const { data, scope } = context
  if (scope === 'report') return [data.unit]
  if (scope === 'children') return data.children
  return [data.unit, ...data.children]
}

function peersOf(data: ProblemContext['data'], unit: ReportUnit): ReportUnit[] {
  return unit.code === data.unit.code
    ? data.peers
    : data.children.some((c) => c.code === unit.code)
      ? data.children
      : []
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}

/** How many records a figure rests on: the count itself, or the denominator of a rate or average. */
function sample(r: { value: number | null; denominator: number | null }, count: boolean): number {
  if (count) return Math.abs(r.value ?? 0)
  return r.denominator ?? Infinity
}

/** Problems of the report's own unit come before a subordinate's of the same severity and size. */
const OWN_WEIGHT = 1.5

/** Large 同比 changes, units far from their peers, blank rates. */
export const indicatorProblems: ProblemSource = (context) => {
  const { data, thresholds } = context
  const problems: ReportProblem[] = []
  for (const unit of unitsInScope(context)) {
    const isReport = unit.code === data.unit.code
    const who = isReport ? '' : unit.short
    const scope = peerScope(isReport ? data.parent : data.unit)
    const bonus = isReport ? OWN_WEIGHT : 1
    for (const id of context.indicators) {
      const definition = data.definitions.get(id)
      const r = data.figures.get(id)?.get(unit.code)
      if (!definition || !r || r.unavailable) continue
      const { name } = definition
      const rate = isRateUnit(definition.unit)
      const count = definition.unit === '件' || definition.unit === '人'
      const direction = definition.effectiveDirection
      const value = narrativeValue(r.value, definition.unit, definition.precision)
      const peerFigures = peersOf(data, unit)
        .map((p) => data.figures.get(id)?.get(p.code))
        .filter((p): p is IndicatorResult => p !== undefined && !p.unavailable)

      if (r.value === null) {
        const withValue = peerFigures.filter((p) => p.value !== null).length
        if (rate && peerFigures.length > 1 && withValue * 2 >= peerFigures.length)
          problems.push({
            key: `blank:${id}:${unit.code}`,
            kind: 'blank',
            severity: 'low',
            unit: unit.code,
            indicator: id,
            text: `${who}${name}无数据（分母为零），为空白项。`,
            suggestion: {
              group: `blank:${id}`,
              subject: who,
              text: `督促{对象}及时、准确、完整填录案卡信息，消除${name}空白项。`,
              fallback: '相关单位',
            },
            weight: 0,
          })
        continue
      }

      const change = r.yoy.change
      const limit = rate ? thresholds.rateChange : thresholds.countChange
      const base = count
        ? Math.max(sample(r, true), sample(r.yoy, true))
        : Math.min(sample(r, false), sample(r.yoy, false))
      const small = base < thresholds.minDenominator
      // A subordinate's small sample is noise; the report unit's own is written with a caveat.
      const worsening =
        change !== null && ((direction === 'up' && change < 0) || (direction === 'down' && change > 0))
      // A directed indicator moving the right way is progress, not a problem; a 区间 one is watched both ways.
      const watched = worsening || direction === 'range'
      if (
        change !== null &&
        watched &&
        limit > 0 &&
        Math.abs(change) >= limit &&
        (!small || (isReport && !count))
      ) {
        const phrase = changePhrase(change, definition.unit, definition.precision)
        const verdict = worsening
          ? direction === 'down'
            ? '反向指标明显上升'
            : '正向指标明显下滑'
          : change > 0
            ? '升幅较大'
            : '降幅较大'
        const caveat = small ? '（样本较少，仅供参考）' : ''
        problems.push({
          key: `change:${id}:${unit.code}`,
          kind: 'change',
          severity: small ? 'low' : worsening ? 'high' : 'medium',
          unit: unit.code,
          indicator: id,
          text: `${who}${name}${value}，${phrase}，${verdict}${caveat}。`,
          suggestion: worsening
            ? {
                group: `worse:${id}`,
                subject: who,
                text:
                  direction === 'down'
                    ? `针对{对象}${name}上升的情况，深入分析原因，加强对相关案件的审查把关，推动${name}回落到合理区间。`
                    : `针对{对象}${name}下降的问题，找准短板弱项，加强业务指导，推动${name}稳步回升。`,
                fallback: '',
              }
            : {
                group: `move:${id}:${change > 0 ? 'up' : 'down'}`,
                subject: who,
                text: `关注{对象}${name}${change > 0 ? '上升' : '下降'}的趋势，结合案件结构变化研判原因，防止指标大起大落。`,
                fallback: '',
              },
          weight: (Math.abs(change) / limit) * bonus,
        })
      }

      const peerValues = peerFigures.map((p) => p.value).filter((v): v is number => v !== null)
      if (peerValues.length >= 4 && scope !== null) {
        const average = mean(peerValues)
        const sd = Math.sqrt(mean(peerValues.map((v) => (v - average) ** 2)))
        const z = sd > 0 ? (r.value - average) / sd : 0
        const enough = count
          ? Math.max(Math.abs(r.value), Math.abs(average)) >= thresholds.minDenominator
          : sample(r, false) >= thresholds.minDenominator
        if (enough && Math.abs(z) > thresholds.sigma) {
          const above = z > 0
          const worsening = (direction === 'up' && !above) || (direction === 'down' && above)
          const compared = averagePhrase(r.value, average, definition.unit, definition.precision, scope)
          problems.push({
            key: `deviation:${id}:${unit.code}`,
            kind: 'deviation',
            severity: worsening ? 'high' : 'medium',
            unit: unit.code,
            indicator: id,
            text: `${unit.short}${name}${value}，${compared}，明显${above ? '偏高' : '偏低'}。`,
            suggestion: {
              group: `deviation:${id}:${above ? 'above' : 'below'}:${scope}`,
              subject: unit.short,
              text: `对{对象}${name}明显${above ? '高于' : '低于'}${scope}平均水平的情况开展专项研判，查明是案件结构所致还是办案质效问题，必要时开展案件质量评查。`,
              fallback: '',
            },
            weight: Math.abs(z) * bonus,
          })
        }
      }
    }
  }
  return problems
}

/** Data-quality flags still to be fixed (待核查 + 已确认). */
export const qualityProblems: ProblemSource = ({ data }) => {
  const flags = data.flags
  if (!flags) return []
  const outstanding = flags.totals.open + flags.totals.confirmed
  if (outstanding === 0) return []
  const errors = flags.byRule
    .filter((r) => r.severity === 'error')
    .reduce((sum, r) => sum + r.open + r.confirmed, 0)
  const top = flags.byRule.find((r) => r.open + r.confirmed > 0)
  return [
    {
      key: 'quality:outstanding',
      kind: 'quality',
      severity: errors > 0 ? 'medium' : 'low',
      unit: data.unit.code,
      indicator: null,
      text:
        `案卡数据质量仍需提高，尚有${outstanding}条核查问题未整改` +
        (errors > 0 ? `，其中错误级${errors}条` : '') +
        (top ? `，较集中的是“${top.name}”（${top.open + top.confirmed}条）` : '') +
        '，影响相关指标的准确性。',
      suggestion: {
        group: 'quality:outstanding',
        subject: '',
        text: `对尚未整改的${outstanding}条数据质量问题逐条核实、限期整改，落实案卡填录“谁办案、谁填录、谁负责”，确保数据真实准确。`,
        fallback: '',
      },
      weight: outstanding,
    },
  ]
}

/** The sources every report uses; a further source (anomaly warnings) is appended by the caller. */
export const DEFAULT_PROBLEM_SOURCES: readonly ProblemSource[] = [indicatorProblems, qualityProblems]
