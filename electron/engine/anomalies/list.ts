/**
 * anomaly/list: the warnings of one period for the warning centre and the CLI — every indicator ×
 * unit examined by the detectors (detect.ts), each warning with its severity (direction-aware), its
 * Chinese sentence, the figures behind it, a 24-month sparkline, its acknowledgement and, for changes,
 * where they mainly come from (the sub-unit for a unit with subordinates, else the 案由).
 */
import { rankContributions } from '../../../shared/anomalies/decompose.ts'
import { warningMessage } from '../../../shared/anomalies/message.ts'
import {
  ANOMALY_KINDS,
  SEVERITIES,
  SEVERITY_NAMES,
  SEVERITY_RANK,
  type AnomalyKind,
  type Severity,
} from '../../../shared/anomalies/model.ts'
import { atLeast, severityOf } from '../../../shared/anomalies/severity.ts'
import type { AnomalyListResult, AnomalyWarning, Dimension } from '../../../shared/ipc/anomaly-contract.ts'
import { changeUnitOf, formatIndicatorValue } from '../../../shared/indicators/format.ts'
import { monthKey, periodOfWindow, type Window } from '../../../shared/indicators/period.ts'
import { EngineError } from '../errors.ts'
import { periodOrThrow } from '../indicators/compute.ts'
import type { Db } from '../store/database.ts'
import { ackKey, acknowledgementsOf } from './acknowledgements.ts'
import { detectPeriod, type Candidate } from './detect.ts'
import { decomposeByField, decomposeChange, type ExplainContext } from './explain.ts'
import { AnomalyScan } from './scan.ts'

/** Months before a period the detectors may read: three prior years and their trailing levels, and a margin. */
export const HISTORY_MONTHS = 60
const SPARKLINE_MONTHS = 24
/** The list names the main source of at most this many changes (by sub-unit: a few figures each)… */
const MAX_CAUSES = 40
/** …of which at most this many by 案由 (a grouped scan of two windows each; anomaly/explain gives the rest). */
const MAX_FIELD_CAUSES = 5
/** A part is "the main source" when it carries at least this share of the change. */
const CAUSE_SHARE = 0.4

export interface ListArgs {
  period: string
  unit?: string
  indicators?: string[]
  kinds?: AnomalyKind[]
  minSeverity: Severity
  includeAcknowledged: boolean
  includeSuppressed: boolean
  causes: boolean
  limit: number
}

/** The scan a period needs, with the window the data covers (an error when it covers none of it). */
export function scanForPeriod(
  db: Db,
  periodText: string,
  today: string,
  indicators?: readonly string[],
): { scan: AnomalyScan; period: ReturnType<typeof periodOrThrow>; covered: Window; partial: boolean } {
  // Canonical: 2024-07..2024-09 is 2024Q3 (acknowledgements are keyed by it).
  const period = periodOfWindow(periodOrThrow(periodText))
  const scan = new AnomalyScan(db, { today, indicators, from: period.from - HISTORY_MONTHS, to: period.to })
  const coverage = scan.coverage
  if (!coverage)
    throw new EngineError(
      'NOT_FOUND',
      '工作区中还没有可用于计算指标的数据，请先导入 010101 或 020101 导出文件。',
    )
  if (period.from > coverage.last || period.to < coverage.first)
    throw new EngineError(
      'BAD_ARGUMENT',
      `期间“${period.label}”超出数据覆盖范围（${monthKey(coverage.first)} 至 ${monthKey(coverage.last)}），请选择其中的期间。`,
    )
  const covered = { from: Math.max(period.from, coverage.first), to: Math.min(period.to, coverage.last) }
  return { scan, period, covered, partial: covered.from !== period.from || covered.to !== period.to }
}

export function listAnomalies(db: Db, args: ListArgs, today: string): AnomalyListResult {
  const started = performance.now()
  const { scan, period, covered, partial } = scanForPeriod(db, args.period, today, args.indicators)
  const hierarchy = scan.hierarchy
  let units = hierarchy.units
  if (args.unit !== undefined) {
    if (!hierarchy.get(args.unit)) throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
    units = units.filter((u) => hierarchy.includers(u.code).includes(args.unit!))
  }
  const { candidates, examined } = detectPeriod(scan, covered, { units })
  const acknowledgements = acknowledgementsOf(db, period.text)
  const sparkFrom = covered.to - SPARKLINE_MONTHS + 1
  const sparklineMonths: string[] = []
  for (let m = sparkFrom; m <= covered.to; m++) sparklineMonths.push(monthKey(m))

  const byKind = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  let found = 0
  let acknowledgedCount = 0
  let smallSample = 0
  let baseEffect = 0
  let standing = 0
  const kept: { candidate: Candidate; severity: Severity }[] = []
  for (const candidate of candidates) {
    if (candidate.suppressed === '样本过少') smallSample++
    else if (candidate.suppressed === '基数效应') baseEffect++
    else if (candidate.suppressed === '长期偏离') standing++
    const severity: Severity = candidate.suppressed
      ? 'low'
      : severityOf(candidate.kind, candidate.definition.effectiveDirection, candidate.movement)
    if (candidate.suppressed === null) {
      found++
      byKind[candidate.kind]++
      bySeverity[severity]++
      if (acknowledgements.has(ackKey(candidate.definition.id, candidate.unit.code, candidate.kind)))
        acknowledgedCount++
    } else if (!args.includeSuppressed) continue
    if (args.kinds && args.kinds.length > 0 && !args.kinds.includes(candidate.kind)) continue
    if (!atLeast(severity, args.minSeverity)) continue
    const acknowledged = acknowledgements.get(
      ackKey(candidate.definition.id, candidate.unit.code, candidate.kind),
    )
    if (acknowledged && !args.includeAcknowledged) continue
    kept.push({ candidate, severity })
  }
  kept.sort(
    (a, b) =>
      Number(a.candidate.suppressed !== null) - Number(b.candidate.suppressed !== null) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      Math.abs(b.candidate.z ?? 0) - Math.abs(a.candidate.z ?? 0) ||
      a.candidate.unit.code.localeCompare(b.candidate.unit.code) ||
      a.candidate.definition.id.localeCompare(b.candidate.definition.id),
  )
  const limited = kept.slice(0, args.limit)
  const causes = args.causes
    ? mainCauses(
        db,
        scan,
        limited.map((k) => k.candidate),
      )
    : new Map()

  const warnings = limited.map(({ candidate: c, severity }): AnomalyWarning => {
    const d = c.definition
    const windowText = periodOfWindow(c.window).text
    const cause = causes.get(c) ?? null
    const periodLabel = c.merged ? periodOfWindow(c.window).label : period.label
    return {
      id: `${d.id}|${c.unit.code}|${period.text}|${c.kind}`,
      indicator: d.id,
      name: d.name,
      unit: c.unit.code,
      unitName: c.unit.name,
      unitLevel: c.unit.level,
      period: period.text,
      periodLabel: period.label,
      kind: c.kind,
      severity,
      severityLabel: SEVERITY_NAMES[severity],
      movement: c.movement,
      direction: d.effectiveDirection,
      displayUnit: d.unit,
      precision: d.precision,
      message: warningMessage({
        kind: c.kind,
        unitName: c.unit.name,
        periodLabel,
        indicatorName: d.name,
        unit: d.unit,
        precision: d.precision,
        value: c.current.value,
        merged: c.merged,
        compareTo: c.compareTo ?? undefined,
        base: c.baseline,
        change: c.change,
        z: c.z,
        peerLabel: c.peerLabel ?? undefined,
        center: c.baseline,
        expected: c.expected,
        lower: c.lower,
        upper: c.upper,
        usual: c.baseline,
        suppressed: c.suppressed ?? undefined,
        sample: c.sample,
        cause: cause && { label: cause.label, total: cause.total },
        complements: c.complements,
      }),
      value: c.current.value,
      numerator: c.current.numerator,
      denominator: c.current.denominator,
      display: formatIndicatorValue(c.current.value, d.unit, d.precision),
      baseline: c.baseline,
      baselineLabel: c.kind === '离群' && c.peerLabel ? `${c.peerLabel}中位数` : c.baselineLabel,
      compareTo: c.compareTo,
      comparePeriod: c.compareWindow ? periodOfWindow(c.compareWindow).text : null,
      window: windowText,
      change: c.change,
      changeUnit: changeUnitOf(d.unit),
      z: c.z === null ? null : Math.round(c.z * 100) / 100,
      expected: c.expected,
      lower: c.lower,
      upper: c.upper,
      peers: c.peers,
      peerLabel: c.peerLabel,
      sparkline: scan.monthlyValues(scan.seriesOf(d, c.unit.code), sparkFrom, covered.to),
      cause,
      acknowledged: acknowledgements.get(ackKey(d.id, c.unit.code, c.kind)) ?? null,
      suppressed: c.suppressed,
      complements: c.complements,
    }
  })
  return {
    period: period.text,
    periodLabel: period.label,
    coverage: scan.coverage && { first: monthKey(scan.coverage.first), last: monthKey(scan.coverage.last) },
    partial,
    sparklineMonths,
    warnings,
    counts: { found, byKind, bySeverity, acknowledged: acknowledgedCount, smallSample, baseEffect, standing },
    examined,
    elapsedMs: Math.round(performance.now() - started),
  }
}

type Cause = NonNullable<AnomalyWarning['cause']>

/**
 * The main source of each change among the first warnings (升降 and 季节异常, not held back): the
 * subordinate unit for a unit that has them, else the 案由 (one grouped scan per indicator and pair
 * of windows covers all its warned units). Named only when one part carries ≥ 40% of the change.
 */
function mainCauses(db: Db, scan: AnomalyScan, candidates: readonly Candidate[]): Map<Candidate, Cause> {
  const out = new Map<Candidate, Cause>()
  const ctx: ExplainContext = { db, evaluator: scan.evaluator, form: (d) => scan.form(d) }
  const picked = candidates
    .filter((c) => c.suppressed === null && (c.kind === '升降' || c.kind === '季节异常'))
    .filter((c) => scan.form(c.definition) !== 'other')
    .slice(0, MAX_CAUSES)
  const comparison = (c: Candidate): Window =>
    c.compareWindow ?? { from: c.window.from - 12, to: c.window.to - 12 }
  const byField = new Map<string, Candidate[]>()
  for (const c of picked) {
    const w0 = comparison(c)
    if (!scan.valid(w0, scan.thresholds(c.definition).warmupMonths)) continue
    const hasChildren = scan.hierarchy.units.some((u) => u.parent === c.unit.code)
    if (hasChildren) {
      try {
        const { decomposition } = decomposeChange(ctx, c.definition, c.unit.code, c.window, w0, 'unit')
        const cause = mainPart(decomposition.contributions, decomposition.change, 'unit')
        if (cause) out.set(c, cause)
      } catch {
        // A figure that cannot be decomposed just has no named source.
      }
      continue
    }
    const key = `${c.definition.id}|${c.window.from}|${c.window.to}|${w0.from}|${w0.to}`
    if (!byField.has(key) && byField.size >= MAX_FIELD_CAUSES) continue
    byField.set(key, [...(byField.get(key) ?? []), c])
  }
  for (const group of byField.values()) {
    const first = group[0]
    try {
      const decompositions = decomposeByField(
        ctx,
        first.definition,
        group.map((c) => c.unit.code),
        first.window,
        comparison(first),
        'charge',
      )
      for (const c of group) {
        const d = decompositions.get(c.unit.code)
        const cause = d && mainPart(d.decomposition.contributions, d.decomposition.change, 'charge')
        if (cause) out.set(c, cause)
      }
    } catch {
      // No charge field (a generic dataset): no named source.
    }
  }
  return out
}

function mainPart(
  contributions: Parameters<typeof rankContributions>[0],
  change: number | null,
  dimension: Dimension,
): Cause | null {
  if (change === null || change === 0) return null
  const [top] = rankContributions(
    contributions.filter((c) => Math.sign(c.total) === Math.sign(change)),
    1,
  ).top
  if (!top || top.share === null || top.share < CAUSE_SHARE) return null
  return { dimension, label: top.label, total: top.total, share: top.share }
}
